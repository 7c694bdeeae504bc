// Bill-ready notices for a whole month's cycles (issue: notifications): ACCOUNTS accounts
// (default 100,000) each get a released bill and its bill.ready event; then the notices pass
// decides them all (notify/notices.h: catalog, choices, facts, templates, outbox) and the outbox
// dispatcher hands every email to a real SMTP server on loopback (tests/smtp/capture_smtp.py,
// Python's aiosmtpd), as the server does. Goal: decided and handed over in 60 s or less. With
// BENCH_SMTP=sink the loopback server is tests/smtp/smtp_sink.py instead, which speaks SMTP but
// keeps only a count: aiosmtpd takes as long to keep a 4 kB message as we take to send it, so
// the sink measures the sender. Then TEXTS texts (default 10,000; the 1,000 a second)
// are queued and handed to the SMS provider double on loopback (tests/sms/fake_sms_provider.py,
// the Messages API over HTTP keep-alive) the same way.
// Prints JSON: the seconds and rate of each step.
// usage: notices_bench [DATABASE_URL] [ACCOUNTS] [TEXTS]   (default: a SQLite file in a temporary
// folder)

#include <chrono>
#include <filesystem>
#include <iostream>
#include <optional>
#include <string>
#include <vector>

#include "app/generate.h"
#include "bench_database.h"
#include "bench_support.h"
#include "notify/email_dispatcher.h"
#include "notify/notices.h"
#include "notify/sms_gateway.h"
#include "notify/smtp_mailer.h"
#include "notify/testing/loopback_server.h"
#include "notify/testing/sms_double.h"
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
  const char* which = std::getenv("BENCH_SMTP");
  const bool sink = which != nullptr && std::string(which) == "sink";
  std::optional<notify::testing::SmtpCapture> capture;
  std::optional<notify::testing::LoopbackServer> fast_sink;
  std::string smtp_url;
  if (sink) {
    fast_sink.emplace("smtp/smtp_sink.py", std::vector<std::string>{}, "is python3 installed?");
    smtp_url = "smtp://127.0.0.1:" + std::to_string(fast_sink->port());
  } else {
    capture.emplace();
    smtp_url = capture->url();
  }
  notify::SmtpMailer mailer({smtp_url, "billing@utility.example", "", "", 20});
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

  // Texts: queued as the notices pass queues them, handed to the provider double.
  const std::int64_t texts = argc > 3 ? std::stoll(argv[3]) : 10000;
  auto queued = db.write_bulk_work([&](store::Session& session) -> Result<void> {
    const std::string at = format_instant(now());
    for (std::int64_t i = 0; i < texts; ++i) {
      RP_TRY(session.query_named(
          "notify/queue_text",
          {"+1541555" + std::to_string(1000000 + i).substr(1, 4),
           std::string("Ratepayer Demo Utility: your bill of $84.12 is ready. See it: "
                       "https://portal.example.com/bills"),
           at, at}));
    }
    return success();
  });
  if (!queued.ok()) fail("queue texts", queued.error().message);
  notify::testing::SmsDouble provider;
  notify::SmsGateway gateway(provider.settings());
  notify::EmailDispatcher texting(db, mailer, &gateway);
  const auto texts_started = std::chrono::steady_clock::now();
  std::int64_t texted = 0;
  for (;;) {
    auto pass = texting.send_due();
    if (!pass.ok()) fail("text", pass.error().message);
    if (pass->texts_sent == 0 && pass->texts_failed == 0) break;
    texted += pass->texts_sent;
    if (pass->texts_failed > 0)
      fail("text", std::to_string(pass->texts_failed) + " texts not taken");
  }
  const double text_seconds = seconds_since(texts_started);
  std::cout << "{\"engine\": \"" << (db.engine() == store::Engine::sqlite ? "sqlite" : "postgresql")
            << "\", \"smtp_server\": \"" << (sink ? "smtp_sink.py" : "capture_smtp.py (aiosmtpd)")
            << "\", \"accounts\": " << accounts << ", \"bill_ready_events\": " << events
            << ", \"emails_decided\": " << emails << ", \"decide_seconds\": " << decide_seconds
            << ", \"decided_per_second\": " << static_cast<std::int64_t>(emails / decide_seconds)
            << ", \"emails_handed_to_smtp\": " << sent << ", \"send_seconds\": " << send_seconds
            << ", \"sent_per_second\": " << static_cast<std::int64_t>(sent / send_seconds)
            << ", \"total_seconds\": " << decide_seconds + send_seconds
            << ", \"texts_handed_to_provider\": " << texted
            << ", \"text_seconds\": " << text_seconds
            << ", \"texts_per_second\": " << static_cast<std::int64_t>(texted / text_seconds)
            << "}\n";
  if (!folder.empty()) std::filesystem::remove_all(folder);
  return 0;
}
