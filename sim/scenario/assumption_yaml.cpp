#include "sim/scenario/assumption_yaml.hpp"

#include <algorithm>
#include <boost/math/distributions/lognormal.hpp>
#include <boost/math/distributions/normal.hpp>
#include <cmath>
#include <limits>
#include <string>
#include <vector>

#include "sim/scenario/did_you_mean.hpp"

namespace sim::internal {
namespace {

using Kind = Distribution::Kind;

// Truncation bounds whose probability mass is below this make the inverse
// CDF map every draw onto (nearly) one value; that is a mistake in the input.
constexpr double kMinTruncatedMass = 1e-12;

struct KindInfo {
  Kind kind;
  const char* name;
  std::vector<std::string> required;
  std::vector<std::string> optional;
};

const std::vector<KindInfo>& Kinds() {
  static const std::vector<KindInfo> kinds = {
      {Kind::kNormal, "normal", {"mean", "sd"}, {"min", "max"}},
      {Kind::kLognormal, "lognormal", {"median", "sigma"}, {"min", "max"}},
      {Kind::kUniform, "uniform", {"min", "max"}, {}},
      {Kind::kTriangular, "triangular", {"min", "mode", "max"}, {}},
  };
  return kinds;
}

const std::vector<std::string>& AssumptionKeys() {
  static const std::vector<std::string> keys = {"value", "dist", "mean", "sd", "median",
                                                "sigma", "min",  "mode", "max"};
  return keys;
}

const KindInfo& ReadKind(const Value& value) {
  const std::string name = ReadText(value, "dist");
  std::vector<std::string> names;
  for (const KindInfo& info : Kinds()) {
    if (name == info.name) return info;
    names.push_back(info.name);
  }
  Fail(value.at, "unknown distribution '" + name + "'",
       UnknownWordHint(name, names, "distributions"));
}

[[noreturn]] void FailParameter(const Entry& entry, double value, const std::string& constraint) {
  Fail(entry.value.at,
       entry.key + " = " + FormatNumber(value) + ". Violated constraint: " + constraint,
       "normal takes mean, sd; lognormal median, sigma; uniform min, max; triangular min, "
       "mode, max; min and max truncate a normal or lognormal");
}

// The lowest and highest values the distribution can produce, and whether
// that end is itself excluded (a lognormal never reaches 0).
struct Support {
  double low, high;
  bool low_open, high_open;
};

Support SupportOf(const Distribution& d) {
  constexpr double kInfinity = std::numeric_limits<double>::infinity();
  switch (d.kind) {
    case Kind::kNormal:
      return {d.truncated_below ? d.lower : -kInfinity, d.truncated_above ? d.upper : kInfinity,
              !d.truncated_below, !d.truncated_above};
    case Kind::kLognormal:
      return {d.truncated_below ? d.lower : 0.0, d.truncated_above ? d.upper : kInfinity,
              !d.truncated_below || d.lower == 0.0, !d.truncated_above};
    default:
      return {d.min, d.max, false, false};
  }
}

// Probability mass between the truncation bounds.
double TruncatedMass(const Distribution& d) {
  const auto mass = [&](const auto& dist) {
    const double low = d.truncated_below ? boost::math::cdf(dist, d.lower) : 0.0;
    const double high = d.truncated_above ? boost::math::cdf(dist, d.upper) : 1.0;
    return high - low;
  };
  if (d.kind == Kind::kNormal) return mass(boost::math::normal_distribution<double>(d.mean, d.sd));
  return mass(boost::math::lognormal_distribution<double>(std::log(d.median), d.sigma));
}

// Raises unless every value the distribution can take lies inside `limits`.
void CheckSupport(const Distribution& d, const std::string& kind_name, const SourceLocation& at,
                  const Limits& limits) {
  const Support support = SupportOf(d);
  const Range& range = limits.range;
  const bool low_ok = support.low > range.min ||
                      (support.low == range.min && (!range.min_open || support.low_open));
  const bool high_ok = support.high < range.max ||
                       (support.high == range.max && (!range.max_open || support.high_open));
  if (low_ok && high_ok) return;
  const double reached = low_ok ? support.high : support.low;
  const std::string what = std::isinf(reached)
                               ? (low_ok ? "is unbounded above" : "is unbounded below")
                               : "reaches " + FormatNumber(reached);
  const bool truncatable = d.kind == Kind::kNormal || d.kind == Kind::kLognormal;
  Fail(at,
       limits.name + ": the " + kind_name + " distribution " + what +
           ". Violated constraint: " + range.Constraint(limits.name, reached),
       (truncatable ? "truncate it with min: and max: inside the allowed range; "
                    : "keep min and max inside the allowed range; ") +
           limits.hint);
}

}  // namespace

Assumption ReadAssumption(const Value& value, const LayerSource& source, const Limits& limits) {
  const std::string& name = limits.name;
  Assumption assumption;
  if (!value.node.IsMap()) {
    assumption.value = ReadNumber(value, name);
    limits.Check(assumption.value, value.at);
    return assumption;
  }
  const std::vector<Entry> entries = ReadMap(value, source, name, AssumptionKeys(), name);
  const Entry* nominal = FindEntry(entries, "value");
  const Entry* dist = FindEntry(entries, "dist");
  if (dist == nullptr) {
    for (const Entry& entry : entries) {
      if (entry.key != "value") {
        Fail(entry.key_at, "'" + entry.key + "' needs a 'dist:' in " + name,
             "add dist: normal, lognormal, uniform or triangular");
      }
    }
    if (nominal == nullptr) {
      Fail(value.at, name + ": expected a number or {value: ...}, got {}",
           "write a number, or {value: N} with an optional distribution, e.g. "
           "{value: 2.8, dist: lognormal, median: 2.8, sigma: 0.35}");
    }
    assumption.value = ReadNumber(nominal->value, name);
    limits.Check(assumption.value, nominal->value.at);
    return assumption;
  }

  const KindInfo& kind = ReadKind(dist->value);
  Distribution& d = assumption.distribution;
  d.kind = kind.kind;
  const std::string allowed =
      JoinWords(kind.required) + (kind.optional.empty() ? "" : ", " + JoinWords(kind.optional));
  for (const Entry& entry : entries) {
    if (entry.key == "value" || entry.key == "dist") continue;
    const bool applies =
        std::find(kind.required.begin(), kind.required.end(), entry.key) != kind.required.end() ||
        std::find(kind.optional.begin(), kind.optional.end(), entry.key) != kind.optional.end();
    if (!applies) {
      Fail(entry.key_at, "'" + entry.key + "' does not apply to a " + kind.name + " distribution",
           std::string(kind.name) + " takes: " + allowed);
    }
  }
  for (const std::string& key : kind.required) {
    if (FindEntry(entries, key) == nullptr) {
      Fail(value.at, name + ": a " + kind.name + " distribution needs '" + key + "'",
           std::string(kind.name) + " takes: " + allowed);
    }
  }

  const Entry* min = FindEntry(entries, "min");
  const Entry* max = FindEntry(entries, "max");
  const double min_value = min ? ReadNumber(min->value, "min") : 0.0;
  const double max_value = max ? ReadNumber(max->value, "max") : 0.0;
  if (min && max && !(min_value < max_value)) {
    FailParameter(*max, max_value, "max > min (" + FormatNumber(min_value) + ")");
  }
  const auto positive = [&](const char* key) {
    const Entry* entry = FindEntry(entries, key);
    const double number = ReadNumber(entry->value, key);
    if (!(number > 0)) FailParameter(*entry, number, std::string(key) + " > 0");
    return number;
  };
  switch (d.kind) {
    case Kind::kNormal:
      d.mean = ReadNumber(FindEntry(entries, "mean")->value, "mean");
      d.sd = positive("sd");
      break;
    case Kind::kLognormal:
      d.median = positive("median");
      d.sigma = positive("sigma");
      if (min && min_value < 0) FailParameter(*min, min_value, "min >= 0");
      break;
    case Kind::kUniform:
      d.min = min_value;
      d.max = max_value;
      break;
    case Kind::kTriangular: {
      const Entry* mode = FindEntry(entries, "mode");
      d.min = min_value;
      d.max = max_value;
      d.mode = ReadNumber(mode->value, "mode");
      if (d.mode < d.min) FailParameter(*mode, d.mode, "mode >= min (" + FormatNumber(d.min) + ")");
      if (d.mode > d.max) FailParameter(*mode, d.mode, "mode <= max (" + FormatNumber(d.max) + ")");
      break;
    }
    case Kind::kNone:
      break;
  }
  if (d.kind == Kind::kNormal || d.kind == Kind::kLognormal) {
    d.truncated_below = min != nullptr;
    d.truncated_above = max != nullptr;
    if (min) d.lower = min_value;
    if (max) d.upper = max_value;
    if ((min || max) && !(TruncatedMass(d) >= kMinTruncatedMass)) {
      Fail(
          value.at,
          name + ": truncating the " + kind.name + " distribution to min/max leaves no probability",
          "widen min and max, or move them towards the " +
              std::string(d.kind == Kind::kNormal ? "mean" : "median"));
    }
  }

  if (nominal != nullptr) {
    assumption.value = ReadNumber(nominal->value, "value");
    const Support support = SupportOf(d);
    if (assumption.value < support.low || (support.low_open && assumption.value == support.low)) {
      FailParameter(
          *nominal, assumption.value,
          std::string("value ") + (support.low_open ? "> " : ">= ") + FormatNumber(support.low));
    }
    if (assumption.value > support.high) {
      FailParameter(*nominal, assumption.value, "value <= " + FormatNumber(support.high));
    }
    limits.Check(assumption.value, nominal->value.at);
  } else {
    assumption.value = d.Quantile(0.5);
  }
  CheckSupport(d, kind.name, value.at, limits);
  return assumption;
}

}  // namespace sim::internal
