// ListParams: every path `--set` and sweeps accept, with its current value.
#include "sim/scenario/fields.hpp"
#include "sim/scenario/flow_text.hpp"
#include "sim/scenario/load_scenario.hpp"

namespace sim {
namespace {

using internal::Field;

// Appends the params of `fields` of `owner`; with `describe` false only their
// paths (formatting every value costs more than everything else here, and
// every `--set` checks its path against the list).
template <class Owner>
void AddFields(const std::vector<Field<Owner>>& fields, const Owner& owner,
               const std::string& prefix, bool describe, std::vector<ParamInfo>& params) {
  for (const Field<Owner>& field : fields) {
    const std::string path = prefix + field.key;
    if (const auto member = std::get_if<Allocation Owner::*>(&field.member)) {
      // Shares are the leaves; the whole allocation is settable too but is not listed.
      for (const Field<Allocation>& share : internal::AllocationFields()) {
        if (!describe) {
          params.push_back({path + "." + share.key, "", "", ""});
          continue;
        }
        params.push_back({path + "." + share.key, internal::FlowField(share, owner.**member),
                          share.unit, std::string(field.key) + " share: " + share.description});
      }
      continue;
    }
    if (!describe) {
      params.push_back({path, "", "", ""});
      continue;
    }
    params.push_back({path, internal::FlowField(field, owner), field.unit, field.description});
  }
}

std::vector<ParamInfo> List(const Scenario& scenario, bool describe) {
  std::vector<ParamInfo> params;
  AddFields(internal::ScenarioFields(), scenario, "", describe, params);
  AddFields(internal::AssumptionFields(), scenario.assumptions, "assumptions.", describe, params);
  for (const Region& region : scenario.regions) {
    AddFields(internal::RegionFields(), region, "regions." + region.code + ".", describe, params);
  }
  for (const Alliance& alliance : scenario.alliances) {
    AddFields(internal::AllianceFields(), alliance, "alliances." + alliance.name + ".", describe,
              params);
  }
  return params;
}

}  // namespace

std::vector<ParamInfo> ListParams(const Scenario& scenario) { return List(scenario, true); }

std::vector<std::string> ListParamPaths(const Scenario& scenario) {
  std::vector<std::string> paths;
  for (ParamInfo& param : List(scenario, false)) paths.push_back(std::move(param.path));
  return paths;
}

}  // namespace sim
