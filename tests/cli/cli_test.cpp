// The aisim binary end to end: each test runs it in a fresh temporary folder.
#include <catch2/catch.hpp>

#include "../support/aisim_process.hpp"

#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

namespace {

namespace fs = std::filesystem;

using sim::testing::Outcome;

// These tests check the data files; charts (seconds per run) are tested in
// tests/cli/charts_test.cpp.
struct TempFolder : sim::testing::TempFolder {
  TempFolder() : sim::testing::TempFolder("cli-test", "AISIM_NO_CHARTS=1") {}
};

std::string Read(const fs::path& path) { return sim::testing::ReadFile(path); }

// Every file below `root`, for checking that nothing was written.
int CountFiles(const fs::path& root) {
  if (!fs::exists(root)) return 0;
  int n = 0;
  for (const auto& entry : fs::recursive_directory_iterator(root)) n += entry.is_regular_file();
  return n;
}

}  // namespace

TEST_CASE("aisim run with no scenario runs the built-in world-2025 from any folder") {
  TempFolder dir;
  const Outcome run = dir.Aisim("run");
  INFO(run.output);
  REQUIRE(run.exit_code == 0);
  CHECK(run.output.find("world-2025: 2035") != std::string::npos);
  CHECK(run.output.find("South Korea (KR)") != std::string::npos);
  CHECK(run.output.find("log10 FLOP") != std::string::npos);
  for (const char* file : {"timeseries.csv", "summary.json", "summary.md", "scenario.resolved.yaml"}) {
    CHECK(fs::file_size(dir.path() / "results/world-2025" / file) > 0);
  }
  const std::string csv = Read(dir.path() / "results/world-2025/timeseries.csv");
  // IAMC's long form, model column first, so that pandas and pyam read it as is.
  CHECK(csv.rfind("model,scenario,region,variable,unit,year,value\n", 0) == 0);
  CHECK(csv.find("\naisim " AISIM_VERSION ",world-2025,KR,Capability|Physical,log10 FLOP,2035,") !=
        std::string::npos);
  const std::string json = Read(dir.path() / "results/world-2025/summary.json");
  for (const char* key : {"\"aisim_version\"", "\"seed\"", "\"draws\"", "\"scenario_hash_fnv1a64\""}) {
    CHECK(json.find(key) != std::string::npos);
  }
  // No staging folder is left behind.
  int entries = 0;
  for (const auto& entry : fs::directory_iterator(dir.path() / "results")) {
    (void)entry;
    ++entries;
  }
  CHECK(entries == 1);
}

TEST_CASE("a Monte Carlo run prints quantiles and the same seed gives the same bytes") {
  TempFolder dir;
  const Outcome first = dir.Aisim("run --draws 1000 --seed 1 --out a");
  INFO(first.output);
  REQUIRE(first.exit_code == 0);
  CHECK(first.output.find("median [p5-p95] over 1000 draws") != std::string::npos);
  REQUIRE(dir.Aisim("run --draws 1000 --seed 1 --out b --threads 1").exit_code == 0);
  REQUIRE(dir.Aisim("run --draws 1000 --seed 2 --out c").exit_code == 0);
  for (const char* file : {"timeseries.csv", "summary.json", "summary.md", "scenario.resolved.yaml"}) {
    INFO(file);
    CHECK(Read(dir.path() / "a/world-2025" / file) == Read(dir.path() / "b/world-2025" / file));
  }
  const std::string csv = Read(dir.path() / "a/world-2025/timeseries.csv");
  CHECK(csv.rfind("model,scenario,region,variable,unit,year,quantile,value\n", 0) == 0);
  for (const char* level : {",2035,0.05,", ",2035,0.25,", ",2035,0.5,", ",2035,0.75,", ",2035,0.95,"}) {
    CHECK(csv.find(std::string("world-2025,KR,Compute|Stock,H100e") + level) != std::string::npos);
  }
  CHECK(csv != Read(dir.path() / "c/world-2025/timeseries.csv"));
}

