#include "sim/explore/levers.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstring>

#include "sim/scenario/fields.hpp"
#include "sim/scenario/flow_text.hpp"

namespace sim::explore {
namespace {

using internal::Field;
using internal::Range;

template <class Owner>
const Field<Owner>& FindField(const std::vector<Field<Owner>>& fields, const char* key) {
  for (const Field<Owner>& field : fields) {
    if (std::strcmp(field.key, key) == 0) return field;
  }
  throw std::logic_error(std::string("explorer lever '") + key + "' is not a scenario field");
}

// "public_budget" -> "Public budget".
std::string Label(const std::string& key) {
  std::string label = key;
  std::replace(label.begin(), label.end(), '_', ' ');
  if (label.compare(0, 3, "gpu") == 0) label.replace(0, 3, "GPU");
  if (const auto h100e = label.find("h100e"); h100e != std::string::npos) label.replace(h100e, 5, "H100e");
  if (const auto oom = label.find(" oom "); oom != std::string::npos) label.replace(oom, 5, " OOM ");
  if (!label.empty()) label[0] = static_cast<char>(std::toupper(label[0]));
  return label;
}

// A round number at least `value`: 1, 2, 5 x 10^k.
double NiceCeil(double value) {
  if (value <= 0) return 1;
  const double magnitude = std::pow(10.0, std::floor(std::log10(value)));
  for (double m : {1.0, 2.0, 5.0, 10.0}) {
    if (m * magnitude >= value * (1 - 1e-12)) return m * magnitude;
  }
  return 10 * magnitude;
}

// A slider step of about a two-hundredth of the span, a round number.
double NiceStep(double min, double max) {
  const double rough = (max - min) / 200;
  const double magnitude = std::pow(10.0, std::floor(std::log10(rough)));
  for (double m : {1.0, 2.0, 5.0}) {
    if (m * magnitude >= rough) return m * magnitude;
  }
  return 10 * magnitude;
}

// The allowed range clipped to [low, high]; open ends step inwards by `step`.
void ClipToRange(const Range& range, double step, double& low, double& high) {
  if (low < range.min || (range.min_open && low <= range.min)) low = range.min + (range.min_open ? step : 0);
  if (high > range.max || (range.max_open && high >= range.max)) high = range.max - (range.max_open ? step : 0);
}

nlohmann::json NumberLever(const std::string& path, const char* key, const char* unit,
                           const char* description, const Range& range, double value, double low,
                           double high, double step) {
  ClipToRange(range, step, low, high);
  low = std::min(low, value);
  high = std::max(high, value);
  return {{"key", key},   {"path", path},   {"label", Label(key)}, {"unit", unit},
          {"description", description},     {"kind", "number"},    {"value", value},
          {"min", low},   {"max", high},    {"step", step}};
}

nlohmann::json RegionLever(const Region& region, const char* key, int start_year) {
  const Field<Region>& field = FindField(internal::RegionFields(), key);
  const std::string path = "regions." + region.code + "." + key;
  if (std::holds_alternative<Allocation Region::*>(field.member)) {
    const Allocation& allocation = region.*std::get<Allocation Region::*>(field.member);
    nlohmann::json shares = nlohmann::json::array();
    for (const Field<Allocation>& share : internal::AllocationFields()) {
      shares.push_back({{"key", share.key}, {"value", allocation.*std::get<double Allocation::*>(share.member)}});
    }
    return {{"key", key},     {"path", path},        {"label", Label(key)}, {"unit", "shares summing to 1"},
            {"description", field.description},      {"kind", "allocation"}, {"shares", shares}};
  }
  if (std::holds_alternative<double Region::*>(field.member)) {  // start_delay
    const double value = region.*std::get<double Region::*>(field.member);
    return NumberLever(path, key, field.unit, field.description, field.range, value, 0,
                       std::max(10.0, std::ceil(value)), 1);
  }
  const Schedule& schedule = region.*std::get<Schedule Region::*>(field.member);
  const double value = schedule.At(start_year);
  double high = 1;  // shares
  if (!(field.range.max <= 1)) {
    // Open-ended quantities: room for four times the largest scheduled value,
    // and a floor that lets a small region try a large programme.
    double largest = 0;
    for (const auto& point : schedule.points) largest = std::max(largest, point.second);
    const double floor = std::strcmp(key, "gpu_deliveries") == 0 ? 500000
                         : std::strcmp(key, "public_budget") == 0 ? 50
                                                                  : 20;
    high = NiceCeil(std::max(floor, 4 * largest));
  }
  nlohmann::json lever = NumberLever(path, key, field.unit, field.description, field.range, value,
                                     0, high, high <= 1 ? 0.01 : NiceStep(0, high));
  if (schedule.points.size() > 1) lever["varies"] = internal::FlowSchedule(schedule);
  if (field.money) lever["money"] = true;  // USD bn at base-year prices: shown in the region's currency too
  return lever;
}

nlohmann::json AssumptionLever(const Assumptions& assumptions, const char* key) {
  const Field<Assumptions>& field = FindField(internal::AssumptionFields(), key);
  const Assumption& assumption = assumptions.*std::get<Assumption Assumptions::*>(field.member);
  const Distribution& d = assumption.distribution;
  const double value = assumption.value;
  double low = value / 2, high = value * 2;
  switch (d.kind) {
    case Distribution::Kind::kUniform:
    case Distribution::Kind::kTriangular:
      low = d.min;
      high = d.max;
      break;
    case Distribution::Kind::kNormal:
      low = d.truncated_below ? d.lower : d.mean - 3 * d.sd;
      high = d.truncated_above ? d.upper : d.mean + 3 * d.sd;
      break;
    case Distribution::Kind::kLognormal:
      low = d.truncated_below ? d.lower : d.median * std::exp(-3 * d.sigma);
      high = d.truncated_above ? d.upper : d.median * std::exp(3 * d.sigma);
      break;
    case Distribution::Kind::kNone:
      // A switch that is off (a reinforcing loop at 0) spans what it may be.
      if (value == 0) low = field.range.min, high = field.range.max;
      break;
  }
  const double step = NiceStep(low, high);
  nlohmann::json lever = NumberLever("assumptions." + std::string(key), key, field.unit,
                                     field.description, field.range, value, low, high, step);
  if (d.kind != Distribution::Kind::kNone) lever["uncertain"] = internal::FlowAssumption(assumption);
  return lever;
}

}  // namespace

nlohmann::json DescribeLevers(const Scenario& scenario) {
  nlohmann::json regions = nlohmann::json::array();
  for (const Region& region : scenario.regions) {
    nlohmann::json levers = nlohmann::json::array();
    for (const char* key : kRegionLevers) levers.push_back(RegionLever(region, key, scenario.start_year));
    const auto rate = scenario.money.per_usd.find(region.currency);
    const double per_usd = rate == scenario.money.per_usd.end() ? 1.0 : rate->second;  // USD
    regions.push_back({{"code", region.code},
                       {"name", region.name},
                       {"currency", {{"code", region.currency}, {"per_usd", per_usd}}},
                       {"levers", levers}});
  }
  nlohmann::json assumptions = nlohmann::json::array();
  for (const char* key : kMainAssumptions) assumptions.push_back(AssumptionLever(scenario.assumptions, key));
  return {{"scenario", scenario.name},         {"description", scenario.description},
          {"focus", scenario.focus},           {"money_base_year", scenario.money.base_year},
          {"start_year", scenario.start_year}, {"end_year", scenario.end_year},
          {"draws", scenario.draws},           {"seed", scenario.seed},
          {"regions", regions},                {"assumptions", assumptions}};
}

}  // namespace sim::explore
