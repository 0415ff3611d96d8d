#include "sim/output/discovery_files.hpp"

#include <cstdio>

#include <nlohmann/json.hpp>

#include "sim/output/atomic_file.hpp"
#include "sim/output/number_text.hpp"

namespace sim {

std::string QuasiPText(const std::optional<double>& quasi_p) {
  if (!quasi_p) return "-";
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.2g", *quasi_p);
  return buffer;
}

std::string DiscoveryCsv(const DiscoveryData& data, const PrimResult& result) {
  // quasi_p_low / quasi_p_high are empty for a limit that is not restricted.
  std::string csv = "input,low,high,range_low,range_high,narrowing,quasi_p_low,quasi_p_high,restricted\n";
  const auto cell = [](const std::optional<double>& x) { return x ? FormatNumber(*x) : std::string(); };
  for (std::size_t i = 0; i < data.names.size(); ++i) {
    const Limits& box = result.box.limits[i];
    const Restriction* restriction = nullptr;
    for (const Restriction& r : result.restrictions) {
      if (r.input == static_cast<int>(i)) restriction = &r;
    }
    const Limits range = result.trajectory.front().limits[i];
    csv += data.names[i] + "," + FormatNumber(box.low) + "," + FormatNumber(box.high) + "," +
           FormatNumber(range.low) + "," + FormatNumber(range.high) + "," +
           FormatNumber(restriction ? restriction->narrowing : 0.0) + "," +
           (restriction ? cell(restriction->quasi_p_low) + "," + cell(restriction->quasi_p_high) : ",") + "," +
           (restriction ? "true" : "false") + "\n";
  }
  return csv;
}

std::string PeelingCsv(const PrimResult& result) {
  std::string csv = "step,coverage,density,support,samples,restricted_inputs,chosen\n";
  for (std::size_t b = 0; b < result.trajectory.size(); ++b) {
    const Box& box = result.trajectory[b];
    csv += std::to_string(b) + "," + FormatNumber(box.coverage) + "," + FormatNumber(box.density) + "," +
           FormatNumber(box.support) + "," + std::to_string(box.samples) + "," +
           std::to_string(box.restricted) + "," +
           (static_cast<int>(b) == result.chosen ? "true" : "false") + "\n";
  }
  return csv;
}

std::string DiscoveryJson(const std::string& sweep, const std::vector<Goal>& goals,
                          const DiscoveryData& data, const PrimResult& result,
                          const PrimOptions& options) {
  nlohmann::ordered_json json;
  json["aisim_version"] = AISIM_VERSION;
  json["sweep"] = sweep;
  json["goals"] = nlohmann::json::array();
  for (const Goal& g : goals) json["goals"].push_back(g.text);
  json["method"] = "PRIM (Friedman and Fisher 1999): peeling, then pasting";
  json["options"] = {{"peel_alpha", options.peel_alpha},
                     {"paste_alpha", options.paste_alpha},
                     {"min_support", options.min_support},
                     {"min_density", options.min_density}};
  json["samples"] = result.total_samples;
  json["goal_samples"] = result.goal_samples;
  json["chosen_step"] = result.chosen;
  json["box"] = {{"coverage", result.box.coverage},
                 {"density", result.box.density},
                 {"support", result.box.support},
                 {"samples", result.box.samples}};
  json["restrictions"] = nlohmann::json::array();
  for (const Restriction& r : result.restrictions) {
    json["restrictions"].push_back({{"input", data.names[r.input]},
                                    {"low", r.limits.low},
                                    {"high", r.limits.high},
                                    {"range_low", r.range.low},
                                    {"range_high", r.range.high},
                                    {"narrowing", r.narrowing},
                                    {"quasi_p_low", r.quasi_p_low ? nlohmann::json(*r.quasi_p_low) : nlohmann::json()},
                                    {"quasi_p_high", r.quasi_p_high ? nlohmann::json(*r.quasi_p_high) : nlohmann::json()}});
  }
  json["trajectory"] = nlohmann::json::array();
  for (const Box& box : result.trajectory) {
    json["trajectory"].push_back({{"coverage", box.coverage},
                                  {"density", box.density},
                                  {"support", box.support},
                                  {"restricted_inputs", box.restricted}});
  }
  return json.dump(2) + "\n";
}

std::string DiscoveryHeadline(const std::vector<Goal>& goals, const DiscoveryData& data,
                              const PrimResult& result) {
  std::string goal_text;
  for (const Goal& g : goals) goal_text += (goal_text.empty() ? "" : " and ") + g.text;
  const auto percent = [](double share) { return FormatValue("%.0f%%", 100 * share); };
  const auto number = [](double value) { return FormatValue("%.4g", value); };
  std::string text = "In short: " + goal_text + " holds in " + FormatCount(result.goal_samples) + " of " +
                     FormatCount(result.total_samples) + " samples (" +
                     percent(static_cast<double>(result.goal_samples) / result.total_samples) + ")";
  if (result.restrictions.empty()) {
    return text + "; no box of inputs holds it more often: it does not depend on where in the swept ranges a "
                  "sample is.";
  }
  text += "; it holds in " + percent(result.box.density) + " of the samples that have ";
  for (std::size_t i = 0; i < result.restrictions.size(); ++i) {
    const Restriction& r = result.restrictions[i];
    const bool low = r.quasi_p_low.has_value(), high = r.quasi_p_high.has_value();
    text += (i == 0 ? "" : i + 1 == result.restrictions.size() ? " and " : ", ") + data.names[r.input] +
            (low && high ? " between " + number(r.limits.low) + " and " + number(r.limits.high)
             : low       ? " at least " + number(r.limits.low)
                         : " at most " + number(r.limits.high));
  }
  return text + " (a box that keeps " + percent(result.box.coverage) + " of the samples that reach the goal).";
}

Report MakeDiscoveryReport(const std::string& sweep, const std::vector<Goal>& goals,
                           const DiscoveryData& data, const PrimResult& result) {
  std::string goal_text;
  for (const Goal& g : goals) goal_text += (goal_text.empty() ? "" : " and ") + g.text;
  Report report;
  report.title = "aisim discover: " + goal_text;
  report.facts = {{"Sweep", sweep},
                  {"Goal", goal_text},
                  {"Samples reaching the goal",
                   std::to_string(result.goal_samples) + " of " + std::to_string(result.total_samples)},
                  {"Chosen box", "coverage " + FormatNumber(result.box.coverage) + ", density " +
                                     FormatNumber(result.box.density)},
                  {"aisim version", AISIM_VERSION}};
  report.notes = {
      DiscoveryHeadline(goals, data, result),
      "PRIM (patient rule induction) peels the swept input space towards the samples where the "
      "goal holds. Coverage is the share of those samples the box keeps; density the share of the "
      "box's samples that reach the goal. Each restricted limit has its own quasi-p-value (the box "
      "against the same box with that limit moved out to the swept range's end): near 0, the "
      "limit matters; '-' marks a limit that is not restricted."};
  ReportTable table{"Restricted inputs of the chosen box",
                    {"input", "low", "high", "swept range", "narrows", "quasi-p low", "quasi-p high"},
                    {}};
  char buffer[64];
  for (const Restriction& r : result.restrictions) {
    std::snprintf(buffer, sizeof buffer, "%.0f%%", 100 * r.narrowing);
    std::string narrows = buffer;
    table.rows.push_back({data.names[r.input], FormatNumber(r.limits.low),
                          FormatNumber(r.limits.high),
                          FormatNumber(r.range.low) + " to " + FormatNumber(r.range.high), narrows,
                          QuasiPText(r.quasi_p_low), QuasiPText(r.quasi_p_high)});
  }
  report.tables.push_back(table);
  return report;
}

}  // namespace sim
