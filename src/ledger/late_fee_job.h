#pragma once
// The late-fee job: every released bill whose grace period has ended is answered exactly once —
// charged a late fee by the utility's rule (late_fee.h) or recorded as not charged and why — in
// late_fees, whose primary key (the bill) makes a second fee for the same bill impossible, even
// when the job runs twice at once or is killed half-way. A fee posts a 'late_fee' ledger entry
// (reference: the bill number) and a "late_fee.charged" account event with the answer.
//
// What is unpaid on a bill follows late_fee.h: the account's balance on the last day of grace,
// less the charges posted after the bill (credits pay the oldest charges first), within 0 and
// the bill's charges (a budget bill: less its deferred balance, within what it asked for). The
// scheduler runs the job daily; `ratepayer late-fees` runs it by hand.

#include <cstdint>
#include <optional>

#include "core/result.h"
#include "core/time.h"
#include "ledger/late_fee.h"
#include "store/database.h"

namespace rp::ledger {

// The utility's rule from utility_settings (docs/billing.md): late_fee_grace_days (0-60),
// late_fee_percent_bp (0-10000), late_fee_flat_cents, late_fee_maximum_cents,
// late_fee_minimum_past_due_cents; absent keys keep LateFeeRule's defaults.
// Errors: invalid_input naming the setting when a stored value is not a whole number in range.
Result<LateFeeRule> load_late_fee_rule(store::Database& database);

struct LateFeeRunRequest {
  std::optional<LocalDate> today;  // none: the utility's today
  std::string actor = "system:late-fees";
  std::size_t chunk_bills = 500;  // bills answered per write transaction
};

struct LateFeeReport {
  LocalDate today;
  std::int64_t bills = 0;    // bills answered by this run
  std::int64_t charged = 0;  // of which charged a fee
  std::int64_t fee_cents = 0;
};

// Answers every bill whose grace period ended before `today`. Errors (nothing written):
// invalid_input ("date") for a day after the utility's today; the rule's; the database's (chunks
// already written stay written; running again answers the rest).
Result<LateFeeReport> assess_late_fees(store::Database& database, const LateFeeRunRequest& request);

}  // namespace rp::ledger
