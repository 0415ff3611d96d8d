// Backtesting: comparing a run with the observations a scenario carries
// (`observations:`), as `aisim check` prints them.
#pragma once

#include <string>
#include <vector>

#include "sim/model/results.hpp"
#include "sim/scenario/scenario.hpp"

namespace sim {

// One observation next to the model's value for it.
struct ObservationCheck {
  Observation observation;
  double model = 0;  // the variable for the region and year, in the variable's unit
  // Signed error, in the tolerance's terms:
  //   relative: (model - observed) / |observed|
  //   absolute: model - observed                (the variable's unit)
  //   log10:    log10(model / observed)         (orders of magnitude)
  // +inf when a log10 error is undefined (model <= 0).
  double error = 0;
  bool pass = false;  // |error| <= tolerance
};

// Checks what only the model knows: each observation's `variable` must be an
// output variable (sim::FindVariable) and its `unit` that variable's unit; its
// year must lie in the run; a log10 tolerance needs a positive observed value.
// Throws ScenarioError at the offending key, with a hint, on the first problem.
void ValidateObservations(const Scenario& scenario);

// Compares every observation with `results` (draw 0; a deterministic run has
// only that draw). The scenario must have passed ValidateObservations and
// `results` must come from it.
std::vector<ObservationCheck> CheckObservations(const Scenario& scenario, const Results& results);

// Where an observed value falls among a Monte Carlo run's draws of the same
// variable: is the record inside the spread the model's own uncertainty gives?
struct ObservationSpread {
  double low = 0;    // 5th percentile of the draws, in the variable's unit
  double high = 0;   // 95th percentile
  double below = 0;  // share of draws below the observed value (a tie counts half)
  bool inside = false;  // low <= observed <= high
  // The draws do not vary it (low == high): the model holds it certain, so
  // "inside" says nothing about the model's uncertainty.
  bool fixed = false;
};

// One spread per observation of `scenario`, from `draws` (a run of the same
// scenario with draws > 1; percentiles as sim::Quantile computes them).
std::vector<ObservationSpread> SpreadObservations(const Scenario& scenario, const Results& draws);

// The answer of a check in one sentence, for the top of its output: how many
// observations the model matches within their tolerances and, when some do
// not, the one furthest outside its tolerance (largest |error| / tolerance),
// with the model's and the record's values and how far apart they are
// ("29x", "+0.59 share", "-14%"). E.g. "In short: world-2025 agrees with the
// record on 25 of 28 observations; furthest off: EU Compute|Largest Training
// Run 2025, model 3.294e+25 FLOP against 1.15e+24 observed (29x apart; the
// tolerance allows 3.2x)."
std::string CheckHeadline(const std::string& scenario_name, const std::vector<ObservationCheck>& checks);

// The table `aisim check` prints: one line per observation with the model
// value, the observed value, the unit, the error, the tolerance and pass or
// FAIL, then a count of failures. With `spreads` (one per check, from a run
// of `draws` draws), each line also shows the draws' 5-95% range and the
// share of draws below the observed value, and a last line counts the
// observations inside their range.
std::string FormatObservationChecks(const std::string& scenario_name,
                                    const std::vector<ObservationCheck>& checks,
                                    const std::vector<ObservationSpread>& spreads = {}, int draws = 0);

}  // namespace sim
