#include "sim/scenario/flow_text.hpp"

#include <cstdio>

#include "sim/scenario/did_you_mean.hpp"

namespace sim::internal {

std::string FlowText(const std::string& text) {
  std::string quoted = "\"";
  for (const char c : text) {
    if (c == '"' || c == '\\') {
      quoted += '\\';
      quoted += c;
    } else if (static_cast<unsigned char>(c) < 0x20) {
      char escape[8];
      std::snprintf(escape, sizeof escape, "\\x%02x", static_cast<unsigned char>(c));
      quoted += escape;
    } else {
      quoted += c;
    }
  }
  return quoted + "\"";
}

// A constant is written as a scalar; every other schedule, even a single
// point, as a year map.
std::string FlowSchedule(const Schedule& schedule) {
  if (schedule.IsConstant()) {
    return FormatNumber(schedule.points.begin()->second);
  }
  std::string text;
  for (const auto& [year, value] : schedule.points) {
    text += (text.empty() ? "{" : ", ") + std::to_string(year) + ": " + FormatNumber(value);
  }
  return text + "}";
}

std::string FlowAllocation(const Allocation& allocation) {
  std::string text;
  for (const Field<Allocation>& share : AllocationFields()) {
    text +=
        (text.empty() ? "{" : ", ") + std::string(share.key) + ": " + FlowField(share, allocation);
  }
  return text + "}";
}

std::string FlowAssumption(const Assumption& assumption) {
  using Kind = Distribution::Kind;
  const Distribution& d = assumption.distribution;
  if (d.kind == Kind::kNone) return FormatNumber(assumption.value);
  std::string text = "{value: " + FormatNumber(assumption.value);
  const auto add = [&](const char* key, double value) {
    text += std::string(", ") + key + ": " + FormatNumber(value);
  };
  switch (d.kind) {
    case Kind::kNormal:
      text += ", dist: normal";
      add("mean", d.mean);
      add("sd", d.sd);
      break;
    case Kind::kLognormal:
      text += ", dist: lognormal";
      add("median", d.median);
      add("sigma", d.sigma);
      break;
    case Kind::kUniform:
      text += ", dist: uniform";
      add("min", d.min);
      add("max", d.max);
      break;
    case Kind::kTriangular:
      text += ", dist: triangular";
      add("min", d.min);
      add("mode", d.mode);
      add("max", d.max);
      break;
    case Kind::kNone:
      break;
  }
  if (d.kind == Kind::kNormal || d.kind == Kind::kLognormal) {
    if (d.truncated_below) add("min", d.lower);
    if (d.truncated_above) add("max", d.upper);
  }
  return text + "}";
}

std::string FlowList(const std::vector<std::string>& words) { return "[" + JoinWords(words) + "]"; }

}  // namespace sim::internal
