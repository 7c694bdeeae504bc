#pragma once
// Bill runs: every account of a bill cycle billed for the period ending on the cycle's read date.
// For each account with service in the period, each service agreement's usage is pulled from
// meter data (interval days or register reads; sewer on the premise's water), rated with the
// plan's tariff, checked, and written as one bill with a section per agreement:
//  * a bill that passes every check is released at once: it takes the next gapless bill number,
//    posts a 'bill' ledger entry and records a "bill.ready" account event;
//  * a bill that fails a check is held: its holds go to the bill hold queue (bill_holds.h) and it
//    has no number and no ledger entry until staff approve it.
// All of an account's rows are written in the same transaction as its bill.
//
// Exactly once: an agreement's period starts where its last active section ended (or where its
// service started), and the database refuses a second active section for the same (agreement,
// period start); an account with a bill in the run is not drafted again. A run stopped anywhere
// (a crash, a kill) and started again bills each remaining account once and numbers stay gapless
// (numbers are taken inside the transaction that writes the bill).
//
// Chunked: accounts are drafted and written a chunk at a time, one write transaction per chunk,
// the next chunk read and rated while the previous one is written. A chunk's write holds the
// single SQLite writer, and a payment that arrives meanwhile waits for it (store/database.h,
// write_bulk), so chunks are sized by time: each is sized from the last one's write so that its
// write takes about kBillRunWriteBudget (next_chunk_accounts), starting at kBillRunFirstChunk, up
// to request.chunk_accounts. The
// reading and rating run as batch work (core/batch_priority.h): on what requests leave of the CPU.
//
// An account that cannot be billed (a plan with no tariff, a register meter with no read to start
// from and no history to estimate with) is skipped and recorded in bill_run_problems with the
// reason; it does not stop the run, and running the run again retries it.

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "billing/bill_checks.h"
#include "billing/bill_cycle.h"
#include "core/result.h"
#include "core/time.h"
#include "store/database.h"

namespace rp::billing {

inline constexpr std::size_t kBillRunChunkAccounts = 500;  // the largest chunk
inline constexpr std::size_t kBillRunFirstChunk = 50;      // before any write has been timed
inline constexpr std::size_t kBillRunSmallestChunk = 10;
inline constexpr std::chrono::microseconds kBillRunWriteBudget{2000};

// The size of the next chunk, given that the last one wrote `written` accounts in `took`: the
// number that would take `budget` at the same pace, within [kBillRunSmallestChunk, largest] (and
// never more than `largest`). With no time measured it stays at `largest`.
std::size_t next_chunk_accounts(std::size_t written, std::chrono::microseconds took,
                                std::chrono::microseconds budget, std::size_t largest);

// The utility's billing settings (utility_settings keys in docs/billing.md).
struct BillingSettings {
  UtilityZone zone;
  CycleCalendar calendar;
  std::int32_t due_days = 21;  // 'bill_due_days': due this many days after the bill date
  BillCheckRules checks;
};

// Reads the settings; errors: invalid_input naming the setting when a stored value is bad.
Result<BillingSettings> load_billing_settings(store::Database& database);

struct BillRunRequest {
  int cycle = 1;
  LocalDate read_date;  // must be the cycle's scheduled read date in its month
  std::string started_by = "system";
  std::size_t chunk_accounts = kBillRunChunkAccounts;  // the largest chunk
  // The time a chunk's write should take on SQLite; zero (and PostgreSQL, where a chunk's write
  // holds up no other write) keeps every chunk at chunk_accounts.
  std::chrono::microseconds write_budget = kBillRunWriteBudget;
};

struct BillRunProgress {
  std::int64_t run_id = 0;
  int cycle = 0;
  LocalDate read_date;
  LocalDate bill_date;
  std::string status;  // running | done
  // Accounts of the cycle with service in the period: what the run has to bill. Each ends up
  // with a released, held or (once staff cancel it) cancelled bill, or a problem.
  std::int64_t accounts = 0;
  std::int64_t released = 0;            // bills released by this run and still standing
  std::int64_t held = 0;                // drafts held for review, not sent
  std::int64_t cancelled = 0;           // bills of this run cancelled since (rebilled, or not sent)
  std::int64_t problems = 0;            // accounts that could not be billed
  std::int64_t charges_cents = 0;       // the charges of the released bills: what was billed
  std::int64_t held_charges_cents = 0;  // the charges of the held drafts: not billed yet
};

// Called after each chunk is committed; returning false stops the run there (as a crash would),
// leaving it 'running' to be resumed.
using AfterBillChunk = std::function<bool(const BillRunProgress&)>;

// Runs (or resumes) the run for request.cycle and request.read_date and returns its progress.
// Errors: invalid_input ("cycle", "read_date") before anything is written: a cycle outside the
// calendar, a date that is not the cycle's read date (the message names the scheduled one), a read
// date in the future of the utility's today; the database's error otherwise (chunks already
// committed stay, and running again resumes).
Result<BillRunProgress> run_bills(store::Database& database, const BillRunRequest& request,
                                  const AfterBillChunk& after_chunk = {});

// Validates the request as run_bills does and finds or starts its run without billing anything,
// so a caller can hand out the run's id before the (long) billing starts in the background.
Result<BillRunProgress> open_bill_run(store::Database& database, const BillRunRequest& request);

// The progress of run `run_id`. Errors: not_found.
Result<BillRunProgress> bill_run_progress(store::Database& database, std::int64_t run_id);

struct BillRunProblem {
  std::string account_number;
  std::optional<std::int64_t> agreement_id;  // the service that could not be billed, when known
  std::string problem;                       // why, in words
  std::string noted_at;
};

// The accounts run `run_id` could not bill, by account number, after `after` ("" from the
// first); limit 1..100. Errors: not_found for an unknown run; invalid_input "limit".
Result<std::vector<BillRunProblem>> bill_run_problems(store::Database& database,
                                                      std::int64_t run_id, const std::string& after,
                                                      std::size_t limit);

// The bill runs, newest first, before run id `before_id` (0: the newest); limit 1..100.
// Errors: invalid_input "limit", "cursor".
Result<std::vector<BillRunProgress>> bill_runs(store::Database& database, std::int64_t before_id,
                                               std::size_t limit);

}  // namespace rp::billing
