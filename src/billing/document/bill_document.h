#pragma once
// What a printed bill says, as plain values: everything the bill document renderer
// (bill_pdf.h) needs and nothing it has to look up. The bill run fills one from a released bill;
// the renderer only lays it out. Amounts are exact (Money); quantities and rates arrive already
// formatted as decimal text because their precision belongs to the tariff, not to the page.
//
// The caller guarantees the arithmetic (the renderer prints, it does not re-add):
//   - a section's `charges` is the sum of its lines' amounts;
//   - amount_due = previous_balance - payments + adjustments + current_charges.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/account_number.h"
#include "core/money.h"
#include "core/time.h"

namespace rp::billing::document {

// One bill line as rated (rating::BillLine).
struct DocumentLine {
  std::string description;  // "Energy, Summer on-peak (2026 rates)"
  std::string quantity;     // decimal text ("612.400"); empty when the charge has none (fixed)
  std::string unit;         // "kWh", "gal", "day", "month", "%"; empty with an empty quantity
  std::string rate;         // decimal text ("0.142100"), printed as given; may be empty
  Money amount;
};

// One meter's part of a period its meter was exchanged in.
struct DocumentMeterLeg {
  std::string serial;
  LocalDate from;                         // its first day in the period
  LocalDate to;                           // its last day (the day it was taken out)
  std::optional<std::string> start_read;  // register meters, decimal text in the section's unit
  std::optional<std::string> end_read;
  std::string usage;  // decimal text
  bool estimated = false;
};

// One service agreement's part of the bill: a commodity at the premise on one rate plan.
struct DocumentSection {
  std::string commodity;     // "electric", "water", "sewer", "gas" (printed translated)
  std::string rate_plan;     // the plan's name: "Residential time of use"
  std::string meter_serial;  // empty for an unmetered service (sewer billed on water)
  std::string unit;          // the usage unit: "kWh", "gal", "CCF", "therm"
  LocalDate period_start;    // first day billed
  LocalDate period_end;      // first day NOT billed (exclusive, as rating::BillingPeriod)
  // Register reads as decimal text in `unit`; both absent for interval meters and unmetered
  // services, where only `usage` is printed.
  std::optional<std::string> start_read;
  std::optional<std::string> end_read;
  std::string usage;       // decimal text in `unit`
  bool estimated = false;  // the usage rests on an estimated read
  // A meter exchanged in the period: each meter's part, oldest first (`usage` is their sum).
  std::vector<DocumentMeterLeg> meters;
  std::vector<DocumentLine> lines;
  Money charges;  // the sum of `lines`' amounts
};

// One month of the usage chart.
struct UsageBar {
  date::year_month month;
  std::int64_t usage_milli = 0;  // usage x 1000 in the chart's unit; negative is drawn as 0
  bool estimated = false;
};

// Budget (levelized) billing: the customer pays a fixed installment and the difference from the
// actual charges accumulates in the budget balance, settled at the annual true-up.
struct BudgetSummary {
  Money installment;     // what this bill asks for in place of the actual charges
  Money actual_charges;  // what this period's usage actually cost (the sections' total)
  // Actual charges minus installments billed since the last true-up: positive means the customer
  // has used more than budget billing has collected so far.
  Money budget_balance;
};

// The remittance stub has room for this many lines of the utility's (remit-to) address.
inline constexpr std::size_t kMaxUtilityAddressLines = 3;

struct BillDocument {
  // The account number is required, so it is the one constructor argument; everything else is a
  // public field to fill in.
  explicit BillDocument(AccountNumber account) : account_number(std::move(account)) {}

  std::string language = "en";  // "en" or "es"; anything else renders English

  // The utility, printed in the header and as the remit-to on the stub.
  std::string utility_name;
  std::vector<std::string> utility_address;  // at most kMaxUtilityAddressLines, top to bottom
  std::string utility_phone;
  std::string utility_website;

  AccountNumber account_number;
  std::string customer_name;
  std::vector<std::string> mailing_address;  // lines under the name, for a window envelope
  std::string service_address;               // one line: the premise

  std::int64_t bill_number = 0;
  LocalDate bill_date;
  LocalDate due_date;
  LocalDate period_start;  // earliest section start
  LocalDate period_end;    // latest section end, exclusive like the sections'

  // The account summary. `payments` are positive numbers (printed negative); adjustments are
  // signed (a credit is negative). With budget billing current_charges is the installment.
  Money previous_balance;
  Money payments;
  Money adjustments;
  Money current_charges;
  // What the customer must pay. Negative is a credit balance: nothing to pay, and the scan line
  // says 0. Must be below $100,000,000 (ten digits of cents on the scan line).
  Money amount_due;

  bool estimated = false;   // any section estimated: the bill says so prominently
  bool final_bill = false;  // the account's closing bill

  std::vector<DocumentSection> sections;  // in the order printed

  // The main commodity's usage by month, oldest first, the current month last. At most 13 are
  // drawn (the newest); an empty history draws no chart.
  std::string usage_chart_unit;  // "kWh"
  std::vector<UsageBar> usage_history;

  std::optional<BudgetSummary> budget;  // present when the account is on budget billing
};

}  // namespace rp::billing::document
