// The file seam (sim/file.hpp): whole-file reads with every error reported,
// and atomic, durable writes. In-process, on real files in a temporary folder.
#include <catch2/catch.hpp>

#include <sys/resource.h>
#include <unistd.h>

#include <atomic>
#include <csignal>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <thread>

#include "sim/file.hpp"
#include "support/sync_recorder.hpp"

namespace sim {
namespace {

namespace fs = std::filesystem;
using testing::SyncRecorder;

constexpr std::uintmax_t kNoLimit = std::uintmax_t(1) << 40;

// A fresh folder for one test, removed afterwards.
struct TempFolder {
  fs::path path = fs::temp_directory_path() / ("aisim-file-test-" + std::to_string(getpid()));
  TempFolder() {
    fs::remove_all(path);
    fs::create_directories(path);
  }
  ~TempFolder() { fs::remove_all(path); }
};

std::string Read(const fs::path& path) { return ReadWholeFileOrThrow(path, kNoLimit); }

// Names in `folder` other than `keep`: temporary files left behind.
int OtherEntries(const fs::path& folder, const std::string& keep) {
  int n = 0;
  for (const auto& entry : fs::directory_iterator(folder)) n += entry.path().filename() != keep;
  return n;
}

}  // namespace

TEST_CASE("a whole file is read, bytes as they are") {
  TempFolder dir;
  // Larger than the 64 KiB read buffer, with NUL bytes and no final newline.
  std::string content(200000, 'x');
  content[7] = '\0';
  content.back() = '\n';
  content += "end";
  WriteFileAtomically(dir.path / "data", content);
  std::string text = "old";
  CHECK(ReadWholeFile(dir.path / "data", kNoLimit, &text).empty());
  CHECK(text == content);
  WriteFileAtomically(dir.path / "empty", "");
  CHECK(ReadWholeFile(dir.path / "empty", 0, &text).empty());
  CHECK(text.empty());
}

TEST_CASE("read errors are reported with the system's reason, and leave no text") {
  TempFolder dir;
  std::string text = "stale";
  CHECK(ReadWholeFile(dir.path / "missing", kNoLimit, &text) == "No such file or directory");
  CHECK(text.empty());
  // A folder opens, and read(2) fails with EISDIR: an ifstream reads it as empty.
  text = "stale";
  CHECK(ReadWholeFile(dir.path, kNoLimit, &text) == "Is a directory");
  CHECK(text.empty());
  // Reading /proc/self/mem at offset 0 (an unmapped address) fails with EIO.
  CHECK(ReadWholeFile("/proc/self/mem", kNoLimit, &text) == "Input/output error");
  CHECK(text.empty());
  CHECK_THROWS_WITH(ReadWholeFileOrThrow(dir.path / "missing", kNoLimit),
                    "cannot read " + (dir.path / "missing").string() + ": No such file or directory");
}

TEST_CASE("a file larger than the limit is refused, one at the limit is read") {
  TempFolder dir;
  WriteFileAtomically(dir.path / "ten", "0123456789");
  std::string text;
  CHECK(ReadWholeFile(dir.path / "ten", 10, &text).empty());
  CHECK(text == "0123456789");
  CHECK(ReadWholeFile(dir.path / "ten", 9, &text) == "larger than 9 bytes");
  CHECK(text.empty());
  // Over a limit of whole MiB, over more than one read buffer.
  WriteFileAtomically(dir.path / "big", std::string((1u << 20) + 1, 'b'));
  CHECK(ReadWholeFile(dir.path / "big", 1u << 20, &text) == "larger than 1 MiB");
  CHECK(text.empty());
}

TEST_CASE("an atomic write syncs the new file, renames it, then syncs the folder") {
  TempFolder dir;
  const fs::path target = dir.path / "result.json";
  WriteFileAtomically(target, "old");
  SyncRecorder recorder;
  std::string at_folder_sync;  // the target's content when its folder is synced
  recorder.OnSync([&](const std::string& path) {
    if (path == dir.path.string()) at_folder_sync = Read(target);
  });
  WriteFileAtomically(target, "new");
  CHECK(Read(target) == "new");
  REQUIRE(recorder.synced().size() == 2);
  CHECK(recorder.synced()[0] == (dir.path / (".result.json.tmp-" + std::to_string(getpid()))).string());
  CHECK(recorder.synced()[1] == dir.path.string());
  CHECK(at_folder_sync == "new");  // the folder is synced after the rename
  CHECK(OtherEntries(dir.path, "result.json") == 0);
}

TEST_CASE("a write that fails mid-way leaves the old file whole, and no temporary file") {
  TempFolder dir;
  const fs::path target = dir.path / "outcomes.csv";
  WriteFileAtomically(target, "old content\n");
  // A file-size limit of 4 KiB makes write(2) stop part-way with EFBIG (the
  // signal it would also raise is ignored, as aisim's main() does).
  const auto previous_handler = std::signal(SIGXFSZ, SIG_IGN);
  rlimit previous_limit;
  getrlimit(RLIMIT_FSIZE, &previous_limit);
  rlimit limit = previous_limit;
  limit.rlim_cur = 4096;
  setrlimit(RLIMIT_FSIZE, &limit);
  CHECK_THROWS_WITH(WriteFileAtomically(target, std::string(100000, 'n')),
                    Catch::Contains("File too large"));
  setrlimit(RLIMIT_FSIZE, &previous_limit);
  std::signal(SIGXFSZ, previous_handler);
  CHECK(Read(target) == "old content\n");
  CHECK(OtherEntries(dir.path, "outcomes.csv") == 0);
}

TEST_CASE("a failed fsync fails the write and leaves the old file") {
  TempFolder dir;
  const fs::path target = dir.path / "summary.json";
  WriteFileAtomically(target, "old");
  {
    SyncRecorder failing(EIO);
    CHECK_THROWS_WITH(WriteFileAtomically(target, "new"), Catch::Contains("Input/output error"));
    CHECK(failing.synced().size() == 1);  // the file's sync failed: no rename was tried
  }
  CHECK(Read(target) == "old");
  CHECK(OtherEntries(dir.path, "summary.json") == 0);
  // Nothing to write into: the folder is missing.
  CHECK_THROWS_WITH(WriteFileAtomically(dir.path / "none" / "x", "new"),
                    Catch::Contains("No such file or directory"));
}

TEST_CASE("a reader sees the old content or the new while a file is replaced, never a part") {
  TempFolder dir;
  const fs::path target = dir.path / "timeseries.csv";
  const std::string before(1u << 20, 'a'), after(2u << 20, 'b');
  WriteFileAtomically(target, before);
  std::atomic<bool> done{false};
  std::thread writer([&] {
    for (int i = 0; i < 20; ++i) WriteFileAtomically(target, i % 2 ? before : after);
    done = true;
  });
  int reads = 0, partial = 0;
  while (!done || reads == 0) {
    const std::string seen = Read(target);
    partial += seen != before && seen != after;
    ++reads;
  }
  writer.join();
  INFO(reads << " reads");
  CHECK(partial == 0);
}

}  // namespace sim
