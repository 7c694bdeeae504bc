#include "billing/document/statement_pdf.h"

#include "billing/document/bill_labels.h"
#include "billing/document/bill_page.h"
#include "billing/document/pdf_output.h"

namespace rp::billing::document {
namespace {

constexpr double kRowHeight = 14;
constexpr double kHeadingGap = 18;
constexpr double kDateWidth = 72;
constexpr double kReferenceWidth = 84;
constexpr double kMoneyWidth = 78;
constexpr double kDescriptionX = kMargin + kDateWidth;
constexpr double kBalanceX = kContentRight - kMoneyWidth;
constexpr double kAmountX = kBalanceX - kMoneyWidth;
constexpr double kReferenceX = kAmountX - kReferenceWidth - 6;
constexpr double kDescriptionWidth = kReferenceX - kDescriptionX - 6;

const TextStyle kCell{.size = 8.5, .one_line = true};
const TextStyle kMoneyCell{.size = 8.5, .align = Align::right, .one_line = true};
const TextStyle kHeading{.size = 8, .font = Font::sans_bold, .color = kMuted, .one_line = true};
const TextStyle kMoneyHeading{
    .size = 8, .font = Font::sans_bold, .color = kMuted, .align = Align::right, .one_line = true};

class StatementSheet {
 public:
  StatementSheet(Canvas& canvas, const StatementDocument& statement)
      : canvas_(canvas), statement_(statement), labels_(bill_labels("en")) {}

  void draw() {
    double y = first_page_top();
    y = row(y, "", "Opening balance", "", nullptr, statement_.opening_balance, true);
    for (const StatementRow& line : statement_.rows) {
      if (y + kRowHeight > kPageHeight - kMargin - kRowHeight * 5) {
        canvas_.next_page();
        y = continued_page_top();
      }
      y = row(y, format_date(line.effective_on, labels_), line.description, line.reference,
              &line.amount, line.balance_after, false);
    }
    y += 6;
    canvas_.line(kMargin, y, kContentRight, y, kRule, 0.75);
    y += 6;
    y = total(y, "Charges", statement_.charges);
    y = total(y, "Payments and credits", statement_.credits);
    total(y, "Closing balance", statement_.closing_balance, true);
  }

 private:
  double first_page_top() {
    double y = kMargin;
    y += canvas_.text(kMargin, y, kContentWidth, statement_.utility_name,
                      TextStyle{.size = 10, .font = Font::sans_bold, .color = kAccent});
    y += 4;
    y += canvas_.text(kMargin, y, kContentWidth, "Statement of account",
                      TextStyle{.size = 16, .font = Font::sans_bold});
    y += 8;
    const double facts_top = y;
    double left = y;
    left += canvas_.text(kMargin, left, kLeftColumnWidth, statement_.customer_name,
                         TextStyle{.size = 9.5, .font = Font::sans_bold});
    for (const std::string& line : statement_.mailing_address) {
      left += canvas_.text(kMargin, left, kLeftColumnWidth, line, TextStyle{.size = 9.5});
    }
    double right = facts_top;
    for (const auto& [label, value] : {std::pair{std::string("Account"), statement_.account_number},
                                       {"Shows", statement_.shows},
                                       {"As of", format_date(statement_.as_of, labels_)}}) {
      canvas_.text(kRightColumnX, right, 70, label, kHeading);
      right += canvas_.text(kRightColumnX + 70, right, kRightColumnWidth - 70, value,
                            TextStyle{.size = 9});
    }
    return column_headings(std::max(left, right) + kHeadingGap);
  }

  double continued_page_top() {
    canvas_.text(kMargin, kMargin, kContentWidth,
                 "Statement of account " + statement_.account_number + " (continued)",
                 TextStyle{.size = 9, .font = Font::sans_bold, .color = kMuted});
    return column_headings(kMargin + kHeadingGap);
  }

  double column_headings(double y) {
    canvas_.text(kMargin, y, kDateWidth, "Date", kHeading);
    canvas_.text(kDescriptionX, y, kDescriptionWidth, "Description", kHeading);
    canvas_.text(kReferenceX, y, kReferenceWidth, "Reference", kHeading);
    canvas_.text(kAmountX, y, kMoneyWidth, "Amount", kMoneyHeading);
    canvas_.text(kBalanceX, y, kMoneyWidth, "Balance", kMoneyHeading);
    y += kRowHeight;
    canvas_.line(kMargin, y - 3, kContentRight, y - 3, kRule, 0.75);
    return y;
  }

  double row(double y, const std::string& date, const std::string& description,
             const std::string& reference, const Money* amount, Money balance, bool bold) {
    const TextStyle text =
        bold ? TextStyle{.size = 8.5, .font = Font::sans_bold, .one_line = true} : kCell;
    const TextStyle money = bold ? TextStyle{.size = 8.5,
                                             .font = Font::sans_bold,
                                             .align = Align::right,
                                             .one_line = true}
                                 : kMoneyCell;
    canvas_.text(kMargin, y, kDateWidth, date, text);
    canvas_.text(kDescriptionX, y, kDescriptionWidth, description, text);
    canvas_.text(kReferenceX, y, kReferenceWidth, reference, text);
    if (amount != nullptr) canvas_.text(kAmountX, y, kMoneyWidth, format_money(*amount), money);
    canvas_.text(kBalanceX, y, kMoneyWidth, format_money(balance), money);
    return y + kRowHeight;
  }

  double total(double y, const std::string& label, Money amount, bool bold = false) {
    const Font font = bold ? Font::sans_bold : Font::sans;
    canvas_.text(kAmountX - 160, y, 160 + kMoneyWidth, label,
                 TextStyle{.size = 9, .font = font, .align = Align::right, .one_line = true});
    canvas_.text(kBalanceX, y, kMoneyWidth, format_money(amount),
                 TextStyle{.size = 9, .font = font, .align = Align::right, .one_line = true});
    return y + kRowHeight + 2;
  }

  Canvas& canvas_;
  const StatementDocument& statement_;
  const BillLabels& labels_;
};

}  // namespace

Result<std::string> render_statement_pdf(const StatementDocument& statement) {
  if (!statement.as_of.ok()) return invalid_input("as_of", "as_of is not a calendar date");
  for (const StatementRow& row : statement.rows) {
    if (!row.effective_on.ok()) return invalid_input("rows", "a row's date is not on the calendar");
  }
  PdfMetadata metadata{.title = "Statement of account " + statement.account_number,
                       .author = statement.utility_name,
                       .created = format_local_date(statement.as_of) + "T00:00:00Z"};
  return render_pdf(
      metadata, [&](Canvas& canvas) { StatementSheet(canvas, statement).draw(); },
      "statement of account " + statement.account_number);
}

}  // namespace rp::billing::document
