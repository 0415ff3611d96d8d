// Seeing which files and folders the file seam (sim/file.hpp) fsyncs, and in
// what order: while a SyncRecorder lives, every sync is recorded with the
// path of its file descriptor, then really made (fsync), or made to fail.
#pragma once

#include <unistd.h>

#include <cerrno>
#include <climits>
#include <functional>
#include <string>
#include <vector>

#include "sim/file.hpp"

namespace sim::testing {

class SyncRecorder {
 public:
  // `fail_with`: 0 to sync for real, else the errno every sync fails with.
  explicit SyncRecorder(int fail_with = 0) {
    fail_with_ = fail_with;
    synced_.clear();
    on_sync_ = nullptr;
    previous_ = internal::SetSyncFunction(&Record);
  }
  ~SyncRecorder() { internal::SetSyncFunction(previous_); }
  SyncRecorder(const SyncRecorder&) = delete;
  SyncRecorder& operator=(const SyncRecorder&) = delete;

  // The absolute paths synced so far, in order.
  const std::vector<std::string>& synced() const { return synced_; }

  // Called with each path as it is synced, before the sync itself (to look
  // at the disk at that moment).
  void OnSync(std::function<void(const std::string& path)> on_sync) { on_sync_ = std::move(on_sync); }

 private:
  static int Record(int fd) {
    char path[PATH_MAX];
    const std::string link = "/proc/self/fd/" + std::to_string(fd);
    const ssize_t n = readlink(link.c_str(), path, sizeof path - 1);
    synced_.push_back(n > 0 ? std::string(path, static_cast<std::size_t>(n)) : "?");
    if (on_sync_) on_sync_(synced_.back());
    if (fail_with_ != 0) {
      errno = fail_with_;
      return -1;
    }
    return fsync(fd);
  }

  static inline std::vector<std::string> synced_;
  static inline std::function<void(const std::string&)> on_sync_;
  static inline int fail_with_ = 0;
  internal::SyncFunction previous_;
};

}  // namespace sim::testing
