#pragma once
// Adjustments: staff correct what an account owes by a signed amount with a reason code (credits
// negative, charges positive). An adjustment posts at once while it and the account's other
// adjustments posted without approval in the last kAdjustmentWindow stay within the utility's
// approval limit (so three $99 credits are not a way around a $100 limit); past it, it waits for
// a second person, who approves it (it posts) or rejects it; the person who asked can do
// neither. Posting appends an 'adjustment' ledger entry (reference "ADJ-<id>") and an
// account event in the same transaction; nothing is ever edited.
//
// Exactly once: every request carries an idempotency key. The same key again returns the first
// answer (replayed); the same key with a different request is refused.

#include <array>
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/account_number.h"
#include "core/money.h"
#include "core/result.h"
#include "store/database.h"

namespace rp::ledger {

// The reason codes staff choose from (docs/billing.md says when each applies).
inline constexpr std::array<const char*, 8> kAdjustmentReasons = {
    "billing_error", "meter_error", "leak_credit",      "goodwill",
    "fee_waiver",    "write_off",   "deposit_interest", "other"};

// The largest adjustment (either sign) that posts without a second person: the setting
// 'adjustment_approval_cents' (0 - 10,000,000), $100.00 when not set.
inline constexpr std::int64_t kDefaultApprovalCents = 100'00;

// How far back adjustments posted without approval count together against the limit.
inline constexpr std::chrono::days kAdjustmentWindow{30};

struct AdjustmentRequest {
  AccountNumber account;
  Money amount;             // non-zero; negative credits the customer
  std::string reason_code;  // one of kAdjustmentReasons
  std::string memo;         // what happened, in words; required
  std::string requested_by;
  std::string idempotency_key;  // 1-200 characters, unique per request
};

struct Adjustment {
  std::int64_t id = 0;
  std::string account_number;
  Money amount;
  std::string reason_code;
  std::string memo;
  std::string status;  // pending | posted | rejected
  std::string requested_by;
  std::string requested_at;
  std::string decided_by;  // the second person (empty until decided or when under the limit)
  std::string decided_at;
  std::string decision_note;
  std::optional<std::int64_t> ledger_entry_id;
  bool replayed = false;  // this answer is a retried request's first answer
};

// Errors (nothing written): invalid_input naming the field (amount, reason_code, memo,
// idempotency_key; idempotency_key also when the key was used for a different request);
// not_found for an unknown account.
Result<Adjustment> request_adjustment(store::Database& database, const AdjustmentRequest& request);

// The second person's answer to a pending adjustment. Errors: not_found; conflict when it is not
// pending or `decided_by` asked for it.
Result<Adjustment> approve_adjustment(store::Database& database, std::int64_t id,
                                      const std::string& decided_by, const std::string& note);
Result<Adjustment> reject_adjustment(store::Database& database, std::int64_t id,
                                     const std::string& decided_by, const std::string& note);

// Pending adjustments, oldest first, after id `after`; limit 1-100.
Result<std::vector<Adjustment>> pending_adjustments(store::Database& database, std::int64_t after,
                                                    std::size_t limit);

}  // namespace rp::ledger
