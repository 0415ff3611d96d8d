// Where each part of a scenario was last set while layers were merged, so
// that checks made after merging (allocation sums, required fields, region
// codes) can point at the right file, line and column.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "sim/error.hpp"

namespace sim::internal {

struct Provenance {
  // Dotted path -> where it was last set, e.g. "regions.KR.public_allocation.compute".
  // Regions, alliances and "assumptions" map to where they first appeared.
  std::map<std::string, SourceLocation> set_at;
  // Regions and alliances created by this load; each must end up complete.
  std::vector<std::string> new_regions;
  std::vector<std::string> new_alliances;
  // Whether every assumption must have been set (a whole scenario, not an
  // override applied to a scenario that was already loaded).
  bool require_assumptions = false;
  // The top of the main layer: where errors about absent keys go.
  SourceLocation root;

  // Where `path` was last set, else `root`.
  SourceLocation Where(const std::string& path) const {
    const auto found = set_at.find(path);
    return found == set_at.end() ? root : found->second;
  }
  // The same as text for hints; "loaded scenario" when unknown (ApplyOverride).
  std::string Describe(const std::string& path) const {
    const auto found = set_at.find(path);
    return found == set_at.end() ? "loaded scenario" : found->second.ToString();
  }
};

}  // namespace sim::internal
