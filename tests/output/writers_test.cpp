// Output writers: number formatting, quantiles, CSV shape, atomic folders.
#include <catch2/catch.hpp>

#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <limits>
#include <map>
#include <string>
#include <vector>

#include "sim/model/draw_summary.hpp"
#include "sim/output/atomic_file.hpp"
#include "sim/output/timeseries_csv.hpp"
#include "../support/sync_recorder.hpp"

namespace sim {

TEST_CASE("numbers are written in shortest form that reads back exactly") {
  for (double value : {0.1, 1.0 / 3.0, 4.9e6, 1e-300, -2.5, 0.0, 123456789.123456789}) {
    const std::string text = FormatNumber(value);
    CHECK(std::stod(text) == value);
  }
  CHECK(FormatNumber(0.1) == "0.1");
  CHECK(FormatNumber(2.0) == "2");
}

TEST_CASE("quantiles interpolate linearly between order statistics, as NumPy does") {
  std::vector<double> values = {5, 1, 4, 2, 3};
  CHECK(Quantile(values, 0.0) == 1.0);
  CHECK(Quantile(values, 1.0) == 5.0);
  CHECK(Quantile(values, 0.5) == 3.0);
  CHECK(Quantile(values, 0.05) == Approx(1.2));   // numpy.quantile([1..5], 0.05)
  CHECK(Quantile(values, 0.75) == Approx(4.0));
  std::vector<double> one = {7};
  CHECK(Quantile(one, 0.05) == 7.0);
}

TEST_CASE("the tidy CSV has one row per region, variable and year") {
  Results results("test", {"A", "B"}, {"Alpha", "Beta"}, 2025, 3, 1);
  results.At(Variable::kComputeStock, 2)(1, 0) = 42.5;
  const std::string csv = FormatTimeseriesCsv(results);
  const auto lines = std::count(csv.begin(), csv.end(), '\n');
  CHECK(lines == 1 + 2 * kVariableCount * 3);
  CHECK(csv.rfind("model,scenario,region,variable,unit,year,value\n", 0) == 0);
  CHECK(csv.find("\naisim " AISIM_VERSION ",test,B,Compute|Stock,H100e,2027,42.5\n") != std::string::npos);
}

TEST_CASE("Monte Carlo CSV holds the five quantiles, one row each, in IAMC's long form") {
  Results results("mc", {"A"}, {"Alpha"}, 2025, 1, 5);
  results.At(Variable::kValue, 0) << 1, 2, 3, 4, 5;
  Summarise(results, 1);
  const std::string csv = FormatTimeseriesCsv(results);
  CHECK(csv.rfind("model,scenario,region,variable,unit,year,quantile,value\n", 0) == 0);
  CHECK(csv.find(",mc,A,Value|AI,USD bn/yr,2025,0.05,1.2\n"
                 "aisim " AISIM_VERSION ",mc,A,Value|AI,USD bn/yr,2025,0.25,2\n"
                 "aisim " AISIM_VERSION ",mc,A,Value|AI,USD bn/yr,2025,0.5,3\n"
                 "aisim " AISIM_VERSION ",mc,A,Value|AI,USD bn/yr,2025,0.75,4\n"
                 "aisim " AISIM_VERSION ",mc,A,Value|AI,USD bn/yr,2025,0.95,4.8\n") != std::string::npos);
}

TEST_CASE("a results folder is replaced whole, and a failed write keeps the old one") {
  namespace fs = std::filesystem;
  const fs::path root = fs::temp_directory_path() / ("aisim-writers-" + std::to_string(getpid()));
  fs::remove_all(root);
  const fs::path folder = root / "run";
  WriteFolderAtomically(folder, {{"a.txt", "one"}, {"b.txt", "two"}});
  WriteFolderAtomically(folder, {{"a.txt", "three"}});
  CHECK(!fs::exists(folder / "b.txt"));  // the old folder is gone, not merged
  std::ifstream in(folder / "a.txt");
  std::string text;
  in >> text;
  CHECK(text == "three");
  // A file name that cannot be created makes the write fail; the old folder stays.
  CHECK_THROWS_AS(WriteFolderAtomically(folder, {{"ok.txt", "x"}, {std::string(300, 'n'), "x"}}),
                  std::runtime_error);
  CHECK(fs::exists(folder / "a.txt"));
  int entries = 0;
  for (const auto& entry : fs::directory_iterator(root)) {
    (void)entry;
    ++entries;
  }
  CHECK(entries == 1);  // no staging folder left
  fs::remove_all(root);
}

TEST_CASE("a results folder is fsynced: each file and folder before the rename, the parent after it") {
  namespace fs = std::filesystem;
  const fs::path root = fs::temp_directory_path() / ("aisim-writers-sync-" + std::to_string(getpid()));
  fs::remove_all(root);
  const fs::path folder = root / "run";
  WriteFolderAtomically(folder, {{"old.txt", "old"}});
  testing::SyncRecorder recorder;
  bool new_in_place_at_parent_sync = false;
  recorder.OnSync([&](const std::string& path) {
    if (path == root.string()) new_in_place_at_parent_sync = fs::exists(folder / "charts/drawn.png");
  });
  WriteFolderAtomically(folder, {{"a.txt", "one"}, {"sub/b.txt", "two"}}, [](const fs::path& staging) {
    // As the chart script does: a file written by someone else into staging.
    fs::create_directories(staging / "charts");
    std::ofstream(staging / "charts/drawn.png") << "png";
    return std::map<std::string, std::string>{{"report.md", "# report"}};
  });
  const fs::path staging = root / (".run.tmp-" + std::to_string(getpid()));
  std::vector<std::string> expected;
  for (const char* name : {"a.txt", "sub/b.txt", "report.md", "charts/drawn.png", kOutputMarker, "charts", "sub", ""}) {
    expected.push_back((staging / name).string());
  }
  expected.back() = staging.string();
  expected.push_back(root.string());
  std::vector<std::string> synced = recorder.synced();
  // The folders below staging are synced in directory order: compare them as a set.
  REQUIRE(synced.size() == expected.size());
  std::sort(synced.begin() + 5, synced.begin() + 7);
  CHECK(synced == expected);
  CHECK(new_in_place_at_parent_sync);
  fs::remove_all(root);
}

}  // namespace sim
