#pragma once
// The words and formats of a printed bill, in English and Spanish. Every text the renderer prints
// that is not the customer's own data comes from here, so a translation is reviewed in one file.
//
// Money is printed the same in both languages ("$1,234.56"): bills are in US dollars and US
// Spanish-language bills, the lockbox and customer service all write amounts that way. Dates
// follow the language: "Sep 15, 2026" / "15 sep 2026".

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/money.h"
#include "core/time.h"

namespace rp::billing::document {

struct BillLabels {
  std::string_view language;  // "en" or "es"
  std::string_view bill;      // "Bill": the PDF title and continuation pages
  std::string_view page, of;  // "Page 2 of 3"
  std::string_view account_number, bill_number, bill_date, billing_period, due_date;
  std::string_view customer, service_address;
  std::string_view account_summary, previous_balance, payments, adjustments, current_charges;
  std::string_view budget_installment;  // current_charges' label on a budget bill
  std::string_view amount_due, pay_by, credit_balance_note;
  std::string_view estimated, estimated_bill, estimated_note, final_bill, final_note;
  std::string_view meter, unmetered, interval_meter, previous_read, current_read, usage, days, day;
  std::string_view final_read, installed_read, total_usage;  // a meter exchanged in the period
  std::string_view description, quantity, rate, amount, section_total, continued, continued_on;
  std::string_view usage_history, estimated_legend, current_legend;
  std::string_view budget_title, actual_charges, budget_amount_due, budget_balance, budget_note;
  std::string_view questions, call, visit;
  std::string_view detach, remit_to, amount_enclosed, payable_to;
  std::array<std::string_view, 12> months;  // abbreviations, January first
};

// The labels for `language` ("en", "es"); anything else is English.
const BillLabels& bill_labels(std::string_view language);

// "$1,234.56"; a negative amount "-$12.00".
std::string format_money(Money amount);
// A line's quantity as a customer reads it, from the exact decimal text it was rated on: whole
// gallons, days and months; kWh, kW, CCF and therms to one decimal; a percentage's base ("$") as
// money; other units to at most two decimals. Rounded half away from zero, thousands grouped:
// "1204.500" gal -> "1,205", "827.371000" kWh -> "827.4". Text that is not a decimal is returned
// as it is.
std::string format_quantity(std::string_view exact, std::string_view unit);
// A line's rate as printed: a price per unit in dollars with two to five decimals ("0.1085" ->
// "$0.1085", a prorated "0.370967742" per day -> "$0.37097"); for a percentage ("$" unit) the
// percent ("0.0525" -> "5.25%"). Never the nine digits it was computed with: the amount column
// is what the line charged. Text that is not a decimal is returned as it is.
std::string format_rate(std::string_view exact, std::string_view unit);
// A whole number with thousands separators: "12,345", "-7".
std::string format_count(std::int64_t value);
// "Sep 15, 2026" (en) or "15 sep 2026" (es). Requires date.ok().
std::string format_date(LocalDate date, const BillLabels& labels);
// The days billed, first to last inclusive, from an exclusive end: "Aug 15, 2026 - Sep 14, 2026"
// (with an en dash). Requires start < end_exclusive.
std::string format_period(LocalDate start, LocalDate end_exclusive, const BillLabels& labels);
// "30 days" / "30 días" ("1 day" / "1 día"): the number of days from start to the exclusive end.
std::string format_day_count(LocalDate start, LocalDate end_exclusive, const BillLabels& labels);
// The month's abbreviation ("Sep" / "sep"). Requires month.ok().
std::string_view month_abbreviation(date::month month, const BillLabels& labels);
// "Electric" / "Electricidad" for the commodities we bill; any other is printed capitalised.
std::string commodity_name(std::string_view commodity, const BillLabels& labels);
// The unit as printed after a quantity: symbols stay ("kWh", "gal", "CCF"); the words rating uses
// read as words ("day" -> "days" / "días", "month" -> "month" / "mes", "therm" -> "therms" /
// "termias"): plural, as quantities on a bill almost always are, except the one month billed.
std::string unit_name(std::string_view unit, const BillLabels& labels);

}  // namespace rp::billing::document
