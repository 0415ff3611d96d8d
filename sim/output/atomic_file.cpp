#include "sim/output/atomic_file.hpp"

#include <signal.h>
#include <unistd.h>

#include <cerrno>
#include <charconv>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <stdexcept>
#include <system_error>

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

void WriteFile(const std::filesystem::path& path, const std::string& content) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(content.data(), static_cast<std::streamsize>(content.size()));
  out.close();
  if (!out) Fail("write", path, std::error_code(errno, std::generic_category()));
}

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

}  // namespace

void WriteFolderAtomically(const std::filesystem::path& folder,
                           const std::map<std::string, std::string>& files) {
  WriteFolderAtomically(folder, files, [](const std::filesystem::path&) {
    return std::map<std::string, std::string>();
  });
}

void WriteFolderAtomically(
    const std::filesystem::path& folder, const std::map<std::string, std::string>& files,
    const std::function<std::map<std::string, std::string>(const std::filesystem::path& staging)>&
        finish) {
  namespace fs = std::filesystem;
  std::error_code error;
  const fs::path parent = folder.has_parent_path() ? folder.parent_path() : fs::path(".");
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
    const auto write_all = [&](const std::map<std::string, std::string>& contents) {
      for (const auto& [name, content] : contents) {
        const fs::path path = staging / name;
        fs::create_directories(path.parent_path(), error);
        if (error) Fail("create folder", path.parent_path(), error);
        WriteFile(path, content);
      }
    };
    write_all(files);
    write_all(finish(staging));
    // Swap in the new folder: move any old one aside first, since rename()
    // cannot replace a non-empty folder, then delete it.
    const fs::path old = parent / (stem + ".old");
    const bool had_old = fs::exists(folder);
    if (had_old) {
      fs::rename(folder, old, error);
      if (error) Fail("replace", folder, error);
    }
    fs::rename(staging, folder, error);
    if (error) {
      if (had_old) fs::rename(old, folder);
      Fail("rename into place", folder, error);
    }
    if (had_old) fs::remove_all(old, error);
  } catch (...) {
    fs::remove_all(staging, error);
    throw;
  }
}

}  // namespace sim
