#include "sim/output/headline.hpp"

#include <stdexcept>

#include "sim/output/number_text.hpp"
#include "sim/output/timeseries_csv.hpp"

namespace sim {
namespace {

// 1st, 2nd, 3rd, 4th, ..., 11th, 12th, 13th, 21st.
std::string Ordinal(int n) {
  const int tens = n % 100, units = n % 10;
  const char* suffix = (tens >= 11 && tens <= 13) ? "th"
                       : units == 1                ? "st"
                       : units == 2                ? "nd"
                       : units == 3                ? "rd"
                                                   : "th";
  return std::to_string(n) + suffix;
}

// "H100e" counts as 950, 8.1 k, 8.1 M or 1.2 bn.
std::string Count(double value) {
  if (value >= 1e9) return FormatValue("%.3g bn", value / 1e9);
  if (value >= 1e6) return FormatValue("%.3g M", value / 1e6);
  if (value >= 1e4) return FormatValue("%.3g k", value / 1e3);
  return FormatValue("%.0f", value);
}

// One sector's clause: "" when the region leads it (in at least 95% of the
// draws: its p95 of years behind is 0), else
// "1.95 years behind<words>generative AI (p5-p95 1.60-2.30; median rank 7th
// of 9)", <words> " the leader in " or " in".
std::string Standing(const QuantileSet& behind, const QuantileSet& rank, bool draws, int regions,
                     const char* sector, const char* words) {
  const int median_rank = static_cast<int>(rank.p50 + 0.5);
  const std::string of = " of " + std::to_string(regions);
  if (behind.p95 == 0) return "";
  std::string text = FormatValue("%.2f years behind", behind.p50) + words + sector + " (";
  if (draws) text += FormatValue("p5-p95 %.2f", behind.p5) + FormatValue("-%.2f; ", behind.p95) + "median rank ";
  return text + Ordinal(median_rank) + of + ")";
}

}  // namespace

std::string RegionHeadline(const Results& results, const std::string& code) {
  int region = -1;
  for (int r = 0; r < results.regions(); ++r) {
    if (results.region_codes()[r] == code) region = r;
  }
  if (region < 0) throw std::invalid_argument("no region " + code + " in " + results.scenario());
  const int end = results.years() - 1;
  const bool draws = results.draws() > 1;
  const auto quantiles = [&](Variable v) { return Quantiles(results, v, end, region); };
  const auto clause = [&](Variable behind, Variable rank, const char* sector, const char* words) {
    return Standing(quantiles(behind), quantiles(rank), draws, results.regions(), sector, words);
  };
  const char* const kLeader = " the leader in ";
  const std::string generative =
      clause(Variable::kYearsBehindGenerative, Variable::kRankGenerative, "generative AI", kLeader);
  std::string standing;
  if (generative.empty()) {
    const std::string physical =
        clause(Variable::kYearsBehindPhysical, Variable::kRankPhysical, "physical AI", kLeader);
    standing = physical.empty() ? "leads generative and physical AI"
                                : "leads generative AI and is " + physical;
  } else {
    const std::string physical =
        clause(Variable::kYearsBehindPhysical, Variable::kRankPhysical, "physical AI", " in ");
    standing = physical.empty() ? "leads physical AI and is " + generative : generative + " and " + physical;
  }
  return results.region_names()[region] + " (" + code + ") in " + std::to_string(results.end_year()) +
         ": " + standing + "; compute stock " + Count(quantiles(Variable::kComputeStock).p50) + " H100e" +
         (draws ? " (median)." : ".");
}

std::string GenerativeLeader(const Results& results) {
  const int end = results.years() - 1;
  int best = 0;
  for (int r = 1; r < results.regions(); ++r) {
    if (Quantiles(results, Variable::kCapabilityGenerative, end, r).p50 >
        Quantiles(results, Variable::kCapabilityGenerative, end, best).p50) {
      best = r;
    }
  }
  return results.region_codes()[best];
}

}  // namespace sim
