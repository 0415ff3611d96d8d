// The table of scenario fields: each YAML key with the C++ member it fills,
// its unit, its allowed range and a description. The loader, the validator,
// ListParams, WriteResolvedYaml and docs/SCENARIOS.md all read this one table,
// so a field added here is parsed, checked, listed and written everywhere.
#pragma once

#include <limits>
#include <string>
#include <variant>
#include <vector>

#include "sim/error.hpp"
#include "sim/scenario/scenario.hpp"

namespace sim::internal {

// An interval of allowed values; either end may be open or infinite.
struct Range {
  double min = -std::numeric_limits<double>::infinity();
  double max = std::numeric_limits<double>::infinity();
  bool min_open = false;
  bool max_open = false;

  bool Contains(double value) const;
  // The violated side for a value outside, e.g. "public_budget >= 0".
  std::string Constraint(const std::string& name, double value) const;
  // For hints and docs: "in [0, 1)", ">= 0", "> 0" or "any value".
  std::string ToString() const;
};

inline Range AnyValue() { return {}; }
inline Range AtLeast(double min) {
  return {min, std::numeric_limits<double>::infinity(), false, false};
}
inline Range Above(double min) {
  return {min, std::numeric_limits<double>::infinity(), true, false};
}
inline Range Between(double min, double max) { return {min, max, false, false}; }

// What range errors say about one field: "name = value. Violated constraint:
// ..." at the value, with a hint giving the field's meaning, unit and range.
struct Limits {
  std::string name;
  Range range;
  std::string hint;

  // Raises the range error unless `range` contains `value`.
  void Check(double value, const SourceLocation& at) const;
};

// How a field is written in YAML; the member type mostly implies it, except
// that money fields (a double or a Schedule) also accept currency units.
template <class Owner>
struct Field {
  using Member = std::variant<std::string Owner::*, int Owner::*, unsigned long long Owner::*,
                              double Owner::*, Schedule Owner::*, Allocation Owner::*,
                              Assumption Owner::*, std::vector<std::string> Owner::*>;
  const char* key;
  Member member;
  const char* unit;
  Range range;
  const char* description;
  bool money = false;
  // A region may leave it out (the default applies); every other field of a
  // region defined for the first time is required.
  bool optional = false;
};

// Top-level scalars (name, description, years, draws, seed).
const std::vector<Field<Scenario>>& ScenarioFields();
// money: base_year and inflation (per_usd is a free map of currencies).
const std::vector<Field<MoneySettings>>& MoneyFields();
// Every member of Assumptions.
const std::vector<Field<Assumptions>>& AssumptionFields();
// Every member of Region except `code` (the region's key).
const std::vector<Field<Region>>& RegionFields();
// The shares of an Allocation.
const std::vector<Field<Allocation>>& AllocationFields();
// Every member of Alliance except `name` (the alliance's key).
const std::vector<Field<Alliance>>& AllianceFields();

template <class Owner>
Limits LimitsOf(const Field<Owner>& field) {
  std::string hint = std::string(field.key) + ": " + field.description;
  if (*field.unit != '\0') hint += "; " + std::string(field.unit);
  return {field.key, field.range, hint + "; allowed " + field.range.ToString()};
}

// The keys of a table, in order.
template <class Owner>
std::vector<std::string> Keys(const std::vector<Field<Owner>>& fields) {
  std::vector<std::string> keys;
  for (const Field<Owner>& field : fields) keys.push_back(field.key);
  return keys;
}

}  // namespace sim::internal
