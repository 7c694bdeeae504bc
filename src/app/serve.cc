// serve and demo.

#include <spdlog/spdlog.h>

#include <iostream>

#include "api/account_feed.h"
#include "api/api.h"
#include "api/bill_run_jobs.h"
#include "app/commands.h"
#include "app/generate.h"
#include "app/open_database.h"
#include "app/scheduled_jobs.h"
#include "auth/logins.h"
#include "billing/bill_notices.h"
#include "http/server.h"
#include "notify/email_dispatcher.h"
#include "notify/smtp_mailer.h"
#include "payments/ach_originator.h"
#include "payments/test_processor.h"

namespace rp::app {
namespace {

constexpr const char* kDemoStaffToken = "demo-staff-token";

int fail(const Error& error) {
  std::cerr << "ratepayer: " << error.message << "\n";
  return 1;
}

int serve_database(const Config& config, store::Database& database,
                   const std::function<void(std::uint16_t)>& on_listening) {
  http::Metrics metrics;
  http::Router router;
  api::BillRunJobs bill_runs(database);  // outlives the server: stops its runs after it
  // Cards: the built-in test processor until a gateway is configured (payments/test_processor.h).
  // Bank accounts: the utility's own ACH origination, validated on first use by the test
  // validator until an account-validation service is configured (payments/ach_originator.h).
  auto vault_key = payments::load_or_create_vault_key(config.payments.vault_key_file);
  if (!vault_key.ok()) return fail(vault_key.error());
  payments::TestProcessor cards;
  payments::TestBankAccountValidator validator;
  payments::AchOriginator ach(database, *vault_key, validator);
  payments::ProcessorByToken processors(cards, ach);
  ScheduledJobs scheduled_jobs(database, &processors);
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
  notify::EmailDispatcher mail(database, *mailer);
  if (auto started = billing::start_bill_notices(database); !started.ok()) {
    return fail(started.error());
  }
  const billing::BillNoticeSettings notices{config.portal.public_url, config.utility.name};
  mail.add_producer(
      [&database, notices] { return billing::queue_bill_notices(database, notices); });
  mail.start();
  auth::LoginSettings logins;
  logins.public_url = config.portal.public_url;
  logins.utility_name = config.utility.name;
  api::AccountFeed feed(database, logins);
  if (auto started = feed.start(); !started.ok()) return fail(started.error());
  api::ApiContext context{database,
                          metrics,
                          config.auth.staff_token,
                          config.utility.time_zone,
                          &bill_runs,
                          &processors,
                          &cards,
                          &ach,
                          &logins,
                          &mail,
                          &feed};
  api::add_routes(router, context);
  http::ServerOptions options;
  options.address = config.http.address;
  options.port = static_cast<std::uint16_t>(config.http.port);
  options.threads = static_cast<int>(http_thread_count(config.http));
  options.body_limit = static_cast<std::size_t>(config.http.body_limit_bytes);
  options.static_root = config.http.static_root;
  options.page_data = [&context](const http::Request& request) {
    return api::portal_page_data(context, request);
  };
  http::Server server(options, router, metrics);
  if (auto started = server.start(); !started.ok()) return fail(started.error());
  server.stop_on_signals();
  spdlog::info("serving {} on http://{}:{} ({} threads)", database.display_url(),
               config.http.address, server.port(), options.threads);
  on_listening(server.port());
  server.run();
  spdlog::info("stopped");
  return 0;
}

Result<std::int64_t> count_accounts(store::Database& database) {
  return database.read<std::int64_t>([](store::Session& session) -> Result<std::int64_t> {
    auto rows = session.query("SELECT COUNT(*) FROM accounts");
    if (!rows.ok()) return rows.error();
    return rows->at(0).integer(0);
  });
}

Result<std::vector<std::string>> sample_accounts(store::Database& database) {
  return database.read<std::vector<std::string>>(
      [](store::Session& session) -> Result<std::vector<std::string>> {
        auto rows = session.query(
            "SELECT number, customer_name, line1, zip FROM account_overview "
            "WHERE status = 'active' AND line1 IS NOT NULL ORDER BY id LIMIT 3");
        if (!rows.ok()) return rows.error();
        std::vector<std::string> lines;
        for (const auto& row : *rows) {
          lines.push_back(row.text(0) + "  " + row.text(1) + "  (" + row.text(2) + ", ZIP " +
                          row.text(3) + ")");
        }
        return lines;
      });
}

}  // namespace

int serve_command(const Config& config) {
  configure_logging(config);
  auto database = open_migrated_database(config);
  if (!database.ok()) return fail(database.error());
  return serve_database(config, **database, [](std::uint16_t) {});
}

int demo_command(Config config, std::size_t accounts, std::size_t usage_months) {
  configure_logging(config);
  if (config.auth.staff_token.empty()) config.auth.staff_token = kDemoStaffToken;
  auto database = open_migrated_database(config);
  if (!database.ok()) return fail(database.error());
  auto existing = count_accounts(**database);
  if (!existing.ok()) return fail(existing.error());
  if (*existing == 0) {
    std::cout << "creating a demo utility with " << accounts << " accounts and " << usage_months
              << " months of meter data in " << (*database)->display_url() << " ...\n"
              << std::flush;
    GenerateOptions options;
    options.accounts = accounts;
    options.usage_months = usage_months;
    options.utility_name = config.utility.name;
    options.time_zone = config.utility.time_zone;
    auto today = parse_as_of("today", config.utility.time_zone);
    if (!today.ok()) return fail(today.error());
    options.as_of = *today;  // the portal's charts reach yesterday
    auto report = generate_utility(**database, options);
    if (!report.ok()) return fail(report.error());
  }
  auto samples = sample_accounts(**database);
  if (!samples.ok()) return fail(samples.error());
  return serve_database(config, **database, [&](std::uint16_t port) {
    std::string base = "http://localhost:" + std::to_string(port);
    std::cout << "\nRatepayer demo is running.\n"
              << "  Staff console:   " << base << "/staff.html\n"
              << "  Customer portal: " << base << "/\n"
              << "  API document:    " << base << "/api/v1/openapi.json\n"
              << "  Health:          " << base << "/healthz\n\n"
              << "Staff sign-in: until staff accounts arrive, staff use a token.\n"
              << "  token: " << config.auth.staff_token << "\n"
              << "Sample accounts (number, customer, service address):\n";
    for (const auto& line : *samples) std::cout << "  " << line << "\n";
    std::cout << "Customers sign up in the portal with a service address and ZIP. "
              << (config.email.smtp_url.empty()
                      ? "With no mail server configured, the email with the sign-up link is "
                        "written to " +
                            config.email.folder + "/ (open the newest .eml file).\n"
                      : "The sign-up email is sent through " + config.email.smtp_url + ".\n");
    std::cout << "\nPress Ctrl+C to stop.\n" << std::flush;
  });
}

}  // namespace rp::app
