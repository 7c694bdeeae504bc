#include "billing/document/bill_pdf.h"

#include <memory>
#include <string>
#include <vector>

#include "billing/document/bill_page.h"
#include "billing/document/bill_pagination.h"
#include "billing/document/bill_sections.h"
#include "billing/document/pdf_output.h"
#include "billing/document/scan_line.h"

namespace rp::billing::document {
namespace {

constexpr double kSectionGap = 12;
// Page 1's details stop a little above the cut line; when they continue, a note takes this much.
constexpr double kFirstPageDetailsBottom = kCutLine - 10;
constexpr double kContinuedNoteHeight = 14;

Result<void> check_period(LocalDate start, LocalDate end, const std::string& field) {
  if (!start.ok()) return invalid_input(field + "_start", field + "_start is not a calendar date");
  if (!end.ok()) return invalid_input(field + "_end", field + "_end is not a calendar date");
  if (date::sys_days(end) <= date::sys_days(start)) {
    return invalid_input(field + "_end", field + "_end (exclusive) must be after " + field +
                                             "_start: a period has at least one day");
  }
  return success();
}

// What the layout cannot print sensibly, refused up front with the field at fault.
Result<void> check_renderable(const BillDocument& bill) {
  if (!bill.bill_date.ok()) return invalid_input("bill_date", "bill_date is not a calendar date");
  if (!bill.due_date.ok()) return invalid_input("due_date", "due_date is not a calendar date");
  RP_TRY(check_period(bill.period_start, bill.period_end, "period"));
  for (std::size_t i = 0; i < bill.sections.size(); ++i) {
    const DocumentSection& section = bill.sections[i];
    RP_TRY(check_period(section.period_start, section.period_end,
                        "sections[" + std::to_string(i) + "].period"));
  }
  for (std::size_t i = 0; i < bill.usage_history.size(); ++i) {
    if (!bill.usage_history[i].month.ok()) {
      const std::string field = "usage_history[" + std::to_string(i) + "].month";
      return invalid_input(field, field + " is not a calendar month");
    }
  }
  if (bill.utility_address.size() > kMaxUtilityAddressLines) {
    return invalid_input("utility_address", "utility_address has " +
                                                std::to_string(bill.utility_address.size()) +
                                                " lines; the remittance stub has room for " +
                                                std::to_string(kMaxUtilityAddressLines));
  }
  if (bill.amount_due.cents() > kMaxScanLineCents) {
    return invalid_input("amount_due", "amount_due " + bill.amount_due.to_string() +
                                           " is above the scan line's limit of $99,999,999.99");
  }
  return success();
}

PdfMetadata metadata_of(const BillDocument& bill, const BillLabels& labels) {
  // The bill date, not the clock: the same bill must give the same bytes when rendered again.
  return PdfMetadata{.title = std::string(labels.bill) + " " + std::to_string(bill.bill_number),
                     .author = bill.utility_name,
                     .created = format_local_date(bill.bill_date) + "T00:00:00Z"};
}

// Page 1 above the details; returns where the details may start.
double draw_first_page_top(const Sheet& sheet) {
  const double header_bottom = draw_header(sheet);
  const double addresses_bottom = draw_addresses(sheet, header_bottom + 14);
  const double top = addresses_bottom + 12;
  const double summary_bottom = draw_account_summary(sheet, top);
  if (!sheet.bill.usage_history.empty()) {
    draw_usage_chart(sheet, Box{kRightColumnX, top, kRightColumnWidth, summary_bottom - top});
  }
  return sheet.bill.budget ? draw_budget(sheet, summary_bottom + 10) : summary_bottom;
}

void draw_rows(Canvas& canvas, const PageFlow& rows) {
  for (const PlacedRow& placed : rows) placed.row->draw(canvas, placed.y);
}

// Places the details. When they run past page 1, page 1 gives up a line to say where they
// continue, so a customer who reads only the first page knows there is more.
std::vector<PageFlow> paginate_details(const std::vector<SectionFlow>& sections, double top) {
  FlowRegion first{top, kFirstPageDetailsBottom};
  const FlowRegion next{kContinuationTop, kPageHeight - kMargin};
  std::vector<PageFlow> pages = paginate(sections, first, next, kSectionGap);
  if (pages.size() == 1) return pages;
  first.bottom -= kContinuedNoteHeight;
  return paginate(sections, first, next, kSectionGap);
}

void draw_continued_note(const Sheet& sheet) {
  const std::string note = std::string(sheet.labels.continued_on) + " 2";
  sheet.canvas.text(
      kMargin, kFirstPageDetailsBottom - kContinuedNoteHeight + 3, kContentWidth, note,
      TextStyle{.size = 7.5, .font = Font::sans_bold, .color = kMuted, .align = Align::right});
}

void draw_bill(const Sheet& sheet) {
  const std::vector<SectionFlow> sections = section_flows(sheet);
  const double details_top = draw_first_page_top(sheet) + 16;
  const std::vector<PageFlow> pages = paginate_details(sections, details_top);
  const int page_count = static_cast<int>(pages.size());
  draw_rows(sheet.canvas, pages[0]);
  if (page_count > 1) draw_continued_note(sheet);
  draw_page_number(sheet, 1, page_count, kPageNumberTopOnFirstPage);
  draw_remittance_stub(sheet, scan_line(sheet.bill.account_number, sheet.bill.amount_due));
  for (int page = 2; page <= page_count; ++page) {
    sheet.canvas.next_page();
    draw_continuation_header(sheet, page, page_count);
    draw_rows(sheet.canvas, pages[static_cast<std::size_t>(page - 1)]);
  }
}

}  // namespace

Result<std::string> render_bill_pdf(const BillDocument& bill) {
  RP_TRY(check_renderable(bill));
  const BillLabels& labels = bill_labels(bill.language);
  return render_pdf(
      metadata_of(bill, labels),
      [&](Canvas& canvas) {
        draw_bill(Sheet{canvas, bill, labels});
      },
      "bill " + std::to_string(bill.bill_number));
}

}  // namespace rp::billing::document
