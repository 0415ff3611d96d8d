// Backtesting: observations validated against the variable catalogue, errors
// computed from a real run, and `aisim check` end to end.
#include <catch2/catch.hpp>

#include "../support/aisim_process.hpp"

#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "sim/check/observation_check.hpp"
#include "sim/error.hpp"
#include "sim/model/model.hpp"
#include "sim/scenario/load_scenario.hpp"

namespace {

using namespace sim;

// Errors are computed with a few floating-point operations on the model value.
constexpr double kTolerance = 1e-12;

// world-2025 for three years with `observations` (YAML list items) appended.
std::string WithObservations(const std::string& observations) {
  return "extends: world-2025\nend_year: 2027\nobservations:\n" + observations;
}

std::string MessageOf(const std::string& yaml) {
  try {
    ValidateObservations(LoadScenarioFromString(yaml, "obs.yaml"));
  } catch (const ScenarioError& error) {
    return error.what();
  }
  return "no error";
}

using sim::testing::Outcome;

Outcome Aisim(const std::string& args) {
  return sim::testing::RunShell("'" + std::string(AISIM_BINARY) + "' " + args);
}

}  // namespace

TEST_CASE("check rejects an observation of a variable the model does not output, at the variable") {
  const std::string message = MessageOf(WithObservations(
      "  - {region: KR, variable: \"Models|Releases\", year: 2026, value: 14, unit: count, "
      "source: SPRi, tolerance: {relative: 0.5}}\n"));
  CHECK(message.rfind("obs.yaml:4:28: error: unknown variable 'Models|Releases' in observation\n"
                      "hint: observations compare output variables: Compute|Stock, ",
                      0) == 0);
  CHECK(message.find("model releases) cannot be checked") != std::string::npos);
}

TEST_CASE("check rejects a unit that is not the variable's unit, at the unit") {
  CHECK(MessageOf(WithObservations(
            "  - {region: US, variable: \"Compute|Stock\", year: 2026, value: 5.0, unit: \"M H100e\", "
            "source: Epoch, tolerance: {log10: 0.2}}\n")) ==
        "obs.yaml:4:75: error: unit 'M H100e' does not match variable Compute|Stock, which is in "
        "'H100e'\nhint: convert the observed value to H100e and write unit: H100e");
}

TEST_CASE("check rejects an observation year outside the run, at the year") {
  CHECK(MessageOf(WithObservations(
            "  - {region: US, variable: \"Compute|Stock\", year: 2030, value: 5e6, unit: H100e, "
            "source: Epoch, tolerance: {log10: 0.2}}\n")) ==
        "obs.yaml:4:51: error: observation year 2030 is outside the run 2025-2027\n"
        "hint: observe a simulated year, or change start_year / end_year");
}

TEST_CASE("check rejects a log10 tolerance on a non-positive observed value") {
  CHECK(MessageOf(WithObservations(
            "  - {region: US, variable: \"Years Behind|Generative\", year: 2026, value: 0, "
            "unit: years, source: x, tolerance: {log10: 0.2}}\n")) ==
        "obs.yaml:4:5: error: a log10 tolerance needs a positive observed value, got 0\n"
        "hint: use an absolute tolerance for values that can be zero or negative");
}

