#pragma once
// The billing commands: `ratepayer tariff`, `bill-schedule`, `bill-run`, `late-fees` and
// `watch-usage`.
// Each returns the exit code: 0 success, 1 a clear one-line error on stderr (bad input names the
// option or field; the database's errors), as the other commands (commands.h).

#include <cstddef>
#include <optional>
#include <string>

#include "app/config.h"

namespace rp::app {

// Stores the tariff file `path` (ours or OpenEI URDB) on rate plan `plan_code`.
int tariff_command(const Config& config, const std::string& plan_code, const std::string& path);

// Prints each cycle's read and bill dates in `month` ("2026-11"; default: this month).
int bill_schedule_command(const Config& config, const std::optional<std::string>& month);

struct BillRunCommandOptions {
  int cycle = 0;
  std::string read_date;  // YYYY-MM-DD, the cycle's read date
  bool json = false;
};

// Runs (or resumes) a bill run and prints its progress after each chunk (stderr) and a summary.
// RATEPAYER_BILL_RUN_CHUNK_ACCOUNTS overrides the chunk size;
// RATEPAYER_BILL_RUN_KILL_AFTER_CHUNKS=N kills the process (SIGKILL) after the N-th chunk commits,
// for the crash test.
int bill_run_command(const Config& config, const BillRunCommandOptions& options);

// Runs the late-fee job (ledger/late_fee_job.h) for `date` (YYYY-MM-DD; default: the utility's
// today) and prints what it charged.
int late_fees_command(const Config& config, const std::optional<std::string>& date, bool json);

// Runs the usage watch (notify/usage_alerts.h: high usage against customers' thresholds,
// possible leaks) for `date` (YYYY-MM-DD; default: the utility's today), as the server does each
// day at 'usage_alerts_hour', and prints what it found and how long it took.
int usage_watch_command(const Config& config, const std::optional<std::string>& date, bool json);

}  // namespace rp::app
