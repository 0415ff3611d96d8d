#include "sim/scenario/utf8.hpp"
#include "sim/scenario/override.hpp"

#include <algorithm>
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

// Raises unless `path` is settable, at the first segment that leads nowhere.
void CheckPath(const std::string& path, const std::vector<Segment>& segments,
               const Scenario& scenario) {
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
  const std::string match = ClosestMatch(path, paths);
  Fail({"--set", 1, column}, "unknown parameter path '" + path + "'",
       (match.empty() ? "" : "did you mean '" + match + "'? ") +
           "`aisim params` lists every settable path");
}

}  // namespace

OverrideLayer ParseOverride(const std::string& assignment, const Scenario& scenario) {
  CheckUtf8(assignment, "--set");
  const size_t equals = assignment.find('=');
  if (equals == std::string::npos) {
    Fail({"--set", 1, 1}, "expected path=value, got '" + assignment + "'",
         "e.g. --set regions.KR.public_budget=12 or --set 'regions.KR.public_budget={2026: 7, "
         "2030: 12}'");
  }
  const std::string path = assignment.substr(0, equals);
  const std::vector<Segment> segments = SplitPath(path);
  CheckPath(path, segments, scenario);

  const int value_offset = static_cast<int>(equals) + 1;
  OverrideLayer layer{YAML::Node(YAML::NodeType::Map), LayerSource::Override(value_offset)};
  YAML::Node value;
  try {
    value = YAML::Load(assignment.substr(equals + 1));
  } catch (const YAML::Exception& error) {
    Fail({"--set", 1, value_offset + error.mark.column + 1}, error.msg,
         "the value after '=' is read as YAML, e.g. 12, {2026: 7, 2030: 12} or {dist: uniform, "
         "min: 0.3, max: 0.5}");
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
