#include "sim/output/rank_odds.hpp"

#include "sim/output/atomic_file.hpp"

namespace sim {


std::string FormatRankOddsCsv(const Results& results) {
  std::string out = "scenario,region,sector,year,rank_at_most,probability\n";
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
