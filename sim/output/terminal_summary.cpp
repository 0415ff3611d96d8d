#include "sim/output/terminal_summary.hpp"

#include <algorithm>
#include <cstdio>

#include "sim/output/quantiles.hpp"
#include "sim/output/summary_writer.hpp"

namespace sim {
namespace {

// "12.3 [11.9-12.8]": the terminal's table is narrow.
const RangeStyle kBrackets{" [", "-", "]"};

}  // namespace

std::string FormatTerminalSummary(const Results& results) {
  const bool monte_carlo = results.draws() > 1;

  std::vector<RegionSummary> rows = SummariseEndYear(results);
  std::stable_sort(rows.begin(), rows.end(), [](const RegionSummary& a, const RegionSummary& b) {
    return a.rank_generative.p50 < b.rank_generative.p50;
  });
  const std::vector<std::string> header = {"Region",           "Gen. cap.", "Phys. cap.", "Yrs behind gen.",
                                           "Yrs behind phys.", "Compute",   "Rank gen.",  "Rank phys."};
  const std::vector<std::string> units = {"",      "log10 FLOP", "log10 FLOP", "years",
                                          "years", "M H100e",    "",           ""};
  std::vector<std::vector<std::string>> table = {header, units};
  for (const RegionSummary& s : rows) {
    table.push_back({s.name + " (" + s.code + ")",
                     MedianAndRange(s.capability_generative, monte_carlo, "%.2f", 1, kBrackets),
                     MedianAndRange(s.capability_physical, monte_carlo, "%.2f", 1, kBrackets),
                     MedianAndRange(s.years_behind_generative, monte_carlo, "%.1f", 1, kBrackets),
                     MedianAndRange(s.years_behind_physical, monte_carlo, "%.1f", 1, kBrackets),
                     MedianAndRange(s.compute_stock, monte_carlo, "%.2f", 1e6, kBrackets),
                     MedianAndRange(s.rank_generative, monte_carlo, "%.0f", 1, kBrackets),
                     MedianAndRange(s.rank_physical, monte_carlo, "%.0f", 1, kBrackets)});
  }
  std::vector<std::size_t> width(header.size(), 0);
  for (const auto& line : table) {
    for (std::size_t c = 0; c < line.size(); ++c) width[c] = std::max(width[c], line[c].size());
  }
  std::size_t total_width = 2 * (width.size() - 1);
  for (std::size_t w : width) total_width += w;
  std::string out = results.scenario() + ": " + std::to_string(results.end_year()) +
                    (monte_carlo ? " (median [p5-p95] over " + std::to_string(results.draws()) +
                                       " draws)"
                                 : " (deterministic)") +
                    "\n";
  for (std::size_t i = 0; i < table.size(); ++i) {
    for (std::size_t c = 0; c < table[i].size(); ++c) {
      const std::string& text = table[i][c];
      const std::string pad(width[c] - text.size(), ' ');
      out += c == 0 ? text + pad : "  " + pad + text;  // first column left, the rest right
    }
    out += '\n';
    if (i == 1) out += std::string(total_width, '-') + '\n';  // under the units line
  }
  return out;
}

}  // namespace sim
