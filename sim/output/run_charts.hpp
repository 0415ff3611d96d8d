// The charts of `aisim run`, drawn natively from the results in memory: one
// chart per variable of RunChartMetrics(), every region a line on one axis
// for a deterministic run, a fan (median, p25-p75 and p5-p95 bands) in one
// small panel per region with draws. Drawn once (drawing.hpp) and written as
// PNG, and as SVG when asked, in a few milliseconds each: matplotlib took a
// second or more per run, most of it starting Python (bench/HISTORY.md).
#pragma once

#include "sim/model/results.hpp"
#include "sim/output/chart_style.hpp"
#include "sim/output/charts.hpp"
#include "sim/output/drawing.hpp"

namespace sim {

// One chart of a run: `metric` for every region of `results`.
Drawing RunChartDrawing(const Results& results, const ChartRequest& request, const ChartMetric& metric);

// Writes NAME.png (and NAME.svg when request.svg) for every metric and
// index.json into request.out (created), on up to request.jobs threads (0:
// every core); the bytes do not depend on the threads. Never throws: a chart
// that cannot be drawn or written gives the outcome's warning, no charts,
// and no charts folder.
ChartOutcome DrawRunCharts(const Results& results, const ChartRequest& request);

}  // namespace sim
