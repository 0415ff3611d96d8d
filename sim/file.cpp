#include "sim/file.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <stdexcept>
#include <system_error>

namespace sim {
namespace {

std::atomic<internal::SyncFunction> sync_function{&fsync};

// The system's text for `error` (std::strerror is not thread-safe; sweep
// workers read and write files concurrently).
std::string Reason(int error) { return std::error_code(error, std::generic_category()).message(); }

[[noreturn]] void Fail(const std::string& what, const std::filesystem::path& path, const std::string& reason) {
  throw std::runtime_error("cannot " + what + " " + path.string() + ": " + reason);
}

// "16 MiB" for a whole number of MiB, else "N bytes".
std::string DescribeBytes(std::uintmax_t bytes) {
  constexpr std::uintmax_t kMiB = 1u << 20;
  if (bytes >= kMiB && bytes % kMiB == 0) return std::to_string(bytes / kMiB) + " MiB";
  return std::to_string(bytes) + " bytes";
}

// Closes `fd` when it goes out of scope, so that no path below leaks it.
class FileDescriptor {
 public:
  explicit FileDescriptor(int fd) : fd_(fd) {}
  FileDescriptor(const FileDescriptor&) = delete;
  FileDescriptor& operator=(const FileDescriptor&) = delete;
  ~FileDescriptor() {
    if (fd_ >= 0) close(fd_);
  }
  int get() const { return fd_; }
  // Closes now and returns close(2)'s errno (0 on success): on some file
  // systems (NFS) a write error surfaces only here.
  int Close() {
    const int result = close(fd_);
    fd_ = -1;
    return result == 0 ? 0 : errno;
  }

 private:
  int fd_;
};

// Writes all of `content` to `fd`, looping over short writes; 0 or errno.
int WriteAll(int fd, const std::string& content) {
  std::size_t written = 0;
  while (written < content.size()) {
    const ssize_t n = write(fd, content.data() + written, content.size() - written);
    if (n < 0) {
      if (errno == EINTR) continue;
      return errno;
    }
    written += static_cast<std::size_t>(n);
  }
  return 0;
}

// Writes `content` to `path` (created, or truncated) and fsyncs it; 0 or
// the errno of the step that failed.
int WriteAndSync(const std::filesystem::path& path, const std::string& content) {
  FileDescriptor file(open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666));
  if (file.get() < 0) return errno;
  if (const int error = WriteAll(file.get(), content)) return error;
  if (sync_function.load()(file.get()) != 0) return errno;
  return file.Close();
}

}  // namespace

namespace internal {

SyncFunction SetSyncFunction(SyncFunction sync) { return sync_function.exchange(sync); }

}  // namespace internal

std::string ReadWholeFile(const std::filesystem::path& path, std::uintmax_t limit, std::string* text) {
  text->clear();
  FileDescriptor file(open(path.c_str(), O_RDONLY | O_CLOEXEC));
  if (file.get() < 0) return Reason(errno);
  std::string reason;
  char buffer[1 << 16];
  while (reason.empty()) {
    const ssize_t n = read(file.get(), buffer, sizeof buffer);
    if (n == 0) break;
    if (n < 0) {
      // read(2) reports EIO, EISDIR or EINVAL here, which an ifstream would
      // turn into a silently short or empty text.
      if (errno != EINTR) reason = Reason(errno);
      continue;
    }
    text->append(buffer, static_cast<std::size_t>(n));
    if (text->size() > limit) reason = "larger than " + DescribeBytes(limit);
  }
  if (!reason.empty()) text->clear();
  return reason;
}

std::string ReadWholeFileOrThrow(const std::filesystem::path& path, std::uintmax_t limit) {
  std::string text;
  if (const std::string reason = ReadWholeFile(path, limit, &text); !reason.empty()) {
    Fail("read", path, reason);
  }
  return text;
}

void WriteFileAndSync(const std::filesystem::path& path, const std::string& content) {
  if (const int error = WriteAndSync(path, content)) Fail("write", path, Reason(error));
}

void SyncPath(const std::filesystem::path& path) {
  // O_RDONLY: fsync needs no write access, and a folder cannot be opened for writing.
  FileDescriptor file(open(path.c_str(), O_RDONLY | O_CLOEXEC));
  const int error = file.get() < 0 || sync_function.load()(file.get()) != 0 ? errno : 0;
  if (error != 0) Fail("sync", path, Reason(error));
}

void WriteFileAtomically(const std::filesystem::path& path, const std::string& content) {
  const std::filesystem::path folder = path.has_parent_path() ? path.parent_path() : ".";
  // Beside the target, so that rename(2) stays on one file system; the PID
  // keeps concurrent processes from sharing it.
  const std::filesystem::path temporary =
      folder / ("." + path.filename().string() + ".tmp-" + std::to_string(getpid()));
  int error = WriteAndSync(temporary, content);
  if (error == 0 && rename(temporary.c_str(), path.c_str()) != 0) error = errno;
  if (error != 0) {
    unlink(temporary.c_str());
    Fail("write", path, Reason(error));
  }
  // The new content is in place; syncing the folder makes the rename durable.
  SyncPath(folder);
}

}  // namespace sim
