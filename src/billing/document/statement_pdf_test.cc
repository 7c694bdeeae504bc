// The statement of account PDF read back with poppler-utils: every row, the balances and the
// totals are printed; a long statement continues on more pages with its headings.

#include "billing/document/statement_pdf.h"

#include <gtest/gtest.h>

#include <fstream>

#include "billing/document/testing/poppler.h"

namespace rp::billing::document {
namespace {

using testing::pdf_text;

StatementDocument statement_of(int rows) {
  StatementDocument statement{.utility_name = "Ratepayer Demo Utility",
                              .account_number = "100-000-01-7",
                              .customer_name = "María Gómez",
                              .mailing_address = {"1204 Elm St", "Springfield, OR 97477"},
                              .shows = "All entries",
                              .as_of = LocalDate{date::year{2026}, date::month{12}, date::day{6}},
                              .opening_balance = Money::from_cents(0),
                              .closing_balance = Money::from_cents(0),
                              .charges = Money::from_cents(0),
                              .credits = Money::from_cents(0),
                              .rows = {}};
  std::int64_t balance = 0;
  for (int i = 0; i < rows; ++i) {
    const bool bill = i % 2 == 0;
    const std::int64_t cents = bill ? 12345 : -12000;
    balance += cents;
    (bill ? statement.charges : statement.credits) += Money::from_cents(cents);
    statement.rows.push_back(StatementRow{
        .effective_on =
            LocalDate{date::year{2024}, date::month{1}, date::day{1}} + date::months{i / 2},
        .description = bill ? "Bill " + std::to_string(100 + i) + ", a period of a month"
                            : "Payment P" + std::to_string(10000000 + i) + ", Visa •••• 4242",
        .reference = bill ? std::to_string(100 + i) : "P" + std::to_string(10000000 + i),
        .amount = Money::from_cents(cents),
        .balance_after = Money::from_cents(balance)});
  }
  statement.closing_balance = Money::from_cents(balance);
  return statement;
}

TEST(StatementPdf, PrintsEveryRowTheBalancesAndTheTotals) {
  auto pdf = render_statement_pdf(statement_of(4));
  ASSERT_TRUE(pdf.ok()) << pdf.error().message;
  const std::string text = pdf_text(*pdf, "statement");
  for (const char* expected :
       {"Statement of account", "María Gómez", "100-000-01-7", "Opening balance", "Bill 100",
        "Payment P10000001", "$123.45", "-$120.00", "$6.90", "Charges", "$246.90",
        "Payments and credits", "-$240.00", "Closing balance"}) {
    EXPECT_NE(text.find(expected), std::string::npos) << expected << " missing from:\n" << text;
  }
  EXPECT_EQ(testing::page_count(*pdf), 1);
}

TEST(StatementPdf, ALongStatementContinuesWithItsHeadings) {
  auto pdf = render_statement_pdf(statement_of(120));
  ASSERT_TRUE(pdf.ok()) << pdf.error().message;
  EXPECT_GE(testing::page_count(*pdf), 3);
  const std::string text = pdf_text(*pdf, "statement-long");
  EXPECT_NE(text.find("100-000-01-7 (continued)"), std::string::npos);
  EXPECT_NE(text.find("Payment P10000119"), std::string::npos) << "the last row is printed";
  std::ofstream(testing::artifacts_directory() / "statement-long.pdf", std::ios::binary) << *pdf;
}

TEST(StatementPdf, TheSameStatementGivesTheSameBytes) {
  EXPECT_EQ(render_statement_pdf(statement_of(10)).value(),
            render_statement_pdf(statement_of(10)).value());
}

}  // namespace
}  // namespace rp::billing::document
