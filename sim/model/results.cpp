#include "sim/model/results.hpp"

#include <algorithm>
#include <array>
#include <atomic>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>

#include "sim/threads.hpp"

#if defined(__linux__)
#include <sys/mman.h>
#endif

namespace sim {

const std::vector<VariableInfo>& Variables() {
  static const std::vector<VariableInfo> catalogue = {
      {Variable::kComputeStock, "Compute|Stock", "H100e", "installed AI accelerators, 1 January"},
      {Variable::kComputeStockGenerative, "Compute|Stock|Generative", "H100e", "accelerators serving generative AI"},
      {Variable::kComputeStockPhysical, "Compute|Stock|Physical", "H100e", "accelerators serving physical AI"},
      {Variable::kComputeOperational, "Compute|Operational", "H100e", "accelerators that available power can run"},
      {Variable::kComputeLargestCluster, "Compute|Largest Cluster", "H100e", "generative compute in the region's largest cluster"},
      {Variable::kComputeLargestRun, "Compute|Largest Training Run", "FLOP", "largest training run the region can do this year, raw FLOP"},
      {Variable::kPowerCapacity, "Power|Capacity", "GW", "data-centre power available for AI"},
      {Variable::kPowerDemand, "Power|AI Demand", "GW", "power drawn by operational accelerators"},
      {Variable::kResearchers, "Talent|Researchers", "persons", "top-tier AI researchers working in the region"},
      {Variable::kRobots, "Robots|Stock", "units", "operational robot stock"},
      {Variable::kRobotInstallations, "Robots|Installations", "units/yr", "robots installed during the year"},
      {Variable::kRobotDensity, "Robots|Density", "robots/10k employees", "robots in service per 10,000 manufacturing employees (the IFR's robot density), 1 January stock over last year's employees"},
      {Variable::kDataPhysical, "Data|Physical", "robot-years", "accumulated robot operating data"},
      {Variable::kDataGenerative, "Data|Generative", "trillion tokens", "usable domestic text data"},
      {Variable::kAlgorithmicLag, "Algorithms|Lag", "years", "years behind the algorithmic frontier"},
      {Variable::kCapabilityGenerative, "Capability|Generative", "log10 FLOP", "log10 effective compute of the best generative model the region has (its own or diffused), start-year algorithms"},
      {Variable::kCapabilityPhysical, "Capability|Physical", "log10 FLOP", "log10 effective compute of the best robot model the region has: its generative base model, its robot-training run and its real-world robot data, start-year algorithms"},
      {Variable::kYearsBehindGenerative, "Years Behind|Generative", "years", "how long ago the leader's path was at the region's capability"},
      {Variable::kYearsBehindPhysical, "Years Behind|Physical", "years", "how long ago the leader's path was at the region's capability"},
      {Variable::kFrontierYearGenerative, "Frontier Year|Generative", "year", "the region's capability is the world's best of this year (year - years behind)"},
      {Variable::kFrontierYearPhysical, "Frontier Year|Physical", "year", "the region's capability is the leader's of this year (year - years behind)"},
      {Variable::kRankGenerative, "Rank|Generative", "rank", "1 = leader"},
      {Variable::kRankPhysical, "Rank|Physical", "rank", "1 = leader"},
      {Variable::kMarketShareGenerative, "Market Share|Generative", "share", "share of global generative-AI revenue"},
      {Variable::kMarketSharePhysical, "Market Share|Physical", "share", "share of global physical-AI revenue"},
      {Variable::kValue, "Value|AI", "USD bn/yr", "AI revenue captured, 2025 prices"},
      {Variable::kSovereignty, "Sovereignty|Generative", "share", "share of domestic generative-AI use served by domestic models"},
      {Variable::kSovereigntyPhysical, "Sovereignty|Physical", "share", "share of the region's factories' physical-AI purchases made from its own suppliers"},
      {Variable::kInvestmentPublic, "Investment|Public", "USD bn/yr", "public AI spending, 2025 prices"},
      {Variable::kInvestmentPrivate, "Investment|Private", "USD bn/yr", "private AI investment, 2025 prices"},
      {Variable::kInvestmentPublicCumulative, "Investment|Public|Cumulative", "USD bn", "public AI spending from the start year to the end of this year"},
  };
  return catalogue;
}

const VariableInfo& Describe(Variable variable) {
  return Variables()[static_cast<std::size_t>(variable)];
}

const VariableInfo* FindVariable(const std::string& name) {
  for (const VariableInfo& info : Variables()) {
    if (name == info.name) return &info;
  }
  return nullptr;
}

namespace {

// Many draws make gigabytes of results, which the kernel would otherwise
// hand out (and fault in) 4 KiB at a time; on Linux, ask for 2 MiB pages
// over the whole 2 MiB stretches of a large array. Only a request: the
// results do not depend on it.
void AskForHugePages(void* data, std::size_t bytes) {
#if defined(__linux__) && defined(MADV_HUGEPAGE)
  constexpr std::uintptr_t kHuge = std::uintptr_t{2} << 20;
  const std::uintptr_t begin = (reinterpret_cast<std::uintptr_t>(data) + kHuge - 1) & ~(kHuge - 1);
  const std::uintptr_t end = (reinterpret_cast<std::uintptr_t>(data) + bytes) & ~(kHuge - 1);
  if (end > begin) madvise(reinterpret_cast<void*>(begin), end - begin, MADV_HUGEPAGE);
#else
  (void)data;
  (void)bytes;
#endif
}

}  // namespace

Results::Results(std::string scenario, std::vector<std::string> region_codes,
                 std::vector<std::string> region_names, int start_year, int years, int draws, Start start)
    : scenario_(std::move(scenario)),
      region_codes_(std::move(region_codes)),
      region_names_(std::move(region_names)),
      start_year_(start_year),
      years_(years),
      draws_(draws) {
  data_.reserve(static_cast<std::size_t>(kVariableCount) * years);
  for (int i = 0; i < kVariableCount * years; ++i) {
    data_.emplace_back(static_cast<Eigen::Index>(region_codes_.size()), draws);
    AskForHugePages(data_.back().data(), static_cast<std::size_t>(data_.back().size()) * sizeof(double));
    if (start == Start::kZero) data_.back().setZero();
  }
}

void Results::Summarise(int threads) {
  const std::size_t regions = region_codes_.size();
  quantiles_.assign(data_.size() * regions, QuantileSet{});
  non_finite_.assign(data_.size() * regions, 0);
  std::atomic<std::size_t> next{0};
  RunOnThreads(std::max(1, std::min(threads, static_cast<int>(data_.size()))), [&] {
    std::vector<double> values(static_cast<std::size_t>(draws_));  // one per thread, reused
    for (std::size_t a; (a = next++) < data_.size();) {
      for (std::size_t r = 0; r < regions; ++r) {
        const auto row = data_[a].row(static_cast<Eigen::Index>(r));
        const std::size_t series = a * regions + r;
        if (!row.isFinite().all()) {
          const double nan = std::numeric_limits<double>::quiet_NaN();
          non_finite_[series] = 1;
          quantiles_[series] = {nan, nan, nan, nan, nan};
          continue;
        }
        std::copy(row.begin(), row.end(), values.begin());
        quantiles_[series] = FiveQuantiles(values);
      }
    }
  });
}

std::string FirstNonFinite(const Results& results) {
  for (const VariableInfo& info : Variables()) {
    for (int k = 0; k < results.years(); ++k) {
      const RegionDrawArray& values = results.At(info.variable, k);
      for (int r = 0; r < results.regions(); ++r) {
        if (!results.HasNonFinite(info.variable, k, r)) continue;
        for (int n = 0; n < results.draws(); ++n) {
          if (std::isfinite(values(r, n))) continue;
          return std::string(info.name) + " of " + results.region_codes()[r] + " in " +
                 std::to_string(results.start_year() + k) + " (draw " + std::to_string(n + 1) + ")";
        }
      }
    }
  }
  return "";
}

namespace {

// Where the quantile at probability p of n values lies: between the order
// statistics `below` and below + 1, a `fraction` of the way.
struct QuantilePosition {
  std::size_t below;
  double fraction;
};
QuantilePosition PositionOf(double p, std::size_t n) {
  const double position = p * static_cast<double>(n - 1);
  const std::size_t below = static_cast<std::size_t>(std::floor(position));
  return {below, position - static_cast<double>(below)};
}

// The quantile from its two order statistics. Equal neighbours (infinities
// among them: a time shift not reached by the end) and whole positions need
// no interpolation, which would give NaN.
double Interpolate(double low, double high, double fraction) {
  if (fraction == 0 || high == low) return low;
  return low + fraction * (high - low);
}

}  // namespace

double Quantile(std::vector<double>& values, double p) {
  if (values.size() == 1) return values[0];
  const QuantilePosition at = PositionOf(p, values.size());
  std::nth_element(values.begin(), values.begin() + at.below, values.end());
  const double low = values[at.below];
  if (at.below + 1 == values.size()) return low;
  // The next order statistic is the minimum of the part after `below`.
  const double high = *std::min_element(values.begin() + at.below + 1, values.end());
  return Interpolate(low, high, at.fraction);
}

namespace {

// An unsigned integer that orders finite doubles as their values do: a
// quantile can be found by counting keys in bins (-0 and +0 apart, which
// no quantile tells from each other).
std::uint64_t OrderKey(double value) {
  std::uint64_t bits;
  std::memcpy(&bits, &value, sizeof bits);
  return (bits >> 63) != 0 ? ~bits : bits | (std::uint64_t{1} << 63);
}

}  // namespace

QuantileSet FiveQuantiles(const std::vector<double>& values) {
  const std::size_t n = values.size();
  QuantilePosition at[5];
  for (int i = 0; i < 5; ++i) at[i] = PositionOf(kQuantileLevels[i], n);

  std::uint64_t low = ~std::uint64_t{0}, high = 0;
  for (const double value : values) {
    low = std::min(low, OrderKey(value));
    high = std::max(high, OrderKey(value));
  }
  if (low == high) return {values[0], values[0], values[0], values[0], values[0]};

  // A selection over all values (nth_element) costs several passes each;
  // instead one pass counts the values in bins of their keys, which are
  // about logarithmic in the value and so spread wide and narrow series
  // alike, and a second gathers only the bins that hold the ten order
  // statistics needed, where they are selected exactly.
  constexpr int kMaxBins = 4096;
  int bins = 16;
  while (bins < kMaxBins && bins * 16 < static_cast<int>(n)) bins *= 2;
  int shift = 0;
  while (((high - low) >> shift) >= static_cast<std::uint64_t>(bins)) ++shift;
  const auto bin_of = [&](double value) { return static_cast<int>((OrderKey(value) - low) >> shift); };
  std::array<std::uint32_t, kMaxBins + 1> first{};  // counts, then each bin's first rank
  for (const double value : values) ++first[bin_of(value) + 1];
  for (int b = 0; b < bins; ++b) first[b + 1] += first[b];

  // The order statistics needed, the bin each lies in, and where in it.
  std::size_t ranks[10];
  int needed = 0;
  for (const QuantilePosition& p : at) {
    ranks[needed++] = p.below;
    if (p.fraction != 0 && p.below + 1 < n) ranks[needed++] = p.below + 1;
  }
  std::array<int, kMaxBins> slot;
  slot.fill(-1);
  int rank_bin[10], targets = 0, target_bin[10];
  for (int i = 0; i < needed; ++i) {
    rank_bin[i] = static_cast<int>(std::upper_bound(first.begin(), first.begin() + bins + 1, ranks[i]) -
                                   first.begin()) - 1;
    if (slot[rank_bin[i]] < 0) {
      slot[rank_bin[i]] = targets;
      target_bin[targets++] = rank_bin[i];
    }
  }
  // The target bins' values, each bin in its own segment of `picked`.
  std::size_t start[11] = {0}, fill[10];
  for (int t = 0; t < targets; ++t) {
    start[t + 1] = start[t] + (first[target_bin[t] + 1] - first[target_bin[t]]);
    fill[t] = start[t];
  }
  std::vector<double> picked(start[targets]);
  for (const double value : values) {
    const int t = slot[bin_of(value)];
    if (t >= 0) picked[fill[t]++] = value;
  }
  const auto order_statistic = [&](int i) {
    const int t = slot[rank_bin[i]];
    const auto segment = picked.begin() + static_cast<std::ptrdiff_t>(start[t]);
    const auto nth = segment + static_cast<std::ptrdiff_t>(ranks[i] - first[rank_bin[i]]);
    std::nth_element(segment, nth, picked.begin() + static_cast<std::ptrdiff_t>(start[t + 1]));
    return *nth;
  };

  double q[5];
  for (int i = 0, r = 0; i < 5; ++i) {
    const double below = order_statistic(r++);
    const bool interpolates = at[i].fraction != 0 && at[i].below + 1 < n;
    q[i] = interpolates ? Interpolate(below, order_statistic(r++), at[i].fraction) : below;
  }
  return {q[0], q[1], q[2], q[3], q[4]};
}

}  // namespace sim
