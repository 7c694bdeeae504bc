#pragma once
// The server's scheduler for daily work: once a local day, at or after the utility's
// 'daily_jobs_hour' (utility setting, 0-23, 2 when not set; in the utility's zone), it runs the
// late-fee job (ledger/late_fee_job.h). The job is exactly-once per bill, so a restart that runs
// it again the same day, or a second server doing the same, charges nothing twice. Every run is
// logged with what it did.

#include <condition_variable>
#include <mutex>
#include <string>
#include <thread>

#include "store/database.h"

namespace rp::app {

class DailyJobs {
 public:
  // Starts the scheduler thread; it checks the clock every `tick_seconds`.
  explicit DailyJobs(store::Database& database, int tick_seconds = 60);
  // Stops the thread (a job in progress finishes its current chunk first).
  ~DailyJobs();
  DailyJobs(const DailyJobs&) = delete;
  DailyJobs& operator=(const DailyJobs&) = delete;

 private:
  void loop();
  void run_due_jobs();

  store::Database& database_;
  const int tick_seconds_;
  std::string last_day_run_;  // the local day the jobs last ran, "2026-11-23"
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace rp::app
