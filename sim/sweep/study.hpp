// A sweep study: which scenario, which paths vary over which ranges, how they
// are sampled, and which outcomes are recorded. Given on the command line
// (`aisim sweep SCENARIO --vary PATH=LO:HI ...`) or as a YAML study file with
// a `sweep:` block, so that a study is one reproducible file.
#pragma once

#include <string>
#include <vector>

#include "sim/error.hpp"
#include "sim/model/results.hpp"
#include "sim/scenario/scenario.hpp"

namespace sim {

enum class SweepMethod { kGrid, kLhs, kSobol, kMorris };

// "grid", "lhs", "sobol", "morris".
const char* MethodName(SweepMethod method);

// One varied path: a number between `low` and `high` (uniform), or drawn from
// `distribution` when its kind is not kNone (inverse CDF of the unit sample).
struct VariedPath {
  std::string path;   // a path `aisim params` lists, e.g. "regions.KR.public_budget"
  double low = 0, high = 0;
  int steps = 0;      // grid points (grid method; 0 = the study's default)
  Distribution distribution;
  std::string distribution_text;  // as written, for the manifest ("" = uniform range)
  SourceLocation at;  // where it was given, for errors
};

// One recorded outcome: a variable of a region in a year, or (time_shift) the
// delay cost of the study's variant in that variable: the years the variant
// needs beyond the sample to reach the sample's value of that year
// (sim/output/time_shift.hpp); `variable` is then Capability|Generative or
// Capability|Physical.
struct OutcomeSpec {
  Variable variable;
  std::string region;  // region code
  int year = 0;
  bool time_shift = false;
  // Column name in outcomes.csv: "KR|Years Behind|Physical|2035", or
  // "KR|Time Shift|Physical|2035" for a time shift.
  std::string Column() const;
};

// The outcome names of time shifts, e.g. "Time Shift|Generative", and the
// capability each compares.
struct TimeShiftOutcome {
  const char* name;
  Variable capability;
};
inline constexpr TimeShiftOutcome kTimeShiftOutcomes[] = {
    {"Time Shift|Generative", Variable::kCapabilityGenerative},
    {"Time Shift|Physical", Variable::kCapabilityPhysical},
};

struct Study {
  std::string scenario = "world-2025";  // file or shipped name
  std::vector<std::string> sets;        // --set overrides applied before sampling
  // The variant every sample is also run as (--set overrides on top of the
  // sample, e.g. "regions.KR.start_delay=1"), for Time Shift outcomes.
  std::vector<std::string> variant;
  std::vector<VariedPath> varied;
  SweepMethod method = SweepMethod::kLhs;
  long long samples = 0;   // lhs: samples; sobol: base size N (power of 2); morris: trajectories; grid: unused
  unsigned long long seed = 1;
  int grid_steps = 5;      // default grid points per path
  int morris_levels = 4;   // Morris grid levels (even)
  int bootstrap = 100;     // Sobol/Morris bootstrap resamples for confidence intervals
  double confidence = 0.95;
  // Outcomes named by the user as VARIABLE:REGION[:YEAR] (no year = end year;
  // with by_year every year). Empty: defaults (see ResolveOutcomes).
  std::vector<std::string> outcome_texts;
  std::vector<SourceLocation> outcome_at;
  bool by_year = false;    // record outcomes (and indices) for every year
  bool timeseries = false; // also stream every variable, region and year per sample
};

// Parses "PATH=LO:HI[:STEPS]" (a --vary argument); errors point at the column.
VariedPath ParseVary(const std::string& text);

// Reads a study file (YAML with a top-level `sweep:` mapping). The scenario
// path is resolved relative to the study file's folder when it exists there.
// Raises ScenarioError at file:line:column on unknown keys or bad values.
Study LoadStudyFile(const std::string& path);

// The outcome columns for `scenario`, in order. Errors (unknown variable,
// region or year) point at where the outcome was given, with a did-you-mean.
// "Time Shift|Generative:KR:2030" needs a variant (an error with a hint
// otherwise). Defaults: for each region a varied path names (regions.KR.*), that region's
// Years Behind and Capability (generative, physical) and Value|AI; when only
// assumptions vary, every region's Years Behind|Generative and |Physical.
// The year is the end year, or every year when by_year.
std::vector<OutcomeSpec> ResolveOutcomes(const Study& study, const Scenario& scenario);

}  // namespace sim
