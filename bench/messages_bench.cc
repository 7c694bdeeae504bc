// Messaging pages at scale, in-process on a real database (SQLite file, or the PostgreSQL server
// named by the first argument; it must be empty): ACCOUNTS accounts (default 100,000, generated
// without usage) and THREADS message threads (default 100,000) spread over them, each with three
// messages (the customer's, an answer, the customer's thanks) in a mix of statuses, a fifth
// assigned among 20 staff. Then, one at a time after a warm-up, 500 of each: an account's list of
// threads, a customer's thread, the staff inbox's first page of each view, an inbox page 20 pages
// deep (by its cursor), and a staff thread with notes: p50, p99 and the most, in milliseconds.
// Goal (issue: notifications and messaging): list and thread pages p99 at most 20 ms at 100,000
// threads.
// usage: messages_bench [DATABASE_URL] [ACCOUNTS] [THREADS]   Prints JSON.

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <functional>
#include <iostream>
#include <map>
#include <random>
#include <string>
#include <vector>

#include "app/generate.h"
#include "bench_database.h"
#include "bench_support.h"
#include "core/account_number.h"
#include "messaging/inbox.h"
#include "messaging/threads.h"
#include "store/bulk_insert.h"
#include "store/database.h"
#include "store/migrations.h"

using namespace rp;
using bench::fail;

