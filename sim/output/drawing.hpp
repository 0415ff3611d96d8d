// A chart as a list of shapes and labels in pixels, drawn once and written
// in two formats: PNG (rendered with cairo) and SVG (written as text, so that
// its labels stay searchable text and its series carry ids a test or a
// script can find). Both formats come from the same list, so they show the
// same chart.
#pragma once

#include <string>
#include <variant>
#include <vector>

namespace sim {

// Angles of shapes and labels are in radians.
inline constexpr double kPi = 3.14159265358979323846;

struct Point {
  double x = 0, y = 0;  // pixels from the top left corner
};

// A polyline, or a polygon when `closed`; filled when `fill` is a colour,
// stroked when `stroke` is.
struct Shape {
  std::vector<Point> points;
  bool closed = false;
  std::string fill;  // "#rrggbb", or "" for none
  double fill_opacity = 1.0;
  std::string stroke;  // "#rrggbb", or "" for none
  double stroke_width = 0;
  std::vector<double> dashes;  // on/off lengths in pixels; empty: solid
  std::string id;              // SVG id, e.g. "series-world-2025-KR-compute-stock"
  std::string css_class;       // SVG class, e.g. "band"
};

enum class Anchor { kStart, kMiddle, kEnd };

// One line of text whose vertical centre is at `at`; `superscript` follows
// `text` raised and smaller (10 with superscript 6 reads 10^6).
struct Label {
  Point at;
  std::string text, superscript;
  double size = 18;  // font size in pixels
  bool bold = false;
  std::string colour = "#000000";
  Anchor anchor = Anchor::kStart;
  bool vertical = false;  // turned a quarter left, read from bottom to top
};

struct Drawing {
  double width = 0, height = 0;                   // pixels
  std::vector<std::variant<Shape, Label>> items;  // in drawing order: later items on top
};

// The width in pixels of `label` (with its superscript) in the charts' font,
// DejaVu Sans, as both formats draw it.
double LabelWidth(const Label& label);

// The drawing as an SVG document.
std::string FormatSvg(const Drawing& drawing);

// The drawing rendered to PNG bytes, on white, one pixel per unit. Throws
// std::runtime_error when cairo cannot render it.
std::string RenderPng(const Drawing& drawing);

}  // namespace sim
