#include "sim/output/atomic_file.hpp"

#include <signal.h>
#include <unistd.h>

#include <cerrno>
#include <charconv>
#include <cstdlib>
#include <algorithm>
#include <set>
#include <sstream>
#include <stdexcept>
#include <system_error>
#include <vector>

#include "sim/error.hpp"
#include "sim/file.hpp"

namespace sim {

std::string FormatNumber(double value) {
  char buffer[32];
  const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
  return std::string(buffer, result.ptr);
}

namespace {

[[noreturn]] void Fail(const std::string& what, const std::filesystem::path& path,
                       const std::error_code& error) {
  throw std::runtime_error("cannot " + what + " " + path.string() + ": " + error.message());
}

// The marker lists file names, one a line: far below this even for a
// results folder of thousands of files.
constexpr std::uintmax_t kMaxMarkerBytes = 16u << 20;

// Removes staging folders ".NAME.tmp-PID" (and ".old" ones) left beside
// `folder` by runs that were killed (kill -9 skips every clean-up): their
// process no longer exists. Folders of live runs are left alone.
void RemoveAbandonedStaging(const std::filesystem::path& parent, const std::string& prefix) {
  namespace fs = std::filesystem;
  std::error_code error;
  for (const fs::directory_entry& entry : fs::directory_iterator(parent, error)) {
    const std::string name = entry.path().filename().string();
    if (name.rfind(prefix, 0) != 0) continue;
    const long pid = std::strtol(name.c_str() + prefix.size(), nullptr, 10);
    if (pid <= 0 || (kill(static_cast<pid_t>(pid), 0) == 0 || errno != ESRCH)) continue;
    fs::remove_all(entry.path(), error);
  }
}

// Whether `file`, a name given for a file of a results folder, stays inside
// it: relative, and no ".." step.
bool IsInside(const std::string& file) {
  const std::filesystem::path path(file);
  if (file.empty() || path.is_absolute()) return false;
  for (const std::filesystem::path& step : path) {
    if (step == "..") return false;
  }
  return true;
}

// Every regular file below `folder`, as sorted relative paths, except the
// marker; "?" + path for anything that is neither a file nor a folder (a
// link, a socket), so that such an entry never matches a marker's list.
std::vector<std::string> FilesBelow(const std::filesystem::path& folder) {
  namespace fs = std::filesystem;
  std::vector<std::string> files;
  for (auto it = fs::recursive_directory_iterator(folder); it != fs::recursive_directory_iterator(); ++it) {
    const fs::file_status status = it->symlink_status();
    const std::string relative = it->path().lexically_relative(folder).generic_string();
    if (fs::is_directory(status)) continue;
    if (!fs::is_regular_file(status)) {
      files.push_back("?" + relative);
    } else if (relative != kOutputMarker) {
      files.push_back(relative);
    }
  }
  std::sort(files.begin(), files.end());
  return files;
}

// fsyncs `folder` and every folder below it, so that the names of the files
// in them survive a power cut.
void SyncFolders(const std::filesystem::path& folder) {
  namespace fs = std::filesystem;
  for (auto it = fs::recursive_directory_iterator(folder); it != fs::recursive_directory_iterator(); ++it) {
    if (fs::is_directory(it->symlink_status())) SyncPath(it->path());
  }
  SyncPath(folder);
}

// Throws ScenarioError unless `folder` is absent or is a results folder that
// aisim wrote and nobody has changed the list of files of since.
void CheckReplaceable(const std::filesystem::path& folder) {
  namespace fs = std::filesystem;
  std::error_code error;
  const fs::file_status status = fs::symlink_status(folder, error);
  if (!fs::exists(status)) return;
  const std::string hint =
      "aisim replaces only a results folder it wrote itself and nobody added to; choose another "
      "--out, or move " + folder.string() + " away first";
  if (!fs::is_directory(status)) {
    throw ScenarioError({folder.string()}, "exists and is not a results folder aisim wrote (" +
                                               std::string(fs::is_symlink(status) ? "a link" : "a file") + ")",
                        hint);
  }
  const fs::path marker = folder / kOutputMarker;
  std::string marker_text;
  if (!fs::is_regular_file(fs::symlink_status(marker, error)) ||
      !ReadWholeFile(marker, kMaxMarkerBytes, &marker_text).empty()) {
    throw ScenarioError({folder.string()}, "exists and was not written by aisim (no " +
                                               std::string(kOutputMarker) + " in it)",
                        hint);
  }
  std::vector<std::string> listed;
  std::istringstream lines(marker_text);
  for (std::string line; std::getline(lines, line);) listed.push_back(line);
  std::vector<std::string> present;
  try {
    present = FilesBelow(folder);
  } catch (const fs::filesystem_error& e) {
    throw ScenarioError({folder.string()}, std::string("cannot list the folder: ") + e.code().message(), hint);
  }
  for (const std::string& file : present) {
    if (!std::binary_search(listed.begin(), listed.end(), file)) {
      throw ScenarioError({folder.string()}, "holds '" + file + "', which aisim did not write there",
                          hint);
    }
  }
}

}  // namespace

std::string WriteFolderAtomically(const std::filesystem::path& folder,
                                  const std::map<std::string, std::string>& files) {
  return WriteFolderAtomically(folder, files, [](const std::filesystem::path&) {
    return std::map<std::string, std::string>();
  });
}

std::string WriteFolderAtomically(
    const std::filesystem::path& named_folder, const std::map<std::string, std::string>& files,
    const std::function<std::map<std::string, std::string>(const std::filesystem::path& staging)>&
        finish) {
  namespace fs = std::filesystem;
  std::error_code error;
  // "out/" names the folder "out" (its path's last step is empty).
  const fs::path folder = named_folder.filename().empty() ? named_folder.parent_path() : named_folder;
  const std::string name = folder.filename().string();
  if (name.empty() || name == "." || name == ".." || name[0] == '.') {
    throw std::runtime_error("cannot write results to " + folder.string() +
                             ": not a plain folder name inside its parent");
  }
  const fs::path parent = folder.has_parent_path() ? folder.parent_path() : fs::path(".");
  CheckReplaceable(folder);
  fs::create_directories(parent, error);
  if (error) Fail("create folder", parent, error);

  // The temporary folder sits beside the target so that rename() stays on one
  // file system; the PID keeps concurrent runs from sharing it.
  const std::string prefix = "." + folder.filename().string() + ".tmp-";
  RemoveAbandonedStaging(parent, prefix);
  const std::string stem = prefix + std::to_string(getpid());
  const fs::path staging = parent / stem;
  fs::remove_all(staging, error);
  fs::create_directory(staging, error);
  if (error) Fail("create folder", staging, error);
  try {
    std::set<std::string> synced;  // the files written here, each fsynced as it was written
    const auto write_all = [&](const std::map<std::string, std::string>& contents) {
      for (const auto& [file, content] : contents) {
        if (!IsInside(file)) throw std::runtime_error("refusing to write outside " + folder.string() + ": " + file);
        const fs::path path = staging / file;
        fs::create_directories(path.parent_path(), error);
        if (error) Fail("create folder", path.parent_path(), error);
        WriteFileAndSync(path, content);
        synced.insert(file);
      }
    };
    write_all(files);
    write_all(finish(staging));
    std::string marker;
    for (const std::string& file : FilesBelow(staging)) {
      marker += file + "\n";
      // A file `finish` wrote itself (a chart drawn by the chart script).
      if (!synced.count(file)) SyncPath(staging / file);
    }
    WriteFileAndSync(staging / kOutputMarker, marker);
    SyncFolders(staging);
    // Swap in the new folder: move any old one aside first, since rename()
    // cannot replace a non-empty folder, then delete it. The check is made
    // again here: charts take seconds, time enough for a user to add a file.
    CheckReplaceable(folder);
    const fs::path old = parent / (stem + ".old");
    const bool had_old = fs::exists(fs::symlink_status(folder));
    if (had_old) {
      fs::rename(folder, old, error);
      if (error) Fail("replace", folder, error);
    }
    fs::rename(staging, folder, error);
    if (error) {
      if (had_old) fs::rename(old, folder);
      Fail("rename into place", folder, error);
    }
    // The new folder is in place; syncing the parent makes the renames durable.
    SyncPath(parent);
    if (had_old) {
      fs::remove_all(old, error);
      if (error) {
        return "the previous " + folder.string() + " was moved to " + old.string() +
               " but could not be deleted (" + error.message() + "); delete it by hand";
      }
    }
    return "";
  } catch (...) {
    fs::remove_all(staging, error);
    throw;
  }
}

}  // namespace sim
