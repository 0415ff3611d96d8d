#include "sim/model/draw_summary.hpp"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <limits>
#include <stdexcept>
#include <string>

#include "sim/order_key.hpp"
#include "sim/threads.hpp"

namespace sim {

namespace {

// Keys waiting in a target bin are merged into its runs this many at a time,
// so that a bin of one repeated value (a rank, a share at its bound) holds
// one entry, not one per draw.
constexpr std::size_t kMergeEvery = 4096;

// The smallest and largest of a block's values, and whether any is NaN.
struct BlockRange {
  double low, high;
  bool nan;
};
BlockRange RangeOf(const double* values, int count) {
  double low = values[0], high = values[0];
  bool nan = false;
  for (int j = 0; j < count; ++j) {
    low = std::min(low, values[j]);
    high = std::max(high, values[j]);
    nan |= values[j] != values[j];
  }
  return {low, high, nan};
}

}  // namespace

int SeriesQuantiles::BinOf(std::uint64_t key) const {
  // Written to compile without branches: values fall either side at random.
  const std::uint64_t step = key >= low_ ? ((key - low_) >> shift_) + 1 : 0;
  return static_cast<int>(std::min<std::uint64_t>(step, static_cast<std::uint64_t>(bins_) + 1));
}

bool SeriesQuantiles::Count(const double* values, int count, int bins) {
  const BlockRange range = RangeOf(values, count);
  if (range.nan) return false;
  const std::uint64_t low = OrderKey(range.low), high = OrderKey(range.high);
  if (bins_ == 0) {
    low_ = low;
    bins_ = std::max(bins, 2);  // with 2 or more, the shift stays below 64
    shift_ = 0;
    while (((high - low) >> shift_) >= static_cast<std::uint64_t>(bins_)) ++shift_;
    bin_counts_.assign(static_cast<std::size_t>(bins_) + 2, 0);
  }
  total_ += static_cast<std::size_t>(count);
  // A block of one value (a series without uncertainty) in one step: adding
  // one at a time to the same bin would wait on each addition.
  if (low == high) {
    bin_counts_[BinOf(low)] += static_cast<std::uint32_t>(count);
    return true;
  }
  for (int j = 0; j < count; ++j) ++bin_counts_[BinOf(OrderKey(values[j]))];
  return true;
}

void SeriesQuantiles::ChooseTargets() {
  // The order statistics the five quantiles need, in rank order.
  std::vector<std::size_t> ranks;
  for (const double p : kQuantileLevels) {
    const QuantilePosition at = PositionOf(p, total_);
    ranks.push_back(at.below);
    if (at.interpolates(total_)) ranks.push_back(at.below + 1);
  }
  std::sort(ranks.begin(), ranks.end());
  // One walk up the bins finds the bin of each.
  targets_.clear();
  std::size_t below = 0;
  auto rank = ranks.begin();
  for (int b = 0; b < bins_ + 2 && rank != ranks.end(); ++b) {
    const std::size_t in_bin = bin_counts_[b];
    if (*rank < below + in_bin) targets_.push_back({b, below, in_bin, {}, {}});
    while (rank != ranks.end() && *rank < below + in_bin) ++rank;
    below += in_bin;
  }
  // Pass 2 needs only which bins are targets: one bit each, a few cache
  // lines per series instead of the counts' kilobytes.
  std::vector<std::uint32_t>().swap(bin_counts_);
  is_target_.assign((static_cast<std::size_t>(bins_) + 2 + 63) / 64, 0);
  for (const Target& t : targets_) is_target_[t.bin / 64] |= std::uint64_t{1} << (t.bin % 64);
}

SeriesQuantiles::Target& SeriesQuantiles::TargetOf(int bin) {
  for (Target& t : targets_) {
    if (t.bin == bin) return t;
  }
  return targets_.front();  // not reached: only target bins are looked up
}

void SeriesQuantiles::Gather(const double* values, int count) {
  const auto targeted = [&](int bin) { return (is_target_[bin / 64] >> (bin % 64) & 1) != 0; };
  const BlockRange range = RangeOf(values, count);
  if (range.low == range.high) {
    // One value (see Count): one run.
    const std::uint64_t key = OrderKey(range.low);
    if (targeted(BinOf(key))) TargetOf(BinOf(key)).Add(key, static_cast<std::size_t>(count));
    return;
  }
  for (int j = 0; j < count; ++j) {
    const std::uint64_t key = OrderKey(values[j]);
    const int bin = BinOf(key);
    if (!targeted(bin)) continue;
    Target& t = TargetOf(bin);
    t.keys.push_back(key);
    if (t.keys.size() >= kMergeEvery) t.Merge();
  }
}

void SeriesQuantiles::Target::Add(std::uint64_t key, std::size_t n) {
  Merge();
  const auto at = std::lower_bound(runs.begin(), runs.end(), std::make_pair(key, std::size_t{0}));
  if (at != runs.end() && at->first == key) {
    at->second += n;
  } else {
    runs.insert(at, {key, n});
  }
}

void SeriesQuantiles::Target::Merge() {
  std::sort(keys.begin(), keys.end());
  std::vector<std::pair<std::uint64_t, std::size_t>> merged;
  merged.reserve(runs.size() + keys.size());
  auto run = runs.begin();
  const auto add = [&](std::uint64_t key, std::size_t n) {
    if (!merged.empty() && merged.back().first == key) {
      merged.back().second += n;
    } else {
      merged.emplace_back(key, n);
    }
  };
  for (const std::uint64_t key : keys) {
    for (; run != runs.end() && run->first <= key; ++run) add(run->first, run->second);
    add(key, 1);
  }
  for (; run != runs.end(); ++run) add(run->first, run->second);
  runs = std::move(merged);
  keys.clear();
}

double SeriesQuantiles::OrderStatistic(std::size_t rank) {
  // The target whose bin holds `rank` is the last one starting at or below it.
  Target* t = &targets_.front();
  for (Target& candidate : targets_) {
    if (candidate.first_rank <= rank) t = &candidate;
  }
  t->Merge();
  std::size_t seen = 0;
  for (const auto& run : t->runs) seen += run.second;
  // Both passes run the same draws to the same bits (model.hpp); if they
  // ever did not, the order statistic would be wrong, so say so instead.
  if (seen != t->count) {
    throw std::logic_error("the second pass over the draws saw " + std::to_string(seen) +
                           " values in a bin where the first counted " + std::to_string(t->count));
  }
  seen = t->first_rank;
  for (const auto& [key, n] : t->runs) {
    seen += n;
    if (rank < seen) return FromOrderKey(key);
  }
  return std::numeric_limits<double>::quiet_NaN();  // not reached: the counts agree
}

QuantileSet SeriesQuantiles::Quantiles() {
  double q[5];
  for (int i = 0; i < 5; ++i) {
    const QuantilePosition at = PositionOf(kQuantileLevels[i], total_);
    const double low = OrderStatistic(at.below);
    q[i] = at.interpolates(total_) ? Interpolate(low, OrderStatistic(at.below + 1), at.fraction) : low;
  }
  return {q[0], q[1], q[2], q[3], q[4]};
}

DrawSummariser::DrawSummariser(int regions, int years, int draws)
    : regions_(regions),
      years_(years),
      draws_(draws),
      series_(draws > 1 ? static_cast<std::size_t>(kVariableCount) * years * regions : 0),
      only_draw_(draws > 1 ? 0 : static_cast<std::size_t>(kVariableCount) * years * regions),
      first_non_finite_(static_cast<std::size_t>(kVariableCount) * years * regions, -1),
      no_order_(first_non_finite_.size(), 0),
      places_(2 * static_cast<std::size_t>(years), Eigen::ArrayXXd::Zero(regions, regions)) {
  // 4 to 8 sqrt(draws) bins (a power of 2, at most 4,096), so that pass 1's
  // counts and pass 2's kept values (about draws / bins in each of up to
  // ten bins) stay alike small.
  bins_ = 16;
  while (bins_ < 4096 && static_cast<double>(bins_) * bins_ < 16.0 * draws) bins_ *= 2;
}

void DrawSummariser::AddRanks(const RegionDrawArray& ranks, int count, Eigen::ArrayXXd& places) const {
  // Ranks are whole numbers 1..R (sim::Rank), so the regions tied with one
  // are counted in a table by rank: O(R) a draw, not O(R^2).
  std::vector<int> place(static_cast<std::size_t>(regions_)), holding(static_cast<std::size_t>(regions_) + 1);
  for (int j = 0; j < count; ++j) {
    std::fill(holding.begin(), holding.end(), 0);
    for (int r = 0; r < regions_; ++r) {
      place[r] = std::clamp(static_cast<int>(std::lround(ranks(r, j))), 1, regions_);
      ++holding[place[r]];
    }
    for (int r = 0; r < regions_; ++r) {
      const int tied = holding[place[r]];
      const int last = std::min(place[r] + tied - 1, regions_);
      for (int p = place[r]; p <= last; ++p) places(r, p - 1) += 1.0 / tied;
    }
  }
}

void DrawSummariser::Feed(int pass, const Results& block, int first, int count, int threads) {
  if (pass == 2 && !targets_chosen_) {
    for (std::size_t s = 0; s < series_.size(); ++s) {
      if (!no_order_[s]) series_[s].ChooseTargets();
    }
    targets_chosen_ = true;
  }
  // Tasks: each variable and year's series, then (pass 1) each sector and
  // year's rank odds, which add draws in draw order within the task.
  const int arrays = kVariableCount * years_;
  const int tasks = arrays + (pass == 1 ? 2 * years_ : 0);
  std::atomic<int> next{0};
  RunOnThreads(std::max(1, std::min(threads, tasks)), [&] {
    for (int task; (task = next++) < tasks;) {
      if (task >= arrays) {
        const int sector = (task - arrays) / years_, k = (task - arrays) % years_;
        const Variable rank = sector == 0 ? Variable::kRankGenerative : Variable::kRankPhysical;
        AddRanks(block.At(rank, k), count, places_[static_cast<std::size_t>(sector) * years_ + k]);
        continue;
      }
      const RegionDrawArray& values = block.At(static_cast<Variable>(task / years_), task % years_);
      for (int r = 0; r < regions_; ++r) {
        const std::size_t s = static_cast<std::size_t>(task) * regions_ + r;
        if (no_order_[s]) continue;
        const double* row = values.data() + static_cast<std::ptrdiff_t>(r) * values.cols();
        if (pass == 2) {
          if (draws_ > 1) series_[s].Gather(row, count);
          continue;
        }
        if (first_non_finite_[s] < 0) {
          const double* odd = std::find_if(row, row + count, [](double v) { return !std::isfinite(v); });
          if (odd != row + count) first_non_finite_[s] = first + static_cast<int>(odd - row);
        }
        if (draws_ == 1) {  // one draw: its value is every quantile, no bins needed
          only_draw_[s] = row[0];
          no_order_[s] = std::isnan(row[0]);
        } else if (!series_[s].Count(row, count, bins_)) {
          no_order_[s] = 1;
        }
      }
    }
  });
}

DrawSummary DrawSummariser::Finish() {
  DrawSummary summary;
  const double nan = std::numeric_limits<double>::quiet_NaN();
  summary.quantiles.reserve(first_non_finite_.size());
  for (std::size_t s = 0; s < first_non_finite_.size(); ++s) {
    if (no_order_[s]) {
      summary.quantiles.push_back({nan, nan, nan, nan, nan});
    } else if (draws_ == 1) {
      const double v = only_draw_[s];
      summary.quantiles.push_back({v, v, v, v, v});
    } else {
      summary.quantiles.push_back(series_[s].Quantiles());
    }
  }
  summary.first_non_finite = std::move(first_non_finite_);
  for (Eigen::ArrayXXd& places : places_) {
    for (int k = 1; k < regions_; ++k) places.col(k) += places.col(k - 1);
    summary.rank_odds.push_back(places / static_cast<double>(draws_));
  }
  return summary;
}

void Summarise(Results& results, int threads) {
  DrawSummariser summariser(results.regions(), results.years(), results.draws());
  summariser.Feed(1, results, 0, results.draws(), threads);
  summariser.Feed(2, results, 0, results.draws(), threads);
  results.SetSummary(summariser.Finish());
}

}  // namespace sim
