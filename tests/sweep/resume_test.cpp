// --resume's checks and cut (sim/sweep/resume.hpp) in process, on sweep
// folders written by hand into a temporary folder.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "../support/aisim_process.hpp"
#include "sim/error.hpp"
#include "sim/hash.hpp"
#include "sim/sweep/resume.hpp"

namespace {

namespace fs = std::filesystem;
using nlohmann::json;

// One varied path "a" and one outcome "o"; no timeseries.
std::vector<sim::DataFile> Files(long long first = 0) {
  return sim::DataFiles({{"varied", {{{"path", "a"}}}}, {"outcomes", {"o"}}, {"timeseries", false}}, first, 0);
}

// The header and `count` lines of samples.csv (or outcomes.csv) from sample `first`.
std::string Lines(const std::string& header, long long first, long long count) {
  std::string text = header + "\n";
  for (long long i = first; i < first + count; ++i) text += std::to_string(i) + "," + std::to_string(i * 0.5) + "\n";
  return text;
}

struct Folder : sim::testing::TempFolder {
  Folder() : sim::testing::TempFolder("resume-test") {}
  std::string Read(const std::string& name) const { return sim::testing::ReadFile(path() / name); }
};

std::uint64_t HashOf(const std::string& text) { return sim::Fnv1a64(text.data(), text.size()); }

}  // namespace

TEST_CASE("resume keeps every row of whole files and their checksums") {
  Folder folder;
  folder.Write("samples.csv", Lines("sample,a", 0, 300));
  folder.Write("outcomes.csv", Lines("sample,o", 0, 300));
  std::vector<std::uint64_t> hashes;
  CHECK(sim::KeepVerifiedRows(folder.path(), Files(), json::object(), 300, &hashes) == 300);
  CHECK(folder.Read("samples.csv") == Lines("sample,a", 0, 300));
  CHECK(hashes == std::vector<std::uint64_t>{HashOf(Lines("sample,a", 0, 300)), HashOf(Lines("sample,o", 0, 300))});
}

TEST_CASE("resume cuts a partial last line and the shorter file's excess back to a whole block") {
  Folder folder;
  folder.Write("samples.csv", Lines("sample,a", 0, 600) + "600,30");  // killed mid-line
  folder.Write("outcomes.csv", Lines("sample,o", 0, 520));
  std::vector<std::uint64_t> hashes;
  CHECK(sim::KeepVerifiedRows(folder.path(), Files(), json::object(), 1000, &hashes) == 512);
  CHECK(folder.Read("samples.csv") == Lines("sample,a", 0, 512));
  CHECK(folder.Read("outcomes.csv") == Lines("sample,o", 0, 512));
  CHECK(hashes[1] == HashOf(Lines("sample,o", 0, 512)));
}

TEST_CASE("resume cuts at the first damaged row, from a shard's first sample") {
  Folder folder;
  std::string damaged = Lines("sample,a", 256, 300);
  damaged.replace(damaged.find("\n400,") + 1, 3, "40x");
  folder.Write("samples.csv", damaged);
  folder.Write("outcomes.csv", Lines("sample,o", 256, 300));
  std::vector<std::uint64_t> hashes;
  CHECK(sim::KeepVerifiedRows(folder.path(), Files(256), json::object(), 300, &hashes) == 0);
  CHECK(folder.Read("samples.csv") == "sample,a\n");
}

TEST_CASE("resume refuses a file whose header is not the sweep's, at line 1 column 1") {
  Folder folder;
  folder.Write("samples.csv", Lines("sample,b", 0, 3));
  folder.Write("outcomes.csv", Lines("sample,o", 0, 3));
  std::vector<std::uint64_t> hashes;
  try {
    sim::KeepVerifiedRows(folder.path(), Files(), json::object(), 3, &hashes);
    FAIL("no error");
  } catch (const sim::ScenarioError& error) {
    CHECK(error.where().ToString() == (folder.path() / "samples.csv").string() + ":1:1");
    CHECK(error.message() == "the header is not this sweep's: 'sample,b'");
  }
  CHECK(folder.Read("samples.csv") == Lines("sample,b", 0, 3));  // nothing cut
}

TEST_CASE("resume refuses a complete sweep whose file changed after it completed") {
  Folder folder;
  folder.Write("samples.csv", Lines("sample,a", 0, 3));
  folder.Write("outcomes.csv", Lines("sample,o", 0, 3));
  const json old = {{"status", "complete"},
                    {"files",
                     {{"samples.csv", {{"rows", 3}, {"fnv1a64", sim::HashHex(HashOf(Lines("sample,a", 0, 3)))}}},
                      {"outcomes.csv", {{"rows", 3}, {"fnv1a64", "0000000000000000"}}}}}};
  std::vector<std::uint64_t> hashes;
  CHECK_THROWS_WITH(sim::KeepVerifiedRows(folder.path(), Files(), old, 3, &hashes),
                    Catch::Contains("rows or checksum differ from the manifest: the file changed after the sweep "
                                    "completed"));
}

TEST_CASE("a sweep folder needs --resume, and a folder that is not a sweep must be empty") {
  Folder folder;
  const std::string out = (folder.path() / "sweep").string();
  CHECK_FALSE(sim::CheckSweepFolder(out, false, "h", "1/1", Files(), 10).exists);  // absent: a new sweep
  fs::create_directories(out);
  CHECK_FALSE(sim::CheckSweepFolder(out, false, "h", "1/1", Files(), 10).exists);  // empty: a new sweep
  std::ofstream(fs::path(out) / "notes.txt") << "mine";
  CHECK_THROWS_WITH(sim::CheckSweepFolder(out, true, "h", "1/1", Files(), 10),
                    Catch::Contains("the folder exists and is not a sweep folder"));
  std::ofstream(fs::path(out) / "manifest.json") << json{{"study_hash", "h"}, {"shard", "1/1"}}.dump();
  CHECK_THROWS_WITH(sim::CheckSweepFolder(out, false, "h", "1/1", Files(), 10),
                    Catch::Contains("the folder already holds a sweep"));
  CHECK_THROWS_WITH(sim::CheckSweepFolder(out, true, "other", "1/1", Files(), 10),
                    Catch::Contains("the folder holds a different sweep"));
  CHECK_THROWS_WITH(sim::CheckSweepFolder(out, true, "h", "1/2", Files(), 10),
                    Catch::Contains("the folder holds a different sweep"));
}

TEST_CASE("resuming a sweep folder returns its kept rows and earlier wall time") {
  Folder folder;
  const fs::path out = folder.path() / "sweep";
  fs::create_directories(out);
  std::ofstream(out / "manifest.json")
      << json{{"study_hash", "h"}, {"shard", "1/1"}, {"wall_time_seconds", 2.5}}.dump();
  std::ofstream(out / "samples.csv") << Lines("sample,a", 0, 10);
  std::ofstream(out / "outcomes.csv") << Lines("sample,o", 0, 10);
  const sim::SweepOnDisk disk = sim::CheckSweepFolder(out.string(), true, "h", "1/1", Files(), 10);
  CHECK(disk.exists);
  CHECK(disk.done == 10);
  CHECK(disk.previous_seconds == 2.5);
  CHECK(disk.hashes.size() == 2);
}
