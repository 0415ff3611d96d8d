#include "sim/scenario/apply_layer.hpp"

#include <algorithm>
#include <cctype>
#include <type_traits>

#include "sim/scenario/assumption_yaml.hpp"
#include "sim/scenario/did_you_mean.hpp"
#include "sim/scenario/fields.hpp"
#include "sim/scenario/money.hpp"
#include "sim/scenario/schedule_yaml.hpp"

namespace sim::internal {
namespace {

// Room for every country of the world (~200; the baseline has 9 regions),
// yet bounded: the model's work grows with regions squared (256 regions, 100
// draws: a few seconds, tests/faults/limits_test.py), and YAML aliases let a
// 120 KB file name thousands of regions.
constexpr std::size_t kMaxRegions = 256;
constexpr std::size_t kMaxAlliances = 64;

// The state shared by everything one layer applies.
struct LayerContext {
  const LayerSource& source;
  Scenario& scenario;
  Provenance& provenance;
};

bool IsRegionCode(const std::string& code) {
  if (code.empty() || !std::isupper(static_cast<unsigned char>(code[0]))) return false;
  return std::all_of(code.begin(), code.end(), [](unsigned char c) {
    return std::isupper(c) || std::isdigit(c) || c == '_';
  });
}

// Alliance names appear in --set paths, so they may not contain '.'.
bool IsAllianceName(const std::string& name) {
  return !name.empty() && std::all_of(name.begin(), name.end(), [](unsigned char c) {
    return std::isalnum(c) || c == '_' || c == '-';
  });
}

void ApplyAllocation(const Value& value, Allocation& allocation, const std::string& key,
                     const std::string& path, LayerContext& context);

// Reads `entry` into the member `field` of `owner` and records it at `path`.
template <class Owner>
void ApplyField(const Field<Owner>& field, const Entry& entry, Owner& owner,
                const std::string& path, LayerContext& context) {
  const Limits limits = LimitsOf(field);
  const Value& value = entry.value;
  const auto read_number = [&](const Value& point) {
    const double number = ReadNumber(point, field.key);
    limits.Check(number, point.at);
    return number;
  };
  std::visit(
      [&](auto member) {
        using T = std::decay_t<decltype(owner.*member)>;
        T& target = owner.*member;
        if constexpr (std::is_same_v<T, std::string>) {
          target = ReadText(value, field.key);
        } else if constexpr (std::is_same_v<T, int>) {
          const long long number = ReadInteger(value, field.key);
          limits.Check(static_cast<double>(number), value.at);
          target = static_cast<int>(number);
        } else if constexpr (std::is_same_v<T, unsigned long long>) {
          target = ReadUnsigned(value, field.key);
        } else if constexpr (std::is_same_v<T, double>) {
          target = field.money ? ReadMoney(value, context.source, context.scenario.money, limits)
                               : read_number(value);
        } else if constexpr (std::is_same_v<T, Schedule>) {
          target = field.money
                       ? ReadMoneySchedule(value, context.source, context.scenario.money, limits)
                       : ReadSchedule(value, context.source, field.key, read_number);
        } else if constexpr (std::is_same_v<T, Allocation>) {
          ApplyAllocation(value, target, field.key, path, context);
        } else if constexpr (std::is_same_v<T, Assumption>) {
          target = ReadAssumption(value, context.source, limits);
        } else {
          static_assert(std::is_same_v<T, std::vector<std::string>>);
          std::vector<std::string> words;
          const std::vector<Value> items = ReadList(value, context.source, field.key);
          for (size_t i = 0; i < items.size(); ++i) {
            words.push_back(ReadText(items[i], field.key));
            context.provenance.set_at[path + "." + std::to_string(i)] = items[i].at;
          }
          target = std::move(words);
        }
      },
      field.member);
  context.provenance.set_at[path] = value.at;
}

// Runs `apply` on every entry of a map and then raises the errors of all of
// them at once: entries set independent things, so one bad value need not
// hide the next (two typos in a file need one round trip, not two). It stops
// at kMaxCollectedErrors, so that a generated file with thousands of bad
// entries gets a screenful, not thousands.
constexpr std::size_t kMaxCollectedErrors = 20;

template <class Apply>
void ForEachEntry(const std::vector<Entry>& entries, const Apply& apply) {
  std::vector<ScenarioError> errors;
  std::size_t collected = 0;  // errors inside them included (an entry may hold several)
  for (const Entry& entry : entries) {
    try {
      apply(entry);
    } catch (const ScenarioError& error) {
      errors.push_back(error);
      collected += error.count();
      if (collected >= kMaxCollectedErrors) break;
    }
  }
  if (!errors.empty()) throw ScenarioError(errors);
}

// Applies the entries of a mapping onto `owner` through its field table.
template <class Owner>
void ApplyFields(const std::vector<Field<Owner>>& fields, const Value& value, Owner& owner,
                 const std::string& path, const std::string& context_name, LayerContext& context) {
  ForEachEntry(ReadMap(value, context.source, context_name, Keys(fields), context_name), [&](const Entry& entry) {
    const auto field = std::find_if(fields.begin(), fields.end(),
                                    [&](const Field<Owner>& f) { return entry.key == f.key; });
    ApplyField(*field, entry, owner, path + "." + entry.key, context);
  });
}

// Allocations merge share by share: a later layer may restate one share.
void ApplyAllocation(const Value& value, Allocation& allocation, const std::string& key,
                     const std::string& path, LayerContext& context) {
  ApplyFields(AllocationFields(), value, allocation, path, key, context);
}

void ApplyMoney(const Value& value, LayerContext& context) {
  MoneySettings& money = context.scenario.money;
  std::vector<std::string> keys = Keys(MoneyFields());
  keys.push_back("per_usd");
  for (const Entry& entry : ReadMap(value, context.source, "money", keys, "money")) {
    if (entry.key != "per_usd") {
      const auto& fields = MoneyFields();
      const auto field = std::find_if(fields.begin(), fields.end(),
                                      [&](const auto& f) { return entry.key == f.key; });
      ApplyField(*field, entry, money, "money." + entry.key, context);
      continue;
    }
    for (const Entry& rate : ReadMap(entry.value, context.source, "per_usd")) {
      const bool is_code =
          rate.key.size() == 3 && std::all_of(rate.key.begin(), rate.key.end(),
                                              [](unsigned char c) { return std::isupper(c); });
      if (!is_code) {
        Fail(rate.key_at, "bad currency code '" + rate.key + "'",
             "currency codes are three upper-case letters (ISO 4217), e.g. KRW");
      }
      if (rate.key == "USD") {
        Fail(rate.key_at, "USD cannot be given a rate",
             "money is converted to USD, so its rate is always 1");
      }
      const double per_usd = ReadNumber(rate.value, rate.key);
      Limits{rate.key, Above(0), "per_usd gives units of the currency per USD"}.Check(
          per_usd, rate.value.at);
      money.per_usd[rate.key] = per_usd;
    }
  }
}

void ApplyAssumptions(const Value& value, LayerContext& context) {
  ApplyFields(AssumptionFields(), value, context.scenario.assumptions, "assumptions", "assumptions",
              context);
}

void ApplyRegions(const Value& value, LayerContext& context) {
  std::vector<Region>& regions = context.scenario.regions;
  ForEachEntry(ReadMap(value, context.source, "regions"), [&](const Entry& entry) {
    if (!IsRegionCode(entry.key)) {
      Fail(entry.key_at, "bad region code '" + entry.key + "'",
           RegionHint(entry.key, regions) +
               "region codes are upper-case letters, digits and '_', starting with a letter, e.g. KR");
    }
    const std::string path = "regions." + entry.key;
    int index = context.scenario.RegionIndex(entry.key);
    if (index < 0) {
      if (regions.size() >= kMaxRegions) {
        Fail(entry.key_at, "more than " + std::to_string(kMaxRegions) + " regions",
             "a scenario models at most " + std::to_string(kMaxRegions) +
                 " regions; group countries into blocs (e.g. EU)");
      }
      index = static_cast<int>(regions.size());
      regions.emplace_back().code = entry.key;
      context.provenance.new_regions.push_back(entry.key);
      context.provenance.set_at[path] = entry.key_at;
    }
    ApplyFields(RegionFields(), entry.value, regions[index], path, "region " + entry.key, context);
  });
}

void ApplyAlliances(const Value& value, LayerContext& context) {
  std::vector<Alliance>& alliances = context.scenario.alliances;
  for (const Entry& entry : ReadMap(value, context.source, "alliances")) {
    if (!IsAllianceName(entry.key)) {
      Fail(entry.key_at, "bad alliance name '" + entry.key + "'",
           "alliance names use letters, digits, '_' and '-', e.g. kr-uk-physical-ai");
    }
    const std::string path = "alliances." + entry.key;
    auto alliance = std::find_if(alliances.begin(), alliances.end(),
                                 [&](const Alliance& a) { return a.name == entry.key; });
    if (alliance == alliances.end()) {
      if (alliances.size() >= kMaxAlliances) {
        Fail(entry.key_at, "more than " + std::to_string(kMaxAlliances) + " alliances",
             "a scenario has at most " + std::to_string(kMaxAlliances) + " alliances");
      }
      alliance = alliances.insert(alliances.end(), Alliance());
      alliance->name = entry.key;
      context.provenance.new_alliances.push_back(entry.key);
      context.provenance.set_at[path] = entry.key_at;
    }
    ApplyFields(AllianceFields(), entry.value, *alliance, path, "alliance " + entry.key, context);
  }
}

Observation ReadObservation(const Value& value, const std::string& path, LayerContext& context) {
  static const std::vector<std::string> keys = {"region", "variable", "year",     "value",
                                                "unit",   "source",   "tolerance"};
  const std::vector<Entry> entries =
      ReadMap(value, context.source, "observation", keys, "observation");
  std::vector<std::string> missing;
  for (const std::string& key : keys) {
    if (FindEntry(entries, key) == nullptr) missing.push_back(key);
  }
  if (!missing.empty()) {
    Fail(value.at, "observation is missing required keys: " + JoinWords(missing),
         "e.g. {region: US, variable: \"Compute|Stock\", year: 2024, value: 4.7e6, unit: H100e, "
         "source: \"...\", tolerance: {relative: 0.5}}");
  }
  Observation observation;
  const auto get = [&](const char* key) -> const Value& { return FindEntry(entries, key)->value; };
  observation.region = ReadText(get("region"), "region");
  context.provenance.set_at[path + ".region"] = get("region").at;
  observation.variable = ReadText(get("variable"), "variable");
  observation.at = value.at;
  observation.variable_at = get("variable").at;
  observation.unit_at = get("unit").at;
  observation.year_at = get("year").at;
  const long long year = ReadInteger(get("year"), "year");
  Limits{"year", Between(2000, 2100), "observation years are 2000..2100"}.Check(
      static_cast<double>(year), get("year").at);
  observation.year = static_cast<int>(year);
  observation.value = ReadNumber(get("value"), "value");
  observation.unit = ReadText(get("unit"), "unit");
  observation.source = ReadText(get("source"), "source");

  static const std::vector<std::pair<std::string, Observation::ToleranceKind>> tolerances = {
      {"relative", Observation::ToleranceKind::kRelative},
      {"absolute", Observation::ToleranceKind::kAbsolute},
      {"log10", Observation::ToleranceKind::kLog10}};
  std::vector<std::string> tolerance_keys;
  for (const auto& [key, kind] : tolerances) tolerance_keys.push_back(key);
  const std::vector<Entry> tolerance =
      ReadMap(get("tolerance"), context.source, "tolerance", tolerance_keys, "tolerance");
  if (tolerance.size() != 1) {
    Fail(get("tolerance").at, "tolerance needs exactly one of relative, absolute or log10",
         "e.g. tolerance: {relative: 0.5}");
  }
  for (const auto& [key, kind] : tolerances) {
    if (tolerance[0].key == key) observation.tolerance_kind = kind;
  }
  observation.tolerance = ReadNumber(tolerance[0].value, tolerance[0].key);
  Limits{tolerance[0].key, Above(0), "a tolerance is a positive width"}.Check(
      observation.tolerance, tolerance[0].value.at);
  return observation;
}

void ApplyObservations(const Value& value, LayerContext& context) {
  std::vector<Observation> observations;
  const std::vector<Value> items = ReadList(value, context.source, "observations");
  for (size_t i = 0; i < items.size(); ++i) {
    observations.push_back(ReadObservation(items[i], "observations." + std::to_string(i), context));
  }
  context.scenario.observations = std::move(observations);
}

// The keys allowed at the top of a scenario file.
const std::vector<std::string>& TopLevelKeys() {
  static const std::vector<std::string> keys = [] {
    std::vector<std::string> all = Keys(ScenarioFields());
    all.insert(all.begin() + 2, "extends");
    for (const char* key : {"money", "assumptions", "regions", "alliances", "observations"}) {
      all.push_back(key);
    }
    return all;
  }();
  return keys;
}

}  // namespace

void ApplyLayer(const Value& root, const LayerSource& source, Scenario& scenario,
                Provenance& provenance) {
  LayerContext context{source, scenario, provenance};
  // Unknown top-level keys are reported with the errors inside the known ones.
  const std::vector<Entry> entries = ReadMap(root, source, "the scenario");
  const std::vector<std::string>& known = TopLevelKeys();
  const Entry* money = FindEntry(entries, "money");
  if (money) ApplyMoney(money->value, context);  // first: other sections convert money with it
  const auto& fields = ScenarioFields();
  ForEachEntry(entries, [&](const Entry& entry) {
    if (std::find(known.begin(), known.end(), entry.key) == known.end()) {
      Fail(entry.key_at, "unknown key '" + entry.key + "' in the scenario", UnknownWordHint(entry.key, known, "keys"));
    }
    const auto field = std::find_if(fields.begin(), fields.end(),
                                    [&](const Field<Scenario>& f) { return entry.key == f.key; });
    if (field != fields.end()) {
      ApplyField(*field, entry, scenario, entry.key, context);
    } else if (entry.key == "assumptions") {
      provenance.set_at.emplace("assumptions", entry.key_at);
      ApplyAssumptions(entry.value, context);
    } else if (entry.key == "regions") {
      ApplyRegions(entry.value, context);
    } else if (entry.key == "alliances") {
      ApplyAlliances(entry.value, context);
    } else if (entry.key == "observations") {
      ApplyObservations(entry.value, context);
    }
  });
}

}  // namespace sim::internal
