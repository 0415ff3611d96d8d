// P(rank <= k) over Monte Carlo draws: counted from the draws' ranks, a
// distribution in k, and written by `aisim run --draws N` only.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "../support/aisim_process.hpp"
#include "sim/model/draw_summary.hpp"
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
    const Eigen::ArrayXXd& shares = results.RankOdds(rank, last);
    for (int r = 0; r < regions; ++r) {
      for (int k = 1; k <= regions; ++k) {
        // Recounted here from the draws: without a tie at rank <= k the share
        // is the count of draws at rank <= k.
        int at_most = 0, tie_free = 0;
        for (int j = 0; j < results.draws(); ++j) {
          const auto column = results.At(rank, last).col(j);
          const bool tie_free_draw = [&] {
            for (int a = 0; a < regions; ++a)
              for (int b = a + 1; b < regions; ++b)
                if (column(a) == column(b) && column(a) <= k) return false;
            return true;
          }();
          tie_free += tie_free_draw;
          at_most += tie_free_draw && column(r) <= k;
        }
        CHECK(shares(r, k - 1) >= static_cast<double>(at_most) / results.draws() - 1e-12);
        CHECK(shares(r, k - 1) <=
              static_cast<double>(at_most + results.draws() - tie_free) / results.draws() + 1e-12);
        if (k > 1) CHECK(shares(r, k - 1) >= shares(r, k - 2));
      }
      CHECK(shares(r, regions - 1) == Approx(1.0));
    }
    // Every draw fills places 1..k exactly once, ties included.
    for (int k = 1; k <= regions; ++k) CHECK(shares.col(k - 1).sum() == Approx(k));
  }
}

TEST_CASE("regions tied at a rank share its places equally") {
  // Seven followers on the same floor, behind one leader and one runner-up,
  // in every draw: each holds places 3..9 with 1/7.
  Scenario scenario = LoadScenario("world-2025");
  scenario.draws = 4;
  Results results = RunSimulation(scenario);
  RegionDrawArray& ranks = results.At(Variable::kRankGenerative, 0);
  ranks.setConstant(3);
  ranks.row(0).setConstant(1);
  ranks.row(1).setConstant(2);
  Summarise(results, 1);
  const Eigen::ArrayXXd& shares = results.RankOdds(Variable::kRankGenerative, 0);
  CHECK(shares(0, 0) == 1.0);
  CHECK(shares(1, 0) == 0.0);
  CHECK(shares(1, 1) == 1.0);
  CHECK(shares(2, 1) == 0.0);
  CHECK(shares(2, 2) == Approx(1.0 / 7));
  CHECK(shares(2, 4) == Approx(3.0 / 7));
  CHECK(shares(2, 8) == Approx(1.0));
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
