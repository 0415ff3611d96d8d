// PRIM, the patient rule induction method (Friedman and Fisher 1999), as
// EMA Workbench uses it for scenario discovery: find a box in the space of
// sampled inputs inside which a goal holds for most samples (density) and
// which holds most of the samples where it holds (coverage).
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace sim {

// Sampled inputs, one column per input (all columns the same length), and
// for each sample whether the goal holds.
struct DiscoveryData {
  std::vector<std::string> names;           // input names, e.g. "regions.KR.public_budget"
  std::vector<std::vector<double>> inputs;  // inputs[i][n]: input i of sample n
  std::vector<bool> goal;                   // goal[n]
  // Per goal (in the order given): the smallest and largest value of its
  // outcome over the samples, to say how far off a goal no sample reaches is.
  std::vector<double> goal_min, goal_max;
};

// Limits of one input inside a box: [low, high], both inclusive.
struct Limits {
  double low, high;
};

// One box of the peeling trajectory, or the chosen box.
struct Box {
  std::vector<Limits> limits;  // one per input
  double coverage = 0;         // goal samples in the box / all goal samples
  double density = 0;          // goal samples in the box / samples in the box
  double support = 0;          // samples in the box / all samples
  int samples = 0;             // samples in the box
  int restricted = 0;          // inputs whose limits are narrower than the data's range
};

struct PrimOptions {
  double peel_alpha = 0.05;   // share of the box's samples removed per peel
  double paste_alpha = 0.05;  // share of samples added per paste step
  double min_support = 0.05;  // stop peeling below this share of all samples
  double min_density = 0.8;   // the chosen box must reach this density, if any box does
};

// Statistics of one restriction of the chosen box.
struct Restriction {
  int input = 0;           // index into DiscoveryData::names
  Limits limits;           // the box's limits on it
  Limits range;            // the data's full range of it
  double narrowing = 0;    // 1 - (high - low) / (range width): 0 = unrestricted
  // One-sided binomial test of each restricted limit (below); no value for a
  // limit that stands at the end of the swept range.
  std::optional<double> quasi_p_low, quasi_p_high;
};

struct PrimResult {
  std::vector<Box> trajectory;  // peeling: the full box first, then each peel
  int chosen = 0;               // index into trajectory of the box before pasting
  Box box;                      // the chosen box after pasting
  std::vector<Restriction> restrictions;  // the chosen box's restricted inputs
  int goal_samples = 0, total_samples = 0;
};

// Runs PRIM. Peeling: repeatedly remove the peel_alpha share of the box's
// samples from the low or high end of one input, whichever leaves the highest
// density, until the next box would hold less than min_support of the samples or no
// peel is possible. The chosen box maximises coverage x density among those
// with density >= min_density (the densest if none reaches it): the box that
// keeps most of the goal while admitting least else, which for a goal that
// is truly a box is that box. Pasting then widens it by paste_alpha steps
// while density does not fall.
// Each restricted limit's quasi-p-value is P(X >= k) for X ~ Binomial(n, p),
// with k goal samples among the n samples of the box and p the density of the
// box with that one limit moved out to the end of the swept range: one value
// per limit, as EMA Workbench reports them, so that the weak side of a
// two-sided restriction shows. Deterministic. Throws
// std::invalid_argument when the data is empty or has no goal samples.
PrimResult RunPrim(const DiscoveryData& data, const PrimOptions& options = {});

}  // namespace sim
