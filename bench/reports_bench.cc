// The office's reports (reports/reports.h) over a utility of ACCOUNTS accounts (default 100,000)
// with a year of bills and payments, in-process on a real database (SQLite file, or the
// PostgreSQL server named by the first argument; it must be empty, or hold what an earlier run of
// this benchmark wrote, which is then measured again without preparing anything). Goal (issue: the
// staff console): each report answers in 2 s or less over 100,000 accounts.
//
// The data: the first 2,000 accounts are generated with three months of usage, billed and paid
// by the real bill runs (so holds, exceptions, runs and portal logins exist). The rest are
// generated without usage, then given twelve earlier months of released bills (one section
// each, on the account's first service agreement), bill runs per cycle and month, ledger entries,
// and payments by every channel, written in bulk by SQL. One account in eight left its last four
// bills unpaid, so the aging has every bucket. Then each report over the last 365 days, five
// times after one warm-up: the median and the slowest.
// usage: reports_bench [DATABASE_URL] [ACCOUNTS]   Prints JSON.

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <iostream>
#include <string>
#include <vector>

#include "app/generate.h"
#include "bench_database.h"
#include "bench_support.h"
#include "billing/bill_cycle.h"
#include "billing/bill_run.h"
#include "reports/reports.h"
#include "store/database.h"
#include "store/migrations.h"

using namespace rp;
using bench::execute;
using bench::fail;
using bench::scalar;

namespace {

LocalDate plus_days(LocalDate day, int days) {
  return LocalDate{date::sys_days(day) + date::days{days}};
}

// Twelve months of bill runs for every cycle, ending four months before `today`'s month, and
// their bills, sections, ledger entries and payments for accounts after `first_account_id`.
void write_history(store::Database& db, LocalDate today, std::int64_t first_account_id) {
  auto settings = billing::load_billing_settings(db);
  if (!settings.ok()) fail("settings", settings.error().message);
  execute(db,
          "CREATE TABLE bench_runs (run_id BIGINT, cycle INTEGER, month_index INTEGER, "
          "period_start TEXT, period_end TEXT, bill_date TEXT, due_date TEXT, paid_on TEXT)");
  const date::year_month this_month = today.year() / today.month();
  for (int k = 0; k < 12; ++k) {
    const date::year_month month = this_month - date::months{15 - k};
    for (int cycle = 1; cycle <= settings->calendar.cycle_count; ++cycle) {
      const auto dates = billing::cycle_dates(settings->calendar, cycle, month);
      const auto period = billing::cycle_period(settings->calendar, cycle, month);
      const std::string read = format_local_date(dates.read_date);
      const std::string bill = format_local_date(dates.bill_date);
      auto id = db.write<std::int64_t>([&](store::Session& s) -> Result<std::int64_t> {
        auto rows = s.query(
            "INSERT INTO bill_runs (cycle, read_date, bill_date, status, accounts, started_at, "
            "started_by, finished_at) VALUES (:cycle, :read, :bill, 'done', 0, :at, 'bench', "
            ":at_again) RETURNING id",
            {std::int64_t{cycle}, read, bill, read + "T12:00:00Z", read + "T13:00:00Z"});
        if (!rows.ok()) return rows.error();
        return rows->at(0).integer("id");
      });
      if (!id.ok()) fail("bill run", id.error().message);
      execute(db, "INSERT INTO bench_runs VALUES (:a, :b, :c, :d, :e, :f, :g, :h)",
              {*id, std::int64_t{cycle}, std::int64_t{k}, format_local_date(period.start),
               format_local_date(period.end), bill,
               format_local_date(plus_days(dates.bill_date, settings->due_days)),
               format_local_date(plus_days(dates.bill_date, 12))});
    }
  }
  const std::string at = format_instant(now());
  execute(db,
          "INSERT INTO bills (account_id, bill_run_id, number, status, period_start, period_end, "
          "bill_date, due_date, previous_balance_cents, charges_cents, created_at, released_at) "
          "SELECT a.id, r.run_id, 50000000 + a.id * 16 + r.month_index, 'released', "
          "r.period_start, r.period_end, r.bill_date, r.due_date, 0, "
          "5000 + (a.id * 37 + r.month_index * 101) % 15000, :at, :at_again "
          "FROM accounts a JOIN bench_runs r ON r.cycle = a.bill_cycle WHERE a.id >= :first",
          {at, at, first_account_id});
  execute(db,
          "INSERT INTO bill_sections (bill_id, service_agreement_id, commodity, rate_plan_code, "
          "period_start, period_end, unit, usage_milli, charges_cents) "
          "SELECT b.id, sa.id, rp.commodity, rp.code, b.period_start, b.period_end, 'kWh', "
          "500000, b.charges_cents FROM bills b "
          "JOIN service_agreements sa ON sa.id = (SELECT MIN(x.id) FROM service_agreements x "
          "WHERE x.account_id = b.account_id) "
          "JOIN rate_plans rp ON rp.id = sa.rate_plan_id WHERE b.number >= 50000000");
  execute(db,
          "INSERT INTO ledger_entries (account_id, kind, amount_cents, effective_on, posted_at, "
          "reference, memo) SELECT account_id, 'bill', charges_cents, bill_date, :at, "
          "CAST(number AS TEXT), 'Bill' FROM bills WHERE number >= 50000000",
          {at});
  execute(db,
          "INSERT INTO payments (account_id, confirmation, amount_cents, status, channel, method, "
          "method_label, idempotency_key, request_fingerprint, effective_on, created_at, "
          "updated_at, taken_by) "
          "SELECT b.account_id, 'B' || CAST(b.number AS TEXT), "
          "CASE WHEN b.account_id % 13 = 0 THEN b.charges_cents / 2 ELSE b.charges_cents END, "
          "'posted', "
          "CASE b.account_id % 5 WHEN 0 THEN 'web' WHEN 1 THEN 'autopay' WHEN 2 THEN 'phone' "
          "WHEN 3 THEN 'cashier' ELSE 'lockbox' END, "
          "CASE b.account_id % 5 WHEN 1 THEN 'bank' WHEN 3 THEN 'cash' WHEN 4 THEN 'check' "
          "ELSE 'card' END, 'Bench', 'bench:' || CAST(b.number AS TEXT), 'bench', r.paid_on, "
          ":at, :at_again, CASE WHEN b.account_id % 5 = 3 THEN 'staff:1' ELSE NULL END "
          "FROM bills b JOIN bench_runs r ON r.run_id = b.bill_run_id "
          "WHERE b.number >= 50000000 AND NOT (b.account_id % 8 = 0 AND r.month_index >= 8)",
          {at, at});
  execute(db,
          "INSERT INTO ledger_entries (account_id, kind, amount_cents, effective_on, posted_at, "
          "reference, memo) SELECT account_id, 'payment', -amount_cents, effective_on, :at, "
          "confirmation, 'Payment' FROM payments WHERE request_fingerprint = 'bench'",
          {at});
  execute(db,
          "UPDATE bill_runs SET accounts = (SELECT COUNT(*) FROM bills b WHERE b.bill_run_id = "
          "bill_runs.id) WHERE started_by = 'bench'");
  execute(db, "DROP TABLE bench_runs");
}

}  // namespace