TEST_CASE("scenario.resolved.yaml reproduces the run exactly, --set included") {
  TempFolder dir;
  REQUIRE(dir.Aisim("run --out first --set regions.KR.physical_focus=0.8 "
                    "--set 'regions.KR.public_budget={2026: 7.2, 2030: 12}' --draws 20 --seed 5")
              .exit_code == 0);
  const Outcome again = dir.Aisim("run first/world-2025/scenario.resolved.yaml --out second");
  INFO(again.output);
  REQUIRE(again.exit_code == 0);
  CHECK(Read(dir.path() / "first/world-2025/timeseries.csv") ==
        Read(dir.path() / "second/world-2025/timeseries.csv"));
  CHECK(Read(dir.path() / "first/world-2025/scenario.resolved.yaml") ==
        Read(dir.path() / "second/world-2025/scenario.resolved.yaml"));
}

TEST_CASE("set overrides change the result and a years range changes the horizon") {
  TempFolder dir;
  REQUIRE(dir.Aisim("run --out base").exit_code == 0);
  REQUIRE(dir.Aisim("run --out more --set regions.KR.public_budget=30 --years 2025:2040").exit_code == 0);
  const std::string base = Read(dir.path() / "base/world-2025/timeseries.csv");
  const std::string more = Read(dir.path() / "more/world-2025/timeseries.csv");
  CHECK(base.find(",2040,") == std::string::npos);
  CHECK(more.find("world-2025,KR,Compute|Stock,H100e,2040,") != std::string::npos);
}

TEST_CASE("each bad input gives a located error, exit code 2, and writes nothing") {
  TempFolder dir;
  const std::string header = "extends: world-2025\n";
  const struct {
    const char* name;
    std::string yaml;
    const char* expected;  // part of the message, location included
  } cases[] = {
      {"unknown key", header + "regions:\n  KR:\n    pubic_budget: 3\n", "bad.yaml:4:5: error:"},
      {"wrong type", header + "regions:\n  KR:\n    physical_focus: [1, 2]\n", "bad.yaml:4:21: error:"},
      {"out of range", header + "regions:\n  KR:\n    chip_access: -3\n", "bad.yaml:4:18: error:"},
      {"allocation sum", header + "regions:\n  KR:\n    public_allocation: {compute: 0.9}\n", "bad.yaml:4:"},
      {"unknown region", header + "alliances:\n  x: {members: [KR, XX], compute_share: 0.1, data_share: 0, talent_share: 0}\n", "bad.yaml:3:"},
      {"bad schedule year", header + "regions:\n  KR:\n    public_budget: {2026.5: 3}\n", "bad.yaml:4:"},
      {"missing extends", "extends: nowhere.yaml\n", "bad.yaml:1:"},
      {"unknown focus region", header + "focus: [KOR]\n", "bad.yaml:2:9: error: unknown region 'KOR' in focus"},
      {"focus region twice", header + "focus: [KR, KR]\n", "bad.yaml:2:13: error: region KR is listed twice"},
  };
  for (const auto& c : cases) {
    INFO(c.name);
    dir.Write("bad.yaml", c.yaml);
    const Outcome run = dir.Aisim("run bad.yaml --out out");
    INFO(run.output);
    CHECK(run.exit_code == 2);
    CHECK(run.output.find(c.expected) != std::string::npos);
    CHECK(run.output.find("hint:") != std::string::npos);
    CHECK(CountFiles(dir.path() / "out") == 0);
    CHECK(dir.Aisim("validate bad.yaml").exit_code == 2);
  }
  dir.Write("a.yaml", "extends: b.yaml\n");
  dir.Write("b.yaml", "extends: a.yaml\n");
  const Outcome cycle = dir.Aisim("run a.yaml --out out");
  CHECK(cycle.exit_code == 2);
  CHECK(cycle.output.find("a.yaml") != std::string::npos);
  CHECK(CountFiles(dir.path() / "out") == 0);
}

TEST_CASE("a bad --set or option is a located input error") {
  TempFolder dir;
  const Outcome set = dir.Aisim("run --set regions.KR.pubic_budget=3 --out out");
  CHECK(set.exit_code == 2);
  CHECK(set.output.find("--set") != std::string::npos);
  CHECK(set.output.find("public_budget") != std::string::npos);  // the did-you-mean
  CHECK(dir.Aisim("run --years 2025-2040 --out out").exit_code == 2);
  CHECK(dir.Aisim("run --draws 0 --out out").exit_code == 2);
  CHECK(dir.Aisim("run --bogus").exit_code == 2);
  CHECK(dir.Aisim("frobnicate").exit_code == 2);
  CHECK(CountFiles(dir.path() / "out") == 0);
}

