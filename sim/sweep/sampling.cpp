#include "sim/sweep/sampling.hpp"

#include <boost/random/sobol.hpp>

#include <cmath>
#include <limits>
#include <random>
#include <string>
#include <vector>

namespace sim {
namespace {

// SplitMix64 finaliser: a fixed, platform-independent 64-bit mix.
std::uint64_t Mix(std::uint64_t x) {
  x += 0x9e3779b97f4a7c15ULL;
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
  return x ^ (x >> 31);
}

std::uint64_t Key(std::uint64_t seed, std::uint64_t tag, std::uint64_t index) {
  return Mix(Mix(Mix(seed) ^ tag) ^ index);
}

// A 53-bit integer k as (k + 0.5) / 2^53: strictly inside (0, 1).
double UnitInterior(std::uint64_t bits) {
  return (static_cast<double>(bits >> 11) + 0.5) * 0x1.0p-53;
}

// A pseudo-random bijection of [0, n): a balanced Feistel network on the
// smallest even number of bits covering n, cycle-walking until the image is
// below n (at most 4 steps expected). Needs no memory, so LHS works for any n.
class Permutation {
 public:
  Permutation(std::uint64_t n, std::uint64_t key) : n_(n), key_(key) {
    int bits = 2;
    while (bits < 64 && (std::uint64_t{1} << bits) < n) bits += 2;
    half_ = bits / 2;
    mask_ = (std::uint64_t{1} << half_) - 1;
  }

  // One pass of the network: a bijection of [0, 2^bits).
  std::uint64_t Pass(std::uint64_t i) const {
    std::uint64_t left = i >> half_, right = i & mask_;
    for (std::uint64_t round = 0; round < 6; ++round) {
      const std::uint64_t next = left ^ (Mix(key_ ^ (right * 0x100000001b3ULL) ^ round) & mask_);
      left = right;
      right = next;
    }
    return (left << half_) | right;
  }

  // The image of i < n given Pass(i): passes until it falls below n.
  std::uint64_t Walk(std::uint64_t image) const {
    while (image >= n_) image = Pass(image);
    return image;
  }

