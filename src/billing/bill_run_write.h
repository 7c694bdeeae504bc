#pragma once
// The write half of a bill run (bill_run.h): one chunk's drafts stored in one transaction, with
// bill numbers, ledger entries, account events, holds and problems. Internal to the billing
// service.

#include <cstdint>
#include <string>
#include <vector>

#include "billing/bill_run_facts.h"
#include "store/session.h"

namespace rp::billing {

struct ChunkWritten {
  std::int64_t released = 0;
  std::int64_t held = 0;
  std::int64_t problems = 0;
  std::int64_t charges_cents = 0;       // of the bills released
  std::int64_t held_charges_cents = 0;  // of the drafts held for review
};

// Writes `outcomes` (one chunk, ascending account ids) inside the caller's write transaction.
// `at` is the instant stamped on every row ("2026-11-05T14:00:00Z").
// Errors: conflict when an agreement's period was billed meanwhile (a second run of the same
// cycle): the transaction must be rolled back, which Database::write does.
Result<ChunkWritten> write_chunk(store::Session& session, const RunContext& run,
                                 const std::vector<AccountOutcome>& outcomes,
                                 const std::string& at);

// A period as bills and events state it: "2026-10-05 to 2026-11-03" (the last day billed).
std::string period_text(const rating::BillingPeriod& period);

}  // namespace rp::billing
