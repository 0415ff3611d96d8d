// report.md and report.html: what a policy student reads first. The HTML is
// self-contained (CSS inline, charts embedded as base64 PNG, a
// Content-Security-Policy that forbids any network load) and prints cleanly.
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "sim/model/results.hpp"
#include "sim/output/charts.hpp"
#include "sim/output/comparison.hpp"
#include "sim/output/summary_writer.hpp"

namespace sim {

struct ReportTable {
  std::string caption;
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;  // cells as text, one per header column
};

struct Report {
  std::string title;                                       // e.g. "aisim run: world-2025"
  std::vector<std::pair<std::string, std::string>> facts;  // ("Seed", "42"), ...
  std::vector<std::string> notes;                          // paragraphs of plain text
  std::vector<ReportTable> tables;
  std::vector<Chart> charts;      // drawn into charts/ beside the report
  std::string charts_warning;     // why there are no charts, or ""
};

// Markdown, with the charts as links to charts/NAME.png.
std::string FormatReportMarkdown(const Report& report);

// Self-contained HTML. Each chart's PNG is read from `folder`/charts/NAME.png
// and embedded as a data: URL. Throws std::runtime_error if a PNG listed in
// report.charts cannot be read.
std::string FormatReportHtml(const Report& report, const std::filesystem::path& folder);

// The end-year table of a run (median, and the p5-p95 range with draws).
ReportTable EndYearTable(const Results& results);

// The report of `aisim run`: its answer in one sentence (`headline`), what
// was run (scenario, years, draws, seed, version, scenario hash) and the
// end-year table; charts are added by the caller.
Report MakeRunReport(const Results& results, const RunRecord& record,
                     const std::string& description, const std::string& headline);

// The report of `aisim compare` (results[0] is the base): `headline` (the
// answer in words, ComparisonHeadline), one table of differences per other
// scenario and the capability per extra USD bn table.
// `currencies` maps a region code to the currency its budgets are written in
// (regions in USD may be left out): the spend column shows that too.
struct Currency {
  std::string code;
  double per_usd = 1;
};
Report MakeComparisonReport(const std::vector<const Results*>& results,
                            const Comparison& comparison, const RunRecord& record,
                            const std::string& focus_region, const std::string& headline,
                            const std::map<std::string, Currency>& currencies);

// Text helpers, exposed for tests.
std::string Base64(const std::string& bytes);
std::string EscapeHtml(const std::string& text);

}  // namespace sim
