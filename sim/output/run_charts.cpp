#include "sim/output/run_charts.hpp"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <limits>
#include <nlohmann/json.hpp>

#include "sim/file.hpp"
#include "sim/output/number_text.hpp"
#include "sim/output/quantiles.hpp"
#include "sim/threads.hpp"

namespace sim {
namespace {

// Sizes are given in points, as in print, on a 130 dpi canvas: a 10 x 5.6
// inch chart is 1300 x 728 pixels.
constexpr double kDpi = 130;
constexpr double Pt(double points) { return points * kDpi / 72; }

constexpr const char* kGrid = "#dddddd";
constexpr const char* kSubtitleColour = "#333333";
constexpr double kTickLength = Pt(3.5);
constexpr double kTickPad = Pt(3.5);
constexpr double kLineWidth = Pt(1.8);
constexpr double kMarkerSize = Pt(5);

// One region's series over the years, in the axis unit: the median, and with
// draws the bands.
struct Fan {
  std::vector<double> years, p5, p25, p50, p75, p95;
};

Fan FanOf(const Results& results, Variable variable, int region, double scale) {
  Fan fan;
  for (int k = 0; k < results.years(); ++k) {
    const QuantileSet q = results.Quantiles(variable, k, region);
    fan.years.push_back(results.start_year() + k);
    fan.p5.push_back(q.p5 * scale);
    fan.p25.push_back(q.p25 * scale);
    fan.p50.push_back(q.p50 * scale);
    fan.p75.push_back(q.p75 * scale);
    fan.p95.push_back(q.p95 * scale);
  }
  return fan;
}

// An axis: its range in axis units (log10 of the value on a log axis) and
// where its ticks go.
struct Scale {
  double lo = 0, hi = 1;
  bool log = false;
  // The fraction of the axis at which `value` sits; on a log axis a value at
  // or below 0 sits at the bottom.
  double At(double value) const {
    const double v = !log ? value : value > 0 ? std::log10(value) : lo;
    return (v - lo) / (hi - lo);
  }
};

struct Tick {
  double at = 0;  // in axis units
  std::string text, superscript;
};

// The axis from `low` to `high` (their log10 on a log axis) with 5% of the
// span added at each end; a single value gets a range around it.
Scale FitScale(double low, double high, bool log) {
  Scale s;
  s.log = log;
  if (log) {
    low = std::log10(low);
    high = std::log10(high);
  }
  if (!(high - low > 1e-12 * std::max(1.0, std::abs(high)))) {
    const double pad = log ? 0.5 : std::max(0.5, 0.05 * std::abs(high));
    s.lo = low - pad;
    s.hi = high + pad;
    return s;
  }
  s.lo = low - 0.05 * (high - low);
  s.hi = high + 0.05 * (high - low);
  return s;
}

// Ticks at the multiples of the smallest of 1, 2, 2.5 and 5 times a power of
// ten that puts at most `most` ticks in the range, labelled with as many
// decimals as the step needs.
std::vector<Tick> LinearTicks(const Scale& s, int most) {
  const double span = s.hi - s.lo;
  double step = std::pow(10.0, std::floor(std::log10(span / most)));
  int decimals = std::max(0, -static_cast<int>(std::floor(std::log10(step) + 1e-9)));
  for (const double m : {1.0, 2.0, 2.5, 5.0, 10.0}) {
    const double candidate = step * m;
    if (std::floor(s.hi / candidate + 1e-9) - std::ceil(s.lo / candidate - 1e-9) + 1 <= most) {
      if (m == 2.5 && step < 10) ++decimals;  // 2.5, 0.25, ...; not 25 or 250
      if (m == 10.0) decimals = std::max(0, decimals - 1);
      step = candidate;
      break;
    }
  }
  std::vector<Tick> ticks;
  for (double k = std::ceil(s.lo / step - 1e-9); k * step <= s.hi + 1e-9 * step; ++k) {
    const double value = k * step;
    char text[64];
    std::snprintf(text, sizeof text, "%.*f", decimals, value == 0 ? 0.0 : value);
    std::string label = text;
    if (std::abs(value) >= 1000) {  // digits grouped by thousands: 12,000
      const std::size_t point = label.find('.');
      label = FormatCount(std::stoll(label.substr(0, point))) +
              (point == std::string::npos ? "" : label.substr(point));
    }
    if (label[0] == '-') label = "\u2212" + label.substr(1);  // a typographic minus
    ticks.push_back({value, label, ""});
  }
  return ticks;
}

// Ticks at powers of ten, labelled 10^k (every second or third power when
// there are many); where fewer than two powers fall in the range, also at 2
// and 5 times them.
std::vector<Tick> LogTicks(const Scale& s) {
  std::vector<Tick> ticks;
  const int first = static_cast<int>(std::ceil(s.lo - 1e-9)),
            last = static_cast<int>(std::floor(s.hi + 1e-9));
  if (last - first + 1 >= 2) {
    const int every = 1 + (last - first) / 7;
    for (int k = first; k <= last; ++k) {
      if ((k - first) % every == 0) ticks.push_back({static_cast<double>(k), "10", std::to_string(k)});
    }
    return ticks;
  }
  // Fewer than two powers in range: also at 2 and 5 times them, then at
  // every multiple; narrower still, plain numbers placed on the log axis.
  for (const std::vector<int>& mantissas :
       {std::vector<int>{1, 2, 5}, std::vector<int>{1, 2, 3, 4, 5, 6, 7, 8, 9}}) {
    ticks.clear();
    for (int k = first - 1; k <= last + 1; ++k) {
      for (const int m : mantissas) {
        const double at = k + std::log10(m);
        if (at < s.lo - 1e-9 || at > s.hi + 1e-9) continue;
        ticks.push_back({at, m == 1 ? "10" : std::to_string(m) + "\u00d710", std::to_string(k)});
      }
    }
    if (ticks.size() >= 2) return ticks;
  }
  ticks = LinearTicks({std::pow(10.0, s.lo), std::pow(10.0, s.hi), false}, 4);
  ticks.erase(std::remove_if(ticks.begin(), ticks.end(), [](const Tick& t) { return !(t.at > 0); }),
              ticks.end());
  for (Tick& tick : ticks) tick.at = std::log10(tick.at);
  return ticks;
}

std::vector<Tick> YearTicks(const Scale& s, int most) {
  std::vector<Tick> ticks;
  for (const int step : {1, 2, 5, 10, 20, 50}) {
    const int first = static_cast<int>(std::ceil(s.lo / step)) * step;
    if (std::floor((s.hi - first) / step) + 1 > most && step < 50) continue;
    for (int year = first; year <= s.hi; year += step)
      ticks.push_back({static_cast<double>(year), std::to_string(year), ""});
    break;
  }
  return ticks;
}

struct Rect {
  double left, top, right, bottom;  // pixels
  double X(const Scale& s, double value) const { return left + s.At(value) * (right - left); }
  double Y(const Scale& s, double value) const { return bottom - s.At(value) * (bottom - top); }
};

Shape Line(std::vector<Point> points, const std::string& colour, double width) {
  Shape line;
  line.points = std::move(points);
  line.stroke = colour;
  line.stroke_width = width;
  return line;
}

Label Text(Point at, std::string text, double points, Anchor anchor = Anchor::kMiddle) {
  Label label;
  label.at = at;
  label.text = std::move(text);
  label.size = Pt(points);
  label.anchor = anchor;
  return label;
}

// Dash patterns of matplotlib's line styles, scaled with the line's width.
std::vector<double> Dashes(const std::string& style, double width) {
  std::vector<double> pattern;
  if (style == "--") pattern = {3.7, 1.6};
  if (style == "-.") pattern = {6.4, 1.6, 1.0, 1.6};
  if (style == ":") pattern = {1.0, 1.65};
  for (double& length : pattern) length *= width;
  return pattern;
}

// A marker's outline, centred at `at`, `size` pixels across.
std::vector<Point> MarkerOutline(char marker, Point at, double size) {
  const double r = size / 2;
  std::vector<Point> points;
  const auto polygon = [&](int corners, double radius, double turn) {
    for (int i = 0; i < corners; ++i) {
      const double angle = turn + 2 * kPi * i / corners;
      points.push_back({at.x + radius * std::sin(angle), at.y - radius * std::cos(angle)});
    }
  };
  const auto cross = [&](double turn) {  // a filled plus, turned by `turn`
    const double a = r, w = 0.36 * r;
    const Point arm[] = {{w, a},   {w, w},   {a, w},   {a, -w}, {w, -w}, {w, -a},
                         {-w, -a}, {-w, -w}, {-a, -w}, {-a, w}, {-w, w}, {-w, a}};
    for (const Point& p : arm) {
      points.push_back({at.x + p.x * std::cos(turn) - p.y * std::sin(turn),
                        at.y + p.x * std::sin(turn) + p.y * std::cos(turn)});
    }
  };
  switch (marker) {
    case 's':
      polygon(4, r * 1.2, kPi / 4);
      break;
    case '^':
      polygon(3, r * 1.15, 0);
      break;
    case 'v':
      polygon(3, r * 1.15, kPi);
      break;
    case '<':
      polygon(3, r * 1.15, -kPi / 2);
      break;
    case '>':
      polygon(3, r * 1.15, kPi / 2);
      break;
    case 'D':
      polygon(4, r * 1.1, 0);
      break;
    case 'h':
      polygon(6, r * 1.05, 0);
      break;
    case 'P':
      cross(0);
      break;
    case 'X':
      cross(kPi / 4);
      break;
    default:
      polygon(24, r, 0);  // 'o'
  }
  return points;
}

// Markers every few points: about five on a line, from its first point.
std::vector<size_t> EveryFewPoints(size_t points) {
  std::vector<size_t> marked;
  for (size_t i = 0; i < points; i += std::max<size_t>(1, points / 5)) marked.push_back(i);
  return marked;
}

// A region's line with markers at the points `marked` and, for yellow, a
// dark outline beneath (drawn first).
void AddLine(Drawing& drawing, const std::vector<Point>& points, const RegionStyle& style,
             const std::string& line_style, const std::string& id, const std::vector<size_t>& marked) {
  const bool yellow = style.colour == kYellow;
  const auto markers = [&](double size, const std::string& fill, const std::string& edge) {
    for (const size_t i : marked) {
      Shape marker;
      marker.points = MarkerOutline(style.marker, points[i], size);
      marker.closed = true;
      marker.fill = fill;
      marker.stroke = edge;
      marker.stroke_width = Pt(1);
      drawing.items.push_back(marker);
    }
  };
  if (yellow) {
    Shape outline = Line(points, kYellowOutline, Pt(3.4));
    outline.dashes = Dashes(line_style, Pt(3.4));
    drawing.items.push_back(outline);
    markers(kMarkerSize + Pt(1.5), kYellowOutline, kYellowOutline);
  }
  Shape line = Line(points, style.colour, kLineWidth);
  line.dashes = Dashes(line_style, kLineWidth);
  line.id = id;
  drawing.items.push_back(line);
  markers(kMarkerSize, style.colour, yellow ? kYellowOutline : style.colour);
}

// A band between two quantile series, as one closed polygon.
void AddBand(Drawing& drawing, const Rect& panel, const Scale& x, const Scale& y, const Fan& fan,
             const std::vector<double>& low, const std::vector<double>& high, const std::string& colour,
             double opacity) {
  Shape band;
  for (size_t i = 0; i < fan.years.size(); ++i)
    band.points.push_back({panel.X(x, fan.years[i]), panel.Y(y, low[i])});
  for (size_t i = fan.years.size(); i-- > 0;)
    band.points.push_back({panel.X(x, fan.years[i]), panel.Y(y, high[i])});
  band.closed = true;
  band.fill = colour;
  band.fill_opacity = opacity;
  band.css_class = "band";
  drawing.items.push_back(band);
}

// Grid, spines, ticks and tick labels of one panel; the tick labels of an
// axis are left out where a shared axis shows them on another panel.
void AddAxes(Drawing& drawing, const Rect& panel, const Scale& x, const std::vector<Tick>& x_ticks,
             const Scale& y, const std::vector<Tick>& y_ticks, bool x_labels, bool y_labels) {
  const Scale x_axis{x.lo, x.hi, false}, y_axis{y.lo, y.hi, false};  // ticks are in axis units
  for (const Tick& t : x_ticks) {
    const double px = panel.X(x_axis, t.at);
    drawing.items.push_back(Line({{px, panel.top}, {px, panel.bottom}}, kGrid, Pt(0.6)));
  }
  for (const Tick& t : y_ticks) {
    const double py = panel.Y(y_axis, t.at);
    drawing.items.push_back(Line({{panel.left, py}, {panel.right, py}}, kGrid, Pt(0.6)));
  }
  drawing.items.push_back(
      Line({{panel.left, panel.top}, {panel.left, panel.bottom}, {panel.right, panel.bottom}}, "#000000",
           Pt(0.8)));
  for (const Tick& t : x_ticks) {
    const double px = panel.X(x_axis, t.at);
    drawing.items.push_back(Line({{px, panel.bottom}, {px, panel.bottom + kTickLength}}, "#000000", Pt(0.8)));
    if (x_labels) {
      drawing.items.push_back(Text({px, panel.bottom + kTickLength + kTickPad + Pt(10) / 2}, t.text, 10));
    }
  }
  for (const Tick& t : y_ticks) {
    const double py = panel.Y(y_axis, t.at);
    drawing.items.push_back(Line({{panel.left - kTickLength, py}, {panel.left, py}}, "#000000", Pt(0.8)));
    if (y_labels) {
      Label label = Text({panel.left - kTickLength - kTickPad, py}, t.text, 10, Anchor::kEnd);
      label.superscript = t.superscript;
      drawing.items.push_back(label);
    }
  }
}

double WidestLabel(const std::vector<Tick>& ticks) {
  double widest = 0;
  for (const Tick& t : ticks) {
    Label label = Text({0, 0}, t.text, 10);
    label.superscript = t.superscript;
    widest = std::max(widest, LabelWidth(label));
  }
  return widest;
}

std::string Subtitle(const ChartRequest& request) {
  const std::string years = std::to_string(request.start_year) + "-" + std::to_string(request.end_year);
  if (request.draws > 1) {
    return "scenario " + request.scenarios.at(0) + ", " + years + "; Monte Carlo, " +
           std::to_string(request.draws) + " draws, seed " + std::to_string(request.seed) +
           ": median line, p25-p75 and p5-p95 bands";
  }
  return "scenario " + request.scenarios.at(0) + ", " + years + "; deterministic run (seed " +
         std::to_string(request.seed) + ")";
}

std::string RegionLabel(const ChartRegion& region) { return region.name + " (" + region.code + ")"; }

// The lowest and highest value of the fans (positive ones on a log axis).
std::pair<double, double> Extent(const std::vector<const Fan*>& fans, bool log) {
  double low = std::numeric_limits<double>::infinity(), high = -low;
  for (const Fan* fan : fans) {
    for (const auto* series : {&fan->p5, &fan->p95, &fan->p50}) {
      for (const double v : *series) {
        if (!std::isfinite(v) || (log && v <= 0)) continue;
        low = std::min(low, v);
        high = std::max(high, v);
      }
    }
  }
  if (!(low <= high)) low = high = log ? 1 : 0;  // nothing to show: any range
  return {low, high};
}

Scale YearScale(const ChartRequest& request) { return FitScale(request.start_year, request.end_year, false); }

// Every region a line on one axis, with the legend to the right.
Drawing LinesChart(const ChartRequest& request, const ChartMetric& metric, const std::vector<Fan>& fans) {
  Drawing drawing;
  drawing.width = 10 * kDpi;
  drawing.height = 5.6 * kDpi;
  // The legend gets the width of its longest label and the line sample.
  double longest = 0;
  for (const ChartRegion& region : request.regions) {
    longest = std::max(longest, LabelWidth(Text({0, 0}, RegionLabel(region), 10)));
  }
  const double legend = Pt(60) + longest;
  Rect panel{0.075 * drawing.width, (1 - 0.885) * drawing.height,
             std::min(0.8, std::max(0.5, 1 - legend / drawing.width)) * drawing.width, 0.9 * drawing.height};
  std::vector<const Fan*> all;
  for (const Fan& fan : fans) all.push_back(&fan);
  const auto [low, high] = Extent(all, metric.log);
  const Scale x = YearScale(request), y = FitScale(low, high, metric.log);
  const std::vector<Tick> x_ticks =
      YearTicks(x, std::clamp(static_cast<int>((panel.right - panel.left) / 70), 3, 8));
  const std::vector<Tick> y_ticks =
      metric.log ? LogTicks(y)
                 : LinearTicks(y, std::clamp(static_cast<int>((panel.bottom - panel.top) / 35), 3, 9));
  AddAxes(drawing, panel, x, x_ticks, y, y_ticks, true, true);
  for (size_t r = 0; r < fans.size(); ++r) {
    const RegionStyle style = StyleOfRegion(request.regions[r].code);
    std::vector<Point> points;
    for (size_t i = 0; i < fans[r].years.size(); ++i) {
      points.push_back({panel.X(x, fans[r].years[i]), panel.Y(y, fans[r].p50[i])});
    }
    AddLine(drawing, points, style, style.line_style,
            "series-" + request.scenarios.at(0) + "-" + request.regions[r].code + "-" + metric.stem,
            EveryFewPoints(points.size()));
  }
  Label title =
      Text({drawing.width / 2, Pt(13) / 2 + 0.02 * drawing.height}, metric.title + " by region", 13);
  title.bold = true;
  drawing.items.push_back(title);
  Label subtitle =
      Text({(panel.left + panel.right) / 2, panel.top - Pt(6) - Pt(9) / 2}, Subtitle(request), 9);
  subtitle.colour = kSubtitleColour;
  drawing.items.push_back(subtitle);
  drawing.items.push_back(Text(
      {(panel.left + panel.right) / 2, panel.bottom + kTickLength + kTickPad + Pt(10) + Pt(4) + Pt(10) / 2},
      "year", 10));
  Label unit = Text({panel.left - kTickLength - kTickPad - WidestLabel(y_ticks) - Pt(4) - Pt(10) / 2,
                     (panel.top + panel.bottom) / 2},
                    metric.unit, 10);
  unit.vertical = true;
  drawing.items.push_back(unit);
  // The legend: a title, then a line sample and the name of each region.
  const double left = panel.right + 0.01 * (panel.right - panel.left) + Pt(4);
  const double sample = Pt(20), row = Pt(10) * 1.45;
  double middle = panel.top + Pt(4) + Pt(10) / 2;
  drawing.items.push_back(Text({left + (sample + Pt(8) + longest) / 2, middle}, "region", 10));
  for (const ChartRegion& region : request.regions) {
    middle += row;
    const RegionStyle style = StyleOfRegion(region.code);
    AddLine(drawing, {{left, middle}, {left + sample / 2, middle}, {left + sample, middle}}, style,
            style.line_style, "", {1});
    drawing.items.push_back(Text({left + sample + Pt(8), middle}, RegionLabel(region), 10, Anchor::kStart));
  }
  return drawing;
}

// A fan in one small panel per region, on one axis or each on its own
// (ChartMetric::own_scale).
Drawing FanChart(const ChartRequest& request, const ChartMetric& metric, const std::vector<Fan>& fans) {
  const bool own_scale = metric.own_scale;
  const int n = static_cast<int>(fans.size());
  const int columns = n == 1 ? 1 : n <= 4 ? 2 : 3;
  const int rows = (n + columns - 1) / columns;
  const double height_inches = 2.5 * rows + 1.1;
  Drawing drawing;
  drawing.width = (3.6 * columns + 0.6) * kDpi;
  drawing.height = height_inches * kDpi;
  const double left = 0.09 * drawing.width, right = 0.985 * drawing.width;
  const double top = (0.95 / height_inches) * drawing.height,
               bottom = (1 - 0.55 / height_inches) * drawing.height;
  const double wspace = own_scale ? 0.3 : 0.12, hspace = 0.35;
  const double w = (right - left) / (columns + wspace * (columns - 1));
  const double h = (bottom - top) / (rows + hspace * (rows - 1));
  const Scale x = YearScale(request);
  std::vector<const Fan*> all;
  for (const Fan& fan : fans) all.push_back(&fan);
  const auto [low, high] = Extent(all, metric.log);
  const Scale shared = FitScale(low, high, metric.log);
  for (int i = 0; i < n; ++i) {
    const int row = i / columns, column = i % columns;
    const Rect panel{left + column * w * (1 + wspace), top + row * h * (1 + hspace),
                     left + column * w * (1 + wspace) + w, top + row * h * (1 + hspace) + h};
    Scale y = shared;
    if (own_scale) {
      const auto [own_low, own_high] = Extent({&fans[i]}, metric.log);
      y = FitScale(own_low, own_high, metric.log);
    }
    const std::vector<Tick> x_ticks = YearTicks(x, std::clamp(static_cast<int>(w / 70), 3, 8));
    const std::vector<Tick> y_ticks =
        metric.log ? LogTicks(y) : LinearTicks(y, std::clamp(static_cast<int>(h / 35), 3, 9));
    // Years are labelled under the lowest panel of each column.
    AddAxes(drawing, panel, x, x_ticks, y, y_ticks, i + columns >= n, own_scale || column == 0);
    const RegionStyle style = StyleOfRegion(request.regions[i].code);
    const bool yellow = style.colour == kYellow;
    const Fan& fan = fans[i];
    if (request.draws > 1) {
      AddBand(drawing, panel, x, y, fan, fan.p5, fan.p95, style.colour, yellow ? 0.35 : 0.18);
      AddBand(drawing, panel, x, y, fan, fan.p25, fan.p75, style.colour, yellow ? 0.6 : 0.35);
    }
    std::vector<Point> points;
    for (size_t k = 0; k < fan.years.size(); ++k)
      points.push_back({panel.X(x, fan.years[k]), panel.Y(y, fan.p50[k])});
    AddLine(drawing, points, style, "-",
            "series-" + request.scenarios.at(0) + "-" + request.regions[i].code + "-" + metric.stem,
            EveryFewPoints(points.size()));
    drawing.items.push_back(Text({(panel.left + panel.right) / 2, panel.top - Pt(6) - Pt(10) / 2},
                                 RegionLabel(request.regions[i]), 10));
  }
  drawing.items.push_back(
      Text({drawing.width / 2, 0.02 * drawing.height + Pt(11) / 2}, metric.title + " by region", 11));
  drawing.items.push_back(
      Text({drawing.width / 2, 0.02 * drawing.height + Pt(11) * 1.75}, Subtitle(request), 11));
  drawing.items.push_back(Text({drawing.width / 2, drawing.height * 0.995 - Pt(12) / 2}, "year", 12));
  Label unit = Text({drawing.width * 0.005 + Pt(12) / 2, (top + bottom) / 2},
                    metric.unit + (own_scale ? " (each panel on its own scale)" : ""), 12);
  unit.vertical = true;
  drawing.items.push_back(unit);
  return drawing;
}

}  // namespace

Drawing RunChartDrawing(const Results& results, const ChartRequest& request, const ChartMetric& metric) {
  const VariableInfo* info = FindVariable(metric.variable);
  if (!info) throw std::logic_error("no variable " + metric.variable);
  std::vector<Fan> fans;
  for (const ChartRegion& region : request.regions) {
    const auto& codes = results.region_codes();
    const int r = static_cast<int>(std::find(codes.begin(), codes.end(), region.code) - codes.begin());
    fans.push_back(FanOf(results, info->variable, r, metric.scale));
  }
  return request.draws > 1 ? FanChart(request, metric, fans) : LinesChart(request, metric, fans);
}

ChartOutcome DrawRunCharts(const Results& results, const ChartRequest& request) {
  namespace fs = std::filesystem;
  const std::vector<ChartMetric>& metrics = RunChartMetrics();
  ChartOutcome outcome;
  std::vector<std::string> errors(metrics.size());
  std::atomic<size_t> next{0};
  const auto work = [&] {
    for (size_t m; (m = next++) < metrics.size();) {
      try {
        const Drawing drawing = RunChartDrawing(results, request, metrics[m]);
        WriteFileAndSync(request.out / (metrics[m].stem + ".png"), RenderPng(drawing));
        if (request.svg) WriteFileAndSync(request.out / (metrics[m].stem + ".svg"), FormatSvg(drawing));
      } catch (const std::exception& error) {
        errors[m] = error.what();
      }
    }
  };
  std::string failure;
  try {
    fs::create_directories(request.out);
    const int threads = std::min<int>(ThreadsOrAllCores(request.jobs), static_cast<int>(metrics.size()));
    RunOnThreads(threads, work);
    for (const std::string& error : errors) {
      if (!error.empty() && failure.empty()) failure = error;
    }
    if (failure.empty()) {
      nlohmann::ordered_json index = nlohmann::ordered_json::array();
      for (const ChartMetric& metric : metrics) {
        const std::string title = metric.title + " by region";
        const std::string caption = title + " (" + metric.unit + "), " + Subtitle(request) + ".";
        index.push_back({{"name", metric.stem}, {"title", title}, {"caption", caption}});
        outcome.charts.push_back({metric.stem, title, caption, request.svg});
      }
      WriteFileAndSync(request.out / "index.json", nlohmann::ordered_json{{"charts", index}}.dump(1) + "\n");
    }
  } catch (const std::exception& error) {
    failure = error.what();
  }
  if (!failure.empty()) {
    std::error_code ignored;
    fs::remove_all(request.out, ignored);
    outcome.charts.clear();
    outcome.warning = "warning: charts skipped: " + failure;
  }
  return outcome;
}

}  // namespace sim