TEST_CASE("check computes each error from the run and passes exactly within the tolerance") {
  // Observed values are placed relative to what the model says, so the test
  // does not depend on the calibration: 10% above it, and 0.3 below it.
  const Scenario probe = LoadScenarioFromString(WithObservations("  []\n"), "probe.yaml");
  const Results probe_results = RunSimulation(probe);
  const int kr = probe.RegionIndex("KR");
  const double stock = probe_results.At(Variable::kComputeStock, 2)(kr, 0);
  const double capability = probe_results.At(Variable::kCapabilityGenerative, 1)(kr, 0);
  REQUIRE(stock > 0);

  const auto observation = [](const std::string& variable, int year, double value,
                              const std::string& unit, const std::string& tolerance) {
    char line[512];
    std::snprintf(line, sizeof line,
                  "  - {region: KR, variable: \"%s\", year: %d, value: %.17g, unit: \"%s\", "
                  "source: test, tolerance: {%s}}\n",
                  variable.c_str(), year, value, unit.c_str(), tolerance.c_str());
    return std::string(line);
  };
  const Scenario scenario = LoadScenarioFromString(
      WithObservations(observation("Compute|Stock", 2027, stock * 1.1, "H100e", "relative: 0.05") +
                       observation("Compute|Stock", 2027, stock * 1.1, "H100e", "relative: 0.1") +
                       observation("Compute|Stock", 2027, stock * 1.1, "H100e", "log10: 0.05") +
                       observation("Capability|Generative", 2026, capability - 0.3, "log10 FLOP",
                                   "absolute: 0.25")),
      "obs.yaml");
  ValidateObservations(scenario);
  const std::vector<ObservationCheck> checks = CheckObservations(scenario, RunSimulation(scenario));
  REQUIRE(checks.size() == 4);
  for (int i = 0; i < 3; ++i) CHECK(checks[i].model == stock);
  CHECK(checks[0].error == Approx((stock - stock * 1.1) / (stock * 1.1)).epsilon(kTolerance));
  CHECK_FALSE(checks[0].pass);  // |-0.0909| > 0.05
  CHECK(checks[1].pass);        // |-0.0909| <= 0.1
  CHECK(checks[2].error == Approx(-std::log10(1.1)).epsilon(kTolerance));
  CHECK(checks[2].pass);        // 0.041 <= 0.05
  CHECK(checks[3].model == capability);
  CHECK(checks[3].error == Approx(0.3).epsilon(kTolerance));
  CHECK_FALSE(checks[3].pass);  // 0.3 > 0.25

  const std::string table = FormatObservationChecks(scenario.name, checks);
  CHECK(table.find("2 of 4 observations within tolerance; 2 FAIL") != std::string::npos);

  // The sentence names the failure furthest outside its tolerance, in its
  // own terms: the stock (0.091 / 0.05 = 1.8 tolerances), not the
  // capability (0.3 / 0.25 = 1.2).
  const std::string headline = CheckHeadline("obs", checks);
  INFO(headline);
  CHECK(headline.rfind("In short: obs agrees with the record on 2 of 4 observations; furthest off: KR "
                       "Compute|Stock 2027, model ", 0) == 0);
  CHECK(headline.find("(-9%; the tolerance allows 5%).") != std::string::npos);
  // Loosen the stock's: now the capability is furthest off, in its unit.
  std::vector<ObservationCheck> others = {checks[1], checks[2], checks[3]};
  CHECK(CheckHeadline("obs", others).find("Capability|Generative 2026") != std::string::npos);
  CHECK(CheckHeadline("obs", others).find("(+0.3 log10 FLOP; the tolerance allows 0.25 log10 FLOP).") !=
        std::string::npos);
  CHECK(CheckHeadline("obs", {checks[1], checks[2]}) == "In short: obs agrees with the record on 2 of 2 observations.");
}

TEST_CASE("aisim check exits 0 when all pass, 1 on a failure and 2 on bad input") {
  namespace fs = std::filesystem;
  const fs::path folder =
      fs::temp_directory_path() / ("aisim-check-test-" + std::to_string(::getpid()));
  fs::create_directories(folder);
  const Scenario probe = LoadScenarioFromString(WithObservations("  []\n"), "probe.yaml");
  const double stock = RunSimulation(probe).At(Variable::kComputeStock, 1)(probe.RegionIndex("US"), 0);
  const auto write = [&](const std::string& name, double tolerance) {
    char text[512];
    std::snprintf(text, sizeof text,
                  "extends: world-2025\nend_year: 2027\nobservations:\n"
                  "  - {region: US, variable: \"Compute|Stock\", year: 2026, value: %.17g, "
                  "unit: H100e, source: test, tolerance: {relative: %g}}\n",
                  stock * 1.2, tolerance);
    std::ofstream(folder / name) << text;
    return (folder / name).string();
  };
  const Outcome pass = Aisim("check '" + write("pass.yaml", 0.2) + "'");
  INFO(pass.output);
  CHECK(pass.exit_code == 0);
  CHECK(pass.output.find("1 of 1 observations within tolerance\n") != std::string::npos);

  const Outcome fail = Aisim("check '" + write("fail.yaml", 0.1) + "'");
  INFO(fail.output);
  CHECK(fail.exit_code == 1);
  CHECK(fail.output.find("FAIL") != std::string::npos);

  std::ofstream(folder / "none.yaml") << "extends: world-2025\nobservations: []\n";
  const Outcome none = Aisim("check '" + (folder / "none.yaml").string() + "'");
  CHECK(none.exit_code == 2);
  CHECK(none.output.find("scenario has no observations to check") != std::string::npos);
  fs::remove_all(folder);
}

