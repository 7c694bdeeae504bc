// A college town in May: many customers move out on the same day, each move-out completed and
// final-billed at once. In-process on a real database (SQLite file, or the PostgreSQL server named
// by the first argument; it must be empty): ACCOUNTS accounts (default 10,000) generated with two
// months of usage and their bills, "today" the utility's today. Then every account with service
// asks to stop today (a staff order needing no visit: the meters' data or an estimate give the
// final read), and the orders are completed by WORKERS threads at once (default 4, as technicians
// and the head-end would): each completion ends the services, makes the off-cycle final bill
// through the bill checks and writes it, in one transaction.
// Prints the time to create the orders and to complete them all, completions a second, p50 and
// p99 of one completion, and how the final bills came out (released, held, problems).
// Goal (issue: service orders): 10,000 move-outs completed and final-billed in 60 s or less.
// usage: move_out_bench [DATABASE_URL] [ACCOUNTS] [WORKERS]   Prints JSON.

#include <algorithm>
#include <atomic>
#include <chrono>
#include <filesystem>
#include <iostream>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "app/generate.h"
#include "bench_database.h"
#include "bench_support.h"
#include "orders/orders.h"
#include "store/bulk_insert.h"
#include "store/database.h"
#include "store/migrations.h"
#include "store/utility_settings.h"

using namespace rp;
using bench::fail;

namespace {

double percentile(std::vector<double> values, double p) {
  if (values.empty()) return 0;
  std::sort(values.begin(), values.end());
  auto at = static_cast<std::size_t>(p * static_cast<double>(values.size() - 1) + 0.5);
  return values[at];
}

double seconds_since(std::chrono::steady_clock::time_point started) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
}

}  // namespace

int main(int argc, char** argv) {
  const std::size_t accounts = argc > 2 ? std::stoul(argv[2]) : 10000;
  const std::size_t workers = argc > 3 ? std::stoul(argv[3]) : 4;
  const auto database = bench::open_bench_database(argc > 1 ? argv[1] : "", "rp-move-out-bench");
  store::Database& db = *database;

  const auto preparing = std::chrono::steady_clock::now();
  app::GenerateOptions options;
  options.accounts = accounts;
  options.usage_months = 2;
  auto today = app::parse_as_of("today", options.time_zone);
  if (!today.ok()) fail("today", today.error().message);
  options.as_of = *today;
  if (auto made = app::generate_utility(db, options); !made.ok())
    fail("generate", made.error().message);
  (void)db.write<void>(
      [](store::Session& s) -> Result<void> { return store::refresh_statistics(s); });
  const double prepare_s = seconds_since(preparing);
  auto rows = db.read<store::Rows>([](store::Session& s) {
    return s.query(
        "SELECT DISTINCT a.number FROM accounts a JOIN service_agreements sa ON sa.account_id = "
        "a.id WHERE sa.end_date IS NULL AND a.status = 'active' ORDER BY a.number");
  });
  if (!rows.ok()) fail("accounts", rows.error().message);
  std::vector<AccountNumber> movers;
  for (const auto& row : *rows) movers.push_back(*AccountNumber::parse(row.text(std::size_t{0})));
  // What the utility's clock says now: a stop's last day must not be after it to complete.
  auto zone = db.read<UtilityZone>([](store::Session& s) { return store::utility_zone(s); });
  if (!zone.ok()) fail("zone", zone.error().message);
  const std::string last_day = format_local_date(zone->local_date(now()));

  // Every mover asks to stop today.
  const auto creating = std::chrono::steady_clock::now();
  std::vector<std::int64_t> order_ids(movers.size());
  for (std::size_t i = 0; i < movers.size(); ++i) {
    orders::NewOrder order;
    order.kind = orders::OrderKind::stop_service;
    order.needs_visit = false;
    order.service_date = last_day;
    auto created = orders::create_order(db, movers[i], order, "move-out", "staff:1");
    if (!created.ok()) fail("create " + movers[i].digits(), created.error().message);
    order_ids[i] = created->id;
  }
  const double create_s = seconds_since(creating);

  // And the orders are completed by several workers at once.
  std::atomic<std::size_t> next{0};
  std::mutex timings_mutex;
  std::vector<double> timings;
  std::atomic<int> failures{0};
  std::string first_failure;
  const auto completing = std::chrono::steady_clock::now();
  std::vector<std::thread> threads;
  for (std::size_t w = 0; w < workers; ++w) {
    threads.emplace_back([&]() {
      std::vector<double> mine;
      for (std::size_t i = next++; i < movers.size(); i = next++) {
        orders::MoveRequest complete;
        complete.action = orders::OrderAction::complete;
        const auto started = std::chrono::steady_clock::now();
        auto done = orders::move_order(db, movers[i], order_ids[i], complete, "system:bench");
        mine.push_back(seconds_since(started) * 1000.0);
        if (!done.ok() && failures++ == 0) {
          std::lock_guard lock(timings_mutex);
          first_failure = movers[i].digits() + ": " + done.error().message;
        }
      }
      std::lock_guard lock(timings_mutex);
      timings.insert(timings.end(), mine.begin(), mine.end());
    });
  }
  for (std::thread& thread : threads) thread.join();
  const double complete_s = seconds_since(completing);
  if (failures > 0) fail("complete", std::to_string(failures.load()) + " failed; " + first_failure);

  const std::string final_bills =
      "FROM service_orders o JOIN bills b ON b.id = o.final_bill_id WHERE o.kind = 'stop_service'";
  const std::int64_t released =
      bench::scalar(db, "SELECT COUNT(*) " + final_bills + " AND b.status = 'released'");
  const std::int64_t held =
      bench::scalar(db, "SELECT COUNT(*) " + final_bills + " AND b.status = 'held'");
  const std::int64_t waiting =
      bench::scalar(db,
                    "SELECT COUNT(*) FROM service_orders WHERE kind = 'stop_service' AND status = "
                    "'completed' AND final_bill_id IS NULL");
  std::cout << "{\"database\": \""
            << (db.engine() == store::Engine::sqlite ? "sqlite" : "postgresql")
            << "\", \"accounts\": " << accounts << ", \"move_outs\": " << movers.size()
            << ", \"workers\": " << workers << ", \"prepare_s\": " << prepare_s
            << ", \"create_orders_s\": " << create_s
            << ", \"complete_and_final_bill_s\": " << complete_s
            << ", \"completions_per_s\": " << static_cast<double>(movers.size()) / complete_s
            << ", \"completion_p50_ms\": " << percentile(timings, 0.5)
            << ", \"completion_p99_ms\": " << percentile(timings, 0.99)
            << ", \"final_bills_released\": " << released << ", \"final_bills_held\": " << held
            << ", \"final_bills_waiting\": " << waiting << ", \"goal\": \"10,000 in 60 s or less\"}"
            << std::endl;
  return 0;
}
