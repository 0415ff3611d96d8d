// Differences between scenarios: each OTHER against the first (BASE), per
// region and metric in one year, and capability gained per extra USD bn of
// public spend. Draw i of OTHER is paired with draw i of BASE: runs with the
// same seed and draws share their random numbers (each uncertain assumption's
// stream is seeded by seed and name, see SampleAssumption), so the paired
// difference isolates the policy change from the uncertainty.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "sim/model/results.hpp"

namespace sim {

// The metrics compared, in table order.
const std::vector<Variable>& ComparedVariables();

// +1 when more is better for a region (capability, compute, share), -1 when
// less is (years behind), 0 when neither (spend).
int BetterDirection(Variable variable);

struct ComparisonRow {
  std::string scenario, base, region;  // scenario names; region code
  Variable variable;
  int year = 0;
  double base_value = 0, value = 0;  // medians over draws (the values, for one draw)
  double difference = 0;             // median over draws of (OTHER - BASE), paired
  // 100 * difference / |base_value|; none when base_value is 0.
  std::optional<double> relative_percent;
  // With draws > 1 only: the p5 and p95 of the paired differences, and the
  // shares of draws in which OTHER is strictly better / worse than BASE
  // (ties are neither; none for metrics without a better direction).
  std::optional<double> p5_difference, p95_difference;
  std::optional<double> share_better, share_worse;
  // With draws > 1 only: the median, p5 and p95 of the paired relative
  // differences 100 * (OTHER_i - BASE_i) / |BASE_i| over the draws whose base
  // is not 0 (none when every base is 0). A stock's are never below -100.
  std::optional<double> relative_p50, relative_p5, relative_p95;
};

struct SpendEfficiencyRow {
  std::string scenario, base, region;
  int year = 0;
  double spend_difference = 0;       // USD bn: Investment|Public|Cumulative, OTHER - BASE
  double generative_difference = 0;  // log10 FLOP: Capability|Generative, OTHER - BASE
  double physical_difference = 0;    // log10 FLOP: Capability|Physical, OTHER - BASE
  // difference / spend_difference; none unless OTHER spends more (at least
  // kNoExtraSpend): no division by zero, and no positive "capability per USD
  // bn" for a plan that spends less and achieves less.
  std::optional<double> generative_per_usd_bn, physical_per_usd_bn;
};

// How many years later OTHER reaches the capability BASE has in `year`
// (sim/output/time_shift.hpp), for one region and sector: the delay cost.
struct TimeShiftRow {
  std::string scenario, base, region;
  Variable variable;       // Capability|Generative or Capability|Physical
  int year = 0;
  double base_value = 0;   // BASE's capability in `year` (median over draws)
  // Median over draws of the paired time shift, years; +infinity when OTHER
  // never reaches the level (in at least half the draws): below it and no
  // longer rising in its last year.
  double shift = 0;
  // With draws > 1 only: the p5 and p95 of the paired shifts, and the share
  // of draws in which OTHER gets there later (shift > 0).
  std::optional<double> p5_shift, p95_shift, share_later;
};

// The sectors whose time shift a comparison reports, in table order.
const std::vector<Variable>& TimeShiftVariables();

// Spend differences smaller than this (USD bn, i.e. USD 1000) count as none.
inline constexpr double kNoExtraSpend = 1e-6;

struct Comparison {
  int year = 0;
  std::vector<ComparisonRow> rows;              // scenario, region, variable order
  std::vector<SpendEfficiencyRow> efficiency;   // scenario, region order
  // Every year both scenarios cover; scenario, region, sector, year order.
  std::vector<TimeShiftRow> time_shifts;
};

// Compares results[1..] with results[0] in `year`, for the regions `codes`
// (all of the base's regions when empty). With draws, the differences are
// medians of paired differences. Throws std::invalid_argument when fewer than
// two results are given, a result lacks the year or a region, or the draw
// counts differ (callers check these first and report them as input errors).
Comparison CompareResults(const std::vector<const Results*>& results, int year,
                          const std::vector<std::string>& codes);

// differences.csv: scenario,base,region,variable,unit,year,base_value,value,
// difference,relative_percent,p5_difference,p95_difference,share_better,share_worse,
// relative_p50,relative_p5,relative_p95 (empty cells where a value is
// undefined or needs draws).
std::string FormatDifferencesCsv(const Comparison& comparison);

// time_shift.csv: scenario,base,region,variable,year,base_value,
// time_shift_years,p5_time_shift_years,p95_time_shift_years,share_later
// ("inf" where the level is never reached; empty cells need draws).
std::string FormatTimeShiftCsv(const Comparison& comparison);

// spend_efficiency.csv: scenario,base,region,year,extra_public_spend_usd_bn,
// generative_difference,generative_per_usd_bn,physical_difference,physical_per_usd_bn
// ("n/a" where there is no extra spend).
std::string FormatEfficiencyCsv(const Comparison& comparison);

}  // namespace sim
