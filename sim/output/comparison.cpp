#include "sim/output/comparison.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "sim/output/atomic_file.hpp"
#include "sim/output/time_shift.hpp"

namespace sim {

const std::vector<Variable>& ComparedVariables() {
  static const std::vector<Variable> variables = {
      Variable::kCapabilityGenerative,   Variable::kCapabilityPhysical,
      Variable::kYearsBehindGenerative,  Variable::kYearsBehindPhysical,
      Variable::kComputeStock,           Variable::kComputeLargestRun,
      Variable::kResearchers,
      Variable::kMarketShareGenerative,  Variable::kMarketSharePhysical,
      Variable::kValue,                  Variable::kValuePhysical,
      Variable::kSovereignty,            Variable::kSovereigntyPhysical,
      Variable::kRobots,                 Variable::kRobotInstallations,
      Variable::kRobotDensity,
      Variable::kInvestmentPublicCumulative,
  };
  return variables;
}

const std::vector<Variable>& TimeShiftVariables() {
  static const std::vector<Variable> variables = {Variable::kCapabilityGenerative,
                                                  Variable::kCapabilityPhysical};
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
  std::optional<double> relative_p50, relative_p5, relative_p95;  // paired, in %
};

// Quantiles of the paired differences of one region's draws in one year.
Paired PairDraws(const Results& base, int base_row, int base_year, const Results& other,
                 int other_row, int other_year, Variable variable) {
  const auto b = base.At(variable, base_year).row(base_row);
  const auto o = other.At(variable, other_year).row(other_row);
  const int draws = base.draws();
  std::vector<double> base_values(b.begin(), b.end()), other_values(o.begin(), o.end());
  std::vector<double> differences(static_cast<std::size_t>(draws)), relative;
  const int direction = BetterDirection(variable);
  int better = 0, worse = 0;
  for (int i = 0; i < draws; ++i) {
    const double d = o(i) - b(i);
    differences[static_cast<std::size_t>(i)] = d;
    better += direction * d > 0;
    worse += direction * d < 0;
    if (b(i) != 0) relative.push_back(100 * d / std::abs(b(i)));
  }
  Paired p;
  p.base_median = Quantile(base_values, 0.5);
  p.other_median = Quantile(other_values, 0.5);
  p.difference_median = Quantile(differences, 0.5);
  p.p5 = Quantile(differences, 0.05);
  p.p95 = Quantile(differences, 0.95);
  p.share_better = static_cast<double>(better) / draws;
  p.share_worse = static_cast<double>(worse) / draws;
  if (!relative.empty()) {
    p.relative_p50 = Quantile(relative, 0.5);
    p.relative_p5 = Quantile(relative, 0.05);
    p.relative_p95 = Quantile(relative, 0.95);
  }
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

// One draw's path of a region's `variable` over all its years.
std::vector<double> DrawPath(const Results& results, int row, Variable variable, int draw) {
  const int years = results.end_year() - results.start_year() + 1;
  std::vector<double> path(static_cast<std::size_t>(years));
  for (int t = 0; t < years; ++t) path[static_cast<std::size_t>(t)] = results.At(variable, t)(row, draw);
  return path;
}

// The time shift of OTHER's region row `o` against BASE's row `b`, per
// sector and per year both cover, from the paired draws.
void AddTimeShifts(const Results& base, int b, const Results& other, int o,
                   const std::string& code, std::vector<TimeShiftRow>& rows) {
  const int first = std::max(base.start_year(), other.start_year());
  const int last = std::min(base.end_year(), other.end_year());
  const int draws = base.draws();
  for (Variable variable : TimeShiftVariables()) {
    std::vector<std::vector<double>> base_paths, other_paths;
    for (int i = 0; i < draws; ++i) {
      base_paths.push_back(DrawPath(base, b, variable, i));
      other_paths.push_back(DrawPath(other, o, variable, i));
    }
    for (int year = first; year <= last; ++year) {
      std::vector<double> shifts(static_cast<std::size_t>(draws)), levels(shifts.size());
      int later = 0;
      for (int i = 0; i < draws; ++i) {
        const std::size_t d = static_cast<std::size_t>(i);
        shifts[d] = TimeShift(base_paths[d], base.start_year(), other_paths[d], other.start_year(), year);
        levels[d] = base_paths[d][static_cast<std::size_t>(year - base.start_year())];
        later += shifts[d] > 0;
      }
      TimeShiftRow row;
      row.scenario = other.scenario();
      row.base = base.scenario();
      row.region = code;
      row.variable = variable;
      row.year = year;
      row.base_value = Quantile(levels, 0.5);
      row.shift = Quantile(shifts, 0.5);
      if (draws > 1) {
        row.p5_shift = Quantile(shifts, 0.05);
        row.p95_shift = Quantile(shifts, 0.95);
        row.share_later = static_cast<double>(later) / draws;
      }
      rows.push_back(row);
    }
  }
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
          row.relative_p50 = p.relative_p50;
          row.relative_p5 = p.relative_p5;
          row.relative_p95 = p.relative_p95;
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
      AddTimeShifts(base, b, other, o, code, comparison.time_shifts);
    }
  }
  return comparison;
}

std::string FormatDifferencesCsv(const Comparison& comparison) {
  std::string out =
      "scenario,base,region,variable,unit,year,base_value,value,difference,relative_percent,"
      "p5_difference,p95_difference,share_better,share_worse,relative_p50,relative_p5,relative_p95\n";
  for (const ComparisonRow& row : comparison.rows) {
    const VariableInfo& info = Describe(row.variable);
    out += row.scenario + "," + row.base + "," + row.region + "," + info.name + "," + info.unit +
           "," + std::to_string(row.year) + "," + FormatNumber(row.base_value) + "," +
           FormatNumber(row.value) + "," + FormatNumber(row.difference) + "," +
           Optional(row.relative_percent) + "," + Optional(row.p5_difference) + "," +
           Optional(row.p95_difference) + "," + Optional(row.share_better) + "," +
           Optional(row.share_worse) + "," + Optional(row.relative_p50) + "," + Optional(row.relative_p5) +
           "," + Optional(row.relative_p95) + "\n";
  }
  return out;
}

std::string FormatTimeShiftCsv(const Comparison& comparison) {
  std::string out =
      "scenario,base,region,variable,year,base_value,time_shift_years,p5_time_shift_years,"
      "p95_time_shift_years,share_later\n";
  for (const TimeShiftRow& row : comparison.time_shifts) {
    out += row.scenario + "," + row.base + "," + row.region + "," + Describe(row.variable).name +
           "," + std::to_string(row.year) + "," + FormatNumber(row.base_value) + "," +
           FormatNumber(row.shift) + "," + Optional(row.p5_shift) + "," + Optional(row.p95_shift) +
           "," + Optional(row.share_later) + "\n";
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
