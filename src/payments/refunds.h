#pragma once
// Refunds of a credit balance: what the utility owes a customer who paid more than was billed,
// or whose final bill left a credit on a closed account. The refund is a check mailed to the
// account's mailing address (the utility's payables print it from the refunds list); a 'refund'
// ledger entry takes the credit off the account, with a "refund.issued" event, in one
// transaction. Exactly once per idempotency key, like every money-moving request.
//
// Segregation of duties: no one who asked for or approved an adjustment to the account in the
// last kRefundAdjustmentWindow may also issue its refund (one person must not make a credit and
// mail it to themselves); someone else issues it.

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>

#include "core/account_number.h"
#include "core/money.h"
#include "core/result.h"
#include "store/database.h"

namespace rp::payments {

inline constexpr std::chrono::days kRefundAdjustmentWindow{30};

struct RefundRequest {
  AccountNumber account;
  std::optional<Money> amount;  // none: the whole credit balance
  std::string reason;           // required: "overpayment", "final bill credit", ...
  std::string idempotency_key;  // 1-200 characters
  std::string actor;
};

struct Refund {
  std::int64_t id = 0;
  std::string account_number;
  Money amount;
  std::string method;  // check
  std::string reason;
  std::string mail_to;  // the name and address the check goes to
  std::string created_at;
  bool replayed = false;
};

// Errors (nothing written): invalid_input naming "amount" (not positive, or more than the credit
// balance, which the message gives), "reason" or "idempotency_key" (also: used for a different
// request); not_found; conflict when the account has no credit balance, or when the actor
// adjusted the account in the window (the message says someone else must issue it).
Result<Refund> refund_credit_balance(store::Database& database, const RefundRequest& request);

}  // namespace rp::payments
