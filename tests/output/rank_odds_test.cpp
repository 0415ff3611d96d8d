// P(rank <= k) over Monte Carlo draws: counted from the draws' ranks, a
// distribution in k, and written by `aisim run --draws N` only.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "../support/aisim_process.hpp"
#include "sim/model/model.hpp"
#include "sim/output/rank_odds.hpp"
#include "sim/scenario/load_scenario.hpp"

namespace sim {

TEST_CASE("rank odds are the share of draws at rank k or better, rising to 1 in k") {
  Scenario scenario = LoadScenario("world-2025");
  scenario.draws = 200;
  const Results results = RunSimulation(scenario);
  const int regions = results.regions(), last = results.years() - 1;
  for (Variable rank : {Variable::kRankGenerative, Variable::kRankPhysical}) {
    const Eigen::ArrayXXd shares = RankAtMostShares(results, rank, last);
    double first = 0;
    for (int r = 0; r < regions; ++r) {
      for (int k = 1; k <= regions; ++k) {
        int count = 0;  // recounted here from the draws
        for (int j = 0; j < results.draws(); ++j) count += results.At(rank, last)(r, j) <= k;
        CHECK(shares(r, k - 1) == static_cast<double>(count) / results.draws());
        if (k > 1) CHECK(shares(r, k - 1) >= shares(r, k - 2));
      }
      CHECK(shares(r, regions - 1) == 1.0);
      first += shares(r, 0);
    }
    CHECK(first >= 1.0);  // someone is first in every draw (ties can share it)
  }
}

TEST_CASE("aisim run writes rank_odds.csv with Monte Carlo draws only") {
  namespace fs = std::filesystem;
  const testing::TempFolder t("rank-odds");
  REQUIRE(t.Aisim("run --draws 20 --seed 3 --no-charts -q -o mc").exit_code == 0);
  REQUIRE(t.Aisim("run --no-charts -q -o one").exit_code == 0);
  const fs::path folder = t.path();
  CHECK_FALSE(fs::exists(folder / "one/world-2025/rank_odds.csv"));
  std::ifstream csv(folder / "mc/world-2025/rank_odds.csv");
  std::string line;
  std::getline(csv, line);
  CHECK(line == "scenario,region,sector,year,rank_at_most,probability");
  int rows = 0;
  while (std::getline(csv, line)) ++rows;
  CHECK(rows == 11 * 2 * 9 * 9);  // years x sectors x regions x ranks of world-2025
  std::ifstream md(folder / "mc/world-2025/summary.md");
  std::stringstream text;
  text << md.rdbuf();
  CHECK(text.str().find("| Region | 1st, generative | top 3, generative |") != std::string::npos);
}

}  // namespace sim
