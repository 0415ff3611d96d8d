// Results of a run: every output variable for every year, region and draw,
// and the catalogue of variables with their units.
#pragma once

#include <cassert>
#include <string>
#include <vector>

#include "sim/eigen_types.hpp"

namespace sim {

// Output variables, IAMC-style names. Stocks are values on 1 January of the
// year; flows (investment, value) are amounts during the year.
enum class Variable {
  kComputeStock,
  kComputeStockGenerative,
  kComputeStockPhysical,
  kComputeOperational,
  kComputeLargestCluster,
  kComputeLargestRun,
  kPowerCapacity,
  kPowerDemand,
  kResearchers,
  kRobots,
  kRobotInstallations,
  kRobotDensity,
  kDataPhysical,
  kDataGenerative,
  kAlgorithmicLag,
  kCapabilityGenerative,
  kCapabilityPhysical,
  kYearsBehindGenerative,
  kYearsBehindPhysical,
  kFrontierYearGenerative,
  kFrontierYearPhysical,
  kRankGenerative,
  kRankPhysical,
  kMarketShareGenerative,
  kMarketSharePhysical,
  kValue,
  kValuePhysical,
  kSovereignty,
  kSovereigntyPhysical,
  kInvestmentPublic,
  kInvestmentPrivate,
  kInvestmentPublicCumulative,
  kCount
};
inline constexpr int kVariableCount = static_cast<int>(Variable::kCount);

struct VariableInfo {
  Variable variable;
  const char* name;         // e.g. "Capability|Generative"
  const char* unit;         // e.g. "log10 FLOP"
  const char* description;  // one line for docs and reports
};

// The catalogue, in enum order.
const std::vector<VariableInfo>& Variables();
const VariableInfo& Describe(Variable variable);
// The variable named `name`, or nullptr.
const VariableInfo* FindVariable(const std::string& name);

// Probabilities of the quantile columns of Monte Carlo output.
inline constexpr double kQuantileLevels[] = {0.05, 0.25, 0.50, 0.75, 0.95};

// The five quantiles of a variable for one region and year, over draws
// (all five equal the value when there is one draw). Every Monte Carlo
// output reports these (timeseries.csv, the summaries, the headline, the
// charts' fans and the explorer's).
struct QuantileSet {
  double p5, p25, p50, p75, p95;
};

// What a run's outputs read of its draws (sim/model/draw_summary.hpp makes
// it, from the draws in memory or streamed past in blocks), in the order
// variable x year x region for the per-series entries.
struct DrawSummary {
  std::vector<QuantileSet> quantiles;   // over draws (infinities ranked); NaN where a value is NaN
  std::vector<int> first_non_finite;    // the first draw whose value is not finite, or -1
  // Per sector (generative, physical) x year, R x R: entry (r, k - 1) is the
  // share of draws in which region r ranks k-th or better, P(rank <= k).
  std::vector<Eigen::ArrayXXd> rank_odds;
};

class Results {
 public:
  // How the per-draw arrays start: at zero; unset, for a caller that writes
  // every value (RunSimulation: filling gigabytes first would cost a pass
  // over them on one thread, where the year loop's threads write them
  // anyway); or not kept at all (SummariseSimulation: only the summary).
  enum class Start { kZero, kUnset, kNone };
  // Allocates every variable x year array (regions x draws) up front.
  Results(std::string scenario, std::vector<std::string> region_codes, std::vector<std::string> region_names,
          int start_year, int years, int draws, Start start = Start::kZero);

  // Every draw's values (when kept).
  bool keeps_draws() const { return !data_.empty(); }
  RegionDrawArray& At(Variable variable, int year_index) {
    assert(keeps_draws());
    return data_[Index(variable, year_index)];
  }
  const RegionDrawArray& At(Variable variable, int year_index) const {
    assert(keeps_draws());
    return data_[Index(variable, year_index)];
  }

  const std::string& scenario() const { return scenario_; }
  const std::vector<std::string>& region_codes() const { return region_codes_; }
  const std::vector<std::string>& region_names() const { return region_names_; }
  int start_year() const { return start_year_; }
  int years() const { return years_; }
  int end_year() const { return start_year_ + years_ - 1; }
  int regions() const { return static_cast<int>(region_codes_.size()); }
  int draws() const { return draws_; }

  // The summary of the draws, which every output of `aisim run` reads.
  void SetSummary(DrawSummary summary) { summary_ = std::move(summary); }
  bool summarised() const { return !summary_.quantiles.empty(); }
  const QuantileSet& Quantiles(Variable variable, int year_index, int region) const {
    assert(summarised() && "Summarise() first");
    return summary_.quantiles[Series(variable, year_index, region)];
  }
  // The first draw in which the series' value is not finite, or -1.
  int FirstNonFiniteDraw(Variable variable, int year_index, int region) const {
    assert(summarised());
    return summary_.first_non_finite[Series(variable, year_index, region)];
  }
  // P(rank <= k) by `rank` (Variable::kRankGenerative or kRankPhysical):
  // see DrawSummary::rank_odds.
  const Eigen::ArrayXXd& RankOdds(Variable rank, int year_index) const {
    assert(summarised() && (rank == Variable::kRankGenerative || rank == Variable::kRankPhysical));
    return summary_.rank_odds[(rank == Variable::kRankGenerative ? 0 : years_) + year_index];
  }

 private:
  std::size_t Index(Variable variable, int year_index) const {
    return static_cast<std::size_t>(variable) * years_ + year_index;
  }
  std::size_t Series(Variable variable, int year_index, int region) const {
    return Index(variable, year_index) * region_codes_.size() + region;
  }

  std::string scenario_;
  std::vector<std::string> region_codes_, region_names_;
  int start_year_, years_, draws_;
  std::vector<RegionDrawArray> data_;
  DrawSummary summary_;
};

// "" when every value is finite; otherwise which variable, region and year
// first is not, e.g. "Capability|Generative of KR in 2031 (draw 3)". The
// loader's ranges keep results finite (tests/model/property_test.cpp); this is
// the last guard before anything is written. Reads the summary.
std::string FirstNonFinite(const Results& results);

// The quantile at probability p (in [0, 1]) of values, by linear
// interpolation between order statistics (NumPy's default "linear" method).
// Reorders `values`.
double Quantile(std::vector<double>& values, double p);

// That rule in two steps: the quantile at probability p of n values lies
// between the order statistics `below` and below + 1 (counting from 0), a
// `fraction` of the way; ...
struct QuantilePosition {
  std::size_t below;
  double fraction;
  bool interpolates(std::size_t n) const { return fraction != 0 && below + 1 < n; }
};
QuantilePosition PositionOf(double p, std::size_t n);
// ... and is found from those two (`high` is read only when it interpolates).
double Interpolate(double low, double high, double fraction);

}  // namespace sim
