// WriteResolvedYaml: the merged scenario as a self-contained YAML file.
#include "sim/scenario/fields.hpp"
#include "sim/scenario/flow_text.hpp"
#include "sim/scenario/load_scenario.hpp"

namespace sim {
namespace {

using internal::Field;

template <class Owner>
void WriteFields(const std::vector<Field<Owner>>& fields, const Owner& owner,
                 const std::string& indent, std::string& out) {
  for (const Field<Owner>& field : fields) {
    out += indent + field.key + ": " + internal::FlowField(field, owner) + "\n";
  }
}

}  // namespace

std::string WriteResolvedYaml(const Scenario& scenario) {
  std::string out =
      "# Resolved scenario: all `extends` layers and overrides merged; money in USD bn\n"
      "# at " +
      std::to_string(scenario.money.base_year) + " prices.\n";
  WriteFields(internal::ScenarioFields(), scenario, "", out);

  out += "money:\n";
  WriteFields(internal::MoneyFields(), scenario.money, "  ", out);
  std::string rates;
  for (const auto& [currency, per_usd] : scenario.money.per_usd) {
    rates += (rates.empty() ? "" : ", ") + currency + ": " + internal::FormatNumber(per_usd);
  }
  out += "  per_usd: {" + rates + "}\n";

  out += "assumptions:\n";
  WriteFields(internal::AssumptionFields(), scenario.assumptions, "  ", out);

  out += "regions:\n";
  for (const Region& region : scenario.regions) {
    out += "  " + region.code + ":\n";
    WriteFields(internal::RegionFields(), region, "    ", out);
  }

  out += scenario.alliances.empty() ? "alliances: {}\n" : "alliances:\n";
  for (const Alliance& alliance : scenario.alliances) {
    out += "  " + alliance.name + ":\n";
    WriteFields(internal::AllianceFields(), alliance, "    ", out);
  }

  out += scenario.observations.empty() ? "observations: []\n" : "observations:\n";
  for (const Observation& observation : scenario.observations) {
    const char* tolerance_key =
        observation.tolerance_kind == Observation::ToleranceKind::kRelative   ? "relative"
        : observation.tolerance_kind == Observation::ToleranceKind::kAbsolute ? "absolute"
                                                                              : "log10";
    out += "  - {region: " + observation.region +
           ", variable: " + internal::FlowText(observation.variable) +
           ", year: " + std::to_string(observation.year) +
           ", value: " + internal::FormatNumber(observation.value) +
           ", unit: " + internal::FlowText(observation.unit) +
           ", source: " + internal::FlowText(observation.source) + ", tolerance: {" +
           tolerance_key + ": " + internal::FormatNumber(observation.tolerance) + "}}\n";
  }
  return out;
}

}  // namespace sim
