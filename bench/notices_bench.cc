// Bill-ready notices for a whole month's cycles (issue: notifications): ACCOUNTS accounts
// (default 100,000) each get a released bill and its bill.ready event; then the notices pass
// decides them all (notify/notices.h: catalog, choices, facts, templates, outbox) and the outbox
// dispatcher hands every email to a real SMTP server on loopback (tests/smtp/capture_smtp.py,
// Python's aiosmtpd), as the server does. Goal: decided and handed over in 60 s or less.
// Prints JSON: the seconds and rate of each step.
// usage: notices_bench [DATABASE_URL] [ACCOUNTS]   (default: a SQLite file in a temporary folder)

#include <chrono>
#include <filesystem>
#include <iostream>
#include <string>

#include "app/generate.h"
#include "bench_database.h"
#include "bench_support.h"
#include "notify/email_dispatcher.h"
#include "notify/notices.h"
#include "notify/smtp_mailer.h"
#include "notify/testing/smtp_capture.h"
#include "store/database.h"
#include "store/migrations.h"

using namespace rp;
using bench::execute;
using bench::fail;
using bench::scalar;

namespace {

double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace

int main(int argc, char** argv) {
  std::string url = argc > 1 ? argv[1] : "";
  const std::size_t accounts = argc > 2 ? std::stoul(argv[2]) : 100000;
  std::filesystem::path folder;
  if (url.empty() || url.starts_with("sqlite:")) {
    if (url.empty()) {
      folder = std::filesystem::temp_directory_path() / "ratepayer-notices-bench";
      std::filesystem::remove_all(folder);
      std::filesystem::create_directories(folder);
      url = "sqlite:" + (folder / "notices.db").string();
    }
  }
  auto opened = store::Database::open(url);
  if (!opened.ok()) fail("open", opened.error().message);
  store::Database& db = **opened;
  if (auto migrated = store::migrate(db); !migrated.ok()) fail("migrate", migrated.error().message);

  std::cerr << "generating " << accounts << " accounts ...\n";
  app::GenerateOptions options;
  options.accounts = accounts;
  options.bills = false;
  if (auto generated = app::generate_utility(db, options); !generated.ok()) {
    fail("generate", generated.error().message);
  }
  // One bill each, sent, and its event, as a month's bill runs leave them.
  execute(db,
          "INSERT INTO bill_runs (cycle, read_date, bill_date, status, accounts, started_at, "
          "started_by, finished_at) VALUES (1, '2026-10-31', '2026-11-01', 'done', 0, "
          "'2026-11-01T12:00:00Z', 'bench', '2026-11-01T13:00:00Z')");
  const std::int64_t run = scalar(db, "SELECT MAX(id) FROM bill_runs");
  execute(db,
          "INSERT INTO bills (account_id, bill_run_id, number, status, period_start, period_end, "
          "bill_date, due_date, previous_balance_cents, charges_cents, created_at, released_at) "
          "SELECT a.id, :run, 70000000 + a.id, 'released', '2026-10-01', '2026-11-01', "
          "'2026-11-01', '2026-11-22', 0, 5000 + (a.id * 37) % 15000, '2026-11-01T13:00:00Z', "
          "'2026-11-01T13:00:00Z' FROM accounts a",
          {run});
  if (auto started = notify::start_notices(db); !started.ok())
    fail("start", started.error().message);
  const std::string at = format_instant(now());
  execute(db,
          "INSERT INTO account_events (account_id, kind, occurred_at, actor, summary, details) "
          "SELECT b.account_id, 'bill.ready', :at, 'system:bill-run', 'Bill ready', "
          "'{\"number\":' || CAST(b.number AS TEXT) || '}' FROM bills b ORDER BY b.id",
          {at});
  const std::int64_t events =
      scalar(db, "SELECT COUNT(*) FROM account_events WHERE kind = 'bill.ready'");

  // Decide: the notices pass, as the dispatcher's thread runs it, until nothing is left.
  const notify::NoticeSettings settings{.public_url = "https://portal.example.com"};
  const auto decide_started = std::chrono::steady_clock::now();
  std::int64_t emails = 0;
  for (;;) {
    auto pass = notify::queue_notices(db, settings);
    if (!pass.ok()) fail("decide", pass.error().message);
    if (pass->events == 0) break;
    emails += pass->emails;
  }
  const double decide_seconds = seconds_since(decide_started);

  // Hand over: the outbox to a real SMTP server on loopback.
  notify::testing::SmtpCapture capture;
  notify::SmtpMailer mailer({capture.url(), "billing@utility.example", "", "", 20});
  notify::EmailDispatcher dispatcher(db, mailer);
  const auto send_started = std::chrono::steady_clock::now();
  std::int64_t sent = 0;
  for (;;) {
    auto pass = dispatcher.send_due();
    if (!pass.ok()) fail("send", pass.error().message);
    if (pass->sent == 0 && pass->failed == 0) break;
    sent += pass->sent;
    if (pass->failed > 0) fail("send", std::to_string(pass->failed) + " emails not taken");
  }
  const double send_seconds = seconds_since(send_started);
  std::cout << "{\"engine\": \"" << (db.engine() == store::Engine::sqlite ? "sqlite" : "postgresql")
            << "\", \"accounts\": " << accounts << ", \"bill_ready_events\": " << events
            << ", \"emails_decided\": " << emails << ", \"decide_seconds\": " << decide_seconds
            << ", \"decided_per_second\": " << static_cast<std::int64_t>(emails / decide_seconds)
            << ", \"emails_handed_to_smtp\": " << sent << ", \"send_seconds\": " << send_seconds
            << ", \"sent_per_second\": " << static_cast<std::int64_t>(sent / send_seconds)
            << ", \"total_seconds\": " << decide_seconds + send_seconds << "}\n";
  if (!folder.empty()) std::filesystem::remove_all(folder);
  return 0;
}
