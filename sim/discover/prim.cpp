#include "sim/discover/prim.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include <boost/math/distributions/binomial.hpp>

namespace sim {
namespace {

// A box's limits and which samples it holds.
struct Members {
  std::vector<Limits> limits;
  std::vector<int> samples;  // indices of the samples inside, ascending
};

bool Inside(const DiscoveryData& data, const std::vector<Limits>& limits, int n) {
  for (std::size_t i = 0; i < limits.size(); ++i) {
    const double x = data.inputs[i][n];
    if (x < limits[i].low || x > limits[i].high) return false;
  }
  return true;
}

std::vector<Limits> FullRange(const DiscoveryData& data) {
  std::vector<Limits> range;
  for (const std::vector<double>& column : data.inputs) {
    const auto [low, high] = std::minmax_element(column.begin(), column.end());
    range.push_back({*low, *high});
  }
  return range;
}

Box Describe(const DiscoveryData& data, const Members& m, const std::vector<Limits>& range,
             int goal_total) {
  Box box;
  box.limits = m.limits;
  int goal_inside = 0;
  for (int n : m.samples) goal_inside += data.goal[n];
  box.samples = static_cast<int>(m.samples.size());
  box.coverage = goal_total > 0 ? static_cast<double>(goal_inside) / goal_total : 0.0;
  box.density = box.samples > 0 ? static_cast<double>(goal_inside) / box.samples : 0.0;
  box.support = static_cast<double>(box.samples) / static_cast<double>(data.goal.size());
  for (std::size_t i = 0; i < range.size(); ++i) {
    box.restricted += m.limits[i].low > range[i].low || m.limits[i].high < range[i].high;
  }
  return box;
}

// A candidate peel: the new limit on one side of one input, and the result.
struct Peel {
  int input = -1;
  bool low_side = true;
  double limit = 0;
  int samples = 0, goal = 0;
  double Density() const { return samples > 0 ? static_cast<double>(goal) / samples : 0.0; }
};

// The peel of `alpha` of the box's samples from one side of input i. With
// ties at the cut (grids), the whole tie group goes, unless that empties the
// box, in which case this side cannot be peeled (returns input == -1).
Peel PeelOneSide(const DiscoveryData& data, const Members& m, int i, bool low_side, double alpha,
                 std::vector<double>& scratch) {
  scratch.clear();
  for (int n : m.samples) scratch.push_back(data.inputs[i][n]);
  const std::size_t count = scratch.size();
  const std::size_t k = std::min(count - 1, static_cast<std::size_t>(std::ceil(alpha * count)));
  std::nth_element(scratch.begin(), scratch.begin() + (low_side ? k : count - 1 - k), scratch.end());
  double cut = scratch[low_side ? k : count - 1 - k];
  // Samples strictly beyond the cut go; if none would (a tie group at the
  // edge), the edge's tie group goes instead.
  auto beyond = [&](double x, double c) { return low_side ? x < c : x > c; };
  int removed = 0;
  for (double x : scratch) removed += beyond(x, cut);
  if (removed == 0) {
    const double edge = low_side ? *std::min_element(scratch.begin(), scratch.end())
                                 : *std::max_element(scratch.begin(), scratch.end());
    // The next distinct value past the edge becomes the new limit.
    double next = low_side ? INFINITY : -INFINITY;
    for (double x : scratch) {
      if (low_side && x > edge) next = std::min(next, x);
      if (!low_side && x < edge) next = std::max(next, x);
    }
    if (!std::isfinite(next)) return {};
    cut = next;
  }
  Peel peel;
  peel.input = i;
  peel.low_side = low_side;
  peel.limit = cut;
  for (int n : m.samples) {
    if (beyond(data.inputs[i][n], cut)) continue;
    ++peel.samples;
    peel.goal += data.goal[n];
  }
  return peel;
}

void Apply(const DiscoveryData& data, const Peel& peel, Members& m) {
  (peel.low_side ? m.limits[peel.input].low : m.limits[peel.input].high) = peel.limit;
  std::vector<int> kept;
  for (int n : m.samples) {
    const double x = data.inputs[peel.input][n];
    if (peel.low_side ? x >= peel.limit : x <= peel.limit) kept.push_back(n);
  }
  m.samples = std::move(kept);
}

// Pasting: widen one side of one input to take in the paste_alpha share (of
// the box's size) of the nearest outside samples that satisfy every other
// limit; keep the best widening while density does not fall.
Members Paste(const DiscoveryData& data, Members m, const std::vector<Limits>& range, double alpha) {
  const int inputs = static_cast<int>(data.inputs.size());
  const int total = static_cast<int>(data.goal.size());
  while (true) {
    int goal_inside = 0;
    for (int n : m.samples) goal_inside += data.goal[n];
    const double density = static_cast<double>(goal_inside) / m.samples.size();
    const std::size_t step = std::max<std::size_t>(1, std::ceil(alpha * m.samples.size()));
    double best_density = density;
    std::vector<Limits> best_limits;
    for (int i = 0; i < inputs; ++i) {
      for (bool low_side : {true, false}) {
        const double edge = low_side ? m.limits[i].low : m.limits[i].high;
        if (edge == (low_side ? range[i].low : range[i].high)) continue;
        // Outside samples on this side, inside every other limit.
        std::vector<std::pair<double, int>> candidates;
        std::vector<Limits> others = m.limits;
        (low_side ? others[i].low : others[i].high) = low_side ? range[i].low : range[i].high;
        for (int n = 0; n < total; ++n) {
          const double x = data.inputs[i][n];
          if ((low_side ? x < edge : x > edge) && Inside(data, others, n)) {
            candidates.push_back({low_side ? -x : x, n});
          }
        }
        if (candidates.empty()) continue;
        std::sort(candidates.begin(), candidates.end());
        const std::size_t take = std::min(step, candidates.size());
        double limit = low_side ? -candidates[take - 1].first : candidates[take - 1].first;
        int added = 0, added_goal = 0;
        for (const auto& [key, n] : candidates) {
          const double x = data.inputs[i][n];
          if (low_side ? x < limit : x > limit) continue;
          ++added;
          added_goal += data.goal[n];
        }
        const double d = static_cast<double>(goal_inside + added_goal) / (m.samples.size() + added);
        if (d >= best_density && (best_limits.empty() || d > best_density)) {
          best_density = d;
          best_limits = m.limits;
          (low_side ? best_limits[i].low : best_limits[i].high) = limit;
        }
      }
    }
    if (best_limits.empty()) return m;
    m.limits = best_limits;
    m.samples.clear();
    for (int n = 0; n < total; ++n) {
      if (Inside(data, m.limits, n)) m.samples.push_back(n);
    }
  }
}

// The quasi-p-value of one limit of `box`: `relaxed` is the box with that
// limit moved out to the swept range's end.
double QuasiP(const DiscoveryData& data, const Box& box, const std::vector<Limits>& relaxed) {
  int n_relaxed = 0, goal_relaxed = 0;
  for (std::size_t n = 0; n < data.goal.size(); ++n) {
    if (!Inside(data, relaxed, static_cast<int>(n))) continue;
    ++n_relaxed;
    goal_relaxed += data.goal[n];
  }
  const int k = static_cast<int>(std::lround(box.density * box.samples));
  if (k == 0 || n_relaxed == 0) return 1.0;
  const double p = static_cast<double>(goal_relaxed) / n_relaxed;
  if (p >= 1.0) return 1.0;
  const boost::math::binomial_distribution<double> binomial(box.samples, p);
  return boost::math::cdf(boost::math::complement(binomial, k - 1));  // P(X >= k)
}

}  // namespace

PrimResult RunPrim(const DiscoveryData& data, const PrimOptions& options) {
  const int total = static_cast<int>(data.goal.size());
  if (total == 0 || data.inputs.empty()) throw std::invalid_argument("no samples to analyse");
  for (const std::vector<double>& column : data.inputs) {
    if (static_cast<int>(column.size()) != total) {
      throw std::invalid_argument("every input needs one value per sample");
    }
  }
  PrimResult result;
  result.total_samples = total;
  for (bool g : data.goal) result.goal_samples += g;
  if (result.goal_samples == 0) throw std::invalid_argument("the goal holds for no sample");

  const std::vector<Limits> range = FullRange(data);
  Members members{range, {}};
  for (int n = 0; n < total; ++n) members.samples.push_back(n);
  std::vector<Members> boxes = {members};
  result.trajectory.push_back(Describe(data, members, range, result.goal_samples));

  std::vector<double> scratch;
  const int inputs = static_cast<int>(data.inputs.size());
  while (true) {
    Peel best;
    for (int i = 0; i < inputs; ++i) {
      for (bool low_side : {true, false}) {
        const Peel peel = PeelOneSide(data, members, i, low_side, options.peel_alpha, scratch);
        if (peel.input < 0) continue;
        // Highest density; ties keep the larger box, then the first found.
        if (best.input < 0 || peel.Density() > best.Density() ||
            (peel.Density() == best.Density() && peel.samples > best.samples)) {
          best = peel;
        }
      }
    }
    if (best.input < 0 || static_cast<double>(best.samples) / total < options.min_support) break;
    Apply(data, best, members);
    boxes.push_back(members);
    result.trajectory.push_back(Describe(data, members, range, result.goal_samples));
  }

  // The best coverage x density among boxes dense enough; else the densest
  // (the first of ties, i.e. the larger box).
  int chosen = -1;
  auto score = [&](int b) { return result.trajectory[b].coverage * result.trajectory[b].density; };
  for (int b = 0; b < static_cast<int>(result.trajectory.size()); ++b) {
    if (result.trajectory[b].density >= options.min_density && (chosen < 0 || score(b) > score(chosen))) {
      chosen = b;
    }
  }
  if (chosen < 0) {
    chosen = 0;
    for (int b = 1; b < static_cast<int>(result.trajectory.size()); ++b) {
      if (result.trajectory[b].density > result.trajectory[chosen].density) chosen = b;
    }
  }
  result.chosen = chosen;
  result.box = Describe(data, Paste(data, boxes[chosen], range, options.paste_alpha), range,
                        result.goal_samples);

  for (int i = 0; i < inputs; ++i) {
    const Limits& l = result.box.limits[i];
    const bool low_restricted = l.low > range[i].low, high_restricted = l.high < range[i].high;
    if (!low_restricted && !high_restricted) continue;
    const double width = range[i].high - range[i].low;
    Restriction restriction{i, l, range[i], width > 0 ? 1.0 - (l.high - l.low) / width : 0.0, {}, {}};
    std::vector<Limits> relaxed = result.box.limits;
    if (low_restricted) {
      relaxed[i] = {range[i].low, l.high};
      restriction.quasi_p_low = QuasiP(data, result.box, relaxed);
    }
    if (high_restricted) {
      relaxed[i] = {l.low, range[i].high};
      restriction.quasi_p_high = QuasiP(data, result.box, relaxed);
    }
    result.restrictions.push_back(restriction);
  }
  return result;
}

}  // namespace sim
