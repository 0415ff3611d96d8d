#include "sim/output/rank_odds.hpp"

#include <algorithm>
#include <cmath>

#include "sim/output/atomic_file.hpp"

namespace sim {

Eigen::ArrayXXd RankAtMostShares(const Results& results, Variable rank, int year_index) {
  const int regions = results.regions();
  const RegionDrawArray& ranks = results.At(rank, year_index);
  // Count draws by place, then accumulate: P(rank <= k) = sum of P(place = i),
  // i <= k. Regions tied at rank p in a draw (m of them, e.g. followers on
  // the same diffusion floor) hold places p .. p + m - 1 together, so each
  // takes 1/m of each: the shares in column k then sum to k, as they would
  // without ties, instead of counting all m as p-th.
  Eigen::ArrayXXd shares = Eigen::ArrayXXd::Zero(regions, regions);
  for (int j = 0; j < results.draws(); ++j) {
    for (int r = 0; r < regions; ++r) {
      const int tied = static_cast<int>((ranks.col(j) == ranks(r, j)).count());
      const int first = std::clamp(static_cast<int>(std::lround(ranks(r, j))), 1, regions);
      const int last = std::min(first + tied - 1, regions);
      for (int place = first; place <= last; ++place) shares(r, place - 1) += 1.0 / tied;
    }
  }
  for (int r = 0; r < regions; ++r) {
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