 private:
  std::uint64_t n_, key_, mask_;
  int half_;
};

// A uniform integer in [0, n) from a 64-bit engine by rejection (std's
// distributions differ between standard libraries; this does not).
std::uint64_t UniformBelow(std::mt19937_64& engine, std::uint64_t n) {
  const std::uint64_t limit = std::numeric_limits<std::uint64_t>::max() -
                              std::numeric_limits<std::uint64_t>::max() % n;
  std::uint64_t x;
  do x = engine(); while (x >= limit);
  return x % n;
}

constexpr std::uint64_t kLhsStratum = 1, kLhsJitter = 2, kSobolShift = 3, kMorris = 4;

// One Morris trajectory (Morris 1991; the design of SALib's `morris.sample`):
// a base point on the grid {0, 1/(p-1), ..., 1 - delta} per dimension, a
// random direction per dimension and a random order; step k moves the k-th
// dimension of that order by delta = p / (2 (p - 1)) up or down.
struct Trajectory {
  std::vector<double> start;  // unit point of step 0
  std::vector<int> order;     // dimension moved at step k + 1
  std::vector<double> move;   // signed move of each dimension
};

Trajectory MakeTrajectory(std::uint64_t seed, long long t, int dimensions, int levels) {
  const double step = 1.0 / (levels - 1);
  const double delta = levels / (2.0 * (levels - 1));
  std::seed_seq sequence{static_cast<std::uint32_t>(seed), static_cast<std::uint32_t>(seed >> 32),
                         static_cast<std::uint32_t>(t), static_cast<std::uint32_t>(t >> 32),
                         static_cast<std::uint32_t>(kMorris)};
  std::mt19937_64 engine(sequence);
  Trajectory trajectory;
  for (int d = 0; d < dimensions; ++d) {
    const double low = static_cast<double>(UniformBelow(engine, levels / 2)) * step;
    const bool up = engine() & 1;
    trajectory.start.push_back(up ? low : low + delta);
    trajectory.move.push_back(up ? delta : -delta);
    trajectory.order.push_back(d);
  }
  for (int d = dimensions - 1; d > 0; --d) {  // Fisher-Yates
    std::swap(trajectory.order[d], trajectory.order[UniformBelow(engine, d + 1)]);
  }
  return trajectory;
}

bool IsPowerOfTwo(long long n) { return n > 0 && (n & (n - 1)) == 0; }

}  // namespace

SampleDesign::SampleDesign(SweepMethod method, int dimensions, long long base, std::uint64_t seed,
                           std::vector<int> grid_steps, int morris_levels)
    : method_(method),
      dimensions_(dimensions),
      base_(base),
      seed_(seed),
      grid_steps_(std::move(grid_steps)),
      morris_levels_(morris_levels) {
  switch (method) {
    case SweepMethod::kGrid:
      count_ = 1;
      for (int steps : grid_steps_) count_ *= steps;
      break;
    case SweepMethod::kLhs: count_ = base; break;
    case SweepMethod::kSobol: count_ = base * (dimensions + 2); break;
    case SweepMethod::kMorris: count_ = base * (dimensions + 1); break;
  }
}

void SampleDesign::Fill(long long first, int count, Eigen::ArrayXXd& unit) const {
  const int D = dimensions_;
  unit.resize(D, count);
  switch (method_) {
    case SweepMethod::kGrid:
      for (int j = 0; j < count; ++j) {
        long long rest = first + j;  // the last path varies fastest
        for (int d = D - 1; d >= 0; --d) {
          const int steps = grid_steps_[d];
          const long long k = rest % steps;
          rest /= steps;
          unit(d, j) = steps == 1 ? 0.5 : static_cast<double>(k) / (steps - 1);
        }
      }
      break;
    case SweepMethod::kLhs:
      // McKay et al. (1979): each dimension's N strata are each hit once;
      // sample i is in stratum permutation_d(i), jittered uniformly within it.
      // Per dimension, the first pass of the permutation for every sample of
      // the block before any cycle-walking: a pass has no data-dependent
      // branch, so the processor overlaps the hashes of successive samples.
      for (int d = 0; d < D; ++d) {
        const Permutation permute(static_cast<std::uint64_t>(base_), Key(seed_, kLhsStratum, d));
        std::vector<std::uint64_t> image(count);
        for (int j = 0; j < count; ++j) image[j] = permute.Pass(static_cast<std::uint64_t>(first + j));
        for (int j = 0; j < count; ++j) {
          const std::uint64_t i = static_cast<std::uint64_t>(first + j);
          const std::uint64_t stratum = permute.Walk(image[j]);
          const double jitter = UnitInterior(Key(seed_, kLhsJitter, (i << 8) ^ d));
          unit(d, j) = (static_cast<double>(stratum) + jitter) / static_cast<double>(base_);
        }
      }
      break;
    case SweepMethod::kSobol: {
      // Saltelli (2002, 2010) without second order, SALib's row order: for
      // base point b, rows A, AB_1 .. AB_D, B, where A and B are the two
      // halves of Sobol point b in 2D dimensions and AB_d is A with column d
      // from B. The seed applies a random digital shift (XOR) per dimension.
      // Points b = 0 .. N-1 of the sequence, origin included: for N = 2^m
      // they are a (t, m, s)-net, balanced in every elementary interval; the
      // points 1 .. N that Boost's generator gives from its start are not
      // (Owen, "On dropping the first Sobol' point", MCQMC 2020; arXiv:2008.08051). Shifted, the
      // origin is an ordinary interior point. Boost's engine after seed(k)
      // stands on point k + 1 (Gray-code order).
      boost::random::sobol engine(2 * D);
      const long long group = D + 2;
      long long loaded = -1;
      std::vector<double> point(2 * D);
      for (int j = 0; j < count; ++j) {
        const long long i = first + j, b = i / group;
        const int k = static_cast<int>(i % group);
        if (b != loaded) {
          if (b > 0 && (b == 1 || b != loaded + 1)) engine.seed(static_cast<boost::uintmax_t>(b - 1));
          for (int d = 0; d < 2 * D; ++d) {
            const std::uint64_t raw = b == 0 ? 0 : static_cast<std::uint64_t>(engine());
            point[d] = UnitInterior(raw ^ Key(seed_, kSobolShift, d));
          }
          loaded = b;
        }
        for (int d = 0; d < D; ++d) {
          const bool from_b = k == D + 1 || k == d + 1;
          unit(d, j) = point[from_b ? D + d : d];
        }
      }
      break;
    }
    case SweepMethod::kMorris: {
      long long loaded = -1;
      Trajectory trajectory;
      for (int j = 0; j < count; ++j) {
        const long long i = first + j, t = i / (D + 1);
        const int k = static_cast<int>(i % (D + 1));
        if (t != loaded) trajectory = MakeTrajectory(seed_, t, D, morris_levels_), loaded = t;
        for (int d = 0; d < D; ++d) unit(d, j) = trajectory.start[d];
        for (int s = 0; s < k; ++s) {
          const int d = trajectory.order[s];
          unit(d, j) = trajectory.start[d] + trajectory.move[d];
        }
      }
      break;
    }
  }
}

MorrisStep MorrisStepOf(const SampleDesign& design, long long trajectory, int step) {
  const Trajectory t = MakeTrajectory(design.seed(), trajectory, design.dimensions(),
                                      design.morris_levels());
  const int d = t.order[step - 1];
  return {d, t.move[d]};
}

void CheckDesign(const Study& study, const SourceLocation& at) {
  const int D = static_cast<int>(study.varied.size());
  if (D == 0) {
    throw ScenarioError(at, "nothing to vary",
                        "add --vary PATH=LO:HI, e.g. --vary regions.KR.public_budget=2:20");
  }
  switch (study.method) {
    case SweepMethod::kGrid: {
      double points = 1;
      for (const VariedPath& v : study.varied) {
        const int steps = v.steps > 0 ? v.steps : study.grid_steps;
        if (steps < 1) throw ScenarioError(v.at, "grid steps must be >= 1", "e.g. PATH=2:20:10");
        points *= steps;
      }
      if (points > 1e12) {
        throw ScenarioError(at, "a grid of " + std::to_string(points) + " points is too large",
                            "use fewer steps, or --method lhs for a space-filling sample");
      }
      break;
    }
    case SweepMethod::kLhs:
      if (study.samples < 1) {
        throw ScenarioError(at, "--samples must be >= 1 for lhs", "e.g. --samples 1000");
      }
      break;
    case SweepMethod::kSobol:
      if (!IsPowerOfTwo(study.samples) || study.samples < 4) {
        throw ScenarioError(
            at, "Sobol base size " + std::to_string(study.samples) + " is not a power of two >= 4",
            "Saltelli sampling keeps the Sobol sequence balanced only for N = 2^m; e.g. --samples "
            "1024 (runs N * (paths + 2) models)");
      }
      break;
    case SweepMethod::kMorris:
      if (study.samples < 2) {
        throw ScenarioError(at, "Morris needs --samples >= 2 trajectories",
                            "e.g. --samples 20 (runs trajectories * (paths + 1) models)");
      }
      if (study.morris_levels < 2 || study.morris_levels % 2 != 0) {
        throw ScenarioError(at, "Morris levels must be even and >= 2",
                            "e.g. levels: 4 (the usual choice)");
      }
      break;
  }
}

}  // namespace sim
