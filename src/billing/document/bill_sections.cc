#include "billing/document/bill_sections.h"

#include <algorithm>
#include <string>

namespace rp::billing::document {
namespace {

// The columns of a line row: a wide description that wraps, then right-aligned figures.
constexpr double kInset = 6;
constexpr double kDescriptionX = kMargin + kInset;
constexpr double kDescriptionWidth = 282;
constexpr double kQuantityX = kDescriptionX + kDescriptionWidth;
constexpr double kQuantityWidth = 92;
constexpr double kRateX = kQuantityX + kQuantityWidth;
constexpr double kRateWidth = 80;
constexpr double kAmountX = kRateX + kRateWidth;
constexpr double kAmountWidth = kContentRight - kInset - kAmountX;

constexpr TextStyle kLineText{.size = 8.5};
constexpr TextStyle kFigure{.size = 8.5, .align = Align::right};
constexpr TextStyle kColumnHeading{.size = 7, .font = Font::sans_bold, .color = kMuted};
constexpr TextStyle kSectionTitle{.size = 9.5, .font = Font::sans_bold, .color = kAccent};
constexpr TextStyle kSectionPeriod{.size = 8, .align = Align::right};
constexpr TextStyle kSectionMarker{
    .size = 8, .font = Font::sans_bold, .color = kWarning, .align = Align::right};

// The non-empty parts with a middle dot between them.
std::string joined(const std::vector<std::string>& parts) {
  std::string text;
  for (const std::string& part : parts) {
    if (part.empty()) continue;
    if (!text.empty()) text += "  \u00b7  ";
    text += part;
  }
  return text;
}

// "Electric · Residential time of use" at the left ("(continued)" on a later page); the period
// and, for an estimated section, "Estimated" at the right. A title too long for what is left
// wraps, and the bar grows with it, rather than running under the period.
FlowRow title_row(const Sheet& sheet, const DocumentSection& section, bool continued) {
  const BillLabels& labels = sheet.labels;
  std::string title = commodity_name(section.commodity, labels) + "  \u00b7  " + section.rate_plan;
  if (continued) title += " " + std::string(labels.continued);
  const std::string period =
      format_period(section.period_start, section.period_end, labels) + " (" +
      format_day_count(section.period_start, section.period_end, labels) + ")";
  const std::string marker = section.estimated ? std::string(labels.estimated) : "";
  const double inner = kContentWidth - 2 * kInset;
  const double marker_right =
      kContentRight - kInset - sheet.canvas.text_width(period, kSectionPeriod) - 10;
  const double marker_width = marker.empty() ? 0 : sheet.canvas.text_width(marker, kSectionMarker);
  const double title_width = marker_right - marker_width - 16 - kDescriptionX;
  const double bar =
      std::max(18.0, sheet.canvas.text_height(title_width, title, kSectionTitle) + 7);
  return FlowRow{bar + 2, [=](Canvas& canvas, double y) {
                   canvas.fill(Box{kMargin, y, kContentWidth, bar}, kShade);
                   canvas.text(kDescriptionX, y + 3.5, title_width, title, kSectionTitle);
                   canvas.text(kDescriptionX, y + 4.5, inner, period, kSectionPeriod);
                   canvas.text(kDescriptionX, y + 4.5, marker_right - kDescriptionX, marker,
                               kSectionMarker);
                 }};
}

// A meter exchanged in the period: a line per meter (its days, reads and usage), then the total.
std::string exchange_text(const BillLabels& labels, const DocumentSection& section) {
  const std::string unit = " " + unit_name(section.unit, labels);
  const std::string estimated = " (" + std::string(labels.estimated) + ")";
  std::string text;
  for (std::size_t i = 0; i < section.meters.size(); ++i) {
    const DocumentMeterLeg& leg = section.meters[i];
    const bool last = i + 1 == section.meters.size();
    std::vector<std::string> parts;
    parts.push_back(std::string(labels.meter) + " " + leg.serial + ", " +
                    format_period(leg.from, plus_days(leg.to, 1), labels));
    if (leg.start_read && leg.end_read) {
      parts.push_back(std::string(i == 0 ? labels.previous_read : labels.installed_read) + " " +
                      format_quantity(*leg.start_read, section.unit));
      parts.push_back(std::string(last ? labels.current_read : labels.final_read) + " " +
                      format_quantity(*leg.end_read, section.unit) +
                      (leg.estimated ? estimated : ""));
    } else {
      parts.push_back(std::string(labels.interval_meter));
    }
    parts.push_back(std::string(labels.usage) + " " + format_quantity(leg.usage, section.unit) +
                    unit + (leg.estimated && !leg.end_read ? estimated : ""));
    text += joined(parts) + "\n";
  }
  return text + std::string(labels.total_usage) + " " +
         format_quantity(section.usage, section.unit) + unit;
}

// Meter, reads and usage on one line (wrapping if it must); a line per meter when one was
// exchanged in the period.
FlowRow meter_row(const Sheet& sheet, const DocumentSection& section) {
  const BillLabels& labels = sheet.labels;
  const std::string unit = " " + unit_name(section.unit, labels);
  const std::string estimated = section.estimated ? " (" + std::string(labels.estimated) + ")" : "";
  std::vector<std::string> parts;
  parts.push_back(section.meter_serial.empty()
                      ? std::string(labels.unmetered)
                      : std::string(labels.meter) + " " + section.meter_serial);
  if (section.start_read && section.end_read) {
    parts.push_back(std::string(labels.previous_read) + " " +
                    format_quantity(*section.start_read, section.unit));
    parts.push_back(std::string(labels.current_read) + " " +
                    format_quantity(*section.end_read, section.unit) + estimated);
  } else if (!section.meter_serial.empty()) {
    parts.push_back(std::string(labels.interval_meter));
  }
  parts.push_back(std::string(labels.usage) + " " + format_quantity(section.usage, section.unit) +
                  unit + (section.start_read ? "" : estimated));
  const std::string text = section.meters.empty() ? joined(parts) : exchange_text(labels, section);
  const TextStyle style{.size = 7.5, .color = kMuted};
  const double width = kContentWidth - 2 * kInset;
  const double height = sheet.canvas.text_height(width, text, style) + 6;
  return FlowRow{height, [text, style, width](Canvas& canvas, double y) {
                   canvas.text(kDescriptionX, y + 3, width, text, style);
                 }};
}

FlowRow column_headings(const Sheet& sheet) {
  const BillLabels& labels = sheet.labels;
  const std::string headings[] = {std::string(labels.description), std::string(labels.quantity),
                                  std::string(labels.rate), std::string(labels.amount)};
  return FlowRow{14, [headings](Canvas& canvas, double y) {
                   TextStyle right = kColumnHeading;
                   right.align = Align::right;
                   canvas.text(kDescriptionX, y + 2, kDescriptionWidth, headings[0],
                               kColumnHeading);
                   canvas.text(kQuantityX, y + 2, kQuantityWidth, headings[1], right);
                   canvas.text(kRateX, y + 2, kRateWidth, headings[2], right);
                   canvas.text(kAmountX, y + 2, kAmountWidth, headings[3], right);
                   canvas.line(kMargin, y + 12.5, kContentRight, y + 12.5, kRule, 0.5);
                 }};
}

// A bill line. Any cell may wrap (a long description, an unusually long quantity): the row is as
// tall as its tallest cell.
FlowRow line_row(const Sheet& sheet, const DocumentLine& line) {
  const std::string description = line.description;
  const bool percentage = line.unit == "$";  // "5% of $123.45": the base has no unit after it
  const std::string quantity =
      line.quantity.empty() ? ""
                            : format_quantity(line.quantity, line.unit) +
                                  (percentage ? "" : " " + unit_name(line.unit, sheet.labels));
  const std::string rate = line.rate.empty() ? "" : format_rate(line.rate, line.unit);
  const std::string amount = format_money(line.amount);
  Canvas& measure = sheet.canvas;
  const double height =
      std::max({measure.text_height(kDescriptionWidth - 8, description, kLineText),
                measure.text_height(kQuantityWidth, quantity, kFigure),
                measure.text_height(kRateWidth, rate, kFigure),
                measure.text_height(kAmountWidth, amount, kFigure)});
  return FlowRow{height + 3.5, [=](Canvas& canvas, double y) {
                   canvas.text(kDescriptionX, y + 2, kDescriptionWidth - 8, description, kLineText);
                   canvas.text(kQuantityX, y + 2, kQuantityWidth, quantity, kFigure);
                   canvas.text(kRateX, y + 2, kRateWidth, rate, kFigure);
                   canvas.text(kAmountX, y + 2, kAmountWidth, amount, kFigure);
                 }};
}

FlowRow total_row(const Sheet& sheet, const DocumentSection& section) {
  const std::string label = std::string(sheet.labels.section_total) + " " +
                            commodity_name(section.commodity, sheet.labels);
  const std::string amount = format_money(section.charges);
  return FlowRow{18, [label, amount](Canvas& canvas, double y) {
                   canvas.line(kMargin, y + 1.5, kContentRight, y + 1.5, kRule, 0.5);
                   const TextStyle bold{.size = 9, .font = Font::sans_bold};
                   TextStyle right = bold;
                   right.align = Align::right;
                   canvas.text(kDescriptionX, y + 4.5, kDescriptionWidth, label, bold);
                   canvas.text(kRateX, y + 4.5, kRateWidth + kAmountWidth, amount, right);
                 }};
}

SectionFlow section_flow(const Sheet& sheet, const DocumentSection& section) {
  SectionFlow flow;
  flow.heading = {title_row(sheet, section, false), meter_row(sheet, section),
                  column_headings(sheet)};
  flow.continued_heading = {title_row(sheet, section, true), column_headings(sheet)};
  for (const DocumentLine& line : section.lines) flow.lines.push_back(line_row(sheet, line));
  flow.total = total_row(sheet, section);
  return flow;
}

}  // namespace

std::vector<SectionFlow> section_flows(const Sheet& sheet) {
  std::vector<SectionFlow> flows;
  for (const DocumentSection& section : sheet.bill.sections) {
    flows.push_back(section_flow(sheet, section));
  }
  return flows;
}

}  // namespace rp::billing::document
