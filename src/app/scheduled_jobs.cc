#include "app/scheduled_jobs.h"

#include <spdlog/spdlog.h>
#include "orders/account_closing.h"
#include "orders/orders.h"
#include "orders/remote_orders.h"

#include "core/time.h"
#include "ledger/arrangements.h"
#include "ledger/late_fee_job.h"
#include "notify/due_reminders.h"
#include "notify/usage_alerts.h"
#include "payments/payment_intake.h"
#include "payments/payment_schedule.h"
#include "store/utility_settings.h"

namespace rp::app {
namespace {

struct Clock {
  std::string today;
  int hour = 0;
  std::int64_t jobs_hour = kDefaultDailyJobsHour;
  std::int64_t usage_hour = kDefaultUsageAlertsHour;
};

Result<Clock> read_clock(store::Database& database) {
  return database.read<Clock>([](store::Session& session) -> Result<Clock> {
    auto zone = store::utility_zone(session);
    RP_TRY(zone);
    auto hour = store::whole_number_setting(session, "daily_jobs_hour");
    RP_TRY(hour);
    auto usage_hour = store::whole_number_setting(session, "usage_alerts_hour");
    RP_TRY(usage_hour);
    const Instant instant = now();
    Clock clock;
    const LocalDate today = zone->local_date(instant);
    clock.today = format_local_date(today);
    // Hours since local midnight (on a daylight-saving day, one off after the change: harmless).
    clock.hour = static_cast<int>(
        std::chrono::duration_cast<std::chrono::hours>(instant - zone->start_of_day(today))
            .count());
    clock.jobs_hour = hour->value_or(kDefaultDailyJobsHour);
    clock.usage_hour = usage_hour->value_or(kDefaultUsageAlertsHour);
    return clock;
  });
}

}  // namespace

ScheduledJobs::ScheduledJobs(store::Database& database, payments::PaymentProcessor* processor,
                             int tick_seconds, orders::HeadEnd* head_end)
    : database_(database),
      processor_(processor),
      head_end_(head_end),
      tick_seconds_(tick_seconds),
      thread_([this] { loop(); }) {}

ScheduledJobs::~ScheduledJobs() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  thread_.join();
}

void ScheduledJobs::loop() {
  std::unique_lock lock(mutex_);
  while (!stopping_) {
    lock.unlock();
    settle_payments();
    run_remote_orders();
    run_due_jobs();
    run_usage_watch();
    lock.lock();
    wake_.wait_for(lock, std::chrono::seconds(tick_seconds_), [this] { return stopping_; });
  }
}

void ScheduledJobs::settle_payments() {
  if (processor_ == nullptr) return;
  const std::string before = format_instant(now() - std::chrono::minutes(2));
  auto settled = payments::settle_pending_payments(database_, *processor_, before);
  if (!settled.ok()) {
    spdlog::error("payment reconciliation stopped: {}", settled.error().message);
  } else if (settled->posted + settled->failed > 0) {
    spdlog::info("payment reconciliation: {} pending payments posted, {} failed", settled->posted,
                 settled->failed);
  }
  if (settled.ok()) {
    for (const std::string& problem : settled->problems) {
      spdlog::error("payment reconciliation: {}", problem);
    }
  }
}

void ScheduledJobs::run_remote_orders() {
  auto due = orders::complete_due_orders(database_);
  if (!due.ok()) {
    spdlog::error("move-outs read from meter data stopped: {}", due.error().message);
  } else if (due->completed + due->stuck > 0) {
    spdlog::info("move-outs read from meter data: {} completed, {} left for staff{}{}",
                 due->completed, due->stuck, due->stuck ? "; first: " : "", due->first_problem);
  }
  auto closing = orders::close_settled_accounts(database_);
  if (!closing.ok()) {
    spdlog::error("closing settled accounts stopped: {}", closing.error().message);
  } else if (closing->closed > 0) {
    spdlog::info("accounts closed, their final bills settled: {}", closing->closed);
  }
  if (head_end_ == nullptr) return;
  auto pass = orders::run_remote_orders(database_, *head_end_);
  if (!pass.ok()) {
    spdlog::error("remote orders stopped: {}", pass.error().message);
  } else if (pass->sent + pass->completed + pass->fell_back + pass->unreachable > 0) {
    spdlog::info(
        "remote orders: {} commands sent, {} orders completed, {} need a visit now, {} times the "
        "head-end did not answer",
        pass->sent, pass->completed, pass->fell_back, pass->unreachable);
  }
}