int main(int argc, char** argv) {
  const std::size_t accounts = argc > 2 ? std::stoul(argv[2]) : 100000;
  const auto database = bench::open_bench_database(argc > 1 ? argv[1] : "", "rp-reports-bench");
  store::Database& db = *database;
  auto zone = UtilityZone::find("America/Los_Angeles");
  if (!zone.ok()) fail("zone", zone.error().message);
  const LocalDate today = zone->local_date(now());

  const auto generating = std::chrono::steady_clock::now();
  // A database this benchmark already filled is measured again as it is.
  const bool prepared = scalar(db, "SELECT COUNT(*) FROM bill_runs WHERE started_by = 'bench'") > 0;
  if (!prepared) {
    app::GenerateOptions billed;
    billed.accounts = std::min<std::size_t>(2000, accounts);
    billed.usage_months = 3;
    billed.as_of = today;
    if (auto made = app::generate_utility(db, billed); !made.ok())
      fail("generate", made.error().message);
    const std::int64_t first_bulk = scalar(db, "SELECT COALESCE(MAX(id), 0) + 1 FROM accounts");
    if (accounts > billed.accounts) {
      app::GenerateOptions rest;
      rest.accounts = accounts - billed.accounts;
      rest.seed = 2;
      rest.as_of = today;
      if (auto made = app::generate_utility(db, rest); !made.ok())
        fail("generate", made.error().message);
    }
    write_history(db, today, first_bulk);
    // PostgreSQL plans from statistics its autovacuum would gather after a load this size.
    if (db.engine() == store::Engine::postgresql) execute(db, "ANALYZE");
  }
  const double prepare_s =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - generating).count();

  const LocalDate from = LocalDate{date::sys_days(today) - date::days{365}};
  std::cout << "{\"database\": \"" << store::engine_name(db.engine())
            << "\", \"accounts\": " << scalar(db, "SELECT COUNT(*) FROM accounts")
            << ", \"bills\": " << scalar(db, "SELECT COUNT(*) FROM bills")
            << ", \"payments\": " << scalar(db, "SELECT COUNT(*) FROM payments")
            << ", \"ledger_entries\": " << scalar(db, "SELECT COUNT(*) FROM ledger_entries")
            << ", \"prepare_s\": " << prepare_s << ", \"from\": \"" << format_local_date(from)
            << "\", \"to\": \"" << format_local_date(today) << "\", \"reports\": {";
  bool first = true;
  for (const reports::ReportInfo& info : reports::report_catalog()) {
    std::vector<double> ms;
    std::size_t rows = 0;
    for (int attempt = 0; attempt < 6; ++attempt) {
      const auto started = std::chrono::steady_clock::now();
      auto table = reports::run_report(db, {info.name, from, today});
      const double took =
          std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started)
              .count();
      if (!table.ok()) fail(info.name, table.error().message);
      rows = table->rows.size();
      if (attempt > 0) ms.push_back(took);  // the first warms the caches
    }
    std::sort(ms.begin(), ms.end());
    std::cout << (first ? "" : ", ") << "\"" << info.name << "\": {\"rows\": " << rows
              << ", \"median_ms\": " << ms[ms.size() / 2] << ", \"max_ms\": " << ms.back() << "}";
    first = false;
  }
  std::cout << "}}\n";
  return 0;
}
