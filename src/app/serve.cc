// serve and demo.

#include <spdlog/spdlog.h>

#include <iostream>

#include "accounts/search_index.h"
#include "api/account_feed.h"
#include "api/api.h"
#include "api/bill_run_jobs.h"
#include "api/message_handlers.h"
#include "app/audit_checkpointer.h"
#include "app/commands.h"
#include "app/generate.h"
#include "app/open_database.h"
#include "app/outage_watch.h"
#include "app/scheduled_jobs.h"
#include "audit/deferred_audit.h"
#include "auth/logins.h"
#include "billing/bill_views.h"
#include "http/server.h"
#include "notify/email_dispatcher.h"
#include "notify/notices.h"
#include "notify/sms_gateway.h"
#include "notify/sms_signature.h"
#include "notify/smtp_mailer.h"
#include "notify/usage_alerts.h"
#include "orders/head_end.h"
#include "orders/webhooks.h"
#include "payments/ach_originator.h"
#include "payments/test_processor.h"
#include "staff/demo_staff.h"
#include "staff/roles.h"
#include "store/write_pressure.h"

namespace rp::app {
namespace {

int serve_database(const Config& config, store::Database& database,
                   const std::function<void(std::uint16_t)>& on_listening) {
  http::Metrics metrics;
  http::Router router;
  api::BillRunJobs bill_runs(database);  // outlives the server: stops its runs after it
  // Cards: the built-in test processor when the configuration names it (payments.card_processor
  // = "test"; payments/test_processor.h), else none: card payments are refused, never faked.
  // Bank accounts: the utility's own ACH origination, validated on first use by the test
  // validator until an account-validation service is configured (payments/ach_originator.h).
  auto vault_key = payments::load_or_create_vault_key(config.payments.vault_key_file);
  if (!vault_key.ok()) return command_failed(vault_key.error());
  std::unique_ptr<payments::TestProcessor> test_cards;
  payments::NoCardProcessor no_cards;
  std::vector<std::string> test_doubles{"bank account validator: accepts every account"};
  if (config.payments.card_processor == "test") {
    test_cards =
        std::make_unique<payments::TestProcessor>(payments::test_processor_key(*vault_key));
    test_doubles.insert(test_doubles.begin(), "card processor: test cards only, no money moves");
    spdlog::warn(
        "payments: the built-in TEST card processor takes card payments (payments.card_processor "
        "= test): test cards only, no money moves");
  } else {
    spdlog::info(
        "payments: no card processor configured (payments.card_processor = none): card payments "
        "are refused");
  }
  payments::PaymentProcessor& cards =
      test_cards ? static_cast<payments::PaymentProcessor&>(*test_cards) : no_cards;
  payments::TestBankAccountValidator validator;
  payments::AchOriginator ach(database, *vault_key, validator);
  payments::ProcessorByToken processors(cards, ach);
  std::unique_ptr<orders::HeadEnd> head_end;
  if (!config.head_end.url.empty()) {
    head_end = orders::http_head_end({config.head_end.url, config.head_end.token, 10});
    spdlog::info("head-end: remote connects and disconnects go to {}", config.head_end.url);
  }
  ScheduledJobs scheduled_jobs(database, &processors, 60, head_end.get());
  outages::StatusBoard outage_status;  // what customers' outage lookups read (refreshed 2 s)
  auto signing_key = audit::load_or_create_signing_key(config.audit.signing_key_file);
  if (!signing_key.ok()) return command_failed(signing_key.error());
  CheckpointSchedule checkpoints(database, config.audit, *signing_key);
  // Customer email: the utility's SMTP server, or .eml files in a folder when none is configured.
  std::unique_ptr<notify::Mailer> mailer;
  if (config.email.smtp_url.empty()) {
    mailer = std::make_unique<notify::DirectoryMailer>(config.email.folder, config.email.from);
    spdlog::info(
        "email: no mail server configured (email.smtp_url); customer email is written "
        "to {}/",
        config.email.folder);
  } else {
    mailer = std::make_unique<notify::SmtpMailer>(
        notify::SmtpSettings{config.email.smtp_url, config.email.from, config.email.smtp_user,
                             config.email.smtp_password, 20});
  }
  // Customer texts: the SMS provider, or files in a folder when none is configured.
  std::unique_ptr<notify::Texter> texter;
  if (config.sms.api_url.empty()) {
    texter = std::make_unique<notify::TextFolder>(config.sms.folder, config.sms.from);
    spdlog::info("sms: no SMS provider configured (sms.api_url); customer texts are written to {}/",
                 config.sms.folder);
  } else {
    texter = std::make_unique<notify::SmsGateway>(notify::SmsSettings{
        config.sms.api_url, config.sms.account, config.sms.token, config.sms.from, 20});
  }
  notify::EmailDispatcher mail(database, *mailer, texter.get());
  if (auto started = notify::start_notices(database); !started.ok()) {
    return command_failed(started.error());
  }
  // On SQLite one writer commits transactions one after another, so event ids are committed in
  // order: the cursor passes each event at once. On PostgreSQL a later id may commit first, and
  // the cursor waits the default settle before passing (notices.h).
  notify::NoticeSettings notices{.public_url = config.portal.public_url};
  if (database.engine() == store::Engine::sqlite) notices.settle = std::chrono::seconds(0);
  // Decided in short writes of at most 64 events, so that a busy minute's backlog never holds the
  // writer long: a payment or an order waits behind one chunk at most (store/database.h).
  mail.add_producer([&database, notices]() -> Result<int> {
    constexpr std::size_t kChunk = 16;
    int emails = 0;
    for (;;) {
      auto pass = notify::queue_notices(database, notices, kChunk);
      if (!pass.ok()) return pass.error();
      emails += pass->emails;
      if (static_cast<std::size_t>(pass->events) < kChunk) return emails;
    }
  });
  // Order events to the utility's work-management system (orders/webhooks.h), on the same thread.
  const std::chrono::seconds webhook_settle = notices.settle;
  mail.add_producer([&database, webhook_settle]() -> Result<int> {
    static const orders::WebhookSender sender = orders::http_webhook_sender();
    auto queued = orders::queue_webhooks(database, webhook_settle);
    if (!queued.ok()) return queued.error();
    auto sent = orders::deliver_webhooks(database, sender);
    if (!sent.ok()) return sent.error();
    return 0;
  });
  mail.start();
  auth::LoginSettings logins;
  logins.public_url = config.portal.public_url;
  logins.recent_amounts_due = &billing::recent_amounts_due;
  // The roles Ratepayer ships, with exactly their permissions, before the first request.
  if (auto synced = database.write_work(staff::sync_shipped_roles); !synced.ok()) {
    return command_failed(synced.error());
  }
  // Accounts written in bulk, or before the search index existed, become searchable.
  if (auto indexed = accounts::index_unindexed_accounts(database); !indexed.ok()) {
    return command_failed(indexed.error());
  }
  api::AccountFeed feed(database, logins);
  if (auto started = feed.start(); !started.ok()) return command_failed(started.error());
  audit::DeferredAudit read_audit(database);  // outlives the server: its destructor writes the rest
  // The SMS provider's signed posts are checked with its token against the portal's public URL.
  const notify::SmsWebhookSettings sms_webhooks{config.sms.token, config.portal.public_url};
  api::ApiContext context{database,
                          metrics,
                          &bill_runs,
                          &processors,
                          test_cards.get(),
                          &ach,
                          &logins,
                          &mail,
                          &feed,
                          test_doubles,
                          &read_audit,
                          config.sms.token.empty() ? nullptr : &sms_webhooks};
  context.outage_status = &outage_status;
  context.head_end = head_end.get();
  OutageWatch outage_watch(database, kOutageWatchPeriod, &outage_status);
  api::add_routes(router, context);
  http::ServerOptions options;
  options.address = config.http.address;
  options.port = static_cast<std::uint16_t>(config.http.port);
  options.threads = static_cast<int>(http_thread_count(config.http));
  options.body_limit = static_cast<std::size_t>(config.http.body_limit_bytes);
  options.upload_path_suffixes = api::upload_path_suffixes();
  options.static_root = config.http.static_root;
  options.trusted_proxies = trusted_proxy_list(config.http);
  options.strict_transport_security = config.portal.public_url.starts_with("https://");
  const std::chrono::milliseconds budget(config.http.write_wait_budget_ms);
  options.admission.write_wait_budget = budget;
  options.admission.most_writes_in_flight = most_writes_in_flight(config.http);
  options.admission.most_reads_in_flight = most_reads_in_flight(config.http);
  options.admission.write_queue_delay = [&database] { return store::write_queue_delay(database); };
  store::set_batch_yield(database, store::BatchYield{budget / 2, std::chrono::milliseconds(2000)});
  options.page_data = [&context](const http::Request& request) {
    return api::portal_page_data(context, request);
  };
  http::Server server(options, router, metrics);
  if (auto started = server.start(); !started.ok()) return command_failed(started.error());
  server.stop_on_signals();
  spdlog::info(
      "serving {} on http://{}:{} ({} threads; writes refused past {} ms of waiting or {} at once, "
      "reads past {} at once)",
      database.display_url(), config.http.address, server.port(), options.threads,
      config.http.write_wait_budget_ms, options.admission.most_writes_in_flight,
      options.admission.most_reads_in_flight);
  on_listening(server.port());
  server.run();
  spdlog::info("stopped");
  return 0;
}

Result<std::int64_t> count_accounts(store::Database& database) {
  return database.read<std::int64_t>([](store::Session& session) -> Result<std::int64_t> {
    auto rows = session.query("SELECT COUNT(*) AS accounts FROM accounts");
    if (!rows.ok()) return rows.error();
    return rows->at(0).integer("accounts");
  });
}

Result<std::vector<std::string>> sample_accounts(store::Database& database) {
  return database.read<std::vector<std::string>>(
      [](store::Session& session) -> Result<std::vector<std::string>> {
        auto rows = session.query(
            "SELECT o.number, o.customer_name, o.line1, o.zip, COALESCE(p.email, '') AS email "
            "FROM account_overview o JOIN accounts a ON a.id = o.id "
            "JOIN persons p ON p.id = a.person_id "
            "WHERE o.status = 'active' AND o.line1 IS NOT NULL ORDER BY o.id LIMIT 3");
        if (!rows.ok()) return rows.error();
        std::vector<std::string> lines;
        for (const auto& row : *rows) {
          lines.push_back(row.text("number") + "  " + row.text("customer_name") + "  (" +
                          row.text("line1") + ", ZIP " + row.text("zip") +
                          ")  email on file: " + row.text("email"));
        }
        return lines;
      });
}

}  // namespace

int serve_command(const Config& config) {
  configure_logging(config);
  auto database = open_migrated_database(config);
  if (!database.ok()) return command_failed(database.error());
  return serve_database(config, **database, [](std::uint16_t) {});
}

int demo_command(Config config, std::size_t accounts, std::size_t usage_months) {
  configure_logging(config);
  // The demo pays with test cards: said here, explicitly, and in the log and /healthz.
  config.payments.card_processor = "test";
  auto database = open_migrated_database(config);
  if (!database.ok()) return command_failed(database.error());
  auto existing = count_accounts(**database);
  if (!existing.ok()) return command_failed(existing.error());
  if (*existing == 0) {
    std::cout << "creating a demo utility with " << accounts << " accounts and " << usage_months
              << " months of meter data in " << (*database)->display_url() << " ...\n"
              << std::flush;
    GenerateOptions options;
    options.accounts = accounts;
    options.usage_months = usage_months;
    auto today = parse_as_of("today", options.time_zone);
    if (!today.ok()) return command_failed(today.error());
    options.as_of = *today;  // the portal's charts reach yesterday
    auto report = generate_utility(**database, options);
    if (!report.ok()) return command_failed(report.error());
    // The morning's usage watch, so the demo's Home pages and leak queue show what it finds
    // without waiting for usage_alerts_hour (its events come before the notices start: no email).
    auto watched = notify::run_usage_alerts(**database, *today);
    if (!watched.ok()) return command_failed(watched.error());
    std::cout << "usage watch: " << watched->high_usage << " high-usage alerts, " << watched->leaks
              << " possible leaks\n";
  }
  auto administrator = staff::ensure_demo_administrator(**database);
  if (!administrator.ok()) return command_failed(administrator.error());
  auto samples = sample_accounts(**database);
  if (!samples.ok()) return command_failed(samples.error());
  return serve_database(config, **database, [&](std::uint16_t port) {
    std::string base = "http://localhost:" + std::to_string(port);
    std::cout << "\nRatepayer demo is running.\n"
              << "  Staff console:   " << base << "/staff.html\n"
              << "  Customer portal: " << base << "/\n"
              << "  API document:    " << base << "/api/v1/openapi.json\n"
              << "  Health:          " << base << "/healthz\n\n"
              << "Staff sign-in (the demo's administrator; two steps, as for every staff user):\n"
              << "  email:    " << administrator->email << "\n"
              << "  password: " << administrator->password << "\n"
              << "  code:     from an authenticator app given the key "
              << administrator->totp_secret
              << ",\n            or `build/ratepayer staff demo-code` (the demo only)\n"
              << "Sample accounts (number, customer, service address, email on file):\n";
    for (const auto& line : *samples) std::cout << "  " << line << "\n";
    std::cout << "Customers sign up in the portal with a service address and ZIP. Signing up "
                 "with the email on file links the account when the emailed link is used; any "
                 "other email gets a code mailed to the address (`ratepayer letters export` "
                 "writes the letters). "
              << (config.email.smtp_url.empty()
                      ? "With no mail server configured, the email with the sign-up link is "
                        "written to " +
                            config.email.folder + "/ (open the newest .eml file).\n"
                      : "The sign-up email is sent through " + config.email.smtp_url + ".\n");
    std::cout << "\nPress Ctrl+C to stop.\n" << std::flush;
  });
}

}  // namespace rp::app
