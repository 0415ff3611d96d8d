#include "sim/scenario/utf8.hpp"
#include "sim/scenario/override.hpp"

#include <algorithm>
#include <regex>
#include <vector>

#include "sim/scenario/did_you_mean.hpp"
#include "sim/scenario/load_scenario.hpp"

namespace sim::internal {
namespace {

std::vector<std::string> SettablePaths(const Scenario& scenario) {
  std::vector<std::string> paths = ListParamPaths(scenario);
  for (const Region& region : scenario.regions) {
    paths.push_back("regions." + region.code + ".public_allocation");
    paths.push_back("regions." + region.code + ".private_allocation");
  }
  return paths;
}

struct Segment {
  std::string key;
  int column;  // 1-based, in the argument
};

std::vector<Segment> SplitPath(const std::string& path) {
  std::vector<Segment> segments;
  size_t start = 0;
  while (true) {
    const size_t dot = path.find('.', start);
    segments.push_back({path.substr(start, dot - start), static_cast<int>(start) + 1});
    if (dot == std::string::npos) return segments;
    start = dot + 1;
  }
}

// Where an error at 1-based `column` of the argument is reported: there in a
// --set argument, or at the option an assignment stands for.
SourceLocation At(const std::string& option, int column) {
  return option.empty() ? SourceLocation{"--set", 1, column} : SourceLocation{option, 0, 0};
}

// Settable paths a mistyped `path` probably meant: those under the same
// parent whose last part contains the last part written ("budget" finds
// public_budget, "delay" power_delay and start_delay; at most three), else
// the closest by spelling.
std::vector<std::string> PathsNamedLike(const std::string& path, const std::vector<std::string>& paths) {
  constexpr size_t kMaxSuggestions = 3;
  const size_t dot = path.rfind('.');
  const std::string parent = dot == std::string::npos ? "" : path.substr(0, dot + 1);
  const std::string leaf = path.substr(parent.size());
  std::vector<std::string> containing;
  for (const std::string& candidate : paths) {
    if (leaf.size() < 3 || candidate.compare(0, parent.size(), parent) != 0) continue;
    const std::string candidate_leaf = candidate.substr(parent.size());
    if (candidate_leaf.find('.') == std::string::npos && candidate_leaf.find(leaf) != std::string::npos) {
      containing.push_back(candidate);
    }
  }
  if (!containing.empty() && containing.size() <= kMaxSuggestions) return containing;
  const std::string match = ClosestMatch(path, paths);
  if (match.empty()) return {};
  return {match};
}

// Raises unless `path` is settable, at the first segment that leads nowhere.
void CheckPath(const std::string& path, const std::vector<Segment>& segments,
               const Scenario& scenario, const std::string& option) {
  std::vector<std::string> paths = SettablePaths(scenario);
  if (std::find(paths.begin(), paths.end(), path) != paths.end()) return;
  // The groups lead somewhere even when empty (a scenario with no alliances),
  // so that the error points at the unknown name rather than at the group.
  std::vector<std::string> prefixes = paths;
  for (const char* group : {"assumptions", "regions", "alliances"}) prefixes.push_back(group);
  int column = 1;
  std::string prefix;
  for (const Segment& segment : segments) {
    prefix += (prefix.empty() ? "" : ".") + segment.key;
    const bool leads_somewhere =
        std::any_of(prefixes.begin(), prefixes.end(), [&](const std::string& p) {
          return p == prefix || p.compare(0, prefix.size() + 1, prefix + ".") == 0;
        });
    if (!leads_somewhere) {
      column = segment.column;
      break;
    }
  }
  const std::vector<std::string> matches = PathsNamedLike(path, paths);
  std::string suggestion;
  for (const std::string& match : matches) {
    suggestion += (suggestion.empty() ? "did you mean '" : " or '") + match + "'";
  }
  if (!suggestion.empty()) suggestion += "? ";
  const std::string retired = segments.front().key == "assumptions" ? RetiredKeyHint(segments.back().key) : "";
  if (!retired.empty()) suggestion = retired + "; ";
  Fail(At(option, column), "unknown parameter path '" + path + "'",
       suggestion + "`aisim params` lists every settable path");
}

}  // namespace

OverrideLayer ParseOverride(const std::string& assignment, const Scenario& scenario,
                            const std::string& option) {
  CheckUtf8(assignment, option.empty() ? "--set" : option);
  const size_t equals = assignment.find('=');
  if (equals == std::string::npos) {
    Fail(At(option, 1), "expected path=value, got '" + assignment + "'",
         "e.g. --set regions.KR.public_budget=12 or --set 'regions.KR.public_budget={2026: 7, "
         "2030: 12}'");
  }
  const std::string path = assignment.substr(0, equals);
  const std::vector<Segment> segments = SplitPath(path);
  CheckPath(path, segments, scenario, option);

  const int value_offset = static_cast<int>(equals) + 1;
  OverrideLayer layer{YAML::Node(YAML::NodeType::Map),
                      option.empty() ? LayerSource::Override(value_offset) : LayerSource::Option(option)};
  YAML::Node value;
  try {
    value = YAML::Load(assignment.substr(equals + 1));
  } catch (const YAML::Exception& error) {
    Fail(At(option, value_offset + error.mark.column + 1), error.msg,
         "the value after '=' is read as YAML, e.g. 12, {2026: 7, 2030: 12} or {dist: uniform, "
         "min: 0.3, max: 0.5}");
  }
  // "10.1 KRW tn" is money with its unit, as {value: 10.1, unit: KRW tn} in a
  // file; the money reader then checks the unit for the field.
  static const std::regex kAmountWithUnit(
      R"(\s*([-+]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][-+]?[0-9]+)?)\s+([A-Za-z][A-Za-z ]*?)\s*)");
  // The text is copied first: the match refers into it, and the node that
  // holds it is replaced.
  const std::string text = value.IsScalar() ? value.Scalar() : "";
  std::smatch amount;
  if (std::regex_match(text, amount, kAmountWithUnit)) {
    const std::string number = amount[1].str(), unit = amount[2].str();
    value = YAML::Node(YAML::NodeType::Map);
    value["value"] = YAML::Load(number);
    value["unit"] = unit;
  }
  // Nest the value under the path's keys, innermost last. reset() rebinds a
  // handle; plain assignment would overwrite the node it refers to.
  YAML::Node parent;
  parent.reset(layer.root);
  for (size_t i = 0; i + 1 < segments.size(); ++i) {
    YAML::Node child(YAML::NodeType::Map);
    parent[segments[i].key] = child;
    parent.reset(child);
  }
  parent[segments.back().key] = value;
  return layer;
}

}  // namespace sim::internal
