#include "sim/output/rank_odds.hpp"

#include <algorithm>

#include "sim/output/atomic_file.hpp"

namespace sim {

std::string FormatRankOddsCsv(const Results& results) {
  std::string out = "scenario,region,sector,year,rank_at_most,probability\n";
  // Room for every row at once: a row per region and place is R^2 rows per
  // sector and year (70 MB at 256 regions), and a string grown by doubling
  // would touch up to twice that. Reserved room that is never written costs
  // no memory, so the bound may be generous: 40 characters for the year, the
  // place, the number and the commas.
  std::size_t longest_code = 0;
  for (const std::string& code : results.region_codes()) longest_code = std::max(longest_code, code.size());
  const std::size_t rows = 2 * static_cast<std::size_t>(results.years()) * results.regions() * results.regions();
  out.reserve(out.size() + rows * (results.scenario().size() + longest_code + 10 + 40));
  const struct {
    const char* sector;
    Variable rank;
  } sectors[] = {{"generative", Variable::kRankGenerative}, {"physical", Variable::kRankPhysical}};
  for (int k = 0; k < results.years(); ++k) {
    for (const auto& [sector, rank] : sectors) {
      const Eigen::ArrayXXd& shares = results.RankOdds(rank, k);
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
