#include "billing/bill_documents.h"

#include <nlohmann/json.hpp>

#include <map>

#include "billing/bill_views.h"
#include "billing/document/bill_pdf.h"
#include "billing/line_explanation.h"
#include "store/utility_settings.h"

namespace rp::billing {
namespace {

using document::BillDocument;
using store::Row;
using store::Session;

// The address in the columns <prefix>line1, <prefix>line2, <prefix>city, <prefix>state,
// <prefix>zip, as printed lines.
std::vector<std::string> address_lines(const Row& row, const std::string& prefix) {
  std::vector<std::string> lines;
  for (const char* line : {"line1", "line2"}) {
    const std::string column = prefix + line;
    if (!row.is_null(column) && !row.text(column).empty()) lines.push_back(row.text(column));
  }
  std::string city = row.is_null(prefix + "city") ? "" : row.text(prefix + "city");
  if (!row.is_null(prefix + "state") && !row.text(prefix + "state").empty()) {
    city += ", " + row.text(prefix + "state");
  }
  if (!row.is_null(prefix + "zip")) city += " " + row.text(prefix + "zip");
  if (!city.empty()) lines.push_back(city);
  return lines;
}

std::string joined(const std::vector<std::string>& lines) {
  std::string text;
  for (const std::string& line : lines) text += (text.empty() ? "" : ", ") + line;
  return text;
}

Result<void> add_utility(Session& session, BillDocument& document) {
  auto name = store::utility_setting(session, "name");
  RP_TRY(name);
  document.utility_name = name->value_or("Your utility");
  auto address = store::utility_setting(session, "utility_address");
  RP_TRY(address);
  std::string text = address->value_or("");
  for (std::size_t begin = 0; begin < text.size();) {
    std::size_t end = std::min(text.find('\n', begin), text.size());
    if (end > begin && document.utility_address.size() < document::kMaxUtilityAddressLines) {
      document.utility_address.push_back(text.substr(begin, end - begin));
    }
    begin = end + 1;
  }
  auto phone = store::utility_setting(session, "utility_phone");
  RP_TRY(phone);
  document.utility_phone = phone->value_or("");
  auto website = store::utility_setting(session, "utility_website");
  RP_TRY(website);
  document.utility_website = website->value_or("");
  return success();
}

// Adds the customer and addresses; returns the account's id.
Result<std::int64_t> add_account(Session& session, const AccountNumber& account,
                                 BillDocument& document) {
  auto rows = session.query_named("billing/bill_account_facts", {account.digits()});
  RP_TRY(rows);
  if (rows->empty()) return not_found("no account has number " + account.formatted());
  const Row& row = rows->at(0);
  document.customer_name = row.text("name");
  document.mailing_address = address_lines(row, "mail_");
  document.language = row.text("language");
  // The service address: the premise's columns, unprefixed (none without an agreement).
  if (!row.is_null("line1")) document.service_address = joined(address_lines(row, ""));
  return row.integer("id");
}

// A sent bill prints the mailing address it was sent to: when the address changed after the bill
// was sent ("bill.ready"), the first change's record says what it was (accounts/mailing_address.h).
Result<void> use_address_sent_to(Session& session, std::int64_t account_id, std::int64_t number,
                                 BillDocument& document) {
  auto rows = session.query_named("billing/bill_and_address_events", {account_id});
  RP_TRY(rows);
  bool sent = false;
  for (const Row& row : *rows) {
    const nlohmann::json details = nlohmann::json::parse(row.text("details"), nullptr, false);
    if (row.text("kind") == "bill.ready") {
      sent = sent || (details.is_object() && details.value("number", std::int64_t{0}) == number);
      continue;
    }
    if (!sent) continue;
    if (!details.is_object() || !details.contains("before") || !details["before"].is_object()) {
      return internal_error("a mailing address change of account " + std::to_string(account_id) +
                            " does not say the address before it");
    }
    const nlohmann::json& before = details["before"];
    auto text = [&](const char* field) {
      return before.contains(field) && before[field].is_string() ? before[field].get<std::string>()
                                                                 : std::string();
    };
    std::vector<std::string> lines;
    for (const char* field : {"line1", "line2"}) {
      if (!text(field).empty()) lines.push_back(text(field));
    }
    lines.push_back(text("city") + ", " + text("state") + " " + text("zip"));
    document.mailing_address = std::move(lines);
    return success();
  }
  return success();
}

Result<LocalDate> date_of(const std::string& text, const char* field) {
  return parse_local_date(text, field);
}

Result<void> add_sections(Session& session, const BillView& bill, BillDocument& document) {
  auto names = session.query_named("billing/rate_plan_names");
  RP_TRY(names);
  std::map<std::string, std::string> plan_names;
  for (const Row& row : *names) plan_names[row.text("code")] = row.text("name");
  for (const BillSectionView& view : bill.sections) {
    document::DocumentSection section;
    section.commodity = view.commodity;
    section.rate_plan = plan_names.count(view.rate_plan_code) ? plan_names[view.rate_plan_code]
                                                              : view.rate_plan_code;
    section.meter_serial = view.meter_serial;
    section.unit = view.unit;
    auto start = date_of(view.period_start, "period_start");
    auto last = date_of(view.period_end, "period_end");
    RP_TRY(start);
    RP_TRY(last);
    section.period_start = *start;
    section.period_end = LocalDate(date::sys_days(*last) + date::days(1));
    section.start_read = view.start_read;
    section.end_read = view.end_read;
    section.usage = view.usage;
    section.estimated = view.estimated;
    for (const MeterLegView& leg : view.meters) {
      auto from = date_of(leg.from, "meter_legs.from");
      auto to = date_of(leg.to, "meter_legs.to");
      RP_TRY(from);
      RP_TRY(to);
      section.meters.push_back(
          {leg.serial, *from, *to, leg.start_read, leg.end_read, leg.usage, leg.estimated});
    }
    for (const BillLineView& line : view.lines) {
      if (line.unit == "$") {  // a percentage of the lines above: "3%" of "$125.41"
        auto base = Money::parse(line.quantity);
        section.lines.push_back({line.description, base.ok() ? dollars_text(*base) : line.quantity,
                                 "", percent_text(line.rate), line.amount});
        continue;
      }
      section.lines.push_back({line.description, line.quantity, line.unit, line.rate, line.amount});
    }
    section.charges = view.charges;
    document.sections.push_back(std::move(section));
  }
  return success();
}

// The previous bill's amount due, and the payments and other entries since it.
Result<void> add_summary(Session& session, std::int64_t account_id, const BillView& bill,
                         BillDocument& document) {
  const std::int64_t number = *bill.summary.number;
  auto own = session.query_named("billing/bill_ledger_entry", {account_id, std::to_string(number)});
  RP_TRY(own);
  if (own->empty()) return internal_error("bill " + std::to_string(number) + " has no entry");
  const std::int64_t own_entry = own->at(0).integer("id");
  auto previous = session.query_named("billing/previous_sent_bill", {account_id, number});
  RP_TRY(previous);
  const std::int64_t previous_due =
      previous->empty() ? 0 : previous->at(0).integer("amount_due_cents");
  const std::int64_t previous_entry = previous->empty() ? 0 : previous->at(0).integer("id");
  auto paid =
      session.query_named("billing/payments_between", {account_id, previous_entry, own_entry});
  RP_TRY(paid);
  const std::int64_t payments = -paid->at(0).integer("payments_cents");
  document.previous_balance = Money::from_cents(previous_due);
  document.payments = Money::from_cents(payments);
  // What this bill asks for: the installment on budget billing, else the charges. Adjustments are
  // whatever else moved the balance since the previous bill, so the summary adds up.
  document.current_charges = bill.summary.budget_asked.value_or(bill.summary.charges);
  document.amount_due = bill.summary.amount_due;
  document.adjustments = Money::from_cents(
      document.amount_due.cents() - document.current_charges.cents() - previous_due + payments);
  if (bill.summary.budget_asked) {
    document.budget = document::BudgetSummary{*bill.summary.budget_asked, bill.summary.charges,
                                              bill.summary.budget_deferred};
  }
  return success();
}

Result<void> add_usage_history(Session& session, std::int64_t account_id, const BillView& bill,
                               BillDocument& document) {
  std::string commodity;
  for (const BillSectionView& section : bill.sections) {
    if (commodity.empty() || section.commodity == "electric") {
      commodity = section.commodity;
      document.usage_chart_unit = section.unit;
    }
  }
  if (commodity.empty()) return success();
  auto rows =
      session.query_named("billing/usage_by_bill", {bill.summary.id, account_id, commodity});
  RP_TRY(rows);
  std::map<date::year_month, document::UsageBar> months;
  for (const Row& row : *rows) {
    auto billed = date_of(row.text("bill_date"), "bill_date");
    RP_TRY(billed);
    const date::year_month month = billed->year() / billed->month();
    document::UsageBar& bar = months[month];
    bar.month = month;
    bar.usage_milli += row.integer("usage_milli");
    bar.estimated = bar.estimated || row.integer("estimated") != 0;
  }
  for (auto& [month, bar] : months) document.usage_history.push_back(bar);
  if (document.usage_history.size() > 13) {
    document.usage_history.erase(document.usage_history.begin(), document.usage_history.end() - 13);
  }
  return success();
}

}  // namespace

Result<document::BillDocument> bill_document(store::Database& database,
                                             const AccountNumber& account, std::int64_t number) {
  return database.read<BillDocument>([&](Session& session) -> Result<BillDocument> {
    auto bill = read_account_bill(session, account, number);
    RP_TRY(bill);
    BillDocument document(account);
    RP_TRY(add_utility(session, document));
    auto account_id = add_account(session, account, document);
    RP_TRY(account_id);
    RP_TRY(use_address_sent_to(session, *account_id, number, document));
    document.bill_number = number;
    auto bill_date = date_of(bill->summary.bill_date, "bill_date");
    auto due_date = date_of(bill->summary.due_date, "due_date");
    auto start = date_of(bill->summary.period_start, "period_start");
    auto last = date_of(bill->summary.period_end, "period_end");
    RP_TRY(bill_date);
    RP_TRY(due_date);
    RP_TRY(start);
    RP_TRY(last);
    document.bill_date = *bill_date;
    document.due_date = *due_date;
    document.period_start = *start;
    document.period_end = LocalDate(date::sys_days(*last) + date::days(1));
    document.estimated = bill->summary.estimated;
    document.final_bill = bill->summary.final_bill;
    RP_TRY(add_sections(session, *bill, document));
    RP_TRY(add_summary(session, *account_id, *bill, document));
    RP_TRY(add_usage_history(session, *account_id, *bill, document));
    return document;
  });
}

Result<std::string> bill_pdf(store::Database& database, const AccountNumber& account,
                             std::int64_t number) {
  auto document = bill_document(database, account, number);
  RP_TRY(document);
  return document::render_bill_pdf(*document);
}

}  // namespace rp::billing
