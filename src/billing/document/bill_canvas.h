#pragma once
// Internal to the bill renderer: a small drawing surface in PDF points (1/72 inch, y downwards)
// over cairo and pango, so the page layout code reads as layout and only bill_canvas.cc includes
// their headers. Text is set with pango in DejaVu Sans (and DejaVu Sans Mono for the scan line),
// unhinted so that positions are the same whatever the output device.

#include <string_view>

// cairo's own spelling of its context type, declared here so this header needs no cairo include.
typedef struct _cairo cairo_t;
typedef struct _PangoLayout PangoLayout;

namespace rp::billing::document {

struct Color {
  double red = 0, green = 0, blue = 0;
};

// The bill's palette: one accent, greys, and a warning red for ESTIMATED / FINAL markers.
inline constexpr Color kInk{0.12, 0.12, 0.14};
inline constexpr Color kMuted{0.38, 0.40, 0.44};
inline constexpr Color kRule{0.72, 0.74, 0.78};
inline constexpr Color kShade{0.93, 0.95, 0.97};
inline constexpr Color kAccent{0.05, 0.29, 0.53};
inline constexpr Color kAccentLight{0.62, 0.73, 0.85};
inline constexpr Color kWarning{0.70, 0.12, 0.10};
inline constexpr Color kWhite{1, 1, 1};

enum class Font { sans, sans_bold, mono };
enum class Align { left, center, right };

struct TextStyle {
  double size = 9;  // points
  Font font = Font::sans;
  Color color = kInk;
  Align align = Align::left;  // within the width given to text()
  // Cut short with an ellipsis at the width instead of wrapping: for places with room for one
  // line whatever the data (the remittance stub).
  bool one_line = false;
};

// A rectangle: top-left corner and size, in points.
struct Box {
  double x = 0, y = 0, width = 0, height = 0;
  double right() const { return x + width; }
  double bottom() const { return y + height; }
};

class Canvas {
 public:
  // Draws into `cairo`, which must outlive the Canvas (borrowed, not owned).
  explicit Canvas(cairo_t* cairo);
  ~Canvas();
  Canvas(const Canvas&) = delete;
  Canvas& operator=(const Canvas&) = delete;

  // Sets `text` (UTF-8) wrapped at word boundaries to `width`, aligned within it, with the top of
  // its first line at y, and returns the height it took.
  double text(double x, double y, double width, std::string_view text, const TextStyle& style);
  // The height text() would take, drawing nothing.
  double text_height(double width, std::string_view text, const TextStyle& style);
  // The width of `text` set on one line.
  double text_width(std::string_view text, const TextStyle& style);
  // The distance from the top of a line set in `style` to its baseline: what lines up texts of
  // different sizes on one row.
  double baseline(const TextStyle& style);

  void fill(const Box& box, Color color);
  void stroke(const Box& box, Color color, double line_width);
  void line(double x1, double y1, double x2, double y2, Color color, double line_width);
  void dashed_line(double x1, double y1, double x2, double y2, Color color, double line_width);
  // Diagonal strokes clipped to `box`: the mark of an estimated value.
  void hatch(const Box& box, Color color, double spacing);
  // Ends the current page and starts a new blank one.
  void next_page();

 private:
  // Prepares layout_ for `text` in `style`; width <= 0 means one unbroken line.
  void set_up(double width, std::string_view text, const TextStyle& style);

  cairo_t* cairo_;
  PangoLayout* layout_;
};

}  // namespace rp::billing::document
