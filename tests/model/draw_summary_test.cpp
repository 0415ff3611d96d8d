// Summarising draws without keeping them: exact quantiles from two passes
// over blocks, and a streamed run that gives the same bits as one that keeps
// every draw.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <functional>
#include <random>
#include <vector>

#include "sim/model/draw_summary.hpp"
#include "sim/model/model.hpp"
#include "sim/scenario/load_scenario.hpp"

namespace sim {

TEST_CASE("quantiles counted in bins over blocks are exactly the ones a full selection gives") {
  std::mt19937_64 random(20261207);
  std::normal_distribution<double> normal;
  // Each draws n values: smooth, heavy-tailed over 600 orders of magnitude,
  // signed, tied (ranks), with both zeros, and one far outlier.
  const std::vector<std::function<double()>> kinds = {
      [&] { return normal(random); },
      [&] { return std::exp(normal(random) * 40); },
      [&] { return std::pow(10.0, 600 * (std::uniform_real_distribution<double>()(random) - 0.5)) *
                   (random() % 2 ? 1 : -1); },
      [&] { return static_cast<double>(1 + random() % 4); },
      [&] { return random() % 3 == 0 ? -0.0 : (random() % 2 ? 0.0 : 1e-300); },
      [&] { return random() % 1000 == 0 ? 1e300 : 1 + normal(random) * 1e-12; },
  };
  for (const auto& draw : kinds) {
    for (const std::size_t n : {std::size_t{1}, std::size_t{2}, std::size_t{3}, std::size_t{20},
                                std::size_t{101}, std::size_t{4099}, std::size_t{100000}}) {
      std::vector<double> values(n);
      for (double& v : values) v = draw();
      // In one block, and in blocks of 7 and 1,000 values (later blocks reach
      // beyond the first one's range), with few and with many bins.
      for (const std::size_t block : {n, std::size_t{7}, std::size_t{1000}}) {
        for (const int bins : {2, 64, 4096}) {
          SeriesQuantiles series;
          for (std::size_t first = 0; first < n; first += block) {
            CHECK(series.Count(values.data() + first, static_cast<int>(std::min(block, n - first)), bins));
          }
          series.ChooseTargets();
          for (std::size_t first = 0; first < n; first += block) {
            series.Gather(values.data() + first, static_cast<int>(std::min(block, n - first)));
          }
          const QuantileSet q = series.Quantiles();
          const double got[] = {q.p5, q.p25, q.p50, q.p75, q.p95};
          for (int i = 0; i < 5; ++i) {
            std::vector<double> copy = values;
            CHECK(got[i] == Quantile(copy, kQuantileLevels[i]));
          }
        }
      }
    }
  }
}

TEST_CASE("a run summarised as it is made gives the same bits as one that keeps every draw") {
  for (const char* name : {"world-2025", "korea-2026-ai-budget"}) {
    const Scenario scenario = LoadScenario(name);
    // One draw, fewer draws than threads, blocks of fewer than 1,024 draws,
    // several rounds of blocks, and a last round that is not full.
    for (const int draws : {1, 2, 9, 1500, 5000}) {
      for (const int threads : {1, 3, 7}) {
        RunOptions options;
        options.draws = draws;
        options.threads = threads;
        const Results kept = RunSimulation(scenario, options);
        const Results streamed = SummariseSimulation(scenario, options);
        CAPTURE(name, draws, threads);
        CHECK(kept.keeps_draws());
        CHECK_FALSE(streamed.keeps_draws());
        REQUIRE(streamed.draws() == draws);
        int differ = 0;
        for (int v = 0; v < kVariableCount; ++v) {
          for (int k = 0; k < kept.years(); ++k) {
            for (int r = 0; r < kept.regions(); ++r) {
              const QuantileSet& a = kept.Quantiles(static_cast<Variable>(v), k, r);
              const QuantileSet& b = streamed.Quantiles(static_cast<Variable>(v), k, r);
              differ += std::memcmp(&a, &b, sizeof a) != 0;
              differ += kept.FirstNonFiniteDraw(static_cast<Variable>(v), k, r) !=
                        streamed.FirstNonFiniteDraw(static_cast<Variable>(v), k, r);
            }
          }
        }
        for (const Variable rank : {Variable::kRankGenerative, Variable::kRankPhysical}) {
          for (int k = 0; k < kept.years(); ++k) {
            const Eigen::ArrayXXd& a = kept.RankOdds(rank, k);
            const Eigen::ArrayXXd& b = streamed.RankOdds(rank, k);
            differ += std::memcmp(a.data(), b.data(), sizeof(double) * a.size()) != 0;
          }
        }
        CHECK(differ == 0);
      }
    }
  }
}

TEST_CASE("infinities are ranked like any value, a NaN leaves its series without quantiles") {
  // 50 draws of one region in one year, fed whole and in two blocks of 25.
  const int draws = 50;
  Results whole("hand", {"KR"}, {"South Korea"}, 2025, 1, draws);
  std::vector<Results> halves(2, Results("hand", {"KR"}, {"South Korea"}, 2025, 1, draws / 2));
  std::vector<double> capability(draws), value(draws);
  for (int d = 0; d < draws; ++d) {
    capability[d] = d == 7 ? INFINITY : d == 20 ? -INFINITY : 20.0 + 0.1 * ((d * 37) % 50);
    value[d] = d == 11 ? NAN : (d * 13) % 50;
  }
  for (int d = 0; d < draws; ++d) {
    for (Results* r : {&whole, &halves[d / 25]}) {
      const int column = r == &whole ? d : d % 25;
      r->At(Variable::kCapabilityGenerative, 0)(0, column) = capability[d];
      r->At(Variable::kValue, 0)(0, column) = value[d];
      r->At(Variable::kRankGenerative, 0)(0, column) = 1;
      r->At(Variable::kRankPhysical, 0)(0, column) = 1;
    }
  }
  Summarise(whole, 2);
  DrawSummariser streamed(1, 1, draws);
  for (int pass = 1; pass <= 2; ++pass) {
    for (int h = 0; h < 2; ++h) streamed.Feed(pass, halves[h], h * 25, 25, 2);
  }
  Results streamed_results("hand", {"KR"}, {"South Korea"}, 2025, 1, draws, Results::Start::kNone);
  streamed_results.SetSummary(streamed.Finish());
  for (const Results* r : {&whole, &streamed_results}) {
    const QuantileSet& q = r->Quantiles(Variable::kCapabilityGenerative, 0, 0);
    const double got[] = {q.p5, q.p25, q.p50, q.p75, q.p95};
    for (int i = 0; i < 5; ++i) {
      std::vector<double> copy = capability;
      CHECK(got[i] == Quantile(copy, kQuantileLevels[i]));
    }
    CHECK(r->FirstNonFiniteDraw(Variable::kCapabilityGenerative, 0, 0) == 7);
    CHECK(std::isnan(r->Quantiles(Variable::kValue, 0, 0).p50));
    CHECK(r->FirstNonFiniteDraw(Variable::kValue, 0, 0) == 11);
    CHECK(r->FirstNonFiniteDraw(Variable::kComputeStock, 0, 0) == -1);
    CHECK(FirstNonFinite(*r) == "Capability|Generative of KR in 2025 (draw 8)");
  }
}

}  // namespace sim
