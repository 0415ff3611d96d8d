// Writing results so that neither an interrupted run nor a power cut leaves a
// half-written file.
#pragma once

#include <filesystem>
#include <functional>
#include <map>
#include <string>

namespace sim {

// Text with a shortest round-trip decimal form of `value` ("0.1", "4.9e+06"):
// parsing it back gives the same double, bit for bit.
std::string FormatNumber(double value);

// The file that marks a folder as aisim's own: it lists every file aisim
// wrote there (one relative path a line, sorted), so that a later run knows
// the folder is its to replace and that nobody has added to it since.
inline constexpr const char* kOutputMarker = ".aisim-output";

// Writes a results folder all at once: every file of `files` (name ->
// content, names relative and without "..") goes into a fresh temporary
// sibling folder, with the marker above, which is then renamed onto
// `folder`. An existing `folder` is replaced only after the new one is
// complete, and only if aisim wrote it: a real folder (not a link) whose
// marker lists exactly the files in it. Anything else there (a user's file
// or folder, a result someone added to) is never deleted: ScenarioError,
// with a hint. Staging folders of killed runs are cleaned up first. Every
// file and folder of the new result is fsynced before the rename, and the
// parent folder after it (sim/file.hpp), so the result survives a power cut
// once this returns.
// Throws std::runtime_error with the path and the system's reason on any
// other failure, leaving `folder` as it was. Returns a warning (empty when
// none) when the previous result was moved aside but could not be deleted.
std::string WriteFolderAtomically(const std::filesystem::path& folder,
                                  const std::map<std::string, std::string>& files);

// The same, and `finish(staging)` runs after `files` are written and before
// the rename, to make more from them: it may write into the staging folder
// itself (charts drawn from timeseries.csv) and returns further files to
// write there (name -> content; reports that embed the charts). If `finish`
// throws, the staging folder is removed and `folder` is left as it was.
std::string WriteFolderAtomically(
    const std::filesystem::path& folder, const std::map<std::string, std::string>& files,
    const std::function<std::map<std::string, std::string>(const std::filesystem::path& staging)>&
        finish);

}  // namespace sim