TEST_CASE("aisim check backtest-2020 reports every observation and its exit code matches the table") {
  const Scenario backtest = LoadScenario("backtest-2020");
  REQUIRE(backtest.observations.size() >= 10);
  const Outcome check = Aisim("check backtest-2020");
  INFO(check.output);
  const std::string summary = " of " + std::to_string(backtest.observations.size()) +
                              " observations within tolerance";
  REQUIRE(check.output.find(summary) != std::string::npos);
  const bool any_fail = check.output.find("FAIL") != std::string::npos;
  CHECK(check.exit_code == (any_fail ? 1 : 0));
}

TEST_CASE("a spread places each observed value among the Monte Carlo draws") {
  // Two observations of the same variable: one at the draws' median, one far
  // above every draw. The percentiles are recomputed here from the sorted draws.
  const std::string base = "extends: world-2025\nend_year: 2027\ndraws: 201\nseed: 3\n";
  const Scenario probe = LoadScenarioFromString(base + "observations: []\n", "probe.yaml");
  const Results draws = RunSimulation(probe);
  const int us = probe.RegionIndex("US");
  std::vector<double> sorted;
  for (int j = 0; j < draws.draws(); ++j) sorted.push_back(draws.At(Variable::kComputeStock, 2)(us, j));
  std::sort(sorted.begin(), sorted.end());
  REQUIRE(sorted.front() < sorted.back());  // the draws do vary the stock
  const double median = sorted[100];          // 201 draws: the 101st value
  char text[1024];
  std::snprintf(text, sizeof text,
                "%sobservations:\n"
                "  - {region: US, variable: \"Compute|Stock\", year: 2027, value: %.17g, unit: H100e, "
                "source: test, tolerance: {relative: 0.1}}\n"
                "  - {region: US, variable: \"Compute|Stock\", year: 2027, value: %.17g, unit: H100e, "
                "source: test, tolerance: {relative: 0.1}}\n",
                base.c_str(), median, sorted.back() * 10);
  const Scenario scenario = LoadScenarioFromString(text, "spread.yaml");
  const std::vector<ObservationSpread> spreads = SpreadObservations(scenario, RunSimulation(scenario));
  REQUIRE(spreads.size() == 2);
  // Linear interpolation between order statistics: position p (n - 1).
  const double low = sorted[10], high = sorted[190];  // 0.05 * 200 = 10, 0.95 * 200 = 190
  for (const ObservationSpread& s : spreads) {
    CHECK(s.low == Approx(low).epsilon(1e-12));
    CHECK(s.high == Approx(high).epsilon(1e-12));
    CHECK_FALSE(s.fixed);
  }
  CHECK(spreads[0].below == Approx(0.5).margin(1e-12));  // 100 below, the median itself counts half
  CHECK(spreads[0].inside);
  CHECK(spreads[1].below == 1.0);
  CHECK_FALSE(spreads[1].inside);
}

TEST_CASE("aisim check --draws adds the spread without changing the deterministic check") {
  const Outcome plain = Aisim("check backtest-2020-observed-drivers");
  const Outcome spread = Aisim("check backtest-2020-observed-drivers --draws 300 --seed 5");
  INFO(spread.output);
  CHECK(spread.exit_code == plain.exit_code);
  // Every observation line keeps its deterministic columns (up to "pass"/"FAIL").
  std::istringstream plain_lines(plain.output), spread_lines(spread.output);
  std::string a, b;
  std::getline(plain_lines, a);
  std::getline(spread_lines, b);  // the sentence, the same with and without draws
  CHECK(a.rfind("In short: backtest-2020-observed-drivers agrees with the record on ", 0) == 0);
  CHECK(b == a);
  std::getline(plain_lines, a);
  std::getline(spread_lines, b);
  CHECK(b.find("and 300 Monte Carlo draws") != std::string::npos);
  std::getline(plain_lines, a);
  std::getline(spread_lines, b);  // headers
  int rows = 0;
  while (std::getline(plain_lines, a) && std::getline(spread_lines, b) && a.find(" of ") == std::string::npos) {
    CHECK(b.compare(0, a.size(), a) == 0);
    ++rows;
  }
  CHECK(rows == static_cast<int>(LoadScenario("backtest-2020-observed-drivers").observations.size()));
  // The private-spending drivers are fed in: the draws cannot vary them.
  CHECK(spread.output.find("no spread") != std::string::npos);
  CHECK(spread.output.find("observed values inside the 5-95% range of 300 draws") != std::string::npos);
  // Same seed, same figures.
  CHECK(Aisim("check backtest-2020-observed-drivers --draws 300 --seed 5").output == spread.output);

  const Outcome one = Aisim("check backtest-2020 --draws 1");
  CHECK(one.exit_code == 2);
  CHECK(one.output.find("a spread needs at least 2 draws, got 1") != std::string::npos);
}
