// The end-year summary of a run: one record per region, and its renderings
// as JSON, Markdown and a terminal table.
#pragma once

#include <string>
#include <vector>

#include "sim/model/results.hpp"
#include "sim/output/timeseries_csv.hpp"

namespace sim {

// What `aisim run` reports for each region in the end year.
struct RegionSummary {
  std::string code, name;
  QuantileSet capability_generative;    // log10 FLOP
  QuantileSet capability_physical;      // log10 FLOP
  QuantileSet years_behind_generative;  // years
  QuantileSet years_behind_physical;    // years
  QuantileSet compute_stock;            // H100e
  QuantileSet rank_generative;          // 1 = leader
  QuantileSet rank_physical;
};

// Facts about how the results were made, recorded in summary.json.
struct RunRecord {
  std::string version;        // aisim version
  std::string scenario_hash;  // FNV-1a 64 of the resolved scenario YAML, hex
  unsigned long long seed = 0;
  int draws = 1;
};

std::vector<RegionSummary> SummariseEndYear(const Results& results);

// FNV-1a 64-bit hash of text, as 16 hex digits (stable across platforms).
std::string HashText(const std::string& text);

std::string FormatSummaryJson(const Results& results, const RunRecord& record,
                              const std::string& description);
std::string FormatSummaryMarkdown(const Results& results, const RunRecord& record,
                                  const std::string& description);

}  // namespace sim