TEST_CASE("common mistakes get the help that fixes them, and write nothing") {
  TempFolder dir;
  const std::string header = "extends: world-2025\nregions:\n";
  const auto expect = [&](const std::string& args, const std::vector<std::string>& parts) {
    const Outcome run = dir.Aisim(args + " --out out");
    INFO(args << "\n" << run.output);
    CHECK(run.exit_code == 2);
    for (const std::string& part : parts) CHECK(run.output.find(part) != std::string::npos);
    CHECK(CountFiles(dir.path() / "out") == 0);
  };
  // Options are named as written, not as the --set they become.
  expect("run --draws lots", {"--draws: error: draws: expected an integer, got 'lots'"});
  expect("run --draws 0", {"--draws: error: draws = 0"});
  expect("run --seed -1", {"--seed: error: seed = -1"});
  expect("run --years 2025:2100", {"--years: error: end_year = 2100"});
  expect("compare world-2025 korea-2026-ai-budget --draws 1.5", {"--draws: error:"});
  // A path's last word finds the field that contains it.
  expect("run --set regions.KR.budget=5", {"did you mean 'regions.KR.public_budget'?"});
  expect("run --set regions.KR.delay=1",
         {"did you mean 'regions.KR.power_delay' or 'regions.KR.start_delay'?"});
  // A region written by a near code or by name.
  dir.Write("kor.yaml", header + "  KOR:\n    public_budget: 5\n");
  expect("run kor.yaml", {"kor.yaml:3:3: error: region KOR is missing", "did you mean KR (South Korea)?"});
  dir.Write("korea.yaml", header + "  Korea:\n    public_budget: 5\n");
  expect("run korea.yaml", {"korea.yaml:3:3: error: bad region code 'Korea'", "did you mean KR (South Korea)?"});
  // Every unknown key of a map at once.
  dir.Write("typos.yaml", header + "  KR:\n    pubic_budget: 5\n    phyiscal_focus: 0.5\n");
  expect("run typos.yaml", {"typos.yaml:4:5: error: unknown key 'pubic_budget'", "did you mean 'public_budget'?",
                            "typos.yaml:5:5: error: unknown key 'phyiscal_focus'",
                            "did you mean 'physical_focus'?"});
  // ... and of the whole file: sections, regions and the top level, in file order.
  dir.Write("spread.yaml", "extends: world-2025\nassumptions:\n  algoritmic_progress: 3\nregions:\n  KR:\n"
                           "    pubic_budget: 5\n  JP:\n    chip_acess: 1\nseeed: 3\n");
  expect("run spread.yaml", {"spread.yaml:3:3: error: unknown key 'algoritmic_progress' in assumptions\n"
                             "hint: did you mean 'algorithmic_progress'?\n"
                             "spread.yaml:6:5: error: unknown key 'pubic_budget' in region KR\n"
                             "hint: did you mean 'public_budget'?\n"
                             "spread.yaml:8:5: error: unknown key 'chip_acess' in region JP\n"
                             "hint: did you mean 'chip_access'?\n"
                             "spread.yaml:9:1: error: unknown key 'seeed' in the scenario\n"
                             "hint: did you mean 'seed'?"});
  // ... but a screenful, not one error per entry of a generated file.
  std::string many = "extends: world-2025\nregions:\n";
  for (int i = 0; i < 300; ++i) many += "  X" + std::to_string(i) + ":\n    public_budgt: 1\n";
  dir.Write("many.yaml", many);
  const Outcome flood = dir.Aisim("run many.yaml --out out");
  CHECK(flood.exit_code == 2);
  std::size_t errors = 0;
  for (std::size_t at = flood.output.find(": error: "); at != std::string::npos; at = flood.output.find(": error: ", at + 1)) {
    ++errors;
  }
  CHECK(errors == 20);
  // The region a run's answer is about, by a near code.
  expect("run korea-2026-ai-budget --region KOR",
         {"--region: error: korea-2026-ai-budget has no region 'KOR'", "did you mean KR (South Korea)?"});
}

