#include "sim/explore/what_if.hpp"

#include <nlohmann/json.hpp>

#include "sim/scenario/load_scenario.hpp"

namespace sim::explore {
namespace {

bool StartsWith(const std::string& text, const std::string& prefix) {
  return text.compare(0, prefix.size(), prefix) == 0;
}

}  // namespace

WhatIf ParseWhatIf(const std::string& body) {
  if (body.size() > kMaxBodyBytes) {
    throw BadRequest("request body of " + std::to_string(body.size()) + " bytes is over the " +
                     std::to_string(kMaxBodyBytes) + "-byte limit");
  }
  nlohmann::json json;
  try {
    json = nlohmann::json::parse(body.empty() ? std::string("{}") : body);
  } catch (const nlohmann::json::parse_error& error) {
    throw BadRequest(std::string("request is not valid JSON: ") + error.what());
  } catch (const nlohmann::json::out_of_range& error) {
    // The parser's other error (406): a number such as 1e400 is valid JSON
    // but no double holds it.
    throw BadRequest(std::string("request has a number too large for a double: ") + error.what());
  }
  if (!json.is_object()) {
    throw BadRequest("request must be a JSON object like {\"set\": [\"regions.KR.public_budget=12\"], \"draws\": 1}");
  }
  WhatIf what_if;
  for (const auto& [key, value] : json.items()) {
    if (key == "set") {
      if (!value.is_array()) throw BadRequest("\"set\" must be a list of \"path=value\" texts");
      if (value.size() > kMaxOverrides) {
        throw BadRequest("\"set\" has " + std::to_string(value.size()) + " overrides; at most " +
                         std::to_string(kMaxOverrides) + " are allowed");
      }
      for (const nlohmann::json& item : value) {
        if (!item.is_string()) {
          throw BadRequest("every item of \"set\" must be a text like \"regions.KR.public_budget=12\", got " +
                           item.dump());
        }
        const std::string text = item.get<std::string>();
        if (text.size() > kMaxOverrideChars) {
          throw BadRequest("an override is " + std::to_string(text.size()) + " characters long; at most " +
                           std::to_string(kMaxOverrideChars) + " are allowed");
        }
        // The explorer moves levers and assumptions only: the name, years,
        // draws and seed of the scenario are not the page's to change.
        if (!StartsWith(text, "regions.") && !StartsWith(text, "assumptions.")) {
          throw BadRequest("override '" + text +
                           "' is not allowed here: the explorer sets only regions.<code>.<lever> and "
                           "assumptions.<name> paths");
        }
        what_if.set.push_back(text);
      }
    } else if (key == "scenario") {
      if (!value.is_string() || value.get<std::string>().size() > 100) {
        throw BadRequest("\"scenario\" must be the name of a shipped scenario, e.g. \"korea-2026-ai-budget\"");
      }
      what_if.scenario = value.get<std::string>();
    } else if (key == "draws") {
      if (!value.is_number_integer() || value.get<long long>() < 1 ||
          value.get<long long>() > kMaxDraws) {
        throw BadRequest("\"draws\" must be a whole number from 1 to " + std::to_string(kMaxDraws) +
                         ", got " + value.dump());
      }
      what_if.draws = value.get<int>();
    } else {
      throw BadRequest("unknown key \"" + key + "\" in the request; expected \"scenario\", \"set\" and \"draws\"");
    }
  }
  return what_if;
}

Scenario ChooseScenario(const Scenario& base, const std::string& name) {
  if (name.empty() || name == base.name) return base;
  std::string names;
  for (const ShippedScenario& shipped : ListShippedScenarios()) {
    if (shipped.name == name) return LoadScenario(name);
    names += (names.empty() ? "" : ", ") + shipped.name;
  }
  throw BadRequest("unknown scenario '" + name.substr(0, 100) + "'; the explorer offers " + base.name +
                   " and the shipped scenarios: " + names);
}

Scenario ApplyWhatIf(const Scenario& base, const WhatIf& what_if) {
  Scenario scenario = base;
  for (const std::string& assignment : what_if.set) ApplyOverride(scenario, assignment);
  // Through the loader too, so that the YAML download records it.
  ApplyOverride(scenario, "draws=" + std::to_string(what_if.draws));
  return scenario;
}

std::string WhatIfYaml(const Scenario& base, const WhatIf& what_if) {
  Scenario scenario = ApplyWhatIf(base, what_if);
  scenario.name = base.name + "-what-if";
  std::string description = "What-if on " + base.name + " from aisim explore";
  if (what_if.set.empty()) description += " (no change)";
  for (std::size_t i = 0; i < what_if.set.size(); ++i) {
    description += (i == 0 ? ": " : "; ") + what_if.set[i];
  }
  scenario.description = description;
  return WriteResolvedYaml(scenario);
}

}  // namespace sim::explore
