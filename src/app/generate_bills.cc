#include "app/generate_bills.h"

#include <vector>

#include "app/generate.h"
#include "app/random.h"
#include "billing/bill_run.h"
#include "ledger/late_fee_job.h"
#include "store/bulk_insert.h"

namespace rp::app {
namespace {

using store::Session;

const store::BulkTable kPayments{
    "ledger_entries",
    {"account_id", "kind", "amount_cents", "effective_on", "posted_at", "reference", "memo"}};

struct UnpaidBill {
  std::int64_t id = 0;
  std::int64_t account_id = 0;
  std::int64_t number = 0;
  LocalDate bill_date;
  std::int64_t amount_due_cents = 0;
};

// How the customer pays bill `bill_id`: the days after the bill date and the share paid
// (percent), or none.
struct PaymentChoice {
  int days = 0;
  int percent = 0;
};

PaymentChoice choose_payment(std::uint64_t seed, std::int64_t bill_id) {
  std::uint64_t state = seed ^ (static_cast<std::uint64_t>(bill_id) * 0x9E3779B97F4A7C15ULL);
  const std::uint64_t draw = splitmix64(state);
  const auto kind = static_cast<int>(draw % 100);
  const auto spread = static_cast<int>((draw >> 8) % 18);
  if (kind < 85) return {3 + spread, 100};
  if (kind < 93) return {22 + spread % 6, 100};
  if (kind < 97) return {10, 50};
  return {0, 0};
}

Result<std::vector<UnpaidBill>> unpaid_bills(store::Database& database, std::int64_t run_id) {
  return database.read<std::vector<UnpaidBill>>(
      [&](Session& session) -> Result<std::vector<UnpaidBill>> {
        auto rows = session.query_named("app/unpaid_bills_of_run", {run_id});
        RP_TRY(rows);
        std::vector<UnpaidBill> bills;
        for (const store::Row& row : *rows) {
          auto bill_date = parse_local_date(row.text(3), "bill_date");
          RP_TRY(bill_date);
          bills.push_back({row.integer(0), row.integer(1), row.integer(2), *bill_date,
                           row.integer(4) + row.integer(5)});
        }
        return bills;
      });
}

Result<void> pay_bills(store::Database& database, const GenerateOptions& options,
                       const UtilityZone& zone, std::int64_t run_id, BillingReport& report) {
  auto bills = unpaid_bills(database, run_id);
  RP_TRY(bills);
  std::vector<store::Params> rows;
  for (const UnpaidBill& bill : *bills) {
    if (bill.amount_due_cents <= 0) continue;
    const PaymentChoice choice = choose_payment(options.seed, bill.id);
    if (choice.percent == 0) continue;
    const LocalDate paid_on(date::sys_days(bill.bill_date) + date::days(choice.days));
    if (date::sys_days(paid_on) >= date::sys_days(options.as_of)) continue;
    const std::int64_t paid = bill.amount_due_cents * choice.percent / 100;
    const Instant at = zone.start_of_day(paid_on) + std::chrono::hours(12);
    rows.push_back({bill.account_id, std::string("payment"), -paid, format_local_date(paid_on),
                    format_instant(at), "PMT-" + std::to_string(bill.number),
                    std::string("Payment (generated)")});
    ++report.payments;
    report.payments_cents += paid;
  }
  if (rows.empty()) return success();
  return database.write_work(
      [&](Session& session) { return store::bulk_insert(session, kPayments, rows); });
}

// The daily late-fee job as the utility's scheduler would have run it, once a month here: fees
// are dated on `today`, on bills whose grace period ended before it.
Result<void> charge_late_fees(store::Database& database, LocalDate today, BillingReport& report) {
  ledger::LateFeeRunRequest request;
  request.today = today;
  request.actor = "generate";
  auto fees = ledger::assess_late_fees(database, request);
  RP_TRY(fees);
  report.late_fees += fees->charged;
  report.late_fee_cents += fees->fee_cents;
  return success();
}

}  // namespace

Result<BillingReport> generate_bills(store::Database& database, const GenerateOptions& options) {
  BillingReport report;
  if (options.usage_months == 0) return report;
  auto settings = billing::load_billing_settings(database);
  RP_TRY(settings);
  const date::year_month last = options.as_of.year() / options.as_of.month();
  const date::year_month first =
      last - date::months{static_cast<std::int64_t>(options.usage_months)} + date::months{1};
  for (date::year_month month = first; month <= last; month += date::months{1}) {
    RP_TRY(charge_late_fees(database, LocalDate{month / 1}, report));
    for (int cycle = 1; cycle <= settings->calendar.cycle_count; ++cycle) {
      const auto dates = billing::cycle_dates(settings->calendar, cycle, month);
      if (date::sys_days(dates.read_date) >= date::sys_days(options.as_of)) continue;
      billing::BillRunRequest request;
      request.cycle = cycle;
      request.read_date = dates.read_date;
      request.started_by = "generate";
      auto progress = billing::run_bills(database, request);
      RP_TRY(progress);
      ++report.runs;
      report.released += progress->released;
      report.held += progress->held;
      report.problems += progress->problems;
      report.charges_cents += progress->charges_cents;
      RP_TRY(pay_bills(database, options, settings->zone, progress->run_id, report));
    }
  }
  RP_TRY(charge_late_fees(database, options.as_of, report));
  return report;
}

}  // namespace rp::app