void ScheduledJobs::run_usage_watch() {
  auto clock = read_clock(database_);
  if (!clock.ok()) return;  // run_due_jobs has said why
  if (clock->today == last_usage_day_run_ || clock->hour < clock->usage_hour) return;
  last_usage_day_run_ = clock->today;
  auto today = parse_local_date(clock->today, "today");
  if (!today.ok()) return;
  auto watched = notify::run_usage_alerts(database_, *today);
  if (!watched.ok()) {
    spdlog::error("usage watch {}: stopped: {}", clock->today, watched.error().message);
    return;
  }
  spdlog::info(
      "usage watch {}: {} accounts, {} thresholds, {} water and gas meters; {} high-usage "
      "alerts, {} possible leaks",
      clock->today, watched->accounts, watched->thresholds, watched->meters, watched->high_usage,
      watched->leaks);
}

void ScheduledJobs::run_due_jobs() {
  auto clock = read_clock(database_);
  if (!clock.ok()) {
    spdlog::error("daily jobs: cannot read the utility's clock: {}", clock.error().message);
    return;
  }
  if (clock->today == last_day_run_ || clock->hour < clock->jobs_hour) return;
  last_day_run_ = clock->today;
  if (processor_ != nullptr) {
    auto today = parse_local_date(clock->today, "today");
    auto paid = today.ok() ? payments::run_payment_schedule(database_, *processor_, *today)
                           : Result<payments::ScheduleReport>(today.error());
    if (!paid.ok()) {
      spdlog::error("daily jobs {}: scheduled payments and autopay stopped: {}", clock->today,
                    paid.error().message);
    } else {
      spdlog::info(
          "daily jobs {}: scheduled payments {} paid, {} failed; autopay {} noticed, {} paid, {} "
          "skipped, {} failed",
          clock->today, paid->scheduled_paid, paid->scheduled_failed, paid->autopay_noticed,
          paid->autopay_paid, paid->autopay_skipped, paid->autopay_failed);
      for (const std::string& problem : paid->problems) {
        spdlog::error("daily jobs {}: {}", clock->today, problem);
      }
    }
  }
  if (auto today = parse_local_date(clock->today, "today"); today.ok()) {
    auto reviewed = ledger::review_arrangements(database_, *today);
    if (!reviewed.ok()) {
      spdlog::error("daily jobs {}: payment arrangements stopped: {}", clock->today,
                    reviewed.error().message);
    } else if (reviewed->kept + reviewed->broken + reviewed->completed > 0) {
      spdlog::info("daily jobs {}: payment arrangements: {} payments kept, {} broken, {} completed",
                   clock->today, reviewed->kept, reviewed->broken, reviewed->completed);
    }
  }
  if (auto today = parse_local_date(clock->today, "today"); today.ok()) {
    auto reminded = notify::record_due_reminders(database_, *today);
    if (!reminded.ok()) {
      spdlog::error("daily jobs {}: due reminders stopped: {}", clock->today,
                    reminded.error().message);
    } else if (reminded->recorded > 0) {
      spdlog::info("daily jobs {}: due reminders: {} bills", clock->today, reminded->recorded);
    }
  }
  auto fees = ledger::assess_late_fees(database_, {});
  if (!fees.ok()) {
    spdlog::error("daily jobs {}: late fees stopped: {}", clock->today, fees.error().message);
    return;
  }
  spdlog::info("daily jobs {}: late fees: {} bills answered, {} charged ${}", clock->today,
               fees->bills, fees->charged, Money::from_cents(fees->fee_cents).to_string());
}

}  // namespace rp::app
