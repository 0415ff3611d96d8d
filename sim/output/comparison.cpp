#include "sim/output/comparison.hpp"

#include <cmath>
#include <stdexcept>

#include "sim/output/atomic_file.hpp"

namespace sim {

const std::vector<Variable>& ComparedVariables() {
  static const std::vector<Variable> variables = {
      Variable::kCapabilityGenerative,   Variable::kCapabilityPhysical,
      Variable::kYearsBehindGenerative,  Variable::kYearsBehindPhysical,
      Variable::kComputeStock,           Variable::kComputeLargestRun,
      Variable::kResearchers,
      Variable::kMarketShareGenerative,  Variable::kMarketSharePhysical,
      Variable::kValue,                  Variable::kSovereignty,
      Variable::kInvestmentPublicCumulative,
  };
  return variables;
}

int BetterDirection(Variable variable) {
  switch (variable) {
    case Variable::kYearsBehindGenerative:
    case Variable::kYearsBehindPhysical:
    case Variable::kRankGenerative:
    case Variable::kRankPhysical:
    case Variable::kAlgorithmicLag:
      return -1;
    case Variable::kInvestmentPublic:
    case Variable::kInvestmentPrivate:
    case Variable::kInvestmentPublicCumulative:
    case Variable::kPowerDemand:
      return 0;
    default:
      return 1;
  }
}

namespace {

struct Paired {
  double base_median, other_median, difference_median, p5, p95;
  double share_better, share_worse;
};

// Quantiles of the paired differences of one region's draws in one year.
Paired PairDraws(const Results& base, int base_row, int base_year, const Results& other,
                 int other_row, int other_year, Variable variable) {
  const auto b = base.At(variable, base_year).row(base_row);
  const auto o = other.At(variable, other_year).row(other_row);
  const int draws = base.draws();
  std::vector<double> base_values(b.begin(), b.end()), other_values(o.begin(), o.end());
  std::vector<double> differences(static_cast<std::size_t>(draws));
  const int direction = BetterDirection(variable);
  int better = 0, worse = 0;
  for (int i = 0; i < draws; ++i) {
    const double d = o(i) - b(i);
    differences[static_cast<std::size_t>(i)] = d;
    better += direction * d > 0;
    worse += direction * d < 0;
  }
  Paired p;
  p.base_median = Quantile(base_values, 0.5);
  p.other_median = Quantile(other_values, 0.5);
  p.difference_median = Quantile(differences, 0.5);
  p.p5 = Quantile(differences, 0.05);
  p.p95 = Quantile(differences, 0.95);
  p.share_better = static_cast<double>(better) / draws;
  p.share_worse = static_cast<double>(worse) / draws;
  return p;
}

int RegionRow(const Results& results, const std::string& code) {
  for (int r = 0; r < results.regions(); ++r) {
    if (results.region_codes()[r] == code) return r;
  }
  throw std::invalid_argument("scenario " + results.scenario() + " has no region " + code);
}

int YearIndex(const Results& results, int year) {
  if (year < results.start_year() || year > results.end_year()) {
    throw std::invalid_argument("scenario " + results.scenario() + " does not cover " +
                                std::to_string(year));
  }
  return year - results.start_year();
}

std::string Optional(const std::optional<double>& value) {
  return value ? FormatNumber(*value) : "";
}

}  // namespace

Comparison CompareResults(const std::vector<const Results*>& results, int year,
                          const std::vector<std::string>& codes) {
  if (results.size() < 2) throw std::invalid_argument("a comparison needs two scenarios");
  const Results& base = *results[0];
  const std::vector<std::string>& regions = codes.empty() ? base.region_codes() : codes;
  const int base_year = YearIndex(base, year);
  Comparison comparison;
  comparison.year = year;
  for (std::size_t s = 1; s < results.size(); ++s) {
    const Results& other = *results[s];
    if (other.draws() != base.draws()) {
      throw std::invalid_argument("scenarios " + base.scenario() + " and " + other.scenario() +
                                  " have different draw counts");
    }
    const int other_year = YearIndex(other, year);
    const bool monte_carlo = base.draws() > 1;
    for (const std::string& code : regions) {
      const int b = RegionRow(base, code), o = RegionRow(other, code);
      for (Variable variable : ComparedVariables()) {
        const Paired p = PairDraws(base, b, base_year, other, o, other_year, variable);
        ComparisonRow row;
        row.scenario = other.scenario();
        row.base = base.scenario();
        row.region = code;
        row.variable = variable;
        row.year = year;
        row.base_value = p.base_median;
        row.value = p.other_median;
        row.difference = p.difference_median;
        if (p.base_median != 0) row.relative_percent = 100 * p.difference_median / std::abs(p.base_median);
        if (monte_carlo) {
          row.p5_difference = p.p5;
          row.p95_difference = p.p95;
          if (BetterDirection(variable) != 0) {
            row.share_better = p.share_better;
            row.share_worse = p.share_worse;
          }
        }
        comparison.rows.push_back(row);
      }
      // Capability per extra USD bn: medians of the paired differences, then
      // their ratio, only where OTHER spends more. A plan that spends less
      // (a delay, a cut) loses capability and saves money: the ratio of the
      // two would be positive and read as "efficient", so it is n/a.
      SpendEfficiencyRow e;
      e.scenario = other.scenario();
      e.base = base.scenario();
      e.region = code;
      e.year = year;
      e.spend_difference = PairDraws(base, b, base_year, other, o, other_year,
                                     Variable::kInvestmentPublicCumulative).difference_median;
      e.generative_difference = PairDraws(base, b, base_year, other, o, other_year,
                                          Variable::kCapabilityGenerative).difference_median;
      e.physical_difference = PairDraws(base, b, base_year, other, o, other_year,
                                        Variable::kCapabilityPhysical).difference_median;
      if (e.spend_difference >= kNoExtraSpend) {
        e.generative_per_usd_bn = e.generative_difference / e.spend_difference;
        e.physical_per_usd_bn = e.physical_difference / e.spend_difference;
      }
      comparison.efficiency.push_back(e);
    }
  }
  return comparison;
}

std::string FormatDifferencesCsv(const Comparison& comparison) {
  std::string out =
      "scenario,base,region,variable,unit,year,base_value,value,difference,relative_percent,"
      "p5_difference,p95_difference,share_better,share_worse\n";
  for (const ComparisonRow& row : comparison.rows) {
    const VariableInfo& info = Describe(row.variable);
    out += row.scenario + "," + row.base + "," + row.region + "," + info.name + "," + info.unit +
           "," + std::to_string(row.year) + "," + FormatNumber(row.base_value) + "," +
           FormatNumber(row.value) + "," + FormatNumber(row.difference) + "," +
           Optional(row.relative_percent) + "," + Optional(row.p5_difference) + "," +
           Optional(row.p95_difference) + "," + Optional(row.share_better) + "," +
           Optional(row.share_worse) + "\n";
  }
  return out;
}

std::string FormatEfficiencyCsv(const Comparison& comparison) {
  std::string out =
      "scenario,base,region,year,extra_public_spend_usd_bn,generative_difference,"
      "generative_per_usd_bn,physical_difference,physical_per_usd_bn\n";
  const auto ratio = [](const std::optional<double>& value) {
    return value ? FormatNumber(*value) : std::string("n/a");
  };
  for (const SpendEfficiencyRow& e : comparison.efficiency) {
    out += e.scenario + "," + e.base + "," + e.region + "," + std::to_string(e.year) + "," +
           FormatNumber(e.spend_difference) + "," + FormatNumber(e.generative_difference) + "," +
           ratio(e.generative_per_usd_bn) + "," + FormatNumber(e.physical_difference) + "," +
           ratio(e.physical_per_usd_bn) + "\n";
  }
  return out;
}

}  // namespace sim
