// Writing results so that an interrupted run never leaves a half-written file.
#pragma once

#include <filesystem>
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

}  // namespace sim
