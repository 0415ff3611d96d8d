// Scenario values as one-line YAML flow text that the loader reads back to
// the same value (numbers in shortest round-trip form). Shared by ListParams
// and WriteResolvedYaml.
#pragma once

#include <string>
#include <type_traits>
#include <variant>
#include <vector>

#include "sim/scenario/fields.hpp"
#include "sim/scenario/scenario.hpp"
#include "sim/scenario/yaml_reader.hpp"

namespace sim::internal {

std::string FlowText(const std::string& text);                // "South Korea", double-quoted
std::string FlowSchedule(const Schedule& schedule);           // 12 or {2026: 7.2, 2030: 12}
std::string FlowAllocation(const Allocation& allocation);     // {compute: 0.4, ...}
std::string FlowAssumption(const Assumption& assumption);     // 2.8 or {value: ..., dist: ..., ...}
std::string FlowList(const std::vector<std::string>& words);  // [KR, UK]

// The value of `field` in `owner`.
template <class Owner>
std::string FlowField(const Field<Owner>& field, const Owner& owner) {
  return std::visit(
      [&](auto member) -> std::string {
        using T = std::decay_t<decltype(owner.*member)>;
        const T& value = owner.*member;
        if constexpr (std::is_same_v<T, std::string>)
          return FlowText(value);
        else if constexpr (std::is_same_v<T, double>)
          return FormatNumber(value);
        else if constexpr (std::is_same_v<T, Schedule>)
          return FlowSchedule(value);
        else if constexpr (std::is_same_v<T, Allocation>)
          return FlowAllocation(value);
        else if constexpr (std::is_same_v<T, Assumption>)
          return FlowAssumption(value);
        else if constexpr (std::is_same_v<T, std::vector<std::string>>)
          return FlowList(value);
        else
          return std::to_string(value);  // int, unsigned long long
      },
      field.member);
}

}  // namespace sim::internal
