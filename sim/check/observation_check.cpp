#include "sim/check/observation_check.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>

#include "sim/error.hpp"

namespace sim {
namespace {

// Up to 4 significant digits: enough to read a comparison, short enough for a table.
std::string Short(double value) {
  if (std::isinf(value)) return value > 0 ? "inf" : "-inf";
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.4g", value);
  return buffer;
}

const char* ToleranceName(Observation::ToleranceKind kind) {
  switch (kind) {
    case Observation::ToleranceKind::kRelative: return "relative";
    case Observation::ToleranceKind::kAbsolute: return "absolute";
    case Observation::ToleranceKind::kLog10: return "log10";
  }
  return "";
}

std::string VariableNames() {
  std::string names;
  for (const VariableInfo& info : Variables()) {
    if (!names.empty()) names += ", ";
    names += info.name;
  }
  return names;
}

std::string Pad(const std::string& text, std::size_t width) {
  return text.size() >= width ? text + " " : text + std::string(width - text.size(), ' ');
}

}  // namespace

void ValidateObservations(const Scenario& scenario) {
  for (const Observation& o : scenario.observations) {
    const VariableInfo* info = FindVariable(o.variable);
    if (info == nullptr) {
      throw ScenarioError(o.variable_at,
                          "unknown variable '" + o.variable + "' in observation",
                          "observations compare output variables: " + VariableNames() +
                              ". A quantity the model does not output (e.g. model releases) "
                              "cannot be checked; leave it out and say so in the docs");
    }
    if (o.unit != info->unit) {
      throw ScenarioError(o.unit_at,
                          "unit '" + o.unit + "' does not match variable " + o.variable +
                              ", which is in '" + info->unit + "'",
                          "convert the observed value to " + std::string(info->unit) +
                              " and write unit: " + info->unit);
    }
    if (o.year < scenario.start_year || o.year > scenario.end_year) {
      throw ScenarioError(o.year_at,
                          "observation year " + std::to_string(o.year) + " is outside the run " +
                              std::to_string(scenario.start_year) + "-" +
                              std::to_string(scenario.end_year),
                          "observe a simulated year, or change start_year / end_year");
    }
    if (o.tolerance_kind == Observation::ToleranceKind::kLog10 && !(o.value > 0)) {
      throw ScenarioError(o.at, "a log10 tolerance needs a positive observed value, got " +
                                    Short(o.value),
                          "use an absolute tolerance for values that can be zero or negative");
    }
  }
}

std::vector<ObservationCheck> CheckObservations(const Scenario& scenario, const Results& results) {
  std::vector<ObservationCheck> checks;
  for (const Observation& o : scenario.observations) {
    ObservationCheck check;
    check.observation = o;
    const int region = scenario.RegionIndex(o.region);
    check.model = results.At(FindVariable(o.variable)->variable, o.year - results.start_year())(region, 0);
    switch (o.tolerance_kind) {
      case Observation::ToleranceKind::kRelative:
        check.error = (check.model - o.value) / std::abs(o.value);
        break;
      case Observation::ToleranceKind::kAbsolute:
        check.error = check.model - o.value;
        break;
      case Observation::ToleranceKind::kLog10:
        check.error = check.model > 0 ? std::log10(check.model / o.value)
                                      : std::numeric_limits<double>::infinity();
        break;
    }
    // A NaN error (0 / 0 for a relative error of an observed zero) fails too.
    check.pass = std::abs(check.error) <= o.tolerance;
    checks.push_back(check);
  }
  return checks;
}

std::vector<ObservationSpread> SpreadObservations(const Scenario& scenario, const Results& draws) {
  std::vector<ObservationSpread> spreads;
  std::vector<double> values(static_cast<std::size_t>(draws.draws()));
  for (const Observation& o : scenario.observations) {
    const int region = scenario.RegionIndex(o.region);
    const RegionDrawArray& row = draws.At(FindVariable(o.variable)->variable, o.year - draws.start_year());
    double below = 0;
    for (int j = 0; j < draws.draws(); ++j) {
      values[static_cast<std::size_t>(j)] = row(region, j);
      below += row(region, j) < o.value ? 1.0 : row(region, j) == o.value ? 0.5 : 0.0;
    }
    ObservationSpread spread;
    spread.below = below / draws.draws();
    spread.low = Quantile(values, 0.05);
    spread.high = Quantile(values, 0.95);
    spread.inside = spread.low <= o.value && o.value <= spread.high;
    spread.fixed = spread.low == spread.high;
    spreads.push_back(spread);
  }
  return spreads;
}

std::string CheckHeadline(const std::string& scenario_name, const std::vector<ObservationCheck>& checks) {
  int passed = 0;
  const ObservationCheck* worst = nullptr;
  double worst_ratio = 0;
  for (const ObservationCheck& c : checks) {
    passed += c.pass;
    const double ratio = std::abs(c.error) / c.observation.tolerance;
    if (!c.pass && (!worst || ratio > worst_ratio)) worst = &c, worst_ratio = ratio;
  }
  std::string text = "In short: " + scenario_name + " agrees with the record on " + std::to_string(passed) +
                     " of " + std::to_string(checks.size()) + " observations";
  if (!worst) return text + ".";
  const Observation& o = worst->observation;
  // How far apart, in the tolerance's own terms.
  const auto apart = [&](double error) {
    char text[64];
    switch (o.tolerance_kind) {
      case Observation::ToleranceKind::kLog10:
        if (std::isinf(error)) return std::string("the model is not positive");
        std::snprintf(text, sizeof text, "%.2gx", std::pow(10.0, std::abs(error)));
        break;
      case Observation::ToleranceKind::kRelative:
        std::snprintf(text, sizeof text, "%+.0f%%", 100 * error);
        break;
      case Observation::ToleranceKind::kAbsolute:
        std::snprintf(text, sizeof text, "%+.2g %s", error, o.unit.c_str());
        break;
    }
    return std::string(text);
  };
  // An allowance has no sign.
  const std::string allowed = o.tolerance_kind == Observation::ToleranceKind::kLog10
                                  ? apart(o.tolerance)
                                  : apart(o.tolerance).substr(1);
  return text + "; furthest off: " + o.region + " " + o.variable + " " + std::to_string(o.year) + ", model " +
         Short(worst->model) + " " + o.unit + " against " + Short(o.value) + " observed (" + apart(worst->error) +
         (o.tolerance_kind == Observation::ToleranceKind::kLog10 ? " apart" : "") + "; the tolerance allows " +
         allowed + ").";
}

std::string FormatObservationChecks(const std::string& scenario_name,
                                    const std::vector<ObservationCheck>& checks,
                                    const std::vector<ObservationSpread>& spreads, int draws) {
  const bool spread = !spreads.empty();
  std::size_t variable_width = 8, unit_width = 4;
  for (const ObservationCheck& c : checks) {
    variable_width = std::max(variable_width, c.observation.variable.size());
    unit_width = std::max(unit_width, c.observation.unit.size());
  }
  std::string out = scenario_name + ": " + std::to_string(checks.size()) +
                    " observations, deterministic run" +
                    (spread ? " and " + std::to_string(draws) + " Monte Carlo draws" : std::string()) + "\n";
  out += Pad("region", 7) + Pad("variable", variable_width + 2) + Pad("year", 6) +
         Pad("model", 11) + Pad("observed", 11) + Pad("unit", unit_width + 2) +
         Pad("error", 19) + Pad("tolerance", 19) +
         (spread ? Pad("result", 8) + Pad("draws 5% .. 95%", 24) + Pad("below", 9) + "record\n" : "result\n");
  int failures = 0, inside = 0, fixed = 0;
  for (std::size_t i = 0; i < checks.size(); ++i) {
    const ObservationCheck& c = checks[i];
    const Observation& o = c.observation;
    const std::string kind = ToleranceName(o.tolerance_kind);
    failures += !c.pass;
    out += Pad(o.region, 7) + Pad(o.variable, variable_width + 2) + Pad(std::to_string(o.year), 6) +
           Pad(Short(c.model), 11) + Pad(Short(o.value), 11) + Pad(o.unit, unit_width + 2) +
           Pad(kind + " " + Short(c.error), 19) + Pad(kind + " " + Short(o.tolerance), 19) +
           (spread ? Pad(c.pass ? "pass" : "FAIL", 8) : (c.pass ? "pass" : "FAIL"));
    if (spread) {
      const ObservationSpread& s = spreads[i];
      inside += s.inside && !s.fixed;
      fixed += s.fixed;
      char share[16];
      std::snprintf(share, sizeof share, "%.1f%%", 100 * s.below);
      out += Pad(Short(s.low) + " .. " + Short(s.high), 24) + Pad(share, 9) +
             (s.fixed ? "no spread" : s.inside ? "inside" : "OUTSIDE");
    }
    out += "\n";
  }
  out += std::to_string(checks.size() - failures) + " of " + std::to_string(checks.size()) +
         " observations within tolerance" +
         (failures ? "; " + std::to_string(failures) + " FAIL" : std::string()) + "\n";
  if (spread) {
    const int spread_count = static_cast<int>(checks.size()) - fixed;
    out += std::to_string(inside) + " of " + std::to_string(spread_count) +
           " observed values inside the 5-95% range of " + std::to_string(draws) + " draws" +
           (fixed ? " (" + std::to_string(fixed) + " more with no spread: the draws do not vary them)"
                  : std::string()) +
           "; the exit status follows the deterministic run\n";
  }
  return out;
}

}  // namespace sim
