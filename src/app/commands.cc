// migrate and generate.

#include <chrono>
#include <filesystem>
#include <iostream>

#include <nlohmann/json.hpp>

#include "app/commands.h"
#include "app/generate.h"
#include "app/open_database.h"
#include "core/money.h"

namespace rp::app {
namespace {

std::uintmax_t sqlite_size(const std::string& url) {
  if (!url.starts_with("sqlite:")) return 0;
  std::string path = url.substr(7);
  std::uintmax_t total = 0;
  for (const char* suffix : {"", "-wal"}) {
    std::error_code ignored;
    auto size = std::filesystem::file_size(path + suffix, ignored);
    if (!ignored) total += size;
  }
  return total;
}

nlohmann::json usage_json(const UsageReport& usage) {
  return {{"interval_channels", usage.interval_channels},
          {"interval_days", usage.interval_days},
          {"interval_values", usage.interval_values},
          {"actual_slots", usage.actual_slots},
          {"estimated_slots", usage.estimated_slots},
          {"missing_slots", usage.missing_slots},
          {"interval_kwh", usage.interval_milli / 1000},
          {"injected",
           {{"gaps", usage.gaps},
            {"gap_slots", usage.gap_slots},
            {"long_gaps", usage.long_gaps},
            {"long_gap_slots", usage.long_gap_slots},
            {"long_gap_days", usage.long_gap_days},
            {"spikes", usage.spikes},
            {"stuck_meters", usage.stuck_meters},
            {"stuck_days", usage.stuck_days}}},
          {"exceptions_by_rule", usage.exceptions_by_rule},
          {"register_channels", usage.register_channels},
          {"register_reads", usage.register_reads},
          {"leaking_meters", usage.leaking_meters}};
}

nlohmann::json report_json(const GenerateReport& report) {
  return {{"accounts", report.accounts},
          {"closed_accounts", report.closed_accounts},
          {"persons", report.persons},
          {"premises", report.premises},
          {"service_points", report.service_points},
          {"meters", report.meters},
          {"meter_channels", report.meter_channels},
          {"agreements", report.agreements},
          {"ledger_entries", report.ledger_entries},
          {"events", report.events},
          {"text_consents", report.text_consents},
          {"usage_thresholds", report.usage_thresholds},
          {"message_threads", report.message_threads},
          {"transformers", report.transformers},
          {"feeders", report.feeders},
          {"substations", report.substations},
          {"sample_account_numbers", report.sample_account_numbers}};
}

}  // namespace

int migrate_command(const Config& config) {
  configure_logging(config);
  auto database = open_migrated_database(config);
  if (!database.ok()) return command_failed(database.error());
  std::cout << "database " << (*database)->display_url() << " is at the current schema\n";
  return 0;
}

int generate_command(const Config& config, std::size_t accounts, std::uint64_t seed,
                     std::size_t usage_months, bool bills, const std::string& as_of,
                     const std::string& time_zone, const std::string& utility_name) {
  configure_logging(config);
  GenerateOptions options;
  if (auto zone = UtilityZone::find(time_zone); !zone.ok()) {
    return command_failed(invalid_input("time_zone", "--time-zone: " + zone.error().message));
  }
  if (!as_of.empty()) {
    auto day = parse_as_of(as_of, time_zone);
    if (!day.ok()) return command_failed(day.error());
    options.as_of = *day;
  }
  auto database = open_migrated_database(config);
  if (!database.ok()) return command_failed(database.error());
  options.accounts = accounts;
  options.seed = seed;
  options.usage_months = usage_months;
  options.bills = bills;
  options.utility_name = utility_name;
  options.time_zone = time_zone;
  auto started = std::chrono::steady_clock::now();
  auto report = generate_utility(**database, options);
  if (!report.ok()) return command_failed(report.error());
  double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  database->reset();  // closes the database so the size below is final
  nlohmann::json out = report_json(*report);
  if (usage_months > 0) {
    out["usage"] = usage_json(report->usage);
    const BillingReport& billing = report->billing;
    out["billing"] = {{"runs", billing.runs},
                      {"bills_released", billing.released},
                      {"bills_held", billing.held},
                      {"accounts_not_billed", billing.problems},
                      {"charges", Money::from_cents(billing.charges_cents).to_string()},
                      {"payments", billing.payments},
                      {"paid", Money::from_cents(billing.payments_cents).to_string()},
                      {"late_fees", billing.late_fees},
                      {"late_fee_charges", Money::from_cents(billing.late_fee_cents).to_string()}};
  }
  out["seconds"] = seconds;
  out["database"] = config.database.url;
  if (auto bytes = sqlite_size(config.database.url)) out["database_bytes"] = bytes;
  std::cout << out.dump(2) << "\n";
  return 0;
}

}  // namespace rp::app
