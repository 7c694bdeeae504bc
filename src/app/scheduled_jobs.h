#pragma once
// The server's scheduler. Every tick it settles payments left pending by a processor timeout for
// more than two minutes (payments/payment_intake.h: the processor says whether the charge
// happened). Once a local day, at or after the utility's 'daily_jobs_hour' (utility setting,
// 0-23, 2 when not set; in the utility's zone), it runs scheduled payments and autopay
// (payments/payment_schedule.h; with the processor), the payment arrangements' breaking rule
// (ledger/arrangements.h), the due reminders (notify/due_reminders.h), then the late-fee job
// (ledger/late_fee_job.h).
// Once a local day at or after 'usage_alerts_hour' (default 6, after the night's meter data), it
// runs the usage watch (notify/usage_alerts.h: high usage against customers' thresholds, possible
// leaks).
// Every tick it completes the move-outs that need no visit once their last day is over
// (orders/orders.h, complete_due_orders) and, when a head-end is configured, sends remote
// connects and disconnects and follows their answers (orders/remote_orders.h), and closes the
// accounts whose final bill is settled (orders/account_closing.h).
// The jobs are exactly-once by construction, so a restart that runs them again, or a second
// server doing the same, changes nothing twice. Every run that did something is logged.

#include <condition_variable>
#include <mutex>
#include <string>
#include <thread>

#include "orders/head_end.h"
#include "payments/processor.h"
#include "store/database.h"

namespace rp::app {

// The local hour the daily jobs run while the 'daily_jobs_hour' setting is not set.
inline constexpr std::int64_t kDefaultDailyJobsHour = 2;
// The local hour the usage watch runs while the 'usage_alerts_hour' setting is not set.
inline constexpr std::int64_t kDefaultUsageAlertsHour = 6;

class ScheduledJobs {
 public:
  // Starts the scheduler thread; it checks the clock every `tick_seconds`. `processor` (may be
  // null: no reconciliation) must outlive this.
  ScheduledJobs(store::Database& database, payments::PaymentProcessor* processor,
                int tick_seconds = 60, orders::HeadEnd* head_end = nullptr);
  // Stops the thread (a job in progress finishes its current chunk first).
  ~ScheduledJobs();
  ScheduledJobs(const ScheduledJobs&) = delete;
  ScheduledJobs& operator=(const ScheduledJobs&) = delete;

 private:
  void loop();
  void run_due_jobs();
  void run_usage_watch();
  void settle_payments();
  void run_remote_orders();

  store::Database& database_;
  payments::PaymentProcessor* processor_;
  orders::HeadEnd* head_end_;
  const int tick_seconds_;
  std::string last_day_run_;        // the local day the jobs last ran, "2026-11-23"
  std::string last_usage_day_run_;  // the local day the usage watch last ran
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace rp::app
