#include "sim/output/rank_odds.hpp"

#include <algorithm>
#include <cmath>

#include "sim/output/atomic_file.hpp"

namespace sim {

Eigen::ArrayXXd RankAtMostShares(const Results& results, Variable rank, int year_index) {
  const int regions = results.regions();
  const RegionDrawArray& ranks = results.At(rank, year_index);
  // Count draws by rank, then accumulate: P(rank <= k) = sum of P(rank = i), i <= k.
  Eigen::ArrayXXd shares = Eigen::ArrayXXd::Zero(regions, regions);
  for (int r = 0; r < regions; ++r) {
    for (int j = 0; j < results.draws(); ++j) {
      const int place = std::clamp(static_cast<int>(std::lround(ranks(r, j))), 1, regions);
      shares(r, place - 1) += 1;
    }
    for (int k = 1; k < regions; ++k) shares(r, k) += shares(r, k - 1);
  }
  return shares / static_cast<double>(results.draws());
}

std::string FormatRankOddsCsv(const Results& results) {
  std::string out = "scenario,region,sector,year,rank_at_most,probability\n";
  const struct {
    const char* sector;
    Variable rank;
  } sectors[] = {{"generative", Variable::kRankGenerative}, {"physical", Variable::kRankPhysical}};
  for (int k = 0; k < results.years(); ++k) {
    for (const auto& [sector, rank] : sectors) {
      const Eigen::ArrayXXd shares = RankAtMostShares(results, rank, k);
      for (int r = 0; r < results.regions(); ++r) {
        for (int place = 1; place <= results.regions(); ++place) {
          out += results.scenario() + "," + results.region_codes()[r] + "," + sector + "," +
                 std::to_string(results.start_year() + k) + "," + std::to_string(place) + "," +
                 FormatNumber(shares(r, place - 1)) + "\n";
        }
      }
    }
  }
  return out;
}

}  // namespace sim