TEST_CASE("a run opens with its answer in one sentence, made of the numbers it writes") {
  TempFolder dir;
  const Outcome run = dir.Aisim("run korea-2026-ai-budget --region KR --no-charts --out out");
  REQUIRE(run.exit_code == 0);
  // The 2035 values of KR in the run's own timeseries.csv.
  std::map<std::string, double> kr;
  std::istringstream csv(Read(dir.path() / "out/korea-2026-ai-budget/timeseries.csv"));
  for (std::string line; std::getline(csv, line);) {
    // model,scenario,region,variable,unit,year,value
    std::vector<std::string> cells;
    std::istringstream fields(line);
    for (std::string cell; std::getline(fields, cell, ',');) cells.push_back(cell);
    if (cells.size() != 7 || cells[2] != "KR" || cells[5] != "2035") continue;
    kr[cells[3]] = std::stod(cells[6]);
  }
  REQUIRE(kr.count("Years Behind|Generative") == 1);
  char expected[256];
  std::snprintf(expected, sizeof expected,
                "South Korea (KR) in 2035: %.2f years behind the leader in generative AI (%dth of 9) and "
                "%.2f years behind in physical AI (%dth of 9)",
                kr["Years Behind|Generative"], static_cast<int>(kr["Rank|Generative"]),
                kr["Years Behind|Physical"], static_cast<int>(kr["Rank|Physical"]));
  INFO(run.output);
  CHECK(run.output.rfind(expected, 0) == 0);
  CHECK(Read(dir.path() / "out/korea-2026-ai-budget/report.md").find(std::string("In short: ") + expected) !=
        std::string::npos);
  // Without --region: the scenario's focus regions, one sentence each; with
  // no focus, the generative-AI leader.
  const Outcome world = dir.Aisim("run --no-charts --out out2");
  CHECK(world.output.rfind("United States (US) in 2035: leads generative and physical AI", 0) == 0);
  const Outcome alliance = dir.Aisim("run korea-uk-physical-ai-alliance --no-charts --out out3");
  INFO(alliance.output);
  CHECK(alliance.output.rfind("South Korea (KR) in 2035: ", 0) == 0);
  CHECK(alliance.output.find("\nUnited Kingdom (UK) in 2035: ") != std::string::npos);
  dir.Write("focus.yaml", "extends: korea-2026-ai-budget\nfocus: [JP]\n");
  CHECK(dir.Aisim("run focus.yaml --no-charts --out out4").output.rfind("Japan (JP) in 2035: ", 0) == 0);
}

TEST_CASE("money with its unit in --set, and warnings for budgets that look like a unit slip") {
  TempFolder dir;
  // --set takes money as the YAML form does.
  const Outcome won = dir.Aisim("run korea-2026-ai-budget --set 'regions.KR.public_budget=10.1 KRW tn' --out a");
  INFO(won.output);
  REQUIRE(won.exit_code == 0);
  const Outcome map = dir.Aisim(
      "run korea-2026-ai-budget --set 'regions.KR.public_budget={value: 10.1, unit: KRW tn}' --out b");
  REQUIRE(map.exit_code == 0);
  CHECK(Read(dir.path() / "a/korea-2026-ai-budget/timeseries.csv") ==
        Read(dir.path() / "b/korea-2026-ai-budget/timeseries.csv"));
  CHECK(dir.Aisim("run --set 'regions.KR.public_budget=10.1 KRW tm' --out c").output.find("did you mean 'tn'?") !=
        std::string::npos);
  // Valid but implausible: the run goes on, the warning names the likely slip.
  dir.Write("big.yaml", "extends: world-2025\nregions:\n  KR:\n    public_budget: 10100\n");
  const Outcome big = dir.Aisim("run big.yaml --out d");
  INFO(big.output);
  CHECK(big.exit_code == 0);
  CHECK(big.output.find("warning: regions.KR.public_budget is USD 10100 bn a year, 2525 times") != std::string::npos);
  CHECK(big.output.find("{value: 10100, unit: KRW bn} (USD 7.21 bn)") != std::string::npos);
  dir.Write("tiny.yaml", "extends: world-2025\nregions:\n  KR:\n    public_budget: {value: 10.1, unit: KRW}\n");
  const Outcome tiny = dir.Aisim("validate tiny.yaml");
  CHECK(tiny.exit_code == 0);
  CHECK(tiny.output.find("a unit without a magnitude counts single KRW") != std::string::npos);
  // The shipped scenarios raise none.
  for (const char* name : {"world-2025", "korea-2026-ai-budget", "us-stargate-genesis", "eu-investai-gigafactories"}) {
    CHECK(dir.Aisim(std::string("validate ") + name).output.find("warning") == std::string::npos);
  }
}

