// The account summary and budget billing boxes of page 1 (bill_page.h).

#include <algorithm>
#include <string>
#include <utility>

#include "billing/document/bill_page.h"

namespace rp::billing::document {
namespace {

constexpr double kPadding = 9;
constexpr TextStyle kFigure{.size = 9};

// A box's title bar: the accent colour, white bold text. Returns its bottom.
double draw_title_bar(Canvas& canvas, double x, double y, double width, std::string_view title) {
  constexpr double kHeight = 20;
  canvas.fill(Box{x, y, width, kHeight}, kAccent);
  canvas.text(x + kPadding, y + 4.5, width - 2 * kPadding, title,
              TextStyle{.size = 9.5, .font = Font::sans_bold, .color = kWhite});
  return y + kHeight;
}

// The amount due with the date it is due by, or the credit balance note.
double draw_amount_due(const Sheet& sheet, double x, double y, double width) {
  Canvas& canvas = sheet.canvas;
  const BillDocument& bill = sheet.bill;
  y += draw_label_value(canvas, x, y, width, sheet.labels.amount_due,
                        TextStyle{.size = 11.5, .font = Font::sans_bold},
                        format_money(bill.amount_due),
                        TextStyle{.size = 16, .font = Font::sans_bold, .color = kAccent});
  y += 3;
  const bool owing = bill.amount_due.cents() > 0;
  const std::string note =
      owing ? std::string(sheet.labels.pay_by) + " " + format_date(bill.due_date, sheet.labels)
            : std::string(sheet.labels.credit_balance_note);
  y += canvas.text(x, y, width, note,
                   TextStyle{.size = 8.5, .font = Font::sans_bold, .align = Align::right});
  return y;
}

}  // namespace

double draw_account_summary(const Sheet& sheet, double top) {
  Canvas& canvas = sheet.canvas;
  const BillDocument& bill = sheet.bill;
  const BillLabels& labels = sheet.labels;
  const double x = kMargin + kPadding;
  const double width = kLeftColumnWidth - 2 * kPadding;
  double y = draw_title_bar(canvas, kMargin, top, kLeftColumnWidth, labels.account_summary) + 8;
  const std::pair<std::string_view, Money> figures[] = {
      {labels.previous_balance, bill.previous_balance},
      {labels.payments, -bill.payments},
      {labels.adjustments, bill.adjustments},
      {bill.budget ? labels.budget_installment : labels.current_charges, bill.current_charges},
  };
  for (const auto& [label, amount] : figures) {
    y += draw_label_value(canvas, x, y, width, label, kFigure, format_money(amount), kFigure);
    y += 3;
  }
  y += 2;
  canvas.line(x, y, x + width, y, kInk, 0.75);
  y += 7;
  y = draw_amount_due(sheet, x, y, width) + kPadding;
  canvas.stroke(Box{kMargin, top, kLeftColumnWidth, y - top}, kRule, 0.75);
  return y;
}

double draw_budget(const Sheet& sheet, double top) {
  Canvas& canvas = sheet.canvas;
  const BudgetSummary& budget = *sheet.bill.budget;
  const BillLabels& labels = sheet.labels;
  const double x = kMargin + kPadding;
  const double width = kContentWidth - 2 * kPadding;
  double y = top + 7;
  const double title_height =
      canvas.text(x, y, width, labels.budget_title,
                  TextStyle{.size = 9.5, .font = Font::sans_bold, .color = kAccent});
  canvas.text(x, y + 1.5, width, labels.budget_note,
              TextStyle{.size = 7.5, .color = kMuted, .align = Align::right});
  y += title_height + 5;
  struct Figure {
    std::string_view label;
    Money amount;
    Color color;  // the amount this bill asks for stands out
  };
  const Figure figures[] = {
      {labels.actual_charges, budget.actual_charges, kInk},
      {labels.budget_amount_due, budget.installment, kAccent},
      {labels.budget_balance, budget.budget_balance, kInk},
  };
  const double cell = width / std::size(figures);
  double bottom = y;
  for (std::size_t i = 0; i < std::size(figures); ++i) {
    const double cell_x = x + cell * static_cast<double>(i);
    double cell_y = y;
    cell_y += canvas.text(cell_x, cell_y, cell - 8, figures[i].label,
                          TextStyle{.size = 7.5, .color = kMuted});
    cell_y +=
        canvas.text(cell_x, cell_y + 1, cell - 8, format_money(figures[i].amount),
                    TextStyle{.size = 11, .font = Font::sans_bold, .color = figures[i].color});
    bottom = std::max(bottom, cell_y + 1);
  }
  bottom += kPadding - 2;
  canvas.stroke(Box{kMargin, top, kContentWidth, bottom - top}, kRule, 0.75);
  return bottom;
}

}  // namespace rp::billing::document
