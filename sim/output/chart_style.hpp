// What every chart shares, declared once: each region's colour, line style
// and marker, and the variables a run's charts show. The native run charts
// (run_charts.hpp) read them here; the matplotlib charts of compare, sweep
// and discover receive them in their spec (charts.hpp).
#pragma once

#include <string>
#include <vector>

namespace sim {

// Line styles in matplotlib's notation: "-" solid, "--" dashed, "-." dash-dot,
// ":" dotted. Markers likewise: o s ^ D v P X < > h.
struct RegionStyle {
  std::string colour;      // "#0072B2"
  std::string line_style;  // "-", "--", "-." or ":"
  char marker = 'o';
};

// Okabe-Ito colours (distinguishable with the common colour-vision
// deficiencies), fixed by region code so that a region has the same colour in
// every chart; each also has its own line style and marker, so lines stay
// apart in greyscale print and beyond nine regions. Any other code gets a
// style from a fixed hash of its letters.
RegionStyle StyleOfRegion(const std::string& code);

// Yellow is too light on white alone: lines in it get a dark outline, and
// its bands are drawn more opaque.
inline constexpr const char* kYellow = "#F0E442";
inline constexpr const char* kYellowOutline = "#7a7000";

// A charted variable: its CSV name, file stem, title, axis label, the factor
// from the CSV value to the axis unit, whether the axis is logarithmic, and
// whether regions shown in panels each get their own axis: where a small
// region's band would be a flat line on a large one's scale (shares,
// researchers, robot density) rather than being compared on one.
struct ChartMetric {
  std::string variable;  // "Capability|Generative"
  std::string stem;      // "capability-generative"
  std::string title;     // "Generative AI capability"
  std::string unit;      // "log10 FLOP (effective compute, start-year algorithms)"
  double scale = 1.0;
  bool log = false;
  bool own_scale = false;
};

// The charts of a run, one per metric, in reading order.
const std::vector<ChartMetric>& RunChartMetrics();

}  // namespace sim
