// The files `aisim discover` writes: discovery.csv (the chosen box's limits
// per input), peeling.csv (the trajectory), discovery.json (both, with the
// goals and options) and the report (report.md / report.html).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "sim/discover/goal.hpp"
#include "sim/discover/prim.hpp"
#include "sim/output/report.hpp"

namespace sim {

// A limit's quasi-p-value, short ("2.5e-294"), or "-" for a limit at the
// end of the swept range (nothing to test).
std::string QuasiPText(const std::optional<double>& quasi_p);

// discovery.csv: one row per input of `data` with the chosen box's limits,
// the swept range, the narrowing and the quasi-p-values (empty cells for an
// input that is not restricted). Numbers in their shortest exact form.
std::string DiscoveryCsv(const DiscoveryData& data, const PrimResult& result);

// peeling.csv: one row per step of the peeling trajectory, the chosen one
// marked "true".
std::string PeelingCsv(const PrimResult& result);

// discovery.json: the sweep folder, the goals, PRIM's options, the chosen
// box with its restrictions, and the trajectory.
std::string DiscoveryJson(const std::string& sweep, const std::vector<Goal>& goals,
                          const DiscoveryData& data, const PrimResult& result,
                          const PrimOptions& options);

// The report: the goal, the chosen box and its restrictions; the caller
// adds the charts (AddCharts).
// The answer in one sentence: how often the goal holds, and where it holds
// most (the chosen box's restricted limits, its density and coverage), e.g.
// "In short: KR|Years Behind|Physical|2030 <= 1.8 holds in 43,969 of 100,000
// samples (44%); it holds in 87% of the samples that have regions.KR.public_budget at
// least 6.761, ... (a box that keeps 87% of the samples that reach the goal)."
std::string DiscoveryHeadline(const std::vector<Goal>& goals, const DiscoveryData& data,
                              const PrimResult& result);

Report MakeDiscoveryReport(const std::string& sweep, const std::vector<Goal>& goals,
                           const DiscoveryData& data, const PrimResult& result);

}  // namespace sim
