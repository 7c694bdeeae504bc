// The usage history chart of page 1 (bill_page.h): a bar per month, the current month in the
// accent colour, estimated months hatched, a value axis with round gridlines and the unit.
//
// The axis is worked in integer milli-units (1, 2 or 5 times a power of ten), so its labels are
// exact decimals; only the drawing geometry is floating point.

#include <algorithm>
#include <cstdint>
#include <string>

#include "billing/document/bill_page.h"

namespace rp::billing::document {
namespace {

constexpr std::size_t kMonths = 13;
constexpr double kPadding = 9;
constexpr double kAxisWidth = 34;     // left of the plot: the gridline labels
constexpr double kLabelsHeight = 20;  // below the plot: month, and the year where it changes
constexpr Color kEstimatedFill{0.90, 0.93, 0.97};

// The gridline spacing in milli-units: the smallest 1, 2 or 5 x 10^k (k >= 0) that reaches `top`
// in at most four steps.
std::int64_t axis_step(std::int64_t top) {
  for (std::int64_t power = 1;; power *= 10) {
    for (std::int64_t multiple : {1, 2, 5}) {
      if (multiple * power * 4 >= top) return multiple * power;
    }
  }
}

// "1,250" or "0.5": milli-units as the exact decimal they are.
std::string axis_label(std::int64_t milli) {
  std::string text = format_count(milli / 1000);
  std::int64_t fraction = milli % 1000;
  if (fraction == 0) return text;
  std::string digits = std::to_string(1000 + fraction).substr(1);
  digits.erase(digits.find_last_not_of('0') + 1);
  return text + "." + digits;
}

struct Plot {
  Box area;               // where the bars stand, on area.bottom()
  std::int64_t top = 0;   // milli-units at area.y
  std::int64_t step = 0;  // gridline spacing
  double y_of(std::int64_t milli) const {
    const double fraction = static_cast<double>(std::max<std::int64_t>(milli, 0)) / top;
    return area.bottom() - fraction * area.height;
  }
};

// The axis reaches at least an eighth above the tallest bar, leaving room for its value label.
Plot plot_for(const std::vector<UsageBar>& bars, const Box& area) {
  std::int64_t highest = 1000;
  for (const UsageBar& bar : bars) highest = std::max(highest, bar.usage_milli);
  const std::int64_t wanted = highest + highest / 8;
  const std::int64_t step = axis_step(wanted);
  return Plot{area, (wanted + step - 1) / step * step, step};
}

void draw_gridlines(Canvas& canvas, const Plot& plot, std::string_view unit) {
  const TextStyle label{.size = 6.5, .color = kMuted, .align = Align::right};
  const double label_x = plot.area.x - kAxisWidth;
  for (std::int64_t milli = 0; milli <= plot.top; milli += plot.step) {
    const double y = plot.y_of(milli);
    if (milli > 0) canvas.line(plot.area.x, y, plot.area.right(), y, kShade, 0.75);
    canvas.text(label_x, y - 4, kAxisWidth - 4, axis_label(milli), label);
  }
  canvas.text(
      label_x, plot.area.y - 16, kAxisWidth - 4, unit,
      TextStyle{.size = 6.5, .font = Font::sans_bold, .color = kMuted, .align = Align::right});
  canvas.line(plot.area.x, plot.area.bottom(), plot.area.right(), plot.area.bottom(), kInk, 0.75);
}

void draw_bar(Canvas& canvas, const Box& bar, bool estimated, bool current) {
  if (bar.height <= 0) return;
  if (estimated) {
    canvas.fill(bar, kEstimatedFill);
    canvas.hatch(bar, current ? kAccent : kAccentLight, 3);
    canvas.stroke(bar, current ? kAccent : kAccentLight, 0.75);
  } else {
    canvas.fill(bar, current ? kAccent : kAccentLight);
  }
}

// The month under each bar, and the year under the first bar and every January.
void draw_month_label(const Sheet& sheet, const UsageBar& bar, double x, double width, double y,
                      bool first) {
  const TextStyle month{.size = 6.5, .align = Align::center};
  sheet.canvas.text(x, y, width, month_abbreviation(bar.month.month(), sheet.labels), month);
  if (first || bar.month.month() == date::January) {
    sheet.canvas.text(x - 4, y + 8, width + 8, std::to_string(static_cast<int>(bar.month.year())),
                      TextStyle{.size = 6, .color = kMuted, .align = Align::center});
  }
}

void draw_bars(const Sheet& sheet, const Plot& plot, const std::vector<UsageBar>& bars) {
  const double slot = plot.area.width / kMonths;
  for (std::size_t i = 0; i < bars.size(); ++i) {
    const double x = plot.area.x + slot * static_cast<double>(i);
    const double top = plot.y_of(bars[i].usage_milli);
    const bool current = i + 1 == bars.size();
    draw_bar(sheet.canvas, Box{x + slot * 0.18, top, slot * 0.64, plot.area.bottom() - top},
             bars[i].estimated, current);
    draw_month_label(sheet, bars[i], x, slot, plot.area.bottom() + 3, i == 0);
    if (current) {  // this bill's usage, in whole units, over its bar
      const std::int64_t whole_units =
          (std::max<std::int64_t>(bars[i].usage_milli, 0) + 500) / 1000;
      sheet.canvas.text(
          x - slot, top - 10, slot * 3, format_count(whole_units),
          TextStyle{
              .size = 6.5, .font = Font::sans_bold, .color = kAccent, .align = Align::center});
    }
  }
}

// "This bill" and, when a month was estimated, "Estimated", at the right of the title row.
void draw_legend(const Sheet& sheet, double right, double y, bool any_estimated) {
  Canvas& canvas = sheet.canvas;
  const TextStyle text{.size = 6.5, .color = kMuted};
  auto entry = [&](std::string_view label, bool estimated) {
    const double width = canvas.text_width(label, text);
    right -= width;
    canvas.text(right, y, 0, label, text);
    right -= 11;
    draw_bar(canvas, Box{right, y + 0.5, 8, 8}, estimated, true);
    right -= 8;
  };
  if (any_estimated) entry(sheet.labels.estimated_legend, true);
  entry(sheet.labels.current_legend, false);
}

}  // namespace

void draw_usage_chart(const Sheet& sheet, const Box& box) {
  const std::vector<UsageBar>& history = sheet.bill.usage_history;
  if (history.empty()) return;
  const std::size_t shown = std::min(history.size(), kMonths);
  const std::vector<UsageBar> bars(history.end() - static_cast<std::ptrdiff_t>(shown),
                                   history.end());
  Canvas& canvas = sheet.canvas;
  canvas.stroke(box, kRule, 0.75);
  const std::string unit = unit_name(sheet.bill.usage_chart_unit, sheet.labels);
  const std::string title = std::string(sheet.labels.usage_history) + " (" + unit + ")";
  canvas.text(box.x + kPadding, box.y + 7, box.width / 2, title,
              TextStyle{.size = 9.5, .font = Font::sans_bold, .color = kAccent, .one_line = true});
  const bool any_estimated =
      std::any_of(bars.begin(), bars.end(), [](const UsageBar& bar) { return bar.estimated; });
  draw_legend(sheet, box.right() - kPadding, box.y + 9, any_estimated);
  // Below the title row and the unit label; above the month labels.
  const double plot_x = box.x + kPadding + kAxisWidth;
  const double plot_y = box.y + 44;
  const Box plot_area{plot_x, plot_y, box.right() - kPadding - plot_x,
                      box.bottom() - kPadding - kLabelsHeight - plot_y};
  const Plot plot = plot_for(bars, plot_area);
  draw_gridlines(canvas, plot, unit);
  draw_bars(sheet, plot, bars);
}

}  // namespace rp::billing::document