TEST_CASE("an unwritable output folder is a clear failure, exit code 1") {
  TempFolder dir;
  dir.Write("blocker", "a file where a folder should be\n");
  const Outcome run = dir.Aisim("run --out blocker/results");
  CHECK(run.exit_code == 1);
  CHECK(run.output.find("blocker") != std::string::npos);
}

TEST_CASE("every subcommand has --help, and --version prints the version") {
  TempFolder dir;
  for (const char* command : {"run", "list", "validate", "params"}) {
    const Outcome help = dir.Aisim(std::string(command) + " --help");
    INFO(command << ": " << help.output);
    CHECK(help.exit_code == 0);
    CHECK(help.output.find("Usage: aisim") != std::string::npos);
  }
  const Outcome version = dir.Aisim("--version");
  CHECK(version.exit_code == 0);
  CHECK(version.output.rfind("aisim ", 0) == 0);
}

// One table (sim/cli/command_table.hpp) drives dispatch, the help and the hint.
TEST_CASE("every command aisim --help lists runs, and an unknown one gets a did-you-mean") {
  TempFolder dir;
  const Outcome help = dir.Aisim("--help");
  REQUIRE(help.exit_code == 0);
  const std::size_t start = help.output.find("Commands:\n"), end = help.output.find("\nOptions:");
  REQUIRE(start != std::string::npos);
  REQUIRE(end != std::string::npos);
  std::istringstream lines(help.output.substr(start + 10, end - start - 10));
  int commands = 0;
  for (std::string line; std::getline(lines, line);) {
    std::istringstream words(line);
    std::string command;
    words >> command;
    const Outcome usage = dir.Aisim(command + " --help");
    INFO(command << ": " << usage.output);
    CHECK(usage.exit_code == 0);
    CHECK(usage.output.find("Usage: aisim") != std::string::npos);
    ++commands;
  }
  CHECK(commands == 10);
  const Outcome typo = dir.Aisim("rnu");
  CHECK(typo.exit_code == 2);
  CHECK(typo.output == "aisim: error: unknown command 'rnu'\n"
                       "hint: did you mean 'run'? (see `aisim --help`)\n");
  const Outcome unknown = dir.Aisim("frobnicate");
  CHECK(unknown.exit_code == 2);
  CHECK(unknown.output.find("hint: valid commands: run, list, validate, params, check, sweep, merge, "
                            "discover, compare, explore (see `aisim --help`)") != std::string::npos);
}

TEST_CASE("list, validate and params describe the shipped scenarios") {
  TempFolder dir;
  const Outcome list = dir.Aisim("list");
  CHECK(list.exit_code == 0);
  CHECK(list.output.find("world-2025") != std::string::npos);
  const Outcome validate = dir.Aisim("validate world-2025");
  CHECK(validate.exit_code == 0);
  CHECK(validate.output.find("ok") != std::string::npos);
  const Outcome params = dir.Aisim("params world-2025");
  CHECK(params.exit_code == 0);
  CHECK(params.output.find("regions.KR.public_budget") != std::string::npos);
  CHECK(params.output.find("USD bn") != std::string::npos);
  CHECK(params.output.find("assumptions.algorithmic_progress") != std::string::npos);
  CHECK(CountFiles(dir.path()) == 0);
}

TEST_CASE("compare's spend is also in the currency the region's budget is written in") {
  TempFolder dir;
  REQUIRE(dir.Aisim("compare korea-2026-ai-budget korea-delay-one-year --region KR --no-charts -q --out c")
              .exit_code == 0);
  const fs::path folder = dir.path() / "c/compare-korea-2026-ai-budget-vs-korea-delay-one-year";
  // spend_efficiency.csv: scenario,base,region,year,extra_public_spend_usd_bn,...
  double usd_bn = 0;
  std::istringstream csv(Read(folder / "spend_efficiency.csv"));
  for (std::string line; std::getline(csv, line);) {
    if (line.find(",KR,") == std::string::npos) continue;
    std::vector<std::string> cells;
    std::istringstream fields(line);
    for (std::string cell; std::getline(fields, cell, ',');) cells.push_back(cell);
    usd_bn = std::stod(cells[4]);
  }
  REQUIRE(usd_bn < 0);  // a year's delay spends less
  char won[64];
  std::snprintf(won, sizeof won, "(KRW %+.3g tn)", usd_bn * 1e9 * 1400 / 1e12);  // world-2025: 1,400 KRW per USD
  CHECK(Read(folder / "report.md").find(won) != std::string::npos);
}
