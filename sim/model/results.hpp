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

class Results {
 public:
  // How the arrays start: at zero, or unset for a caller that writes every
  // value (RunSimulation: filling gigabytes first would cost a pass over
  // them on one thread, where the year loop's threads write them anyway).
  enum class Start { kZero, kUnset };
  // Allocates every variable x year array (regions x draws) up front.
  Results(std::string scenario, std::vector<std::string> region_codes, std::vector<std::string> region_names,
          int start_year, int years, int draws, Start start = Start::kZero);

  RegionDrawArray& At(Variable variable, int year_index) {
    return data_[Index(variable, year_index)];
  }
  const RegionDrawArray& At(Variable variable, int year_index) const {
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

  // Computes every variable's quantiles over draws, each region and year,
  // on `threads` threads (results do not depend on it), and notes which
  // series hold a non-finite value. RunSimulation calls it once every draw
  // is in; the outputs read the quantiles many times.
  void Summarise(int threads);
  const QuantileSet& Quantiles(Variable variable, int year_index, int region) const {
    assert(!quantiles_.empty() && "Results::Summarise() first");
    return quantiles_[Index(variable, year_index) * region_codes_.size() + region];
  }
  // Whether the series of `variable`, year and region holds a value that is
  // not finite (after Summarise).
  bool HasNonFinite(Variable variable, int year_index, int region) const {
    return non_finite_[Index(variable, year_index) * region_codes_.size() + region];
  }

 private:
  std::size_t Index(Variable variable, int year_index) const {
    return static_cast<std::size_t>(variable) * years_ + year_index;
  }

  std::string scenario_;
  std::vector<std::string> region_codes_, region_names_;
  int start_year_, years_, draws_;
  std::vector<RegionDrawArray> data_;
  std::vector<QuantileSet> quantiles_;  // variable x year x region, after Summarise
  std::vector<char> non_finite_;        // the same order
};

// "" when every value is finite; otherwise which variable, region and year
// first is not, e.g. "Capability|Generative of KR in 2031 (draw 3)". The
// loader's ranges keep results finite (tests/model/property_test.cpp); this is
// the last guard before anything is written. Needs Summarise.
std::string FirstNonFinite(const Results& results);

// The quantile at probability p (in [0, 1]) of values, by linear
// interpolation between order statistics (NumPy's default "linear" method).
// Reorders `values`.
double Quantile(std::vector<double>& values, double p);

// The five kQuantileLevels quantiles of values, each exactly as Quantile()
// gives it, found by counting the values in bins and selecting only within
// the few bins that hold the order statistics needed. `values` must be
// finite and not empty.
QuantileSet FiveQuantiles(const std::vector<double>& values);

}  // namespace sim
