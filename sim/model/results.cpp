#include "sim/model/results.hpp"

#include <algorithm>
#include <cmath>

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
      {Variable::kValuePhysical, "Value|Physical", "USD bn/yr", "physical-AI revenue captured (robot systems, autonomous driving and industrial AI software), 2025 prices"},
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

Results::Results(std::string scenario, std::vector<std::string> region_codes,
                 std::vector<std::string> region_names, int start_year, int years, int draws, Start start)
    : scenario_(std::move(scenario)),
      region_codes_(std::move(region_codes)),
      region_names_(std::move(region_names)),
      start_year_(start_year),
      years_(years),
      draws_(draws) {
  if (start == Start::kNone) return;
  data_.reserve(static_cast<std::size_t>(kVariableCount) * years);
  for (int i = 0; i < kVariableCount * years; ++i) {
    data_.emplace_back(static_cast<Eigen::Index>(region_codes_.size()), draws);
    if (start == Start::kZero) data_.back().setZero();
  }
}

std::string FirstNonFinite(const Results& results) {
  for (const VariableInfo& info : Variables()) {
    for (int k = 0; k < results.years(); ++k) {
      for (int r = 0; r < results.regions(); ++r) {
        const int draw = results.FirstNonFiniteDraw(info.variable, k, r);
        if (draw < 0) continue;
        return std::string(info.name) + " of " + results.region_codes()[r] + " in " +
               std::to_string(results.start_year() + k) + " (draw " + std::to_string(draw + 1) + ")";
      }
    }
  }
  return "";
}

QuantilePosition PositionOf(double p, std::size_t n) {
  const double position = p * static_cast<double>(n - 1);
  const std::size_t below = static_cast<std::size_t>(std::floor(position));
  return {below, position - static_cast<double>(below)};
}

// Equal neighbours (infinities among them: a time shift not reached by the
// end) and whole positions need no interpolation, which would give NaN.
double Interpolate(double low, double high, double fraction) {
  if (fraction == 0 || high == low) return low;
  return low + fraction * (high - low);
}

double Quantile(std::vector<double>& values, double p) {
  if (values.size() == 1) return values[0];
  const QuantilePosition at = PositionOf(p, values.size());
  std::nth_element(values.begin(), values.begin() + at.below, values.end());
  const double low = values[at.below];
  if (!at.interpolates(values.size())) return low;
  // The next order statistic is the minimum of the part after `below`.
  const double high = *std::min_element(values.begin() + at.below + 1, values.end());
  return Interpolate(low, high, at.fraction);
}

}  // namespace sim
