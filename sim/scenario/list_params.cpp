// ListParams: every path `--set` and sweeps accept, with its current value.
#include "sim/scenario/fields.hpp"
#include "sim/scenario/flow_text.hpp"
#include "sim/scenario/load_scenario.hpp"

namespace sim {
namespace {

using internal::Field;

template <class Owner>
void AddFields(const std::vector<Field<Owner>>& fields, const Owner& owner,
               const std::string& prefix, std::vector<ParamInfo>& params) {
  for (const Field<Owner>& field : fields) {
    const std::string path = prefix + field.key;
    if (const auto member = std::get_if<Allocation Owner::*>(&field.member)) {
      // Shares are the leaves; the whole allocation is settable too but is not listed.
      for (const Field<Allocation>& share : internal::AllocationFields()) {
        params.push_back({path + "." + share.key, internal::FlowField(share, owner.**member),
                          share.unit, std::string(field.key) + " share: " + share.description});
      }
      continue;
    }
    params.push_back({path, internal::FlowField(field, owner), field.unit, field.description});
  }
}

}  // namespace

std::vector<ParamInfo> ListParams(const Scenario& scenario) {
  std::vector<ParamInfo> params;
  AddFields(internal::ScenarioFields(), scenario, "", params);
  AddFields(internal::AssumptionFields(), scenario.assumptions, "assumptions.", params);
  for (const Region& region : scenario.regions) {
    AddFields(internal::RegionFields(), region, "regions." + region.code + ".", params);
  }
  for (const Alliance& alliance : scenario.alliances) {
    AddFields(internal::AllianceFields(), alliance, "alliances." + alliance.name + ".", params);
  }
  return params;
}

}  // namespace sim
