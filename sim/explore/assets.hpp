// The explorer page's files (HTML, JavaScript, CSS and the uPlot chart
// library), embedded in the binary at build time by cmake/embed_assets.cmake,
// so that `aisim explore` serves them from any folder and loads nothing from
// the network.
#pragma once

#include <string_view>
#include <vector>

namespace sim::explore {

struct Asset {
  std::string_view name;  // file name as served under /assets/, e.g. "explore.js"
  std::string_view data;  // the file's bytes
};

// Every embedded file; the data lives for the whole program.
const std::vector<Asset>& EmbeddedAssets();

}  // namespace sim::explore
