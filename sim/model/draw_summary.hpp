// Summarising a run's draws into what its outputs read (DrawSummary,
// sim/model/results.hpp) without keeping every draw: two passes over the
// draws in blocks, the second a rerun of the model, which gives the same
// bits (sim/model/model.hpp).
#pragma once

#include <cstdint>
#include <utility>
#include <vector>

#include "sim/model/results.hpp"

namespace sim {

// The exact five quantiles of one series (a variable of one region in one
// year, over draws), as Quantile() gives them, from its values seen twice in
// the same blocks in the same order. Pass 1 counts them in bins of a key that
// orders doubles as their values (so the bins are about logarithmic: wide
// and narrow series alike spread over them), set by the first block's range
// with one more bin each side for values beyond it. Pass 2 keeps only the
// values in the bins that hold the order statistics needed, repeated values
// as one entry with a count. Infinities are values like any other; NaN has
// no place in the order.
class SeriesQuantiles {
 public:
  // Pass 1, per block; the first block also sets `bins` bins (at least 2).
  // False, counting nothing, when a value is NaN.
  bool Count(const double* values, int count, int bins);
  // Between the passes.
  void ChooseTargets();
  // Pass 2, per block.
  void Gather(const double* values, int count);
  // After pass 2.
  QuantileSet Quantiles();

 private:
  struct Target;
  int BinOf(std::uint64_t key) const;
  Target& TargetOf(int bin);
  // The order statistic at `rank` (from 0) of the whole series.
  double OrderStatistic(std::size_t rank);

  std::uint64_t low_ = 0;  // the first block's smallest key: bin 1 starts there
  int shift_ = 0;          // bin 1 + i holds keys low_ + [i, i + 1) << shift_
  int bins_ = 0;           // 0 until the first block
  std::size_t total_ = 0;
  // Pass 1: values per bin (0: below the first block's range, bins_ + 1:
  // above it). Pass 2: one bit per bin, set for the bins kept.
  std::vector<std::uint32_t> bin_counts_;
  std::vector<std::uint64_t> is_target_;
  struct Target {
    int bin;
    std::size_t first_rank;  // values in lower bins
    std::size_t count;       // values in this bin (pass 1)
    std::vector<std::uint64_t> keys;                          // not yet merged
    std::vector<std::pair<std::uint64_t, std::size_t>> runs;  // sorted key, count
    void Merge();
    void Add(std::uint64_t key, std::size_t count);
  };
  std::vector<Target> targets_;
};

// Feeds blocks of draws, in draw order, through both passes and makes the
// DrawSummary: quantiles, the first non-finite draw of each series, and
// P(rank <= k) (accumulated over draws in draw order, so that its sums are
// the same bits however the draws were split).
class DrawSummariser {
 public:
  DrawSummariser(int regions, int years, int draws);
  // Draws [first, first + count) of pass `pass` (1 or 2), held in columns
  // [0, count) of `block`'s arrays; series are split over `threads`.
  void Feed(int pass, const Results& block, int first, int count, int threads);
  // After both passes have seen every draw.
  DrawSummary Finish();

 private:
  // Adds the first `count` draws of one sector and year's ranks to the
  // shares of each place. Regions tied at rank p in a draw (m of them, e.g.
  // followers on the same diffusion floor) hold places p .. p + m - 1
  // together, so each takes 1/m of each: the shares of place k then sum to
  // 1 over regions, as they would without ties.
  void AddRanks(const RegionDrawArray& ranks, int count, Eigen::ArrayXXd& places) const;

  int regions_, years_, draws_, bins_;
  std::vector<SeriesQuantiles> series_;  // variable x year x region (more than one draw)
  std::vector<double> only_draw_;        // the same, of a run of one draw
  std::vector<int> first_non_finite_;    // the first draw whose value is infinite or NaN
  std::vector<char> no_order_;           // a NaN among the values: no quantiles
  std::vector<Eigen::ArrayXXd> places_;  // per sector x year: draws' shares of each place
  bool targets_chosen_ = false;
};

// Summarises results that keep every draw (RunSimulation calls it).
void Summarise(Results& results, int threads);

}  // namespace sim
