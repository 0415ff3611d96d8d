#include "sim/sweep/study.hpp"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>

#include "sim/file.hpp"
#include "sim/scenario/assumption_yaml.hpp"
#include "sim/scenario/did_you_mean.hpp"
#include "sim/scenario/yaml_reader.hpp"

namespace sim {

using internal::Entry;
using internal::LayerSource;
using internal::Value;

const char* MethodName(SweepMethod method) {
  switch (method) {
    case SweepMethod::kGrid: return "grid";
    case SweepMethod::kLhs: return "lhs";
    case SweepMethod::kSobol: return "sobol";
    case SweepMethod::kMorris: return "morris";
  }
  return "?";
}

std::string OutcomeSpec::Column() const {
  std::string name = Describe(variable).name;
  for (const TimeShiftOutcome& t : kTimeShiftOutcomes) {
    if (time_shift && t.capability == variable) name = t.name;
  }
  return region + "|" + name + "|" + std::to_string(year);
}

namespace {

// A study file is a short `sweep:` block; the cap, as for scenarios, keeps a
// wrong file (a data dump) from being parsed at ~20x its size in memory.
constexpr std::uintmax_t kMaxStudyBytes = 16u << 20;

bool ParseDouble(const std::string& text, double* out) {
  if (text.empty()) return false;
  char* end = nullptr;
  *out = std::strtod(text.c_str(), &end);
  return end == text.c_str() + text.size() && std::isfinite(*out);
}

}  // namespace

VariedPath ParseVary(const std::string& text) {
  const std::string hint = "expected PATH=LO:HI[:STEPS], e.g. --vary regions.KR.public_budget=2:20:10";
  const size_t equals = text.find('=');
  if (equals == std::string::npos || equals == 0) {
    throw ScenarioError({"--vary", 1, 1}, "expected PATH=LO:HI, got '" + text + "'", hint);
  }
  VariedPath v;
  v.path = text.substr(0, equals);
  v.at = {"--vary", 1, 1};
  std::vector<std::string> parts;
  std::vector<int> columns;
  size_t start = equals + 1;
  while (true) {
    const size_t colon = text.find(':', start);
    parts.push_back(text.substr(start, colon == std::string::npos ? std::string::npos : colon - start));
    columns.push_back(static_cast<int>(start) + 1);
    if (colon == std::string::npos) break;
    start = colon + 1;
  }
  if (parts.size() < 2 || parts.size() > 3) {
    throw ScenarioError({"--vary", 1, static_cast<int>(equals) + 2},
                        "expected LO:HI or LO:HI:STEPS after '=', got '" + text.substr(equals + 1) + "'",
                        hint);
  }
  double* targets[] = {&v.low, &v.high};
  for (int i = 0; i < 2; ++i) {
    if (!ParseDouble(parts[i], targets[i])) {
      throw ScenarioError({"--vary", 1, columns[i]}, "expected a number, got '" + parts[i] + "'", hint);
    }
  }
  if (parts.size() == 3) {
    long long steps = 0;
    if (!internal::ParseInteger(parts[2], &steps) || steps < 1 || steps > 1000000) {
      throw ScenarioError({"--vary", 1, columns[2]},
                          "STEPS must be a whole number in [1, 1000000], got '" + parts[2] + "'", hint);
    }
    v.steps = static_cast<int>(steps);
  }
  if (!(v.low <= v.high)) {
    throw ScenarioError({"--vary", 1, columns[0]},
                        "LO " + parts[0] + " is above HI " + parts[1], "write the range as LO:HI");
  }
  return v;
}

namespace {

SweepMethod ReadMethod(const Value& value) {
  const std::string name = internal::ReadText(value, "method");
  for (SweepMethod m : {SweepMethod::kGrid, SweepMethod::kLhs, SweepMethod::kSobol, SweepMethod::kMorris}) {
    if (name == MethodName(m)) return m;
  }
  internal::Fail(value.at, "unknown method '" + name + "'",
                 internal::UnknownWordHint(name, {"grid", "lhs", "sobol", "morris"}, "methods"));
}

// A varied path in a study file: [LO, HI], {min, max[, steps]} or a
// distribution {dist: normal, mean: .., sd: .., ...} as for assumptions.
VariedPath ReadVaried(const Entry& entry, const LayerSource& source) {
  VariedPath v;
  v.path = entry.key;
  v.at = entry.key_at;
  const Value& value = entry.value;
  if (value.node.IsSequence()) {
    const std::vector<Value> items = internal::ReadList(value, source, entry.key);
    if (items.size() != 2) {
      internal::Fail(value.at, "expected [LO, HI], got a list of " + std::to_string(items.size()),
                     "e.g. " + entry.key + ": [2, 20]");
    }
    v.low = internal::ReadNumber(items[0], entry.key);
    v.high = internal::ReadNumber(items[1], entry.key);
  } else if (value.node.IsMap() && value.node["dist"]) {
    const Assumption a = internal::ReadAssumption(value, source, internal::Limits{entry.key, {}, ""});
    v.distribution = a.distribution;
    YAML::Emitter emitter;
    emitter << YAML::Flow << value.node;
    v.distribution_text = emitter.c_str();
    // The range spans the central 1 - 2^-52 of the distribution: the values
    // a unit sample in (0, 1) can give, checked against the model's limits.
    v.low = v.distribution.Quantile(0x1.0p-54);
    v.high = v.distribution.Quantile(1 - 0x1.0p-53);
  } else {
    const std::vector<Entry> keys = internal::ReadMap(value, source, entry.key,
                                                      {"min", "max", "steps"}, "a varied path");
    const Entry* min = internal::FindEntry(keys, "min");
    const Entry* max = internal::FindEntry(keys, "max");
    if (!min || !max) {
      internal::Fail(value.at, "a varied path needs min and max",
                     "e.g. " + entry.key + ": {min: 2, max: 20, steps: 10}, or a distribution "
                     "{dist: normal, mean: 1, sd: 0.1}");
    }
    v.low = internal::ReadNumber(min->value, "min");
    v.high = internal::ReadNumber(max->value, "max");
    if (const Entry* steps = internal::FindEntry(keys, "steps")) {
      const long long n = internal::ReadInteger(steps->value, "steps");
      if (n < 1 || n > 1000000) internal::Fail(steps->value.at, "steps must be in [1, 1000000]", "e.g. steps: 10");
      v.steps = static_cast<int>(n);
    }
  }
  if (!(v.low <= v.high)) {
    internal::Fail(value.at, "min " + internal::FormatNumber(v.low) + " is above max " +
                                 internal::FormatNumber(v.high), "swap them");
  }
  return v;
}

}  // namespace

Study LoadStudyFile(const std::string& path) {
  std::string text;
  if (const std::string reason = ReadWholeFile(path, kMaxStudyBytes, &text); !reason.empty()) {
    throw ScenarioError({path}, "cannot read study file '" + path + "': " + reason,
                        "give the path of a YAML file with a `sweep:` block (see docs/SWEEPS.md)");
  }
  YAML::Node root;
  try {
    root = YAML::Load(text);
  } catch (const YAML::Exception& error) {
    throw ScenarioError({path, error.mark.line + 1, error.mark.column + 1}, error.msg,
                        "a study file is YAML with a top-level `sweep:` mapping");
  }
  const LayerSource source(path);
  const Value top{root, root.IsNull() ? SourceLocation{path, 1, 1} : source.Locate(root)};
  const std::vector<Entry> entries = internal::ReadMap(top, source, "study", {"sweep"}, "a study file");
  const Entry* sweep = internal::FindEntry(entries, "sweep");
  if (!sweep) {
    internal::Fail(top.at, "a study file needs a `sweep:` block",
                   "e.g. sweep: {scenario: world-2025, method: lhs, samples: 100, vary: {...}}");
  }
  const std::vector<std::string> allowed = {"scenario", "set", "variant", "method", "samples", "seed",
                                            "vary", "outcomes", "by_year", "timeseries",
                                            "grid_steps", "levels", "bootstrap", "confidence"};
  Study study;
  bool has_vary = false;
  for (const Entry& e : internal::ReadMap(sweep->value, source, "sweep", allowed, "sweep")) {
    if (e.key == "scenario") {
      study.scenario = internal::ReadText(e.value, "scenario");
      const std::filesystem::path beside = std::filesystem::path(path).parent_path() / study.scenario;
      if (std::filesystem::is_regular_file(beside)) study.scenario = beside.string();
    } else if (e.key == "set") {
      for (const Value& item : internal::ReadList(e.value, source, "set")) {
        study.sets.push_back(internal::ReadText(item, "set"));
      }
    } else if (e.key == "variant") {
      for (const Value& item : internal::ReadList(e.value, source, "variant")) {
        study.variant.push_back(internal::ReadText(item, "variant"));
      }
    } else if (e.key == "method") {
      study.method = ReadMethod(e.value);
    } else if (e.key == "samples") {
      study.samples = internal::ReadInteger(e.value, "samples");
    } else if (e.key == "seed") {
      study.seed = internal::ReadUnsigned(e.value, "seed");
    } else if (e.key == "vary") {
      has_vary = true;
      for (const Entry& v : internal::ReadMap(e.value, source, "vary")) {
        study.varied.push_back(ReadVaried(v, source));
      }
    } else if (e.key == "outcomes") {
      for (const Value& item : internal::ReadList(e.value, source, "outcomes")) {
        study.outcome_texts.push_back(internal::ReadText(item, "outcome"));
        study.outcome_at.push_back(item.at);
      }
    } else if (e.key == "by_year") {
      study.by_year = e.value.node.as<bool>(false);
    } else if (e.key == "timeseries") {
      study.timeseries = e.value.node.as<bool>(false);
    } else if (e.key == "grid_steps") {
      study.grid_steps = static_cast<int>(internal::ReadInteger(e.value, "grid_steps"));
    } else if (e.key == "levels") {
      study.morris_levels = static_cast<int>(internal::ReadInteger(e.value, "levels"));
    } else if (e.key == "bootstrap") {
      study.bootstrap = static_cast<int>(internal::ReadInteger(e.value, "bootstrap"));
    } else if (e.key == "confidence") {
      study.confidence = internal::ReadNumber(e.value, "confidence");
      if (!(study.confidence > 0 && study.confidence < 1)) {
        internal::Fail(e.value.at, "confidence = " + internal::FormatNumber(study.confidence) +
                                       ". Violated constraint: 0 < confidence < 1", "e.g. 0.95");
      }
    }
  }
  if (!has_vary || study.varied.empty()) {
    internal::Fail(sweep->value.at, "the sweep varies nothing",
                   "add vary: {regions.KR.public_budget: [2, 20]} (paths from `aisim params`)");
  }
  return study;
}

std::vector<OutcomeSpec> ResolveOutcomes(const Study& study, const Scenario& scenario) {
  std::vector<std::string> codes;
  for (const Region& r : scenario.regions) codes.push_back(r.code);
  std::vector<std::string> names;
  for (const VariableInfo& info : Variables()) names.push_back(info.name);

  for (const TimeShiftOutcome& t : kTimeShiftOutcomes) names.push_back(t.name);

  struct Named {
    Variable variable;
    std::string region;
    int year;  // 0: end year (or every year with by_year)
    bool time_shift;
  };
  std::vector<Named> named;
  for (size_t i = 0; i < study.outcome_texts.size(); ++i) {
    const std::string& text = study.outcome_texts[i];
    const SourceLocation at = i < study.outcome_at.size() ? study.outcome_at[i] : SourceLocation{"--outcome", 1, 1};
    const std::string hint = "an outcome is VARIABLE:REGION[:YEAR], e.g. 'Years Behind|Physical:KR:2035'";
    std::vector<std::string> parts;
    size_t start = 0;
    while (true) {
      const size_t colon = text.find(':', start);
      parts.push_back(text.substr(start, colon == std::string::npos ? std::string::npos : colon - start));
      if (colon == std::string::npos) break;
      start = colon + 1;
    }
    if (parts.size() < 2 || parts.size() > 3) {
      throw ScenarioError(at, "expected VARIABLE:REGION[:YEAR], got '" + text + "'", hint);
    }
    const VariableInfo* info = FindVariable(parts[0]);
    const TimeShiftOutcome* shift = nullptr;
    for (const TimeShiftOutcome& t : kTimeShiftOutcomes) {
      if (parts[0] == t.name) shift = &t;
    }
    if (!info && !shift) {
      throw ScenarioError(at, "unknown output variable '" + parts[0] + "'",
                          internal::UnknownWordHint(parts[0], names, "variables"));
    }
    if (shift && study.variant.empty()) {
      throw ScenarioError(at, "'" + parts[0] + "' is the delay cost of a variant, and the sweep has none",
                          "name the variant every sample is also run as, e.g. --variant "
                          "regions.KR.start_delay=1 (a study file: variant: [regions.KR.start_delay=1])");
    }
    if (scenario.RegionIndex(parts[1]) < 0) {
      throw ScenarioError(at, "unknown region '" + parts[1] + "'",
                          internal::UnknownWordHint(parts[1], codes, "regions"));
    }
    long long year = 0;
    if (parts.size() == 3) {
      if (!internal::ParseInteger(parts[2], &year) || year < scenario.start_year ||
          year > scenario.end_year) {
        throw ScenarioError(at, "year '" + parts[2] + "' is outside the scenario's " +
                                    std::to_string(scenario.start_year) + "-" +
                                    std::to_string(scenario.end_year),
                            hint);
      }
    }
    named.push_back({shift ? shift->capability : info->variable, parts[1], static_cast<int>(year),
                     shift != nullptr});
  }
  if (named.empty()) {
    std::vector<std::string> varied_regions;
    for (const VariedPath& v : study.varied) {
      for (const std::string& code : codes) {
        if (v.path.rfind("regions." + code + ".", 0) == 0 &&
            std::find(varied_regions.begin(), varied_regions.end(), code) == varied_regions.end()) {
          varied_regions.push_back(code);
        }
      }
    }
    if (!varied_regions.empty()) {
      for (const std::string& code : varied_regions) {
        for (Variable v : {Variable::kYearsBehindGenerative, Variable::kYearsBehindPhysical,
                           Variable::kCapabilityGenerative, Variable::kCapabilityPhysical,
                           Variable::kValue}) {
          named.push_back({v, code, 0, false});
        }
      }
    } else {
      for (const std::string& code : codes) {
        named.push_back({Variable::kYearsBehindGenerative, code, 0, false});
        named.push_back({Variable::kYearsBehindPhysical, code, 0, false});
      }
    }
  }
  std::vector<OutcomeSpec> outcomes;
  for (const Named& n : named) {
    if (study.by_year && n.year == 0) {
      for (int y = scenario.start_year; y <= scenario.end_year; ++y) {
        outcomes.push_back({n.variable, n.region, y, n.time_shift});
      }
    } else {
      outcomes.push_back({n.variable, n.region, n.year == 0 ? scenario.end_year : n.year, n.time_shift});
    }
  }
  return outcomes;
}

}  // namespace sim
