#pragma once
// A statement of account as a PDF for staff to print or send: the utility, the account and its
// holder, the period and what it shows, the opening balance, one row per ledger entry (date,
// description, reference, amount, balance after it), and the totals. In English. Rows that do
// not fit continue on further pages with the column headings repeated; a description longer than
// its column is cut with an ellipsis. Pure, like the bill renderer: the same statement gives the
// same bytes (its creation date is the statement's as-of date).

#include <string>
#include <vector>

#include "core/money.h"
#include "core/result.h"
#include "core/time.h"

namespace rp::billing::document {

struct StatementRow {
  LocalDate effective_on;
  std::string description;
  std::string reference;
  Money amount;
  Money balance_after;
};

struct StatementDocument {
  std::string utility_name;
  std::string account_number;  // as printed: "100-000-01-7"
  std::string customer_name;
  std::vector<std::string> mailing_address;
  std::string shows;  // "All entries", "Jan 1, 2026 to Mar 31, 2026, payments only"
  LocalDate as_of;
  Money opening_balance;
  Money closing_balance;
  Money charges;
  Money credits;
  std::vector<StatementRow> rows;
};

// Errors: invalid_input ("as_of") for a date not on the calendar; internal when cairo fails.
Result<std::string> render_statement_pdf(const StatementDocument& statement);

}  // namespace rp::billing::document
