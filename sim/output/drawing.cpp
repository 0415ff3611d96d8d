#include "sim/output/drawing.hpp"

#include <cairo-ft.h>
#include <cairo.h>
#include <ft2build.h>
#include FT_FREETYPE_H
#include <png.h>

#include <csetjmp>
#include <cstdint>
#include <cstdio>
#include <memory>
#include <stdexcept>
#include <vector>

#include "sim/output/report.hpp"  // EscapeHtml: SVG text escapes as HTML does

namespace sim {
namespace {

// The charts' font, loaded from Debian's fonts-dejavu-core by path rather
// than found through fontconfig: the same glyphs on every machine, or a
// clear error (a fontconfig match would silently substitute another font).
constexpr const char* kRegularFont = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";
constexpr const char* kBoldFont = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf";
// A superscript's size and raise, as fractions of the label's size.
constexpr double kSuperscriptSize = 0.7;
constexpr double kSuperscriptRaise = 0.4;

struct Rgb {
  double r, g, b;
};

Rgb ParseColour(const std::string& hex) {
  unsigned value = 0;
  if (hex.size() != 7 || hex[0] != '#' || std::sscanf(hex.c_str() + 1, "%6x", &value) != 1) {
    throw std::runtime_error("not a colour: " + hex);
  }
  return {((value >> 16) & 0xff) / 255.0, ((value >> 8) & 0xff) / 255.0, (value & 0xff) / 255.0};
}

using Surface = std::unique_ptr<cairo_surface_t, decltype(&cairo_surface_destroy)>;
using Context = std::unique_ptr<cairo_t, decltype(&cairo_destroy)>;

struct Fonts {
  cairo_font_face_t* regular;
  cairo_font_face_t* bold;
};

// Loaded once per process and kept for its life (cairo locks a face for
// each use, so threads may share them).
const Fonts& ChartFonts() {
  static const Fonts fonts = [] {
    FT_Library library = nullptr;
    if (FT_Init_FreeType(&library) != 0) throw std::runtime_error("cannot start FreeType");
    const auto load = [&](const char* path) {
      FT_Face face = nullptr;
      if (FT_New_Face(library, path, 0, &face) != 0) {
        throw std::runtime_error(std::string("cannot load the charts' font ") + path +
                                 " (install fonts-dejavu-core: scripts/install-deps.sh)");
      }
      return cairo_ft_font_face_create_for_ft_face(face, 0);
    };
    return Fonts{load(kRegularFont), load(kBoldFont)};
  }();
  return fonts;
}

void UseFont(cairo_t* cr, double size, bool bold) {
  cairo_set_font_face(cr, bold ? ChartFonts().bold : ChartFonts().regular);
  cairo_set_font_size(cr, size);
}

double Advance(cairo_t* cr, const std::string& text, double size, bool bold) {
  UseFont(cr, size, bold);
  cairo_text_extents_t extents;
  cairo_text_extents(cr, text.c_str(), &extents);
  return extents.x_advance;
}

double LabelWidthWith(cairo_t* cr, const Label& label) {
  double width = Advance(cr, label.text, label.size, label.bold);
  if (!label.superscript.empty()) {
    width += Advance(cr, label.superscript, label.size * kSuperscriptSize, label.bold);
  }
  return width;
}

void DrawShape(cairo_t* cr, const Shape& shape) {
  if (shape.points.empty()) return;
  cairo_new_path(cr);
  cairo_move_to(cr, shape.points[0].x, shape.points[0].y);
  for (size_t i = 1; i < shape.points.size(); ++i) cairo_line_to(cr, shape.points[i].x, shape.points[i].y);
  if (shape.closed) cairo_close_path(cr);
  if (!shape.fill.empty()) {
    const Rgb c = ParseColour(shape.fill);
    cairo_set_source_rgba(cr, c.r, c.g, c.b, shape.fill_opacity);
    cairo_fill_preserve(cr);
  }
  if (!shape.stroke.empty() && shape.stroke_width > 0) {
    const Rgb c = ParseColour(shape.stroke);
    cairo_set_source_rgb(cr, c.r, c.g, c.b);
    cairo_set_line_width(cr, shape.stroke_width);
    cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
    cairo_set_line_cap(cr, CAIRO_LINE_CAP_BUTT);
    cairo_set_dash(cr, shape.dashes.data(), static_cast<int>(shape.dashes.size()), 0);
    cairo_stroke_preserve(cr);
  }
  cairo_new_path(cr);
}

void DrawLabel(cairo_t* cr, const Label& label) {
  const double width = LabelWidthWith(cr, label);
  const double shift = label.anchor == Anchor::kStart    ? 0
                       : label.anchor == Anchor::kMiddle ? width / 2
                                                         : width;
  cairo_save(cr);
  cairo_translate(cr, label.at.x, label.at.y);
  if (label.vertical) cairo_rotate(cr, -kPi / 2);
  UseFont(cr, label.size, label.bold);
  cairo_font_extents_t font;
  cairo_font_extents(cr, &font);
  // The baseline that puts the middle of the font's ascent-descent box at y.
  const double baseline = (font.ascent - font.descent) / 2;
  const Rgb c = ParseColour(label.colour);
  cairo_set_source_rgb(cr, c.r, c.g, c.b);
  cairo_move_to(cr, -shift, baseline);
  cairo_show_text(cr, label.text.c_str());
  if (!label.superscript.empty()) {
    double x = 0, y = 0;
    cairo_get_current_point(cr, &x, &y);
    UseFont(cr, label.size * kSuperscriptSize, label.bold);
    cairo_move_to(cr, x, baseline - label.size * kSuperscriptRaise);
    cairo_show_text(cr, label.superscript.c_str());
  }
  cairo_restore(cr);
}

std::string Number(double value) {
  char text[32];
  std::snprintf(text, sizeof text, "%.2f", value);
  std::string s = text;
  while (s.back() == '0') s.pop_back();
  if (s.back() == '.') s.pop_back();
  return s == "-0" ? "0" : s;
}

// The RGB pixels of a cairo RGB24 surface as PNG. libpng directly rather than
// cairo's own writer: its default compression spent three quarters of a
// run's chart time; zlib's fastest level with the "up" filter (a chart's
// rows repeat the one above) writes charts about as small, several times
// faster (bench/HISTORY.md).
std::string EncodePng(cairo_surface_t* surface) {
  cairo_surface_flush(surface);
  const int width = cairo_image_surface_get_width(surface), height = cairo_image_surface_get_height(surface);
  const int stride = cairo_image_surface_get_stride(surface);
  const unsigned char* data = cairo_image_surface_get_data(surface);
  png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, nullptr, nullptr, nullptr);
  png_infop info = png ? png_create_info_struct(png) : nullptr;
  if (!info) {
    png_destroy_write_struct(&png, nullptr);
    throw std::runtime_error("libpng: out of memory");
  }
  std::string bytes;
  std::vector<unsigned char> row(static_cast<size_t>(width) * 3);
  if (setjmp(png_jmpbuf(png))) {
    png_destroy_write_struct(&png, &info);
    throw std::runtime_error("libpng: cannot encode the chart");
  }
  png_set_write_fn(
      png, &bytes,
      [](png_structp p, png_bytep chunk, png_size_t length) {
        bool appended = true;
        try {
          static_cast<std::string*>(png_get_io_ptr(p))->append(reinterpret_cast<const char*>(chunk), length);
        } catch (const std::bad_alloc&) {
          appended = false;  // libpng's own error path, outside the handler: no exception crosses C code
        }
        if (!appended) png_error(p, "out of memory");
      },
      nullptr);
  png_set_IHDR(png, info, width, height, 8, PNG_COLOR_TYPE_RGB, PNG_INTERLACE_NONE,
               PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
  png_set_compression_level(png, 1);
  png_set_filter(png, PNG_FILTER_TYPE_BASE, PNG_FILTER_UP);
  png_write_info(png, info);
  for (int y = 0; y < height; ++y) {
    // A cairo RGB24 pixel is a native-endian 32-bit 0xXXRRGGBB.
    const auto* pixels = reinterpret_cast<const uint32_t*>(data + static_cast<size_t>(y) * stride);
    for (int x = 0; x < width; ++x) {
      row[3 * x] = static_cast<unsigned char>(pixels[x] >> 16);
      row[3 * x + 1] = static_cast<unsigned char>(pixels[x] >> 8);
      row[3 * x + 2] = static_cast<unsigned char>(pixels[x]);
    }
    png_write_row(png, row.data());
  }
  png_write_end(png, nullptr);
  png_destroy_write_struct(&png, &info);
  return bytes;
}

}  // namespace

double LabelWidth(const Label& label) {
  // One small surface per thread, for measuring only.
  thread_local Surface surface(cairo_image_surface_create(CAIRO_FORMAT_A8, 1, 1), &cairo_surface_destroy);
  thread_local Context cr(cairo_create(surface.get()), &cairo_destroy);
  return LabelWidthWith(cr.get(), label);
}

std::string FormatSvg(const Drawing& drawing) {
  std::string out =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" +
      Number(drawing.width) + "\" height=\"" + Number(drawing.height) + "\" viewBox=\"0 0 " +
      Number(drawing.width) + " " + Number(drawing.height) +
      "\" font-family=\"DejaVu Sans, sans-serif\">\n<rect width=\"100%\" height=\"100%\" "
      "fill=\"#ffffff\"/>\n";
  for (const auto& item : drawing.items) {
    if (const Shape* shape = std::get_if<Shape>(&item)) {
      if (shape->points.empty()) continue;
      out += "<path";
      if (!shape->id.empty()) out += " id=\"" + EscapeHtml(shape->id) + "\"";
      if (!shape->css_class.empty()) out += " class=\"" + EscapeHtml(shape->css_class) + "\"";
      out += " d=\"M";
      for (size_t i = 0; i < shape->points.size(); ++i) {
        out += (i ? " " : "") + Number(shape->points[i].x) + " " + Number(shape->points[i].y);
      }
      out += shape->closed ? " Z\"" : "\"";
      out += " fill=\"" + (shape->fill.empty() ? std::string("none") : shape->fill) + "\"";
      if (!shape->fill.empty() && shape->fill_opacity < 1)
        out += " fill-opacity=\"" + Number(shape->fill_opacity) + "\"";
      if (!shape->stroke.empty() && shape->stroke_width > 0) {
        out += " stroke=\"" + shape->stroke + "\" stroke-width=\"" + Number(shape->stroke_width) +
               "\" stroke-linejoin=\"round\"";
        if (!shape->dashes.empty()) {
          out += " stroke-dasharray=\"";
          for (size_t i = 0; i < shape->dashes.size(); ++i) out += (i ? " " : "") + Number(shape->dashes[i]);
          out += "\"";
        }
      }
      out += "/>\n";
      continue;
    }
    const Label& label = std::get<Label>(item);
    const char* anchor = label.anchor == Anchor::kStart    ? "start"
                         : label.anchor == Anchor::kMiddle ? "middle"
                                                           : "end";
    out += "<text x=\"" + Number(label.at.x) + "\" y=\"" + Number(label.at.y) + "\" font-size=\"" +
           Number(label.size) + "\"" + (label.bold ? " font-weight=\"bold\"" : "") + " fill=\"" +
           label.colour + "\" text-anchor=\"" + anchor + "\" dominant-baseline=\"central\"";
    if (label.vertical)
      out += " transform=\"rotate(-90 " + Number(label.at.x) + " " + Number(label.at.y) + ")\"";
    out += ">" + EscapeHtml(label.text);
    if (!label.superscript.empty()) {
      out += "<tspan dy=\"" + Number(-label.size * kSuperscriptRaise) + "\" font-size=\"" +
             Number(label.size * kSuperscriptSize) + "\">" + EscapeHtml(label.superscript) + "</tspan>";
    }
    out += "</text>\n";
  }
  return out + "</svg>\n";
}

std::string RenderPng(const Drawing& drawing) {
  Surface surface(cairo_image_surface_create(CAIRO_FORMAT_RGB24, static_cast<int>(drawing.width + 0.5),
                                             static_cast<int>(drawing.height + 0.5)),
                  &cairo_surface_destroy);
  Context cr(cairo_create(surface.get()), &cairo_destroy);
  cairo_set_source_rgb(cr.get(), 1, 1, 1);
  cairo_paint(cr.get());
  for (const auto& item : drawing.items) {
    if (const Shape* shape = std::get_if<Shape>(&item)) {
      DrawShape(cr.get(), *shape);
    } else {
      DrawLabel(cr.get(), std::get<Label>(item));
    }
  }
  if (cairo_status(cr.get()) != CAIRO_STATUS_SUCCESS) {
    throw std::runtime_error(std::string("cairo: ") + cairo_status_to_string(cairo_status(cr.get())));
  }
  return EncodePng(surface.get());
}

}  // namespace sim
