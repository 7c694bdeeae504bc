#include "billing/document/bill_canvas.h"

#include <cairo.h>
#include <pango/pangocairo.h>

#include <cmath>

namespace rp::billing::document {
namespace {

const char* family(Font font) {
  return font == Font::mono ? "DejaVu Sans Mono" : "DejaVu Sans";
}

PangoAlignment pango_alignment(Align align) {
  switch (align) {
    case Align::center:
      return PANGO_ALIGN_CENTER;
    case Align::right:
      return PANGO_ALIGN_RIGHT;
    case Align::left:
      break;
  }
  return PANGO_ALIGN_LEFT;
}

void set_colour(cairo_t* cairo, Color color) {
  cairo_set_source_rgb(cairo, color.red, color.green, color.blue);
}

int pango_units(double points) {
  return static_cast<int>(std::lround(points * PANGO_SCALE));
}

// A layout whose metrics do not depend on a screen: no hinting and unrounded glyph positions, so
// a PDF lays out the same on any machine with the same fonts.
PangoLayout* unhinted_layout(cairo_t* cairo) {
  PangoLayout* layout = pango_cairo_create_layout(cairo);
  PangoContext* context = pango_layout_get_context(layout);
  cairo_font_options_t* options = cairo_font_options_create();
  cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE);
  cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF);
  pango_cairo_context_set_font_options(context, options);
  cairo_font_options_destroy(options);
  pango_context_set_round_glyph_positions(context, FALSE);
  pango_layout_context_changed(layout);
  return layout;
}

}  // namespace

Canvas::Canvas(cairo_t* cairo) : cairo_(cairo), layout_(unhinted_layout(cairo)) {}

Canvas::~Canvas() {
  g_object_unref(layout_);
}

void Canvas::set_up(double width, std::string_view text, const TextStyle& style) {
  PangoFontDescription* font = pango_font_description_new();
  pango_font_description_set_family(font, family(style.font));
  pango_font_description_set_weight(
      font, style.font == Font::sans_bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  // Absolute size is in user units, which on a PDF surface are points.
  pango_font_description_set_absolute_size(font, style.size * PANGO_SCALE);
  pango_layout_set_font_description(layout_, font);
  pango_font_description_free(font);
  pango_layout_set_width(layout_, width > 0 ? pango_units(width) : -1);
  pango_layout_set_wrap(layout_, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_ellipsize(layout_, style.one_line ? PANGO_ELLIPSIZE_END : PANGO_ELLIPSIZE_NONE);
  pango_layout_set_alignment(layout_, pango_alignment(style.align));
  pango_layout_set_text(layout_, text.data(), static_cast<int>(text.size()));
}

double Canvas::text(double x, double y, double width, std::string_view text,
                    const TextStyle& style) {
  set_up(width, text, style);
  set_colour(cairo_, style.color);
  cairo_move_to(cairo_, x, y);
  pango_cairo_show_layout(cairo_, layout_);
  int height = 0;
  pango_layout_get_size(layout_, nullptr, &height);
  return static_cast<double>(height) / PANGO_SCALE;
}

double Canvas::text_height(double width, std::string_view text, const TextStyle& style) {
  set_up(width, text, style);
  int height = 0;
  pango_layout_get_size(layout_, nullptr, &height);
  return static_cast<double>(height) / PANGO_SCALE;
}

double Canvas::text_width(std::string_view text, const TextStyle& style) {
  set_up(0, text, style);
  int width = 0;
  pango_layout_get_size(layout_, &width, nullptr);
  return static_cast<double>(width) / PANGO_SCALE;
}

double Canvas::baseline(const TextStyle& style) {
  set_up(0, "Ag", style);
  return static_cast<double>(pango_layout_get_baseline(layout_)) / PANGO_SCALE;
}

void Canvas::fill(const Box& box, Color color) {
  set_colour(cairo_, color);
  cairo_rectangle(cairo_, box.x, box.y, box.width, box.height);
  cairo_fill(cairo_);
}

void Canvas::stroke(const Box& box, Color color, double line_width) {
  set_colour(cairo_, color);
  cairo_set_line_width(cairo_, line_width);
  cairo_rectangle(cairo_, box.x, box.y, box.width, box.height);
  cairo_stroke(cairo_);
}

void Canvas::line(double x1, double y1, double x2, double y2, Color color, double line_width) {
  set_colour(cairo_, color);
  cairo_set_line_width(cairo_, line_width);
  cairo_move_to(cairo_, x1, y1);
  cairo_line_to(cairo_, x2, y2);
  cairo_stroke(cairo_);
}

void Canvas::dashed_line(double x1, double y1, double x2, double y2, Color color,
                         double line_width) {
  const double dashes[] = {4, 3};
  cairo_save(cairo_);
  cairo_set_dash(cairo_, dashes, 2, 0);
  line(x1, y1, x2, y2, color, line_width);
  cairo_restore(cairo_);
}

void Canvas::hatch(const Box& box, Color color, double spacing) {
  cairo_save(cairo_);
  cairo_rectangle(cairo_, box.x, box.y, box.width, box.height);
  cairo_clip(cairo_);
  set_colour(cairo_, color);
  cairo_set_line_width(cairo_, 0.8);
  // Strokes rising to the right, from far enough left that the box's left edge is covered too.
  for (double start = box.x - box.height; start < box.right(); start += spacing) {
    cairo_move_to(cairo_, start, box.bottom());
    cairo_line_to(cairo_, start + box.height, box.y);
  }
  cairo_stroke(cairo_);
  cairo_restore(cairo_);
}

void Canvas::next_page() {
  cairo_show_page(cairo_);
}

}  // namespace rp::billing::document
