#include "sim/scenario/validate.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <string>
#include <vector>

#include "sim/scenario/did_you_mean.hpp"
#include "sim/scenario/fields.hpp"
#include "sim/scenario/yaml_reader.hpp"

namespace sim::internal {
namespace {

// Shares are typed with a few decimals, so 1e-6 accepts rounding in the
// input yet catches a share that is off by a typo.
constexpr double kAllocationTolerance = 1e-6;
constexpr int kMaxYears = 60;

// The paths under `path` that a new region or alliance must set.
template <class Owner>
std::vector<std::string> MissingFields(const std::vector<Field<Owner>>& fields,
                                       const std::string& path, const Provenance& provenance) {
  std::vector<std::string> missing;
  for (const Field<Owner>& field : fields) {
    const std::string key = field.key;
    if (field.optional) continue;
    if (std::holds_alternative<Allocation Owner::*>(field.member)) {
      for (const Field<Allocation>& share : AllocationFields()) {
        if (!provenance.set_at.count(path + "." + key + "." + share.key)) {
          missing.push_back(key + "." + share.key);
        }
      }
    } else if (!provenance.set_at.count(path + "." + key)) {
      missing.push_back(key);
    }
  }
  return missing;
}

// "did you mean KR (South Korea)? " when an incomplete region is probably
// a complete one misspelt or written by name ("KOR", "Korea"); else "".
std::string ExistingRegionHint(const std::string& code, const Scenario& scenario,
                               const Provenance& provenance) {
  std::vector<Region> complete;
  for (const Region& region : scenario.regions) {
    if (MissingFields(RegionFields(), "regions." + region.code, provenance).empty()) complete.push_back(region);
  }
  return RegionHint(code, complete);
}

void CheckComplete(const Scenario& scenario, const Provenance& provenance) {
  for (const std::string& code : provenance.new_regions) {
    const std::string path = "regions." + code;
    const std::vector<std::string> missing = MissingFields(RegionFields(), path, provenance);
    if (!missing.empty()) {
      Fail(provenance.Where(path),
           "region " + code + " is missing required fields: " + JoinWords(missing),
           ExistingRegionHint(code, scenario, provenance) +
               "a region defined for the first time must set every field, here or in a file that "
               "extends this one");
    }
  }
  for (const std::string& name : provenance.new_alliances) {
    const std::string path = "alliances." + name;
    const std::vector<std::string> missing = MissingFields(AllianceFields(), path, provenance);
    if (!missing.empty()) {
      Fail(provenance.Where(path),
           "alliance " + name + " is missing required fields: " + JoinWords(missing),
           "a new alliance must set members, compute_share, data_share and talent_share");
    }
  }
  if (provenance.require_assumptions) {
    std::vector<std::string> missing;
    for (const Field<Assumptions>& field : AssumptionFields()) {
      if (!provenance.set_at.count(std::string("assumptions.") + field.key))
        missing.push_back(field.key);
    }
    if (!missing.empty()) {
      Fail(provenance.Where("assumptions"), "missing required assumptions: " + JoinWords(missing),
           "every assumption must be set, here or in a scenario this one extends "
           "(e.g. extends: world-2025.yaml)");
    }
  }
  if (scenario.regions.empty()) {
    Fail(provenance.root, "the scenario defines no regions",
         "add a regions: map, or extend a scenario that has one (e.g. extends: world-2025.yaml)");
  }
  // Market shares are normalised over regions with market access; with none
  // the shares would be 0 / 0.
  bool any_market_access = false;
  for (const Region& region : scenario.regions) any_market_access |= region.market_access > 0;
  if (!any_market_access) {
    const std::string path = "regions." + scenario.regions.back().code + ".market_access";
    Fail(provenance.Where(path), "no region has market_access > 0",
         "market shares are split among regions with market access; give at least one region "
         "market_access > 0");
  }
}

void CheckYears(const Scenario& scenario, const Provenance& provenance) {
  const auto fail = [&](const std::string& constraint) {
    Fail(provenance.Where("end_year"),
         "end_year = " + std::to_string(scenario.end_year) + ". Violated constraint: " + constraint,
         "a run covers start_year..end_year inclusive, at most 61 years");
  };
  if (scenario.end_year <= scenario.start_year) {
    fail("end_year > start_year (" + std::to_string(scenario.start_year) + ")");
  }
  if (scenario.end_year - scenario.start_year > kMaxYears) {
    fail("end_year <= start_year + 60 (" + std::to_string(scenario.start_year + kMaxYears) + ")");
  }
}

// A scenario's name names its results folder (OUT/<name>/) and files in a
// comparison, so it must be one plain file name: a name such as "../x" or
// "/home/me" would write, and replace, outside the folder the user named.
void CheckName(const Scenario& scenario, const Provenance& provenance) {
  constexpr std::size_t kMaxNameBytes = 80;
  const std::string& name = scenario.name;
  std::string problem;
  if (name.empty()) {
    problem = "is empty";
  } else if (name.size() > kMaxNameBytes) {
    problem = "is " + std::to_string(name.size()) + " bytes long, over " + std::to_string(kMaxNameBytes);
  } else if (name[0] == '.') {
    problem = "starts with '.'";
  } else if (name[0] == '-') {
    problem = "starts with '-'";
  } else if (name.find_first_of("/\\") != std::string::npos) {
    problem = "contains a path separator";
  } else if (std::any_of(name.begin(), name.end(), [](unsigned char c) { return c < 0x20 || c == 0x7f; })) {
    problem = "contains a control character";
  }
  if (problem.empty()) return;
  Fail(provenance.Where("name"), "the scenario name '" + name.substr(0, kMaxNameBytes) + "' " + problem,
       "the name is the results folder's name (OUT/<name>/): one file name without '/' or '\\', "
       "not starting with '.' or '-', at most 80 bytes, e.g. name: korea-plan-b (a file's name "
       "defaults to its file name without .yaml)");
}

std::string FormatSum(double sum) {
  char text[32];
  std::snprintf(text, sizeof text, "%.10g", sum);
  return text;
}

void CheckAllocation(const Allocation& allocation, const std::string& path,
                     const std::string& description, const Provenance& provenance) {
  const double sum = allocation.Sum();
  if (std::abs(sum - 1.0) <= kAllocationTolerance) return;
  std::string hint;
  for (const Field<Allocation>& share : AllocationFields()) {
    if (!hint.empty()) hint += " + ";
    hint += std::string(share.key) + " " +
            FormatNumber(allocation.*std::get<double Allocation::*>(share.member)) + " (" +
            provenance.Describe(path + "." + share.key) + ")";
  }
  Fail(provenance.Where(path), description + " sums to " + FormatSum(sum) + ", not 1",
       hint + " = " + FormatSum(sum));
}

std::vector<std::string> RegionCodes(const Scenario& scenario) {
  std::vector<std::string> codes;
  for (const Region& region : scenario.regions) codes.push_back(region.code);
  return codes;
}

void CheckAlliances(const Scenario& scenario, const Provenance& provenance) {
  const std::vector<std::string> codes = RegionCodes(scenario);
  for (const Alliance& alliance : scenario.alliances) {
    const std::string path = "alliances." + alliance.name + ".members";
    for (size_t i = 0; i < alliance.members.size(); ++i) {
      const std::string& member = alliance.members[i];
      const SourceLocation at = provenance.Where(path + "." + std::to_string(i));
      if (scenario.RegionIndex(member) < 0) {
        Fail(at, "unknown region '" + member + "' in alliance " + alliance.name,
             UnknownWordHint(member, codes, "regions"));
      }
      for (size_t j = 0; j < i; ++j) {
        if (alliance.members[j] == member) {
          Fail(at, "region " + member + " is listed twice in alliance " + alliance.name,
               "list each member once");
        }
      }
    }
    if (alliance.members.size() < 2) {
      Fail(provenance.Where(path), "alliance " + alliance.name + " needs at least two members",
           "add another region code to members, e.g. members: [KR, UK]");
    }
  }
}

// focus names regions of the scenario, each once.
void CheckFocus(const Scenario& scenario, const Provenance& provenance) {
  for (size_t i = 0; i < scenario.focus.size(); ++i) {
    const std::string& code = scenario.focus[i];
    const SourceLocation at = provenance.Where("focus." + std::to_string(i));
    if (scenario.RegionIndex(code) < 0) {
      Fail(at, "unknown region '" + code + "' in focus",
           RegionHint(code, scenario.regions) + "the regions are " + JoinWords(RegionCodes(scenario)));
    }
    for (size_t j = 0; j < i; ++j) {
      if (scenario.focus[j] == code) Fail(at, "region " + code + " is listed twice in focus", "list each region once");
    }
  }
}

// A region's currency is USD or has an exchange rate.
void CheckCurrencies(const Scenario& scenario, const Provenance& provenance) {
  std::vector<std::string> known = {"USD"};
  for (const auto& [code, rate] : scenario.money.per_usd) known.push_back(code);
  for (const Region& region : scenario.regions) {
    if (std::find(known.begin(), known.end(), region.currency) != known.end()) continue;
    Fail(provenance.Where("regions." + region.code + ".currency"),
         "region " + region.code + ": unknown currency '" + region.currency + "'",
         UnknownWordHint(region.currency, known, "currencies of money.per_usd") +
             " (a currency needs its rate in money.per_usd)");
  }
}

// hosted_for names another region, and a hosted share above 0 names one.
void CheckHosting(const Scenario& scenario, const Provenance& provenance) {
  const std::vector<std::string> codes = RegionCodes(scenario);
  for (const Region& region : scenario.regions) {
    const std::string path = "regions." + region.code;
    if (!region.hosted_for.empty()) {
      const SourceLocation at = provenance.Where(path + ".hosted_for");
      if (scenario.RegionIndex(region.hosted_for) < 0) {
        Fail(at, "unknown region '" + region.hosted_for + "' in hosted_for of region " + region.code,
             UnknownWordHint(region.hosted_for, codes, "regions"));
      }
      if (region.hosted_for == region.code) {
        Fail(at, "region " + region.code + " is hosted_for itself",
             "hosted_for names the region whose firms use compute standing in " + region.code +
                 "; leave it out when there is none");
      }
      continue;
    }
    for (const auto& [year, share] : region.hosted_share.points) {
      if (share > 0) {
        Fail(provenance.Where(path + ".hosted_share"),
             "region " + region.code + " has a hosted_share above 0 but no hosted_for",
             "add the region whose firms use that compute, e.g. hosted_for: US");
      }
    }
  }
}

void CheckObservations(const Scenario& scenario, const Provenance& provenance) {
  const std::vector<std::string> codes = RegionCodes(scenario);
  for (size_t i = 0; i < scenario.observations.size(); ++i) {
    const std::string& region = scenario.observations[i].region;
    if (scenario.RegionIndex(region) < 0) {
      Fail(provenance.Where("observations." + std::to_string(i) + ".region"),
           "unknown region '" + region + "' in observation",
           UnknownWordHint(region, codes, "regions"));
    }
  }
}

// The leader's path before the start (frontier_run_history) must have at
// least one year before start_year, so that a follower's diffusion lag and
// years behind can be read on it, must reach the year before the start, and
// may hold at most kMaxYears of them, so that the path the model keeps for
// every draw stays small.
void CheckFrontierHistory(const Scenario& scenario, const Provenance& provenance) {
  const std::map<int, double>& points = scenario.assumptions.frontier_run_history.points;
  const std::string path = "assumptions.frontier_run_history";
  const std::string example = "e.g. {" + std::to_string(scenario.start_year - 2) + ": 5.0e25, " +
                              std::to_string(scenario.start_year - 1) + ": 5.3e25}";
  if (scenario.assumptions.frontier_run_history.IsConstant()) {
    Fail(provenance.Where(path), "frontier_run_history is one number, not a record by year",
         "give the largest training run (FLOP) of each year before the start, " + example +
             "; scripts/record-series.py frontier prints the record");
  }
  if (points.begin()->first >= scenario.start_year) {
    Fail(provenance.Where(path),
         "frontier_run_history has no year before start_year " +
             std::to_string(scenario.start_year),
         "give the largest training run (FLOP) of at least one year before the start, " +
             example + "; scripts/record-series.py frontier prints the record");
  }
  const int last = points.rbegin()->first;
  if (last < scenario.start_year - 1) {
    // Between the last recorded year and the start the leader's path would
    // be flat, a frontier that stood still: followers would look closer than
    // they are.
    Fail(provenance.Where(path),
         "frontier_run_history ends in " + std::to_string(last) + " but start_year is " +
             std::to_string(scenario.start_year) + ": the leader's runs of " +
             std::to_string(last + 1) + "-" + std::to_string(scenario.start_year - 1) +
             " are missing",
         "give the largest training run of every year up to " +
             std::to_string(scenario.start_year - 1) +
             "; scripts/record-series.py frontier prints the record");
  }
  if (scenario.start_year - points.begin()->first > kMaxYears) {
    Fail(provenance.Where(path),
         "frontier_run_history starts in " + std::to_string(points.begin()->first) + ", over " +
             std::to_string(kMaxYears) + " years before start_year " +
             std::to_string(scenario.start_year),
         "keep the years that matter for the gaps you study, at most 60 before the start");
  }
}

}  // namespace

void ValidateScenario(const Scenario& scenario, const Provenance& provenance) {
  CheckName(scenario, provenance);
  CheckComplete(scenario, provenance);
  CheckYears(scenario, provenance);
  CheckFrontierHistory(scenario, provenance);
  for (const Region& region : scenario.regions) {
    const std::string path = "regions." + region.code;
    CheckAllocation(region.public_allocation, path + ".public_allocation",
                    "public_allocation of region " + region.code, provenance);
    CheckAllocation(region.private_allocation, path + ".private_allocation",
                    "private_allocation of region " + region.code, provenance);
  }
  CheckAlliances(scenario, provenance);
  CheckFocus(scenario, provenance);
  CheckCurrencies(scenario, provenance);
  CheckHosting(scenario, provenance);
  CheckObservations(scenario, provenance);
}

}  // namespace sim::internal
