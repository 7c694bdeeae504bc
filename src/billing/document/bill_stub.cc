// The remittance stub at the foot of page 1 (bill_page.h): what the customer tears off and mails
// with a cheque, and what the lockbox bank reads.

#include <string>

#include "billing/document/bill_page.h"

namespace rp::billing::document {
namespace {

constexpr double kStubTop = kCutLine + 17;
constexpr double kTableLabelWidth = 112;
// The scan line sits at the very foot, apart from everything else, where OCR expects it.
constexpr double kScanLineTop = kPageHeight - kMargin - 14;

void draw_cut_line(Canvas& canvas, const BillLabels& labels) {
  const TextStyle scissors{.size = 11, .color = kMuted};
  canvas.text(kMargin - 2, kCutLine - 7.5, 0, "\u2702", scissors);
  canvas.dashed_line(kMargin + 14, kCutLine, kContentRight, kCutLine, kMuted, 0.75);
  canvas.text(kMargin, kCutLine + 4, kContentWidth, labels.detach,
              TextStyle{.size = 7, .color = kMuted, .align = Align::center});
}

// Remit-to address and whose payment this is, for the mail room. Every field is one line
// (ellipsized if it must be), so the block never runs into the scan line or off the page: with
// the three address lines check_renderable allows it ends above the bottom margin.
void draw_remit_to(const Sheet& sheet) {
  Canvas& canvas = sheet.canvas;
  const BillDocument& bill = sheet.bill;
  const double width = kLeftColumnWidth;
  const TextStyle small{.size = 7, .color = kMuted, .one_line = true};
  const TextStyle body{.size = 8.5, .one_line = true};
  double y = kStubTop;
  y += canvas.text(kMargin, y, width, sheet.labels.remit_to, small);
  y += canvas.text(
      kMargin, y, width, bill.utility_name,
      TextStyle{.size = 10, .font = Font::sans_bold, .color = kAccent, .one_line = true});
  for (const std::string& line : bill.utility_address)
    y += canvas.text(kMargin, y, width, line, body);
  y += 2;
  y += canvas.text(kMargin, y, width,
                   std::string(sheet.labels.payable_to) + " " + bill.utility_name + ".", small);
  y += 8;
  y += canvas.text(kMargin, y, width, bill.customer_name,
                   TextStyle{.size = 8.5, .font = Font::sans_bold, .one_line = true});
  canvas.text(kMargin, y, width, bill.service_address, body);
}

// One bordered row of the payment table; returns its bottom.
double draw_table_row(Canvas& canvas, double y, double height, std::string_view label,
                      std::string_view value, const TextStyle& value_style) {
  const double value_x = kRightColumnX + kTableLabelWidth;
  const double value_width = kContentRight - value_x;
  canvas.fill(Box{kRightColumnX, y, kTableLabelWidth, height}, kShade);
  canvas.stroke(Box{kRightColumnX, y, kRightColumnWidth, height}, kRule, 0.75);
  canvas.line(value_x, y, value_x, y + height, kRule, 0.75);
  const TextStyle label_style{.size = 8, .color = kMuted};
  const double label_top = y + (height - canvas.text_height(0, label, label_style)) / 2;
  canvas.text(kRightColumnX + 6, label_top, kTableLabelWidth - 12, label, label_style);
  const double value_top = y + (height - canvas.text_height(0, value, value_style)) / 2;
  canvas.text(value_x + 6, value_top, value_width - 12, value, value_style);
  return y + height;
}

void draw_payment_table(const Sheet& sheet) {
  Canvas& canvas = sheet.canvas;
  const BillDocument& bill = sheet.bill;
  const BillLabels& labels = sheet.labels;
  const TextStyle value{.size = 9, .font = Font::sans_bold, .align = Align::right};
  TextStyle amount = value;
  amount.size = 11;
  amount.color = kAccent;
  double y = kStubTop;
  y = draw_table_row(canvas, y, 17, labels.account_number, bill.account_number.formatted(), value);
  y = draw_table_row(canvas, y, 17, labels.due_date, format_date(bill.due_date, labels), value);
  y = draw_table_row(canvas, y, 20, labels.amount_due, format_money(bill.amount_due), amount);
  // Left empty for the customer to write in, with the dollar sign printed as a guide.
  draw_table_row(canvas, y, 22, labels.amount_enclosed, "$",
                 TextStyle{.size = 11, .color = kMuted});
}

}  // namespace

void draw_remittance_stub(const Sheet& sheet, std::string_view scan_line) {
  draw_cut_line(sheet.canvas, sheet.labels);
  draw_remit_to(sheet);
  draw_payment_table(sheet);
  sheet.canvas.text(kMargin, kScanLineTop, kContentWidth, scan_line,
                    TextStyle{.size = 11, .font = Font::mono, .align = Align::right});
}

}  // namespace rp::billing::document
