#include "sim/output/report.hpp"

#include <cctype>
#include <cmath>
#include <cstdio>

#include "sim/file.hpp"
#include "sim/output/number_text.hpp"
#include "sim/output/quantiles.hpp"
#include "sim/output/summary_writer.hpp"

namespace sim {

std::string Base64(const std::string& bytes) {
  static const char kAlphabet[] =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  out.reserve((bytes.size() + 2) / 3 * 4);
  std::size_t i = 0;
  for (; i + 2 < bytes.size(); i += 3) {
    const unsigned v = static_cast<unsigned char>(bytes[i]) << 16 |
                       static_cast<unsigned char>(bytes[i + 1]) << 8 |
                       static_cast<unsigned char>(bytes[i + 2]);
    out += kAlphabet[v >> 18 & 63];
    out += kAlphabet[v >> 12 & 63];
    out += kAlphabet[v >> 6 & 63];
    out += kAlphabet[v & 63];
  }
  if (i + 1 == bytes.size()) {  // one byte left: two characters and "=="
    const unsigned v = static_cast<unsigned char>(bytes[i]) << 16;
    out += kAlphabet[v >> 18 & 63];
    out += kAlphabet[v >> 12 & 63];
    out += "==";
  } else if (i + 2 == bytes.size()) {  // two bytes left: three characters and "="
    const unsigned v = static_cast<unsigned char>(bytes[i]) << 16 |
                       static_cast<unsigned char>(bytes[i + 1]) << 8;
    out += kAlphabet[v >> 18 & 63];
    out += kAlphabet[v >> 12 & 63];
    out += kAlphabet[v >> 6 & 63];
    out += '=';
  }
  return out;
}

std::string EscapeHtml(const std::string& text) {
  std::string out;
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

namespace {

// A chart PNG is ~100 KB; anything near this is not one of the chart
// script's files, and would make report.html too large to open.
constexpr std::uintmax_t kMaxChartBytes = 64u << 20;

// Markdown table cells must not contain a bare '|'.
std::string EscapeMarkdownCell(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (c == '|') out += '\\';
    out += c;
  }
  return out;
}

// Print-friendly, no external fonts: the browser's own sans-serif.
constexpr const char* kStyle = R"(
body { font-family: sans-serif; max-width: 1100px; margin: 2em auto; padding: 0 1em; color: #111; line-height: 1.4; }
h1 { font-size: 1.6em; margin-bottom: 0.2em; }
h2 { font-size: 1.25em; margin-top: 1.6em; border-bottom: 1px solid #ccc; }
dl.facts { display: grid; grid-template-columns: max-content auto; gap: 0.15em 1em; }
dl.facts dt { font-weight: bold; }
dl.facts dd { margin: 0; }
table { border-collapse: collapse; margin: 0.6em 0 1.2em; font-size: 0.9em; }
caption { text-align: left; font-weight: bold; padding-bottom: 0.3em; }
th, td { border: 1px solid #bbb; padding: 0.2em 0.5em; text-align: right; }
th { background: #eee; }
td.text, th.text { text-align: left; }
figure { margin: 1em 0 2em; }
figure img { max-width: 100%; height: auto; border: 1px solid #ddd; }
figcaption { font-size: 0.9em; color: #333; }
.warning { border-left: 4px solid #D55E00; padding: 0.3em 0.8em; background: #fff4ec; }
@media print {
  body { max-width: none; margin: 0; }
  figure, table { break-inside: avoid; page-break-inside: avoid; }
  h2 { break-after: avoid; page-break-after: avoid; }
  th { background: #eee !important; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
)";

// A cell is text (left-aligned) unless it starts like a number.
bool IsNumeric(const std::string& cell) {
  return !cell.empty() && (std::isdigit(static_cast<unsigned char>(cell[0])) || cell[0] == '-' ||
                           cell[0] == '+' || cell == "n/a");
}

}  // namespace

ReportTable EndYearTable(const Results& results) {
  const bool monte_carlo = results.draws() > 1;
  ReportTable table;
  table.caption = "End of " + std::to_string(results.end_year()) +
                  (monte_carlo ? ": median (p5 to p95) over " + std::to_string(results.draws()) +
                                     " draws"
                               : std::string(""));
  table.header = {"Region", "Generative capability (log10 FLOP)", "Physical capability (log10 FLOP)",
                  "Years behind, generative (years)", "Years behind, physical (years)",
                  "Compute stock (M H100e)", "Rank, generative", "Rank, physical"};
  for (const RegionSummary& s : SummariseEndYear(results)) {
    table.rows.push_back(
        {s.name + " (" + s.code + ")", MedianAndRange(s.capability_generative, monte_carlo, "%.2f"),
         MedianAndRange(s.capability_physical, monte_carlo, "%.2f"),
         MedianAndRange(s.years_behind_generative, monte_carlo, "%.1f"),
         MedianAndRange(s.years_behind_physical, monte_carlo, "%.1f"),
         MedianAndRange(s.compute_stock, monte_carlo, "%.2f", 1e6), MedianAndRange(s.rank_generative, monte_carlo, "%.0f"),
         MedianAndRange(s.rank_physical, monte_carlo, "%.0f")});
  }
  return table;
}

std::string FormatReportMarkdown(const Report& report) {
  std::string out = "# " + report.title + "\n\n";
  for (const auto& [key, value] : report.facts) out += "- **" + key + "**: " + value + "\n";
  out += "\n";
  for (const std::string& note : report.notes) out += note + "\n\n";
  for (const ReportTable& table : report.tables) {
    out += "**" + table.caption + "**\n\n|";
    for (const std::string& h : table.header) out += " " + EscapeMarkdownCell(h) + " |";
    out += "\n|";
    for (std::size_t c = 0; c < table.header.size(); ++c) {
      const bool numeric = !table.rows.empty() && c < table.rows[0].size() && IsNumeric(table.rows[0][c]);
      out += numeric ? "---:|" : "---|";
    }
    out += "\n";
    for (const auto& row : table.rows) {
      out += "|";
      for (const std::string& cell : row) out += " " + EscapeMarkdownCell(cell) + " |";
      out += "\n";
    }
    out += "\n";
  }
  if (!report.charts_warning.empty()) out += "> " + report.charts_warning + "\n\n";
  if (!report.charts.empty()) out += "## Charts\n\n";
  for (const Chart& chart : report.charts) {
    out += "### " + chart.title + "\n\n![" + chart.title + "](charts/" + chart.name + ".png)\n\n" +
           chart.caption + (chart.svg ? " (also as [SVG](charts/" + chart.name + ".svg))" : "") + "\n\n";
  }
  return out;
}

std::string FormatReportHtml(const Report& report, const std::filesystem::path& folder) {
  std::string out =
      "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
      // Nothing may load from anywhere: only inline styles and data: images.
      "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
      "img-src data:; style-src 'unsafe-inline'\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>" +
      EscapeHtml(report.title) + "</title>\n<style>" + kStyle + "</style>\n</head>\n<body>\n<h1>" +
      EscapeHtml(report.title) + "</h1>\n<dl class=\"facts\">\n";
  for (const auto& [key, value] : report.facts) {
    out += "<dt>" + EscapeHtml(key) + "</dt><dd>" + EscapeHtml(value) + "</dd>\n";
  }
  out += "</dl>\n";
  for (const std::string& note : report.notes) out += "<p>" + EscapeHtml(note) + "</p>\n";
  if (!report.tables.empty()) out += "<h2>Tables</h2>\n";
  for (const ReportTable& table : report.tables) {
    out += "<table>\n<caption>" + EscapeHtml(table.caption) + "</caption>\n<thead><tr>";
    for (std::size_t c = 0; c < table.header.size(); ++c) {
      // A header aligns with its column: left for text, right for numbers.
      const bool numeric = !table.rows.empty() && c < table.rows[0].size() && IsNumeric(table.rows[0][c]);
      out += std::string(numeric ? "<th>" : "<th class=\"text\">") + EscapeHtml(table.header[c]) + "</th>";
    }
    out += "</tr></thead>\n<tbody>\n";
    for (const auto& row : table.rows) {
      out += "<tr>";
      for (const std::string& cell : row) {
        out += std::string(IsNumeric(cell) ? "<td>" : "<td class=\"text\">") + EscapeHtml(cell) + "</td>";
      }
      out += "</tr>\n";
    }
    out += "</tbody>\n</table>\n";
  }
  if (!report.charts_warning.empty()) {
    out += "<p class=\"warning\">" + EscapeHtml(report.charts_warning) + "</p>\n";
  }
  if (!report.charts.empty()) out += "<h2>Charts</h2>\n";
  for (const Chart& chart : report.charts) {
    const std::string png = ReadWholeFileOrThrow(folder / "charts" / (chart.name + ".png"), kMaxChartBytes);
    out += "<figure id=\"chart-" + EscapeHtml(chart.name) + "\">\n<img alt=\"" +
           EscapeHtml(chart.title) + "\" src=\"data:image/png;base64," + Base64(png) +
           "\">\n<figcaption>" + EscapeHtml(chart.caption) + "</figcaption>\n</figure>\n";
  }
  out += "</body>\n</html>\n";
  return out;
}

}  // namespace sim

namespace sim {

namespace {

std::string YearRange(const Results& results) {
  return std::to_string(results.start_year()) + "-" + std::to_string(results.end_year());
}

std::string DrawsFact(const RunRecord& record) {
  return record.draws > 1 ? std::to_string(record.draws) + " Monte Carlo draws"
                          : std::string("1 (deterministic, nominal values)");
}

// The delay cost in the compared year, per region and sector.
ReportTable TimeShiftTable(const Comparison& comparison, const std::string& other, bool monte_carlo) {
  ReportTable table;
  table.caption = "Delay cost in " + std::to_string(comparison.year) + ": years " + other +
                  " needs beyond the base to reach the base's capability of that year "
                  "(negative: sooner)";
  table.header = {"Region", "Sector", "Base capability", "Time shift (years)"};
  if (monte_carlo) {
    table.header.push_back("p5 to p95");
    table.header.push_back("Later in");
  }
  const auto years = [](double shift) {
    return std::isinf(shift) ? std::string("never") : FormatValue("%+.2f", shift);
  };
  for (const TimeShiftRow& row : comparison.time_shifts) {
    if (row.scenario != other || row.year != comparison.year) continue;
    std::vector<std::string> cells = {row.region, Describe(row.variable).name,
                                      FormatValue("%.4g", row.base_value), years(row.shift)};
    if (monte_carlo) {
      cells.push_back(years(*row.p5_shift) + " to " + years(*row.p95_shift));
      cells.push_back(FormatValue("%.0f%%", 100 * *row.share_later));
    }
    table.rows.push_back(cells);
  }
  return table;
}

}  // namespace

Report MakeRunReport(const Results& results, const RunRecord& record,
                     const std::string& description, const std::string& headline) {
  Report report;
  report.title = "aisim run: " + results.scenario();
  report.facts = {{"Scenario", results.scenario()},
                  {"Description", description.empty() ? "(none)" : description},
                  {"Years", YearRange(results)},
                  {"Regions", std::to_string(results.regions())},
                  {"Draws", DrawsFact(record)},
                  {"Seed", std::to_string(record.seed)},
                  {"aisim version", record.version},
                  {"Scenario hash (FNV-1a 64)", record.scenario_hash}};
  report.notes = {
      "In short: " + headline,
      "Data files beside this report: timeseries.csv (every variable, region and year), "
      "summary.json, summary.md and scenario.resolved.yaml, which reproduces the run exactly."};
  report.tables = {EndYearTable(results)};
  return report;
}

Report MakeComparisonReport(const std::vector<const Results*>& results,
                            const Comparison& comparison, const RunRecord& record,
                            const std::string& focus_region, const std::string& headline,
                            const std::map<std::string, Currency>& currencies) {
  const Results& base = *results.at(0);
  const bool monte_carlo = base.draws() > 1;
  std::string names, others;
  for (std::size_t i = 0; i < results.size(); ++i) {
    names += (i ? " vs " : "") + results[i]->scenario();
    if (i) others += (i > 1 ? ", " : "") + results[i]->scenario();
  }
  Report report;
  report.title = "aisim compare: " + names;
  report.facts = {{"Base", base.scenario() + " (" + YearRange(base) + ")"},
                  {"Compared with", others},
                  {"Year compared", std::to_string(comparison.year)},
                  {"Regions", focus_region.empty() ? "all" : focus_region},
                  {"Draws", DrawsFact(record)},
                  {"Seed", std::to_string(record.seed)},
                  {"aisim version", record.version}};
  if (!headline.empty()) report.notes.push_back(headline);
  report.notes.push_back(
      "Differences are each scenario minus the base, " + base.scenario() + ", in " +
      std::to_string(comparison.year) + ". Relative differences are in % of the base value (n/a "
      "when the base value is 0).");
  if (monte_carlo) {
    report.notes.push_back(
        "With draws, every scenario is run with the same seed and draw count, so draw i of each "
        "scenario uses the same random numbers (common random numbers). Values are medians over "
        "draws; the difference is the median of the paired differences, with its p5 to p95 range. "
        "\"Better in\" is the share of paired draws in which the scenario beats the base (higher "
        "capability, compute, talent, share or value; fewer years behind): a difference is larger "
        "than the uncertainty when this share is near 100% (or near 0%).");
  }
  for (std::size_t s = 1; s < results.size(); ++s) {
    ReportTable table;
    table.caption = "Differences in " + std::to_string(comparison.year) + ": " +
                    results[s]->scenario() + " minus " + base.scenario();
    table.header = {"Region", "Metric", "Unit", base.scenario(), results[s]->scenario(),
                    "Difference", "Relative"};
    if (monte_carlo) {
      for (const char* h : {"Difference p5 to p95", "Better in", "Worse in"}) table.header.push_back(h);
    }
    for (const ComparisonRow& row : comparison.rows) {
      if (row.scenario != results[s]->scenario()) continue;
      const VariableInfo& info = Describe(row.variable);
      std::vector<std::string> cells = {
          row.region, info.name, ShownUnit(info.unit), FormatQuantity(row.base_value, info.unit),
          FormatQuantity(row.value, info.unit), FormatQuantity(row.difference, info.unit, true),
          row.relative_percent ? FormatValue("%+.2f%%", *row.relative_percent) : "n/a"};
      if (monte_carlo) {
        cells.push_back(FormatQuantity(*row.p5_difference, info.unit, true) + " to " +
                        FormatQuantity(*row.p95_difference, info.unit, true));
        cells.push_back(row.share_better ? FormatValue("%.0f%%", 100 * *row.share_better) : "n/a");
        cells.push_back(row.share_worse ? FormatValue("%.0f%%", 100 * *row.share_worse) : "n/a");
      }
      table.rows.push_back(cells);
    }
    report.tables.push_back(table);
  }
  for (std::size_t s = 1; s < results.size(); ++s) {
    report.tables.push_back(TimeShiftTable(comparison, results[s]->scenario(), monte_carlo));
  }
  ReportTable efficiency;
  efficiency.caption = "Capability gained per extra USD bn of public spend, " +
                       std::to_string(base.start_year()) + " to " +
                       std::to_string(comparison.year) + " (n/a: no extra spend, or less); spend in "
                       "USD bn at base-year prices and in the region's own currency";
  efficiency.header = {"Region", "Scenario", "Extra public spend (USD bn)",
                       "Generative capability gained (log10 FLOP)", "per extra USD bn",
                       "Physical capability gained (log10 FLOP)", "per extra USD bn"};
  for (const SpendEfficiencyRow& e : comparison.efficiency) {
    const auto ratio = [](const std::optional<double>& v) {
      return v ? FormatValue("%+.4g", *v) : std::string("n/a");
    };
    std::string spend = FormatValue("%+.4g", e.spend_difference);
    const auto currency = currencies.find(e.region);
    if (currency != currencies.end() && currency->second.code != "USD" && e.spend_difference != 0) {
      spend += " (" + FormatLocalMoney(e.spend_difference, currency->second.code, currency->second.per_usd, true) + ")";
    }
    efficiency.rows.push_back({e.region, e.scenario, spend,
                               FormatValue("%+.4g", e.generative_difference), ratio(e.generative_per_usd_bn),
                               FormatValue("%+.4g", e.physical_difference), ratio(e.physical_per_usd_bn)});
  }
  report.tables.push_back(efficiency);
  report.notes.push_back(
      "Data files beside this report: differences.csv, time_shift.csv (every year) and "
      "spend_efficiency.csv (the tables), "
      "timeseries.csv (every scenario's series) and scenarios/NAME.resolved.yaml (each scenario "
      "exactly as run).");
  return report;
}

}  // namespace sim