namespace {

double percentile(std::vector<double> values, double p) {
  std::sort(values.begin(), values.end());
  auto at = static_cast<std::size_t>(p * static_cast<double>(values.size() - 1) + 0.5);
  return values[at];
}

std::string at_minute(std::int64_t minute) {
  const auto instant = std::chrono::sys_seconds{std::chrono::seconds{1'780'000'000 + minute * 60}};
  return format_instant(Instant{instant.time_since_epoch()});
}

void add_threads(store::Database& db, std::size_t threads, const std::vector<std::int64_t>& ids) {
  static const store::BulkTable kThreads{
      "message_threads",
      {"id", "account_id", "topic", "subject", "status", "assigned_to", "opened_by", "opened_at",
       "last_message_at", "first_reply_at"}};
  static const store::BulkTable kMessages{
      "messages", {"id", "thread_id", "from_utility", "internal", "actor", "body", "created_at"}};
  static const char* kTopics[] = {"bill", "payment", "usage", "service", "other"};
  static const char* kStatuses[] = {"open", "waiting", "closed", "closed", "closed"};
  std::mt19937_64 random(11);
  const std::size_t chunk = 10'000;
  std::int64_t message_id = 1;
  for (std::size_t first = 0; first < threads; first += chunk) {
    std::vector<store::Params> thread_rows;
    std::vector<store::Params> message_rows;
    for (std::size_t n = first; n < std::min(threads, first + chunk); ++n) {
      const auto id = static_cast<std::int64_t>(n + 1);
      const std::int64_t account = ids[random() % ids.size()];
      const std::string status = kStatuses[random() % 5];
      const std::int64_t opened = static_cast<std::int64_t>(n) * 3;  // a thread every 3 minutes
      const bool assigned = random() % 5 == 0;
      store::Value assignee = store::Null{};
      if (assigned) assignee = "staff:" + std::to_string(1 + random() % 20);
      thread_rows.push_back({id, account, std::string(kTopics[random() % 5]),
                             std::string("Question about my account ") + std::to_string(id), status,
                             assignee, "customer:" + std::to_string(account), at_minute(opened),
                             at_minute(opened + 90), at_minute(opened + 45)});
      message_rows.push_back({message_id++, id, std::int64_t{0}, std::int64_t{0},
                              "customer:" + std::to_string(account),
                              std::string("My bill went up this month; is the meter read right?"),
                              at_minute(opened)});
      message_rows.push_back(
          {message_id++, id, std::int64_t{1}, std::int64_t{0}, std::string("staff:1"),
           std::string("The read is right: the period had 33 days."), at_minute(opened + 45)});
      message_rows.push_back({message_id++, id, std::int64_t{0}, std::int64_t{0},
                              "customer:" + std::to_string(account), std::string("Thanks."),
                              at_minute(opened + 90)});
    }
    auto written = db.write_bulk_work([&](store::Session& session) -> Result<void> {
      RP_TRY(store::bulk_insert(session, kThreads, thread_rows));
      RP_TRY(store::bulk_insert(session, kMessages, message_rows));
      return success();
    });
    if (!written.ok()) fail("threads", written.error().message);
  }
}

}  // namespace

int main(int argc, char** argv) {
  const std::size_t accounts = argc > 2 ? std::stoul(argv[2]) : 100000;
  const std::size_t threads = argc > 3 ? std::stoul(argv[3]) : 100000;
  const auto database = bench::open_bench_database(argc > 1 ? argv[1] : "", "rp-messages-bench");
  store::Database& db = *database;

  const auto preparing = std::chrono::steady_clock::now();
  app::GenerateOptions options;
  options.accounts = accounts;
  if (auto made = app::generate_utility(db, options); !made.ok())
    fail("generate", made.error().message);
  std::vector<std::int64_t> ids;
  std::vector<std::string> numbers;
  auto rows = db.read<store::Rows>(
      [](store::Session& s) { return s.query("SELECT id, number FROM accounts ORDER BY id"); });
  if (!rows.ok()) fail("accounts", rows.error().message);
  for (const auto& row : *rows) {
    ids.push_back(row.integer(std::size_t{0}));
    numbers.push_back(row.text(std::size_t{1}));
  }
  add_threads(db, threads, ids);
  (void)db.write<void>(
      [](store::Session& s) -> Result<void> { return store::refresh_statistics(s); });
  const double prepare_s =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - preparing).count();

  // Accounts that have threads, and a cursor 20 pages into each inbox view.
  auto with_threads = db.read<store::Rows>([](store::Session& s) {
    return s.query(
        "SELECT DISTINCT a.number, t.id FROM message_threads t JOIN accounts a ON a.id = "
        "t.account_id WHERE t.id % 97 = 0");
  });
  if (!with_threads.ok() || with_threads->empty()) fail("sample", "no threads");
  std::mt19937_64 random(5);
  auto sample = [&]() -> const store::Row& {
    return with_threads->at(random() % with_threads->size());
  };
  std::map<messaging::InboxView, std::string> deep;
  for (auto view : {messaging::InboxView::unassigned, messaging::InboxView::waiting,
                    messaging::InboxView::closed}) {
    std::string cursor;
    for (int page = 0; page < 20; ++page) {
      auto next = messaging::inbox(db, view, "staff:3", cursor, 20);
      if (!next.ok()) fail("inbox", next.error().message);
      if (next->next_cursor.empty()) break;
      cursor = next->next_cursor;
    }
    deep[view] = cursor;
  }

  using Call = std::function<bool()>;
  std::vector<std::pair<std::string, Call>> kinds{
      {"account_thread_list",
       [&] {
         auto number = AccountNumber::parse(sample().text(std::size_t{0}));
         return messaging::account_threads(db, *number, "", 20).ok();
       }},
      {"account_thread",
       [&] {
         const auto& row = sample();
         auto number = AccountNumber::parse(row.text(std::size_t{0}));
         return messaging::account_thread(db, *number, row.integer(std::size_t{1})).ok();
       }},
      {"inbox_unassigned",
       [&] {
         return messaging::inbox(db, messaging::InboxView::unassigned, "staff:3", "", 20).ok();
       }},
      {"inbox_mine",
       [&] { return messaging::inbox(db, messaging::InboxView::mine, "staff:3", "", 20).ok(); }},
      {"inbox_waiting",
       [&] { return messaging::inbox(db, messaging::InboxView::waiting, "staff:3", "", 20).ok(); }},
      {"inbox_closed",
       [&] { return messaging::inbox(db, messaging::InboxView::closed, "staff:3", "", 20).ok(); }},
      {"inbox_closed_page_21",
       [&] {
         return messaging::inbox(db, messaging::InboxView::closed, "staff:3",
                                 deep[messaging::InboxView::closed], 20)
             .ok();
       }},
      {"staff_thread",
       [&] { return messaging::staff_thread(db, sample().integer(std::size_t{1})).ok(); }},
  };
  std::cout << "{\"accounts\": " << accounts << ", \"threads\": " << threads
            << ", \"messages\": " << threads * 3 << ", \"prepare_seconds\": " << prepare_s
            << ", \"pages\": {";
  bool first = true;
  std::vector<double> all;
  for (auto& [name, call] : kinds) {
    for (int i = 0; i < 50; ++i) call();  // warm-up
    std::vector<double> ms;
    for (int i = 0; i < 500; ++i) {
      const auto started = std::chrono::steady_clock::now();
      if (!call()) fail(name, "a page failed");
      ms.push_back(
          std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started)
              .count());
    }
    all.insert(all.end(), ms.begin(), ms.end());
    std::cout << (first ? "" : ", ") << "\"" << name << "\": {\"p50_ms\": " << percentile(ms, 0.5)
              << ", \"p99_ms\": " << percentile(ms, 0.99)
              << ", \"max_ms\": " << *std::max_element(ms.begin(), ms.end()) << "}";
    first = false;
  }
  std::cout << "}, \"all\": {\"p50_ms\": " << percentile(all, 0.5)
            << ", \"p99_ms\": " << percentile(all, 0.99) << "}}\n";
  return 0;
}
