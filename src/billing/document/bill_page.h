#pragma once
// Internal to the bill renderer: the page geometry and the parts of the pages that do not flow
// (header, addresses, account summary, budget box, usage chart, remittance stub, continuation
// headers). bill_pdf.cc arranges them; bill_sections.cc builds the flowing charge details.
//
// Page 1, top to bottom: the utility and the bill's key facts; the customer's mailing address and
// the service address; the account summary beside the
// usage chart, the budget billing strip under them; the charge details; then, below a dashed cut
// line, the remittance stub ending in the scan line. Later pages carry a one-line header and the
// rest of the details.

#include <string_view>

#include "billing/document/bill_canvas.h"
#include "billing/document/bill_document.h"
#include "billing/document/bill_labels.h"

namespace rp::billing::document {

// US Letter in points, half-inch margins.
inline constexpr double kPageWidth = 612;
inline constexpr double kPageHeight = 792;
inline constexpr double kMargin = 36;
inline constexpr double kContentWidth = kPageWidth - 2 * kMargin;
inline constexpr double kContentRight = kPageWidth - kMargin;
// Page 1's cut line: the stub below it is about 2.2 inches, the usual remittance stub.
inline constexpr double kCutLine = 636;
// The two columns of page 1's upper half.
inline constexpr double kLeftColumnWidth = 266;
inline constexpr double kRightColumnX = kMargin + kLeftColumnWidth + 16;
inline constexpr double kRightColumnWidth = kContentRight - kRightColumnX;
// Where the details start on pages after the first (below the continuation header).
inline constexpr double kContinuationTop = kMargin + 34;
// Page 1's number sits just under the cut line, beside the detach note (later pages carry theirs
// in the continuation header).
inline constexpr double kPageNumberTopOnFirstPage = kCutLine + 4;

// What every drawing function works with. The references must outlive the Sheet.
struct Sheet {
  Canvas& canvas;
  const BillDocument& bill;
  const BillLabels& labels;
};

// Each draw_* below draws at the given place and returns the y just below what it drew.

// The utility's name, address and contact line at the left, under them the ESTIMATED / FINAL BILL
// markers with their explanations; the bill's key facts (account, bill number, dates, period) in
// a shaded box at the right.
double draw_header(const Sheet& sheet);
// The customer's name and mailing address at the left; the service address at the right.
double draw_addresses(const Sheet& sheet, double top);
// The account summary box: balance forward, payments, adjustments, current charges, and the
// amount due with its due date, prominent.
double draw_account_summary(const Sheet& sheet, double top);
// The budget billing strip across the page (requires sheet.bill.budget): actual charges, the
// budget amount due and the budget balance side by side.
double draw_budget(const Sheet& sheet, double top);
// The usage history as a bar chart filling `box` (bill_usage_chart.cc). Draws nothing for an
// empty history.
void draw_usage_chart(const Sheet& sheet, const Box& box);
// The dashed cut line at kCutLine and the remittance stub below it, ending in `scan_line`.
void draw_remittance_stub(const Sheet& sheet, std::string_view scan_line);
// The one-line header of pages after the first: utility, account, bill number and "Page 2 of 3".
void draw_continuation_header(const Sheet& sheet, int page, int pages);
// "Page 2 of 3", right-aligned with its top at y.
void draw_page_number(const Sheet& sheet, int page, int pages, double y);

// A row of a table of figures: `label` at the left and `value` at the right of [x, x + width],
// on one baseline whatever their sizes, the top of the taller at y. Returns the row's height.
double draw_label_value(Canvas& canvas, double x, double y, double width, std::string_view label,
                        const TextStyle& label_style, std::string_view value,
                        const TextStyle& value_style);

}  // namespace rp::billing::document
