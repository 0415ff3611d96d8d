#include "sim/output/sweep_report.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <fstream>
#include <map>
#include <utility>
#include <vector>

#include "sim/model/results.hpp"
#include "sim/order_key.hpp"
#include "sim/output/csv_reader.hpp"
#include "sim/output/number_text.hpp"
#include "sim/sweep/writers.hpp"
#include "sim/threads.hpp"

namespace sim {
namespace {

namespace fs = std::filesystem;

// Inputs drawn against each outcome in the scatter chart.
constexpr std::size_t kScatterInputs = 4;
// Outcomes with their own table and chart panels; outcomes.csv has them all.
constexpr std::size_t kShownOutcomes = 4;

std::string Number(double value) { return FormatValue("%.4g", value); }

// "KR|Years Behind|Physical|2035" -> "KR Years Behind|Physical 2035".
std::string Readable(const std::string& column) {
  const std::size_t first = column.find('|'), last = column.rfind('|');
  if (first == std::string::npos || first == last) return column;
  return column.substr(0, first) + " " + column.substr(first + 1, last - first - 1) + " " +
         column.substr(last + 1);
}

// Ranks 1..n, ties given their average rank (Spearman's correlation is the
// Pearson correlation of these).
Eigen::ArrayXd Ranks(const Eigen::ArrayXd& x) {
  const std::size_t n = static_cast<std::size_t>(x.size());
  // Sorted by radix on the values' order keys, a byte at a time from the
  // lowest, skipping bytes every key shares: a comparison sort of 100,000
  // samples was the largest serial part of a sweep's report. The values are
  // finite: sampled inputs, and outcomes the caller kept for being finite.
  std::vector<std::pair<std::uint64_t, Eigen::Index>> order(n), next(n);
  for (std::size_t i = 0; i < n; ++i) order[i] = {OrderKey(x(static_cast<Eigen::Index>(i))), static_cast<Eigen::Index>(i)};
  for (int shift = 0; shift < 64; shift += 8) {
    std::size_t start[257] = {};
    for (const auto& item : order) ++start[((item.first >> shift) & 0xff) + 1];
    if (n > 0 && start[((order[0].first >> shift) & 0xff) + 1] == n) continue;  // one byte value: in order
    for (int b = 0; b < 256; ++b) start[b + 1] += start[b];
    for (const auto& item : order) next[start[(item.first >> shift) & 0xff]++] = item;
    order.swap(next);
  }
  // Tied values share their mean rank.
  Eigen::ArrayXd rank(x.size());
  for (std::size_t i = 0; i < n;) {
    std::size_t j = i;
    while (j + 1 < n && order[j + 1].first == order[i].first) ++j;
    for (std::size_t k = i; k <= j; ++k) rank(order[k].second) = 0.5 * static_cast<double>(i + j) + 1.0;
    i = j + 1;
  }
  return rank;
}

// Pearson correlation; 0 when either side does not vary.
double Correlation(const Eigen::ArrayXd& a, const Eigen::ArrayXd& b) {
  const Eigen::ArrayXd da = a - a.mean(), db = b - b.mean();
  const double denominator = std::sqrt((da * da).sum() * (db * db).sum());
  return denominator > 0 ? (da * db).sum() / denominator : 0.0;
}

// sensitivity.csv's rows for one outcome column: parameter -> its four numbers
// (S1, S1_conf, ST, ST_conf or mu, mu*, sigma, mu*_conf); empty cells (an
// outcome with inf in it) are NaN.
std::map<std::string, std::vector<double>> ReadIndices(const fs::path& file, const std::string& column) {
  std::map<std::string, std::vector<double>> rows;
  std::ifstream in(file, std::ios::binary);
  if (!in) return rows;
  CsvReader reader(in, file.string());
  reader.set_hint("the sweep folder is damaged; run the sweep again");
  CsvRecord record;
  reader.Read(&record);  // header
  while (reader.Read(&record)) {
    if (record.size() != 8) continue;
    if (record.cells[0] + "|" + record.cells[1] + "|" + record.cells[2] != column) continue;
    std::vector<double> values;
    for (std::size_t c = 4; c < 8; ++c) {
      values.push_back(record.cells[c].empty() ? std::nan("") : std::stod(record.cells[c]));
    }
    rows[record.cells[3]] = values;
  }
  return rows;
}

}  // namespace

std::vector<std::string> ShownOutcomes(const std::vector<std::string>& columns, std::size_t limit) {
  std::vector<std::string> keys;             // region|variable, in first-seen order
  std::map<std::string, std::string> latest;  // region|variable -> its last-year column
  for (const std::string& column : columns) {
    const std::string key = column.substr(0, column.rfind('|'));
    if (!latest.count(key)) keys.push_back(key);
    const auto year = [](const std::string& c) { return std::stoi(c.substr(c.rfind('|') + 1)); };
    if (!latest.count(key) || year(column) > year(latest[key])) latest[key] = column;
  }
  std::vector<std::string> shown;
  for (const std::string& key : keys) {
    if (shown.size() == limit) break;
    shown.push_back(latest[key]);
  }
  return shown;
}

std::vector<OutcomeSummary> SummariseSweep(const fs::path& folder, const nlohmann::json& manifest, int threads) {
  const long long rows = manifest["end_sample"].get<long long>() - manifest["first_sample"].get<long long>();
  const std::vector<std::string> columns = manifest["outcomes"];
  std::vector<std::string> paths;
  for (const auto& varied : manifest["varied"]) paths.push_back(varied["path"]);
  const std::string method = manifest["method"];
  const bool indexed = method == "sobol" || method == "morris";
  const std::vector<std::string> shown = ShownOutcomes(columns, kShownOutcomes);
  std::vector<std::size_t> shown_columns;
  for (const std::string& column : shown) {
    shown_columns.push_back(static_cast<std::size_t>(std::find(columns.begin(), columns.end(), column) - columns.begin()));
  }
  // The two files at once, each read in one pass.
  std::vector<Eigen::ArrayXd> inputs, outcomes;
  ForEachTask(threads, 2, [&](std::size_t file) {
    if (file == 0) {
      inputs = ReadSweepColumns(folder, "samples.csv", rows, 0, paths.size());
    } else if (!shown_columns.empty()) {
      outcomes = ReadSweepColumns(folder, "outcomes.csv", rows, shown_columns);
    }
  });
  // Each input's ranks over every sample, once: an outcome that is finite in
  // every sample (the usual case) correlates with these as they are.
  std::vector<Eigen::ArrayXd> input_ranks(inputs.size());
  ForEachTask(threads, inputs.size(), [&](std::size_t d) { input_ranks[d] = Ranks(inputs[d]); });

  std::vector<OutcomeSummary> summaries(shown.size());
  ForEachTask(threads, shown.size(), [&](std::size_t o) {
    const std::string& column = shown[o];
    const Eigen::ArrayXd& y = outcomes[o];
    OutcomeSummary& summary = summaries[o];
    summary.column = column;
    const std::string variable = column.substr(column.find('|') + 1, column.rfind('|') - column.find('|') - 1);
    const VariableInfo* info = FindVariable(variable);
    summary.unit = info ? info->unit : (variable.rfind("Time Shift|", 0) == 0 ? "years" : "");
    // Quantiles and correlations over the samples whose value is finite.
    std::vector<Eigen::Index> finite;
    for (Eigen::Index i = 0; i < y.size(); ++i) {
      if (std::isfinite(y(i))) finite.push_back(i);
    }
    summary.infinite = static_cast<long long>(y.size()) - static_cast<long long>(finite.size());
    Eigen::ArrayXd values(static_cast<Eigen::Index>(finite.size()));
    for (std::size_t k = 0; k < finite.size(); ++k) values(static_cast<Eigen::Index>(k)) = y(finite[k]);
    if (values.size() > 0) {
      std::vector<double> sorted(values.data(), values.data() + values.size());
      summary.min = values.minCoeff();
      summary.max = values.maxCoeff();
      summary.p5 = Quantile(sorted, 0.05);
      summary.p95 = Quantile(sorted, 0.95);
      summary.median = Quantile(sorted, 0.5);
    }
    const Eigen::ArrayXd y_ranks = Ranks(values);
    const auto indices = indexed ? ReadIndices(folder / "sensitivity.csv", column)
                                 : std::map<std::string, std::vector<double>>{};
    for (std::size_t d = 0; d < paths.size(); ++d) {
      InputInfluence influence;
      influence.path = paths[d];
      if (values.size() == y.size()) {
        influence.rank_correlation = Correlation(input_ranks[d], y_ranks);
      } else {  // ranks among the samples whose outcome is finite
        Eigen::ArrayXd x(values.size());
        for (std::size_t k = 0; k < finite.size(); ++k) x(static_cast<Eigen::Index>(k)) = inputs[d](finite[k]);
        influence.rank_correlation = Correlation(Ranks(x), y_ranks);
      }
      const auto found = indices.find(paths[d]);
      if (found != indices.end()) {
        const std::vector<double>& v = found->second;
        if (method == "sobol") {
          influence.index = v[2], influence.index_conf = v[3], influence.second = v[0], influence.second_conf = v[1];
        } else {
          influence.index = v[1], influence.index_conf = v[3], influence.second = v[2];
        }
      }
      summary.inputs.push_back(influence);
    }
    // Most influential first: by the index where the method gives one (an
    // outcome with inf has none), else by the size of the rank correlation.
    const bool has_index = !indices.empty() && std::isfinite(indices.begin()->second[method == "sobol" ? 2 : 1]);
    std::stable_sort(summary.inputs.begin(), summary.inputs.end(),
                     [&](const InputInfluence& a, const InputInfluence& b) {
                       return has_index ? a.index > b.index
                                        : std::abs(a.rank_correlation) > std::abs(b.rank_correlation);
                     });
  });
  return summaries;
}

std::string SweepHeadline(const nlohmann::json& manifest, const std::vector<OutcomeSummary>& outcomes) {
  if (outcomes.empty()) return "";
  const OutcomeSummary& o = outcomes.front();
  const std::string method = manifest["method"];
  const long long samples = manifest["end_sample"].get<long long>() - manifest["first_sample"].get<long long>();
  std::string text = "In short: over " + FormatCount(samples) + " samples (" + method + ") of " +
                     manifest["scenario"].get<std::string>() + ", " + Readable(o.column) + " ranges from " +
                     Number(o.min) + " to " + Number(o.max) + (o.unit.empty() ? "" : " " + o.unit) +
                     " (median " + Number(o.median) + ")";
  if (o.infinite > 0) text += ", and is never reached in " + FormatCount(o.infinite) + " samples";
  if (o.inputs.empty()) return text + ".";
  const InputInfluence& top = o.inputs.front();
  const bool has_index = method != "grid" && method != "lhs" && std::isfinite(top.index) && o.infinite == 0;
  const auto measure = [&](const InputInfluence& input, bool first) {
    if (has_index && method == "sobol") {
      return first ? FormatValue("total Sobol index %.2f", input.index) + FormatValue(" ± %.2f", input.index_conf)
                   : FormatValue("%.2f", input.index);
    }
    if (has_index) return (first ? "Morris mu* " : "") + Number(input.index);
    return (first ? "rank correlation " : "") + FormatValue("%+.2f", input.rank_correlation);
  };
  text += "; " + top.path + " moves it most (" + measure(top, true) + ")";
  if (o.inputs.size() > 1) text += ", then " + o.inputs[1].path + " (" + measure(o.inputs[1], false) + ")";
  return text + ".";
}

Report MakeSweepReport(const nlohmann::json& manifest, const std::vector<OutcomeSummary>& outcomes) {
  const std::string method = manifest["method"];
  const long long samples = manifest["end_sample"].get<long long>() - manifest["first_sample"].get<long long>();
  Report report;
  report.title = "aisim sweep: " + manifest["scenario"].get<std::string>();
  report.facts = {{"Scenario", manifest["scenario"].get<std::string>()},
                  {"Method", method},
                  {"Samples", FormatCount(samples)},
                  {"Seed", std::to_string(manifest["seed"].get<unsigned long long>())},
                  {"aisim version", manifest["aisim_version"].get<std::string>()}};
  const std::string headline = SweepHeadline(manifest, outcomes);
  if (!headline.empty()) report.notes.push_back(headline);
  report.notes.push_back(
      "Rank correlation is Spearman's, over every sample; it reads a monotone effect of one input and "
      "misses interactions. " +
      std::string(method == "sobol"    ? "The total Sobol index (ST) is the share of the outcome's variance "
                                         "an input explains with its interactions, S1 without them, each with "
                                         "its 95% bootstrap half-width (docs/SWEEPS.md)."
                  : method == "morris" ? "Morris mu* is the mean size of an input's elementary effect, sigma "
                                         "their spread (interactions or curvature; docs/SWEEPS.md)."
                                       : "Sobol or Morris indices need --method sobol or morris."));
  ReportTable varied{"What was varied (uniform between low and high)", {"input", "low", "high"}, {}};
  for (const auto& v : manifest["varied"]) {
    varied.rows.push_back({v["path"].get<std::string>(), Number(v["low"].get<double>()),
                           Number(v["high"].get<double>())});
  }
  report.tables.push_back(varied);
  ReportTable ranges{"Outcomes over the samples (outcomes.csv has every one)",
                     {"outcome", "unit", "min", "p5", "median", "p95", "max"},
                     {}};
  for (const OutcomeSummary& o : outcomes) {
    ranges.rows.push_back({Readable(o.column), o.unit, Number(o.min), Number(o.p5), Number(o.median),
                           Number(o.p95), Number(o.max)});
  }
  report.tables.push_back(ranges);
  for (const OutcomeSummary& o : outcomes) {
    ReportTable table{"What moves " + Readable(o.column) + ", most influential first", {"input", "rank correlation"}, {}};
    if (method == "sobol") table.header.insert(table.header.end(), {"ST", "S1"});
    if (method == "morris") table.header.insert(table.header.end(), {"mu*", "sigma"});
    for (const InputInfluence& input : o.inputs) {
      std::vector<std::string> row = {input.path, FormatValue("%+.2f", input.rank_correlation)};
      if (method == "sobol") {
        row.push_back(FormatValue("%.3f", input.index) + FormatValue(" ± %.3f", input.index_conf));
        row.push_back(FormatValue("%.3f", input.second) + FormatValue(" ± %.3f", input.second_conf));
      } else if (method == "morris") {
        row.push_back(Number(input.index) + " ± " + Number(input.index_conf));
        row.push_back(Number(input.second));
      }
      table.rows.push_back(row);
    }
    report.tables.push_back(table);
  }
  return report;
}

ChartRequest SweepChartRequest(const fs::path& folder, const nlohmann::json& manifest,
                               const std::vector<OutcomeSummary>& outcomes) {
  ChartRequest request;
  request.kind = "sweep";
  request.csv = folder / "outcomes.csv";
  request.samples = folder / "samples.csv";
  const std::string method = manifest["method"];
  if (method == "sobol" || method == "morris") request.sensitivity = folder / "sensitivity.csv";
  request.method = method;
  request.out = folder / "charts";
  request.scenarios = {manifest["scenario"].get<std::string>()};
  request.seed = manifest["seed"].get<unsigned long long>();
  for (const OutcomeSummary& o : outcomes) {
    request.outcomes.push_back(o.column);
    std::vector<std::string> top;
    for (const InputInfluence& input : o.inputs) {
      if (top.size() == kScatterInputs) break;
      top.push_back(input.path);
    }
    request.top_inputs.push_back(top);
  }
  return request;
}

}  // namespace sim
