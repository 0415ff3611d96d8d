// The native charts of a run (sim/output/run_charts.hpp) on hand-made
// results: every region's line is drawn where its axis puts its values (the
// chart shows the numbers), bands hold the median, regions compared on their
// own scale fill their panels, and the files are written whole, the same
// bytes on any number of threads, or not at all.
#include "sim/model/draw_summary.hpp"
#include "sim/output/run_charts.hpp"

#include <catch2/catch.hpp>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "../support/aisim_process.hpp"

namespace sim {
namespace {

namespace fs = std::filesystem;

const std::vector<std::string> kCodes = {"US", "KR", "AE"};

// Three regions over 2025-2030; value(region, year index, draw) fills every variable.
template <typename Value>
Results MakeResults(int draws, Value value) {
  Results results("plan", kCodes, {"United States", "South Korea", "United Arab Emirates"}, 2025, 6, draws);
  for (int v = 0; v < kVariableCount; ++v) {
    for (int k = 0; k < 6; ++k) {
      for (int r = 0; r < 3; ++r) {
        for (int d = 0; d < draws; ++d) results.At(static_cast<Variable>(v), k)(r, d) = value(r, k, d);
      }
    }
  }
  Summarise(results, 1);
  return results;
}

ChartRequest RequestFor(const Results& results, const fs::path& out) {
  ChartRequest request = RunChartRequest(results, 7, out);
  request.out = out / "charts";
  return request;
}

const ChartMetric& Metric(const std::string& variable) {
  for (const ChartMetric& m : RunChartMetrics()) {
    if (m.variable == variable) return m;
  }
  throw std::logic_error(variable);
}

const Shape& SeriesLine(const Drawing& drawing, const std::string& code, const std::string& stem) {
  for (const auto& item : drawing.items) {
    const Shape* shape = std::get_if<Shape>(&item);
    if (shape && shape->id == "series-plan-" + code + "-" + stem) return *shape;
  }
  throw std::logic_error("no line for " + code);
}

std::vector<const Shape*> Bands(const Drawing& drawing) {
  std::vector<const Shape*> bands;
  for (const auto& item : drawing.items) {
    const Shape* shape = std::get_if<Shape>(&item);
    if (shape && shape->css_class == "band") bands.push_back(shape);
  }
  return bands;
}

// Whether every line's points sit at pixel = a + b * f(value), one (a, b)
// for all regions and years, with b < 0 (higher values higher up).
template <typename Transform>
void CheckOneAxis(const Drawing& drawing, const Results& results, const ChartMetric& metric, Transform f) {
  const Variable variable = FindVariable(metric.variable)->variable;
  const Shape& first = SeriesLine(drawing, "US", metric.stem);
  const double v0 = f(results.At(variable, 0)(0, 0) * metric.scale);
  const double v1 = f(results.At(variable, 5)(0, 0) * metric.scale);
  const double b = (first.points[5].y - first.points[0].y) / (v1 - v0);
  const double a = first.points[0].y - b * v0;
  CHECK(b < 0);
  for (int r = 0; r < 3; ++r) {
    const Shape& line = SeriesLine(drawing, kCodes[r], metric.stem);
    REQUIRE(line.points.size() == 6);
    for (int k = 0; k < 6; ++k) {
      INFO(kCodes[r] << " year " << 2025 + k);
      CHECK(line.points[k].y == Approx(a + b * f(results.At(variable, k)(r, 0) * metric.scale)).margin(1e-6));
      CHECK(line.points[k].x == Approx(first.points[k].x).margin(1e-9));  // the same year, the same x
    }
  }
}

}  // namespace

TEST_CASE("a deterministic run chart draws every region's values where its axis puts them") {
  const testing::TempFolder dir("run-charts");
  const Results results = MakeResults(1, [](int r, int k, int) { return 20.0 + 3 * r + 0.7 * k * (r + 1); });
  const ChartRequest request = RequestFor(results, dir.path());
  const ChartMetric& linear = Metric("Capability|Generative");
  CheckOneAxis(RunChartDrawing(results, request, linear), results, linear, [](double v) { return v; });
  // A log axis: pixels are affine in log10 of the value.
  const ChartMetric& log = Metric("Compute|Stock");
  REQUIRE(log.log);
  CheckOneAxis(RunChartDrawing(results, request, log), results, log, [](double v) { return std::log10(v); });
  // Shares are charted in percent.
  const ChartMetric& share = Metric("Market Share|Physical");
  REQUIRE(share.scale == 100.0);
  CheckOneAxis(RunChartDrawing(results, request, share), results, share, [](double v) { return v; });
  const std::string svg = FormatSvg(RunChartDrawing(results, request, linear));
  CHECK(svg.find(">South Korea (KR)<") != std::string::npos);
  CHECK(svg.find("deterministic run (seed 7)") != std::string::npos);
  CHECK(Bands(RunChartDrawing(results, request, linear)).empty());
}

// The y axis's tick labels: the only labels set flush right.
std::vector<std::string> AxisLabels(const Drawing& drawing) {
  std::vector<std::string> labels;
  for (const auto& item : drawing.items) {
    const Label* label = std::get_if<Label>(&item);
    if (label && label->anchor == Anchor::kEnd) labels.push_back(label->text + "^" + label->superscript);
  }
  return labels;
}

TEST_CASE(
    "axes are labelled however narrow or wide the values: powers of ten, plain numbers, no spare decimals") {
  const testing::TempFolder dir("run-charts");
  // Every variable within 2% of 1.01 million: narrower than any 1-9 x 10^k step.
  const Results narrow = MakeResults(1, [](int r, int k, int) { return 1.0e6 + 4000.0 * r + 1000.0 * k; });
  const ChartRequest request = RequestFor(narrow, dir.path());
  const std::vector<std::string> log_labels =
      AxisLabels(RunChartDrawing(narrow, request, Metric("Compute|Stock")));
  CHECK(log_labels.size() >= 2);
  for (const std::string& label : log_labels) CHECK(label.find("1,0") == 0);  // 1,000,000 ... 1,020,000
  // Many decades: powers of ten.
  const Results wide = MakeResults(1, [](int r, int k, int) { return std::pow(10.0, 2 + r + k); });
  const std::vector<std::string> powers =
      AxisLabels(RunChartDrawing(wide, RequestFor(wide, dir.path()), Metric("Compute|Stock")));
  REQUIRE(powers.size() >= 2);
  for (const std::string& label : powers) CHECK(label.rfind("10^", 0) == 0);
  // Whole-number steps (25, 250) carry no decimals.
  const Results density =
      MakeResults(1, [](int r, int k, int) { return 40.0 * r + 20.0 * k; });  // steps of 25
  for (const std::string& label :
       AxisLabels(RunChartDrawing(density, RequestFor(density, dir.path()), Metric("Robots|Density")))) {
    CHECK(label.find('.') == std::string::npos);
  }
}

TEST_CASE("a Monte Carlo run chart is a fan per region: the median inside the p25-p75 band, inside p5-p95") {
  const testing::TempFolder dir("run-charts");
  // Draw d of 101 spreads region r's value over +-(r + 1) around its median.
  const Results results =
      MakeResults(101, [](int r, int k, int d) { return 25.0 + k + r + (r + 1) * (d - 50) / 50.0; });
  const ChartRequest request = RequestFor(results, dir.path());
  const ChartMetric& metric = Metric("Capability|Physical");
  const Drawing drawing = RunChartDrawing(results, request, metric);
  const std::vector<const Shape*> bands = Bands(drawing);
  REQUIRE(bands.size() == 2 * kCodes.size());
  for (int r = 0; r < 3; ++r) {
    const Shape& outer = *bands[2 * r];
    const Shape& inner = *bands[2 * r + 1];
    const Shape& median = SeriesLine(drawing, kCodes[r], metric.stem);
    for (int k = 0; k < 6; ++k) {
      // A band's polygon runs along its lower edge, then back along the upper.
      const double outer_low = outer.points[k].y, outer_high = outer.points[11 - k].y;
      const double inner_low = inner.points[k].y, inner_high = inner.points[11 - k].y;
      INFO(kCodes[r] << " year " << 2025 + k);
      CHECK(outer_low > inner_low);  // pixels grow downwards
      CHECK(inner_low > median.points[k].y);
      CHECK(median.points[k].y > inner_high);
      CHECK(inner_high > outer_high);
    }
  }
  const std::string svg = FormatSvg(drawing);
  CHECK(svg.find("101 draws, seed 7") != std::string::npos);
}

TEST_CASE("regions charted on their own scale each fill their panel; compared ones share one axis") {
  const testing::TempFolder dir("run-charts");
  // The US holds about 100 times Korea's share; every region's share rises 20%.
  const Results results = MakeResults(
      11, [](int r, int k, int d) { return (r == 0 ? 0.5 : 0.005) * (1 + 0.04 * k) * (1 + 0.001 * d); });
  const ChartRequest request = RequestFor(results, dir.path());
  const auto spans = [&](const ChartMetric& metric) {
    const Drawing drawing = RunChartDrawing(results, request, metric);
    std::vector<double> span;
    for (const std::string& code : kCodes) {
      const Shape& line = SeriesLine(drawing, code, metric.stem);
      span.push_back(std::abs(line.points.front().y - line.points.back().y));
    }
    return span;
  };
  const std::vector<double> own = spans(Metric("Market Share|Physical"));
  CHECK(own[1] == Approx(own[0]).epsilon(0.05));  // Korea's line is as tall as the US's
  const std::vector<double> shared = spans(Metric("Capability|Generative"));
  CHECK(shared[1] < shared[0] / 50);  // on one axis Korea's rise is small
}

TEST_CASE("run charts are written whole: PNG, SVG and index.json, the same bytes on any number of threads") {
  const testing::TempFolder dir("run-charts");
  const Results results = MakeResults(21, [](int r, int k, int d) { return 1.0 + r + k + 0.01 * d; });
  const auto draw = [&](const std::string& name, int jobs) {
    ChartRequest request = RequestFor(results, dir.path() / name);
    request.svg = true;
    request.jobs = jobs;
    const ChartOutcome outcome = DrawRunCharts(results, request);
    CHECK(outcome.warning.empty());
    REQUIRE(outcome.charts.size() == RunChartMetrics().size());
    return request.out;
  };
  const fs::path one = draw("one", 1), three = draw("three", 3);
  const auto read = [](const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
  };
  for (const ChartMetric& metric : RunChartMetrics()) {
    for (const std::string ext : {".png", ".svg"}) {
      INFO(metric.stem + ext);
      const std::string bytes = read(one / (metric.stem + ext));
      CHECK(bytes == read(three / (metric.stem + ext)));
      CHECK(bytes.size() > 1000);
    }
    CHECK(read(one / (metric.stem + ".png")).rfind("\x89PNG\r\n\x1a\n", 0) == 0);
  }
  CHECK(read(one / "index.json").find("\"capability-generative\"") != std::string::npos);

  // A charts folder that cannot be made: a warning, no charts, no exception.
  ChartRequest blocked = RequestFor(results, dir.path());
  std::ofstream(dir.path() / "file") << "x";
  blocked.out = dir.path() / "file" / "charts";
  const ChartOutcome outcome = DrawRunCharts(results, blocked);
  CHECK(outcome.charts.empty());
  CHECK(outcome.warning.rfind("warning: charts skipped: ", 0) == 0);
}

}  // namespace sim
