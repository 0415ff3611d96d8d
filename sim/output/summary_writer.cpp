#include "sim/output/summary_writer.hpp"

#include <algorithm>
#include <cstdint>
#include <cstdio>

#include <nlohmann/json.hpp>

#include "sim/hash.hpp"
#include "sim/output/atomic_file.hpp"
#include "sim/output/quantiles.hpp"
#include "sim/output/rank_odds.hpp"

namespace sim {

std::vector<RegionSummary> SummariseEndYear(const Results& results) {
  const int last = results.years() - 1;
  std::vector<RegionSummary> out;
  for (int r = 0; r < results.regions(); ++r) {
    auto q = [&](Variable variable) { return results.Quantiles(variable, last, r); };
    out.push_back({results.region_codes()[r], results.region_names()[r],
                   q(Variable::kCapabilityGenerative), q(Variable::kCapabilityPhysical),
                   q(Variable::kYearsBehindGenerative), q(Variable::kYearsBehindPhysical),
                   q(Variable::kComputeStock), q(Variable::kRankGenerative),
                   q(Variable::kRankPhysical)});
  }
  return out;
}

std::string HashText(const std::string& text) { return HashHex(Fnv1a64(text.data(), text.size())); }

namespace {

nlohmann::ordered_json Stat(const QuantileSet& q, bool monte_carlo) {
  if (!monte_carlo) return q.p50;
  return {{"p5", q.p5}, {"p25", q.p25}, {"p50", q.p50}, {"p75", q.p75}, {"p95", q.p95}};
}

}  // namespace

std::string FormatSummaryJson(const Results& results, const RunRecord& record,
                              const std::string& description) {
  const bool monte_carlo = results.draws() > 1;
  nlohmann::ordered_json json;
  json["aisim_version"] = record.version;
  json["scenario"] = results.scenario();
  json["description"] = description;
  json["scenario_hash_fnv1a64"] = record.scenario_hash;
  json["seed"] = record.seed;
  json["draws"] = record.draws;
  json["start_year"] = results.start_year();
  json["end_year"] = results.end_year();
  json["statistic"] = monte_carlo ? "quantiles over draws (p5, p25, p50, p75, p95)" : "value";
  json["units"] = {{"capability_generative", Describe(Variable::kCapabilityGenerative).unit},
                   {"capability_physical", Describe(Variable::kCapabilityPhysical).unit},
                   {"years_behind", "years"},
                   {"compute_stock", "H100e"},
                   {"rank", "1 = leader"}};
  nlohmann::ordered_json regions = nlohmann::ordered_json::array();
  const int last = results.years() - 1;
  // Rank odds only mean something over draws; a deterministic run skips them.
  Eigen::ArrayXXd odds_generative, odds_physical;
  if (monte_carlo) {
    odds_generative = results.RankOdds(Variable::kRankGenerative, last);
    odds_physical = results.RankOdds(Variable::kRankPhysical, last);
  }
  const auto odds = [](const Eigen::ArrayXXd& shares, int r) {
    return std::vector<double>(shares.row(r).begin(), shares.row(r).end());
  };
  int r = 0;
  for (const RegionSummary& s : SummariseEndYear(results)) {
    regions.push_back({{"region", s.code},
                       {"name", s.name},
                       {"capability_generative", Stat(s.capability_generative, monte_carlo)},
                       {"capability_physical", Stat(s.capability_physical, monte_carlo)},
                       {"years_behind_generative", Stat(s.years_behind_generative, monte_carlo)},
                       {"years_behind_physical", Stat(s.years_behind_physical, monte_carlo)},
                       {"compute_stock", Stat(s.compute_stock, monte_carlo)},
                       {"rank_generative", Stat(s.rank_generative, monte_carlo)},
                       {"rank_physical", Stat(s.rank_physical, monte_carlo)}});
    if (monte_carlo) {
      // Entry k - 1: the share of draws in which the region ranks k-th or better.
      regions.back()["rank_at_most_generative"] = odds(odds_generative, r);
      regions.back()["rank_at_most_physical"] = odds(odds_physical, r);
    }
    ++r;
  }
  json["end_year_summary"] = regions;
  json["files"] = {"timeseries.csv", "summary.json", "summary.md", "scenario.resolved.yaml"};
  if (monte_carlo) json["files"].push_back("rank_odds.csv");
  return json.dump(2) + "\n";
}

std::string FormatSummaryMarkdown(const Results& results, const RunRecord& record,
                                  const std::string& description) {
  const bool monte_carlo = results.draws() > 1;
  std::string md = "# " + results.scenario() + ": summary for " +
                   std::to_string(results.end_year()) + "\n\n" + description + "\n\n";
  md += "Simulated " + std::to_string(results.start_year()) + " to " +
        std::to_string(results.end_year()) + " with aisim " + record.version + "; " +
        std::to_string(record.draws) + (record.draws == 1 ? " draw (nominal assumptions)"
                                                          : " draws, seed " +
                                                                std::to_string(record.seed)) +
        "; resolved scenario hash " + record.scenario_hash + ".\n\n";
  if (monte_carlo) md += "Cells show the median and, in brackets, the 90% range (p5 to p95) over draws.\n\n";
  md += "| Region | Generative capability (log10 FLOP) | Physical capability (log10 FLOP) | "
        "Years behind, generative | Years behind, physical | Compute stock (M H100e) | "
        "Rank gen. | Rank phys. |\n";
  md += "|---|---:|---:|---:|---:|---:|---:|---:|\n";
  for (const RegionSummary& s : SummariseEndYear(results)) {
    md += "| " + s.name + " (" + s.code + ") | " +
          MedianAndRange(s.capability_generative, monte_carlo, "%.2f") + " | " +
          MedianAndRange(s.capability_physical, monte_carlo, "%.2f") + " | " +
          MedianAndRange(s.years_behind_generative, monte_carlo, "%.1f") + " | " +
          MedianAndRange(s.years_behind_physical, monte_carlo, "%.1f") + " | " +
          MedianAndRange(s.compute_stock, monte_carlo, "%.2f", 1e6) + " | " +
          MedianAndRange(s.rank_generative, monte_carlo, "%.0f") + " | " +
          MedianAndRange(s.rank_physical, monte_carlo, "%.0f") + " |\n";
  }
  if (monte_carlo) {
    const int last = results.years() - 1;
    const Eigen::ArrayXXd generative = results.RankOdds(Variable::kRankGenerative, last);
    const Eigen::ArrayXXd physical = results.RankOdds(Variable::kRankPhysical, last);
    const int top = std::min(3, results.regions());
    const std::string top_k = "top " + std::to_string(top);
    md += "\nHow sure the ranks are: the share of draws in which each region is first, or in the " +
          top_k + ", in " + std::to_string(results.end_year()) +
          " (regions tied in a draw share the better rank; every year: rank_odds.csv).\n\n";
    md += "| Region | 1st, generative | " + top_k + ", generative | 1st, physical | " + top_k +
          ", physical |\n|---|---:|---:|---:|---:|\n";
    const auto percent = [](double share) {
      char buffer[16];
      std::snprintf(buffer, sizeof buffer, "%.0f%%", 100 * share);
      return std::string(buffer);
    };
    for (int r = 0; r < results.regions(); ++r) {
      md += "| " + results.region_names()[r] + " (" + results.region_codes()[r] + ") | " +
            percent(generative(r, 0)) + " | " + percent(generative(r, top - 1)) + " | " +
            percent(physical(r, 0)) + " | " + percent(physical(r, top - 1)) + " |\n";
    }
  }
  md += "\nYears behind = how many years ago the leader's path (the best capability "
        "reached so far) was at the region's capability. The full series for every variable "
        "and year is in timeseries.csv; the exact inputs in scenario.resolved.yaml.\n";
  return md;
}

}  // namespace sim
