#include "sim/output/headline.hpp"

#include <cmath>
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

const ComparisonRow* FindRow(const Comparison& comparison, const std::string& scenario,
                             const std::string& region, Variable variable) {
  for (const ComparisonRow& row : comparison.rows) {
    if (row.scenario == scenario && row.region == region && row.variable == variable) return &row;
  }
  return nullptr;
}

const TimeShiftRow* FindTimeShift(const Comparison& comparison, const std::string& scenario,
                                  const std::string& region, Variable variable) {
  for (const TimeShiftRow& row : comparison.time_shifts) {
    if (row.scenario == scenario && row.region == region && row.variable == variable &&
        row.year == comparison.year) {
      return &row;
    }
  }
  return nullptr;
}

// "2 days further behind the leader in generative AI" / "4.2 months closer
// to the leader in ..." / "the same distance behind the leader in ...", with
// " (better in 96% of paired draws)" when there are draws.
std::string BehindChange(const ComparisonRow& row, const char* sector, bool first) {
  const double change = row.difference;
  std::string text = std::abs(change) * 365 < 0.5 ? std::string("the same distance behind")
                     : FormatDuration(change) + (change > 0 ? " further behind" : " closer to");
  text += first ? std::string(" the leader in ") + sector : std::string(" in ") + sector;
  if (row.share_better) text += FormatValue(" (better in %.0f%% of paired draws)", 100 * *row.share_better);
  return text;
}

// "0.16 years later", "earlier", "at the same time", or "never".
std::string Later(double shift) {
  if (std::isinf(shift)) return "never (its path stops rising below that level)";
  if (std::abs(shift) * 365 < 0.5) return "at the same time";
  return FormatDuration(shift) + (shift > 0 ? " later" : " earlier");
}

// The region whose generative capability moves most in time under `other`.
std::string MostMoved(const Comparison& comparison, const std::string& other) {
  std::string region;
  double largest = -1;
  for (const TimeShiftRow& row : comparison.time_shifts) {
    if (row.scenario != other || row.year != comparison.year ||
        row.variable != Variable::kCapabilityGenerative) continue;
    const double size = std::isinf(row.shift) ? HUGE_VAL : std::abs(row.shift);
    if (size > largest) largest = size, region = row.region;
  }
  return region;
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
  const auto quantiles = [&](Variable v) { return results.Quantiles(v, end, region); };
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
    if (results.Quantiles(Variable::kCapabilityGenerative, end, r).p50 >
        results.Quantiles(Variable::kCapabilityGenerative, end, best).p50) {
      best = r;
    }
  }
  return results.region_codes()[best];
}

std::string ComparisonHeadline(const Comparison& comparison, const Results& base, const std::string& other,
                               const std::vector<std::string>& regions) {
  const bool chosen = !regions.empty();
  const std::vector<std::string> subjects = chosen ? regions : std::vector<std::string>{MostMoved(comparison, other)};
  std::string out;
  for (const std::string& region : subjects) {
    const ComparisonRow* generative = FindRow(comparison, other, region, Variable::kYearsBehindGenerative);
    const ComparisonRow* physical = FindRow(comparison, other, region, Variable::kYearsBehindPhysical);
    const TimeShiftRow* generative_shift = FindTimeShift(comparison, other, region, Variable::kCapabilityGenerative);
    const TimeShiftRow* physical_shift = FindTimeShift(comparison, other, region, Variable::kCapabilityPhysical);
    if (!generative || !physical || !generative_shift || !physical_shift) continue;
    std::string name = region;
    for (int r = 0; r < base.regions(); ++r) {
      if (base.region_codes()[r] == region) name = base.region_names()[r] + " (" + region + ")";
    }
    const std::string year = std::to_string(comparison.year);
    out += std::string(out.empty() ? "In short: " : "\n") + other + " against " + generative->base + ", " +
           name + " in " + year + ": " + BehindChange(*generative, "generative AI", true) + " and " +
           BehindChange(*physical, "physical AI", false) + "; it reaches " +
           generative->base + "'s " + year + " capability " + Later(generative_shift->shift) +
           " in generative AI and " + Later(physical_shift->shift) + " in physical AI (the time shift " +
           "between the two paths" + (chosen ? "" : "; the region whose generative capability moves most") +
           "; time_shift.csv has every region and year).";
  }
  return out;
}

}  // namespace sim
