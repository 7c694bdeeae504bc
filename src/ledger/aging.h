#pragma once
// Aging: how old the unpaid part of a balance is, in the buckets collections work from (current,
// 30, 60, 90+ days past due). Pure: the ledger service passes an account's entries.
//
// Credits (payments, credit adjustments, reversals of charges) pay the oldest charges first, the
// rule most utility commissions require; what each charge still owes is then aged by the days
// from its due date to `as_of`. A charge not yet due is current. A credit left over after every
// charge is paid is a credit balance (negative), reported as such.

#include <cstdint>
#include <vector>

#include "core/money.h"
#include "core/time.h"

namespace rp::ledger {

struct AgingEntry {
  Money amount;      // positive: a charge the customer owes; negative: a credit
  LocalDate due_on;  // for a charge: when it is due (a bill's due date, a fee's posting day)
};

struct AgingBuckets {
  Money current;       // not yet due, or less than 30 days past due
  Money days_30;       // 30 to 59 days past due
  Money days_60;       // 60 to 89
  Money days_90_plus;  // 90 or more
  Money credit;        // a credit balance (<= 0) left after every charge is paid
  Money total() const { return current + days_30 + days_60 + days_90_plus + credit; }
};

// The buckets of `entries` (any order; charges are paid oldest due date first) on `as_of`.
// total() always equals the sum of the entries.
AgingBuckets age_balance(const std::vector<AgingEntry>& entries, LocalDate as_of);

}  // namespace rp::ledger
