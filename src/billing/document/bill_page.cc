#include "billing/document/bill_page.h"

#include <algorithm>
#include <string>
#include <utility>

namespace rp::billing::document {
namespace {

constexpr TextStyle kSmallMuted{.size = 7.5, .color = kMuted};
constexpr TextStyle kBodyBold{.size = 9, .font = Font::sans_bold};

// The bill's key facts, one a row, label left and value right (label over value would take
// twice the height).
double draw_bill_facts(const Sheet& sheet, const Box& box) {
  const BillLabels& labels = sheet.labels;
  const BillDocument& bill = sheet.bill;
  const std::pair<std::string_view, std::string> facts[] = {
      {labels.account_number, bill.account_number.formatted()},
      {labels.bill_number, std::to_string(bill.bill_number)},
      {labels.bill_date, format_date(bill.bill_date, labels)},
      {labels.billing_period, format_period(bill.period_start, bill.period_end, labels)},
      {labels.due_date, format_date(bill.due_date, labels)},
  };
  constexpr double kPadding = 8;
  constexpr double kRow = 14;
  const double height = 2 * kPadding + kRow * std::size(facts) - 4;
  sheet.canvas.fill(Box{box.x, box.y, box.width, height}, kShade);
  double y = box.y + kPadding;
  for (const auto& [label, value] : facts) {
    const TextStyle value_style{.size = 8.5, .font = Font::sans_bold};
    draw_label_value(sheet.canvas, box.x + kPadding, y, box.width - 2 * kPadding, label,
                     TextStyle{.size = 7.5, .color = kMuted}, value, value_style);
    y += kRow;
  }
  return box.y + height;
}

// A white-on-colour tag ("FINAL BILL"); returns its width.
double draw_badge(Canvas& canvas, double x, double y, std::string_view text) {
  const TextStyle style{.size = 8, .font = Font::sans_bold, .color = kWhite};
  const double width = canvas.text_width(text, style) + 10;
  canvas.fill(Box{x, y, width, 14}, kWarning);
  canvas.text(x + 5, y + 2.5, 0, text, style);
  return width;
}

// The ESTIMATED / FINAL BILL markers and their one-sentence explanations, from y down.
double draw_markers(const Sheet& sheet, double x, double y, double width) {
  const BillDocument& bill = sheet.bill;
  if (!bill.estimated && !bill.final_bill) return y;
  y += 7;
  double badge_x = x;
  if (bill.final_bill) badge_x += draw_badge(sheet.canvas, badge_x, y, sheet.labels.final_bill) + 6;
  if (bill.estimated) draw_badge(sheet.canvas, badge_x, y, sheet.labels.estimated_bill);
  y += 18;
  const TextStyle note{.size = 7.5, .color = kWarning};
  if (bill.final_bill) y += sheet.canvas.text(x, y, width, sheet.labels.final_note, note);
  if (bill.estimated) y += sheet.canvas.text(x, y, width, sheet.labels.estimated_note, note);
  return y;
}

}  // namespace

double draw_label_value(Canvas& canvas, double x, double y, double width, std::string_view label,
                        const TextStyle& label_style, std::string_view value,
                        const TextStyle& value_style) {
  const double label_baseline = canvas.baseline(label_style);
  const double value_baseline = canvas.baseline(value_style);
  const double baseline = std::max(label_baseline, value_baseline);
  TextStyle right = value_style;
  right.align = Align::right;
  const double label_height =
      canvas.text(x, y + baseline - label_baseline, width, label, label_style);
  const double value_height = canvas.text(x, y + baseline - value_baseline, width, value, right);
  return std::max(label_height + baseline - label_baseline,
                  value_height + baseline - value_baseline);
}

double draw_header(const Sheet& sheet) {
  Canvas& canvas = sheet.canvas;
  const BillDocument& bill = sheet.bill;
  const BillLabels& labels = sheet.labels;
  const double width = kLeftColumnWidth;
  double y = kMargin;
  // A long name is set smaller, down to 11 points, before it wraps.
  TextStyle name{.size = 16, .font = Font::sans_bold, .color = kAccent};
  const double natural_width = canvas.text_width(bill.utility_name, name);
  if (natural_width > width) name.size = std::max(11.0, name.size * width / natural_width);
  y += canvas.text(kMargin, y, width, bill.utility_name, name);
  y += 2;
  for (const std::string& line : bill.utility_address) {
    y += canvas.text(kMargin, y, width, line, TextStyle{.size = 8.5, .color = kMuted});
  }
  y += 4;
  const std::string contact = std::string(labels.questions) + " " + std::string(labels.call) + " " +
                              bill.utility_phone + " " + std::string(labels.visit) + " " +
                              bill.utility_website;
  y += canvas.text(kMargin, y, width, contact, TextStyle{.size = 8});
  y = draw_markers(sheet, kMargin, y, width);
  const double facts_bottom =
      draw_bill_facts(sheet, Box{kRightColumnX, kMargin, kRightColumnWidth, 0});
  return std::max(y, facts_bottom);
}

double draw_addresses(const Sheet& sheet, double top) {
  Canvas& canvas = sheet.canvas;
  const BillDocument& bill = sheet.bill;
  double left = top;
  left += canvas.text(kMargin, left, kLeftColumnWidth, bill.customer_name,
                      TextStyle{.size = 10, .font = Font::sans_bold});
  for (const std::string& line : bill.mailing_address) {
    left += canvas.text(kMargin, left, kLeftColumnWidth, line, TextStyle{.size = 9.5});
  }
  double right = top;
  right += canvas.text(kRightColumnX, right, kRightColumnWidth, sheet.labels.service_address,
                       kSmallMuted);
  right += 1;
  right += canvas.text(kRightColumnX, right, kRightColumnWidth, bill.service_address, kBodyBold);
  return std::max(left, right);
}

void draw_continuation_header(const Sheet& sheet, int page, int pages) {
  Canvas& canvas = sheet.canvas;
  const BillLabels& labels = sheet.labels;
  const std::string facts =
      std::string(labels.account_number) + " " + sheet.bill.account_number.formatted() +
      "  \u00b7  " + std::string(labels.bill_number) + " " +
      std::to_string(sheet.bill.bill_number) + "  \u00b7  " + std::string(labels.page) + " " +
      std::to_string(page) + " " + std::string(labels.of) + " " + std::to_string(pages);
  const TextStyle facts_style{.size = 8, .color = kMuted, .align = Align::right};
  canvas.text(kMargin, kMargin + 2.5, kContentWidth, facts, facts_style);
  // The name gets what the facts leave, on one line.
  const double name_width = kContentWidth - canvas.text_width(facts, facts_style) - 16;
  canvas.text(kMargin, kMargin, name_width, sheet.bill.utility_name,
              TextStyle{.size = 11, .font = Font::sans_bold, .color = kAccent, .one_line = true});
  canvas.line(kMargin, kMargin + 20, kContentRight, kMargin + 20, kRule, 0.75);
}

void draw_page_number(const Sheet& sheet, int page, int pages, double y) {
  const std::string text = std::string(sheet.labels.page) + " " + std::to_string(page) + " " +
                           std::string(sheet.labels.of) + " " + std::to_string(pages);
  sheet.canvas.text(kMargin, y, kContentWidth, text,
                    TextStyle{.size = 7.5, .color = kMuted, .align = Align::right});
}

}  // namespace rp::billing::document
