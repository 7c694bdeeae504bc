#include "app/billing_commands.h"

#include <chrono>
#include <csignal>
#include <cstdlib>
#include <iostream>

#include "app/open_database.h"
#include "app/rate_command.h"
#include "billing/bill_run.h"
#include "billing/rate_plan_tariffs.h"
#include "core/json_writer.h"
#include "ledger/late_fee_job.h"
#include "notify/usage_alerts.h"
#include "store/utility_settings.h"

namespace rp::app {
namespace {

std::size_t environment_count(const char* name) {
  const char* value = std::getenv(name);
  return value ? static_cast<std::size_t>(std::strtoull(value, nullptr, 10)) : 0;
}

std::string progress_json(const billing::BillRunProgress& progress, double seconds) {
  JsonWriter json;
  json.begin_object()
      .key("run_id")
      .number(progress.run_id)
      .key("cycle")
      .number(progress.cycle)
      .key("read_date")
      .string(format_local_date(progress.read_date))
      .key("bill_date")
      .string(format_local_date(progress.bill_date))
      .key("status")
      .string(progress.status)
      .key("accounts")
      .number(progress.accounts)
      .key("released")
      .number(progress.released)
      .key("held")
      .number(progress.held)
      .key("cancelled")
      .number(progress.cancelled)
      .key("problems")
      .number(progress.problems)
      .key("charges")
      .string(Money::from_cents(progress.charges_cents).to_string())
      .key("held_charges")
      .string(Money::from_cents(progress.held_charges_cents).to_string())
      .key("milliseconds")
      .number(static_cast<std::int64_t>(seconds * 1000));
  json.end_object();
  return json.take();
}

}  // namespace

int tariff_command(const Config& config, const std::string& plan_code, const std::string& path) {
  configure_logging(config);
  auto tariff = load_tariff_file(path);
  if (!tariff.ok()) return command_failed(tariff.error());
  auto database = open_migrated_database(config);
  if (!database.ok()) return command_failed(database.error());
  auto stored = billing::store_tariff(**database, plan_code, *tariff, "cli");
  if (!stored.ok()) return command_failed(stored.error());
  std::cout << "rate plan " << plan_code << " now bills with \"" << tariff->name << "\" ("
            << tariff->versions.size() << " version" << (tariff->versions.size() == 1 ? "" : "s")
            << ")\n";
  return 0;
}

int bill_schedule_command(const Config& config, const std::optional<std::string>& month) {
  configure_logging(config);
  auto database = open_migrated_database(config);
  if (!database.ok()) return command_failed(database.error());
  auto settings = billing::load_billing_settings(**database);
  if (!settings.ok()) return command_failed(settings.error());
  LocalDate first = settings->zone.local_date(now());
  if (month) {
    auto parsed = parse_local_date(*month + "-01", "month");
    if (!parsed.ok() || month->size() != 7) {
      return command_failed(invalid_input("month", "'" + *month + "' is not a month (YYYY-MM)"));
    }
    first = *parsed;
  }
  const date::year_month ym = first.year() / first.month();
  std::cout << "cycle  read date   bill date   period\n";
  for (int cycle = 1; cycle <= settings->calendar.cycle_count; ++cycle) {
    auto dates = billing::cycle_dates(settings->calendar, cycle, ym);
    auto period = billing::cycle_period(settings->calendar, cycle, ym);
    std::cout << (cycle < 10 ? "    " : "   ") << cycle << "  "
              << format_local_date(dates.read_date) << "  " << format_local_date(dates.bill_date)
              << "  " << format_local_date(period.start) << " to "
              << format_local_date(LocalDate(date::sys_days(period.end) - date::days(1))) << " ("
              << billing::days_in(period) << " days)\n";
  }
  return 0;
}

int bill_run_command(const Config& config, const BillRunCommandOptions& options) {
  configure_logging(config);
  auto read_date = parse_local_date(options.read_date, "date");
  if (!read_date.ok()) return command_failed(read_date.error());
  auto database = open_migrated_database(config);
  if (!database.ok()) return command_failed(database.error());
  billing::BillRunRequest request;
  request.cycle = options.cycle;
  request.read_date = *read_date;
  request.started_by = "cli";
  if (std::size_t chunk = environment_count("RATEPAYER_BILL_RUN_CHUNK_ACCOUNTS"); chunk > 0) {
    request.chunk_accounts = chunk;
  }
  const std::size_t kill_after = environment_count("RATEPAYER_BILL_RUN_KILL_AFTER_CHUNKS");
  const auto started = std::chrono::steady_clock::now();
  std::size_t chunks = 0;
  auto progress =
      billing::run_bills(**database, request, [&](const billing::BillRunProgress& so_far) {
        ++chunks;
        if (!options.json) {
          std::cerr << "  " << so_far.released + so_far.held << " of " << so_far.accounts
                    << " accounts billed\n";
        }
        if (kill_after > 0 && chunks >= kill_after) std::raise(SIGKILL);
        return true;
      });
  if (!progress.ok()) return command_failed(progress.error());
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  if (options.json) {
    std::cout << progress_json(*progress, seconds) << "\n";
  } else {
    std::cout << "bill run " << progress->run_id << " (cycle " << progress->cycle << ", read "
              << format_local_date(progress->read_date) << "): " << progress->status << "; "
              << progress->released << " released, " << progress->held << " held, "
              << progress->problems << " could not be billed; charges $"
              << Money::from_cents(progress->charges_cents).to_string() << " released, $"
              << Money::from_cents(progress->held_charges_cents).to_string() << " held\n";
  }
  return 0;
}

int late_fees_command(const Config& config, const std::optional<std::string>& date, bool json) {
  configure_logging(config);
  ledger::LateFeeRunRequest request;
  request.actor = "cli";
  if (date) {
    auto today = parse_local_date(*date, "date");
    if (!today.ok()) return command_failed(today.error());
    request.today = *today;
  }
  auto database = open_migrated_database(config);
  if (!database.ok()) return command_failed(database.error());
  auto report = ledger::assess_late_fees(**database, request);
  if (!report.ok()) return command_failed(report.error());
  if (json) {
    JsonWriter out;
    out.begin_object().key("date").string(format_local_date(report->today));
    out.key("bills").number(report->bills).key("charged").number(report->charged);
    out.key("fees").string(Money::from_cents(report->fee_cents).to_string()).end_object();
    std::cout << out.take() << "\n";
  } else {
    std::cout << "late fees for " << format_local_date(report->today) << ": " << report->bills
              << " bills past their grace period answered, " << report->charged << " charged $"
              << Money::from_cents(report->fee_cents).to_string() << "\n";
  }
  return 0;
}

int usage_watch_command(const Config& config, const std::optional<std::string>& date, bool json) {
  configure_logging(config);
  auto database = open_migrated_database(config);
  if (!database.ok()) return command_failed(database.error());
  auto today = date
                   ? parse_local_date(*date, "date")
                   : (*database)->read<LocalDate>([](store::Session& session) -> Result<LocalDate> {
                       auto zone = store::utility_zone(session);
                       RP_TRY(zone);
                       return zone->local_date(now());
                     });
  if (!today.ok()) return command_failed(today.error());
  const auto started = std::chrono::steady_clock::now();
  auto run = notify::run_usage_alerts(**database, *today);
  if (!run.ok()) return command_failed(run.error());
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  if (json) {
    JsonWriter out;
    out.begin_object().key("date").string(format_local_date(*today));
    out.key("accounts").number(run->accounts).key("meters").number(run->meters);
    out.key("thresholds").number(run->thresholds).key("high_usage").number(run->high_usage);
    out.key("leaks").number(run->leaks);
    out.key("milliseconds").number(static_cast<std::int64_t>(seconds * 1000));
    out.end_object();
    std::cout << out.take() << "\n";
  } else {
    std::cout << "usage watch for " << format_local_date(*today) << ": " << run->accounts
              << " accounts, " << run->thresholds << " thresholds, " << run->meters
              << " water and gas meters; " << run->high_usage << " high-usage alerts, "
              << run->leaks << " possible leaks (" << seconds << " s)\n";
  }
  return 0;
}

}  // namespace rp::app
