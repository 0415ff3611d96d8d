// Writing a sweep folder (sim/sweep/writers.hpp) in process: the CSV text of
// a block, the folder created with its headers, appending with checksums.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "../support/aisim_process.hpp"
#include "sim/hash.hpp"
#include "sim/sweep/writers.hpp"

namespace {

struct Folder : sim::testing::TempFolder {
  Folder() : sim::testing::TempFolder("writers-test") {}
  std::string Read(const std::string& name) const { return sim::testing::ReadFile(path() / name); }
};

std::uint64_t HashOf(const std::string& text) { return sim::Fnv1a64(text.data(), text.size()); }

std::vector<sim::DataFile> Files() {
  return sim::DataFiles({{"varied", {{{"path", "a"}}, {{"path", "b"}}}}, {"outcomes", {"o"}}, {"timeseries", false}},
                        0, 0);
}

}  // namespace

TEST_CASE("a chunk holds one line per sample, numbers in shortest round-trip text") {
  Eigen::ArrayXXd values(2, 2), outcomes(1, 2);
  values << 0.1, 2,  //
      -3.5, 1e-300;
  outcomes << 1.0 / 3, 42;
  const sim::SweepChunk chunk = sim::FormatChunk(256, values, outcomes, nullptr);
  CHECK(chunk.count == 2);
  CHECK(chunk.samples == "256,0.1,-3.5\n257,2,1e-300\n");
  CHECK(chunk.outcomes == "256,0.3333333333333333\n257,42\n");
  CHECK(chunk.timeseries.empty());
}

TEST_CASE("a new sweep folder holds the headers and manifest, and appends keep whole-file checksums") {
  Folder folder;
  const auto out = folder.path() / "sweep";
  std::vector<std::uint64_t> hashes = sim::CreateSweepFolder(out, Files(), "{}\n");
  CHECK(folder.Read("sweep/samples.csv") == "sample,a,b\n");
  CHECK(folder.Read("sweep/outcomes.csv") == "sample,o\n");
  CHECK(folder.Read("sweep/manifest.json") == "{}\n");
  CHECK(hashes == std::vector<std::uint64_t>{HashOf("sample,a,b\n"), HashOf("sample,o\n")});
  {
    sim::DataFileAppender files(out, Files(), hashes);
    sim::SweepChunk chunk;
    chunk.samples = "0,1,2\n";
    chunk.outcomes = "0,3\n";
    CHECK(files.Append(chunk));
    chunk.samples = "1,4,5\n";
    chunk.outcomes = "1,6\n";
    CHECK(files.Append(chunk));
    CHECK(files.hashes()[0] == HashOf("sample,a,b\n0,1,2\n1,4,5\n"));
    CHECK(files.hashes()[1] == HashOf("sample,o\n0,3\n1,6\n"));
  }
  CHECK(folder.Read("sweep/samples.csv") == "sample,a,b\n0,1,2\n1,4,5\n");
}

TEST_CASE("appending to a folder without its data files is refused") {
  Folder folder;
  CHECK_THROWS_WITH(sim::DataFileAppender(folder.path() / "absent", Files(), {0, 0}),
                    Catch::Contains("cannot open the CSV files in"));
}
