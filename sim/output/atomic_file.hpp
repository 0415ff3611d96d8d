// Writing results so that an interrupted run never leaves a half-written file.
#pragma once

#include <filesystem>
#include <functional>
#include <map>
#include <string>

namespace sim {

// Text with a shortest round-trip decimal form of `value` ("0.1", "4.9e+06"):
// parsing it back gives the same double, bit for bit.
std::string FormatNumber(double value);

// Writes a results folder all at once: every file of `files` (name -> content)
// goes into a fresh temporary sibling folder, which is then renamed onto
// `folder` (an existing folder of that name is replaced only after the new
// one is complete). Staging folders of killed runs are cleaned up first.
// Throws std::runtime_error with the path and the system's
// reason on any failure, leaving `folder` as it was.
void WriteFolderAtomically(const std::filesystem::path& folder,
                           const std::map<std::string, std::string>& files);

// The same, and `finish(staging)` runs after `files` are written and before
// the rename, to make more from them: it may write into the staging folder
// itself (charts drawn from timeseries.csv) and returns further files to
// write there (name -> content; reports that embed the charts). If `finish`
// throws, the staging folder is removed and `folder` is left as it was.
void WriteFolderAtomically(
    const std::filesystem::path& folder, const std::map<std::string, std::string>& files,
    const std::function<std::map<std::string, std::string>(const std::filesystem::path& staging)>&
        finish);

}  // namespace sim
