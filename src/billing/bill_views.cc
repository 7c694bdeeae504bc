#include "billing/bill_views.h"

#include <algorithm>
#include <map>

#include <nlohmann/json.hpp>

#include "billing/bill_checks.h"
#include "billing/line_explanation.h"
#include "core/decimal.h"
#include "core/time.h"

namespace rp::billing {
namespace {

using store::Row;
using store::Session;

constexpr std::size_t kMostPerPage = 100;

Result<void> check_page(const BillPage& page) {
  if (page.limit < 1 || page.limit > kMostPerPage) {
    return invalid_input("limit", "limit must be from 1 to " + std::to_string(kMostPerPage) +
                                      ", got " + std::to_string(page.limit));
  }
  return success();
}

Result<void> check_filter(const HoldQueueFilter& filter) {
  if (!filter.reason.empty()) {
    const auto names = hold_reason_names();
    if (std::find(names.begin(), names.end(), filter.reason) == names.end()) {
      std::string known;
      for (auto name : names) known += (known.empty() ? "" : ", ") + std::string(name);
      return invalid_input("rule",
                           "rule must be one of " + known + ", got '" + filter.reason + "'");
    }
  }
  if (filter.cycle < 0 || filter.cycle > 20) {
    return invalid_input("cycle", "cycle must be a bill cycle's number from 1 to 20, got " +
                                      std::to_string(filter.cycle));
  }
  if (filter.min_charges && filter.max_charges && *filter.min_charges > *filter.max_charges) {
    return invalid_input("min_amount", "min_amount " + filter.min_charges->to_string() +
                                           " is more than max_amount " +
                                           filter.max_charges->to_string());
  }
  return success();
}

// Stored period ends are the first day not billed; people read the last day billed.
std::string last_day(const std::string& exclusive_end) {
  auto end = parse_local_date(exclusive_end, "period_end");
  if (!end.ok()) return exclusive_end;
  return format_local_date(LocalDate(date::sys_days(*end) - date::days(1)));
}

std::int32_t days_between(const std::string& start, const std::string& exclusive_end) {
  auto first = parse_local_date(start, "period_start");
  auto end = parse_local_date(exclusive_end, "period_end");
  if (!first.ok() || !end.ok()) return 0;
  return static_cast<std::int32_t>((date::sys_days(*end) - date::sys_days(*first)).count());
}

std::optional<std::int64_t> optional_integer(const Row& row, std::string_view column) {
  if (row.is_null(column)) return std::nullopt;
  return row.integer(column);
}

// The columns of every summary query (billing/sql/account_bills.sql and friends).
BillSummary summary_of(const Row& row) {
  BillSummary bill;
  bill.id = row.integer("id");
  bill.number = optional_integer(row, "number");
  bill.status = row.text("status");
  bill.period_start = row.text("period_start");
  bill.period_end = last_day(row.text("period_end"));
  bill.period_days = days_between(row.text("period_start"), row.text("period_end"));
  bill.bill_date = row.text("bill_date");
  bill.due_date = row.text("due_date");
  bill.previous_balance = Money::from_cents(row.integer("previous_balance_cents"));
  bill.charges = Money::from_cents(row.integer("charges_cents"));
  if (!row.is_null("budget_asked_cents")) {
    bill.budget_asked = Money::from_cents(row.integer("budget_asked_cents"));
  }
  bill.budget_deferred = Money::from_cents(row.integer("budget_deferred_cents"));
  if (!row.is_null("arrangement_installment_cents")) {
    bill.arrangement_installment = Money::from_cents(row.integer("arrangement_installment_cents"));
  }
  bill.arrangement_deferred = Money::from_cents(row.integer("arrangement_deferred_cents"));
  bill.amount_due =
      bill.previous_balance + bill.charges - bill.budget_deferred - bill.arrangement_deferred;
  bill.estimated = row.integer("estimated") != 0;
  bill.final_bill = row.integer("final") != 0;
  bill.replaces_bill_id = optional_integer(row, "replaces_bill_id");
  bill.replaces_bill_number = optional_integer(row, "replaces_bill_number");
  bill.run_id = optional_integer(row, "bill_run_id");
  bill.account_number = row.text("account_number");
  bill.cancel_reason = row.is_null("cancel_reason") ? "" : row.text("cancel_reason");
  return bill;
}

// The meter_legs column (bill_run_write.cc); empty for NULL or text that does not read.
std::vector<MeterLegView> meter_legs_of(const Row& row) {
  std::vector<MeterLegView> legs;
  if (row.is_null("meter_legs")) return legs;
  const auto parsed = nlohmann::json::parse(row.text("meter_legs"), nullptr, false);
  if (!parsed.is_array()) return legs;
  auto read_of = [](const nlohmann::json& leg, const char* key) -> std::optional<std::string> {
    if (!leg.contains(key) || !leg[key].is_number_integer()) return std::nullopt;
    return milli_text(leg[key].get<std::int64_t>());
  };
  for (const nlohmann::json& leg : parsed) {
    if (!leg.is_object()) continue;
    MeterLegView view;
    view.serial = leg.value("serial", std::string());
    view.from = leg.value("from", std::string());
    view.to = leg.value("to", std::string());
    view.start_read = read_of(leg, "start_read_milli");
    view.end_read = read_of(leg, "end_read_milli");
    view.usage = milli_text(leg.value("usage_milli", std::int64_t{0}));
    view.estimated = leg.value("estimated", false);
    legs.push_back(std::move(view));
  }
  return legs;
}

BillSectionView section_of(const Row& row) {
  BillSectionView section;
  section.agreement_id = row.integer("service_agreement_id");
  section.commodity = row.text("commodity");
  section.rate_plan_code = row.text("rate_plan_code");
  section.period_start = row.text("period_start");
  section.period_end = last_day(row.text("period_end"));
  section.meter_serial = row.is_null("meter_serial") ? "" : row.text("meter_serial");
  section.unit = row.text("unit");
  section.usage = milli_text(row.integer("usage_milli"));
  section.peak_demand_kw = milli_text(row.integer("peak_demand_milli"));
  if (!row.is_null("start_read_milli")) {
    section.start_read = milli_text(row.integer("start_read_milli"));
  }
  if (!row.is_null("end_read_milli")) section.end_read = milli_text(row.integer("end_read_milli"));
  section.estimated = row.integer("estimated") != 0;
  section.final_service = row.integer("final") != 0;
  section.charges = Money::from_cents(row.integer("charges_cents"));
  section.rate_plan_name = row.text("rate_plan_name");
  section.meters = meter_legs_of(row);
  return section;
}

BillHoldView hold_of(const Row& row) {
  BillHoldView hold;
  hold.id = row.integer("id");
  hold.agreement_id = optional_integer(row, "service_agreement_id");
  hold.reason = row.text("reason");
  hold.evidence = row.text("evidence");
  hold.status = row.text("status");
  hold.created_at = row.text("created_at");
  hold.resolved_at = row.is_null("resolved_at") ? "" : row.text("resolved_at");
  hold.resolved_by = row.is_null("resolved_by") ? "" : row.text("resolved_by");
  hold.resolution_note = row.is_null("resolution_note") ? "" : row.text("resolution_note");
  return hold;
}

// Adds the bill's sections with their lines, and its holds.
Result<BillView> complete(Session& session, BillSummary summary) {
  BillView view{std::move(summary), {}, {}};
  auto sections = session.query_named("billing/sections_of_bill", {view.summary.id});
  RP_TRY(sections);
  std::map<std::int64_t, std::size_t> index;
  for (const Row& row : *sections) {
    index[row.integer("id")] = view.sections.size();
    view.sections.push_back(section_of(row));
  }
  auto lines = session.query_named("billing/lines_of_bill", {view.summary.id});
  RP_TRY(lines);
  for (const Row& row : *lines) {
    BillLineView line{row.text("kind"),
                      row.text("description"),
                      row.text("quantity"),
                      row.text("unit"),
                      row.text("rate"),
                      Money::from_cents(row.integer("amount_cents")),
                      ""};
    line.explanation = explain_line(line.quantity, line.unit, line.rate, line.amount);
    view.sections[index.at(row.integer("bill_section_id"))].lines.push_back(std::move(line));
  }
  auto holds = session.query_named("billing/holds_of_bill", {view.summary.id});
  RP_TRY(holds);
  for (const Row& row : *holds) view.holds.push_back(hold_of(row));
  return view;
}

Result<BillView> one_bill(Session& session, std::string_view query, const store::Params& params,
                          const std::string& missing) {
  auto rows = session.query_named(query, params);
  RP_TRY(rows);
  if (rows->empty()) return not_found(missing);
  return complete(session, summary_of(rows->at(0)));
}

}  // namespace

std::string milli_text(std::int64_t milli) {
  return Decimal::from_raw(milli * (Decimal::kScale / 1000)).to_string();
}

Result<std::vector<BillSummary>> account_bills(store::Database& database,
                                               const AccountNumber& account, const BillPage& page) {
  RP_TRY(check_page(page));
  const std::int64_t before = page.cursor > 0 ? page.cursor : INT64_MAX;
  return database.read<std::vector<BillSummary>>(
      [&](Session& session) -> Result<std::vector<BillSummary>> {
        auto rows =
            session.query_named("billing/account_bills",
                                {account.digits(), before, static_cast<std::int64_t>(page.limit)});
        RP_TRY(rows);
        std::vector<BillSummary> bills;
        for (const Row& row : *rows) bills.push_back(summary_of(row));
        return bills;
      });
}

Result<std::vector<Money>> recent_amounts_due(Session& session, const AccountNumber& account,
                                              std::size_t count) {
  auto rows = session.query_named(
      "billing/account_bills",
      {account.digits(), INT64_MAX, static_cast<std::int64_t>(count * 2)});  // some cancelled
  RP_TRY(rows);
  std::vector<Money> amounts;
  for (const Row& row : *rows) {
    const BillSummary bill = summary_of(row);
    if (bill.status == "released" && amounts.size() < count) amounts.push_back(bill.amount_due);
  }
  return amounts;
}

Result<BillView> read_account_bill(Session& session, const AccountNumber& account,
                                   std::int64_t number) {
  return one_bill(
      session, "billing/account_bill_by_number", {account.digits(), number},
      "account " + account.formatted() + " has no bill number " + std::to_string(number));
}

Result<BillView> account_bill(store::Database& database, const AccountNumber& account,
                              std::int64_t number) {
  return database.read<BillView>(
      [&](Session& session) { return read_account_bill(session, account, number); });
}

Result<BillView> bill_by_id(store::Database& database, std::int64_t bill_id) {
  return database.read<BillView>([&](Session& session) {
    return one_bill(session, "billing/bill_by_id", {bill_id},
                    "bill " + std::to_string(bill_id) + " does not exist");
  });
}

Result<std::vector<BillView>> held_bills(store::Database& database, const BillPage& page,
                                         const HoldQueueFilter& filter) {
  RP_TRY(check_page(page));
  RP_TRY(check_filter(filter));
  const std::string billed_by =
      filter.billed_by ? format_local_date(*filter.billed_by) : std::string();
  const std::int64_t least = filter.min_charges ? filter.min_charges->cents() : INT64_MIN;
  const std::int64_t most = filter.max_charges ? filter.max_charges->cents() : INT64_MAX;
  return database.read<std::vector<BillView>>(
      [&](Session& session) -> Result<std::vector<BillView>> {
        auto rows =
            session.query_named("billing/held_bills",
                                {page.cursor, filter.reason, filter.reason,
                                 std::int64_t{filter.cycle}, std::int64_t{filter.cycle}, billed_by,
                                 billed_by, least, most, static_cast<std::int64_t>(page.limit)});
        RP_TRY(rows);
        std::vector<BillView> bills;
        for (const Row& row : *rows) {
          BillSummary summary = summary_of(row);
          if (!row.is_null("cycle"))
            summary.cycle = static_cast<std::int32_t>(row.integer("cycle"));
          auto view = complete(session, std::move(summary));
          RP_TRY(view);
          bills.push_back(std::move(*view));
        }
        return bills;
      });
}

}  // namespace rp::billing
