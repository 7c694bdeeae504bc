#pragma once
// Budget (levelized) billing: the customer pays the same installment every month instead of the
// actual charges, and the difference is settled once a year in the true-up month. Pure: the bill
// run passes the account's plan state and this bill's actual charges.
//
// The ledger is not touched by any of this: it keeps posting the actual charges, so the balance
// stays the sum of the entries. What budget billing changes is what a bill asks for:
//   deferred balance = the actual charges billed since the last true-up - the installments asked;
//   amount due       = ledger balance - deferred balance.
// A positive deferred balance is usage budget billing has not collected yet; negative, it has
// collected more than was used.
//
// Rules (written here, tested in budget_billing_test.cc):
//  * the installment is the average of the last (up to) 12 monthly actual charges, rounded half
//    away from zero to the cent; it needs at least kMinimumBillsForBudget bills of history;
//  * every kReviewEveryBills bills the installment is reviewed: the average of the last 12 bills
//    plus the deferred balance spread over the bills left until the true-up; it changes only when
//    that differs from the current installment by more than kReviewThresholdPercent;
//  * on the true-up bill the account is asked for its actual charges plus the deferred balance
//    (which may be a credit), the deferred balance returns to zero, and the next installment is
//    the plain 12-bill average.

#include <cstdint>
#include <vector>

#include "core/money.h"
#include "core/result.h"

namespace rp::ledger {

inline constexpr std::size_t kMinimumBillsForBudget = 3;
inline constexpr int kReviewEveryBills = 3;
inline constexpr std::int64_t kReviewThresholdPercent = 10;

// The average of `charges` (newest last; only the last 12 count), rounded half away from zero to
// the cent. Errors: invalid_input ("history") with fewer than kMinimumBillsForBudget charges.
Result<Money> levelized_installment(const std::vector<Money>& charges);

struct BudgetState {
  Money installment;                  // what each bill asks for now
  Money deferred;                     // the deferred balance before this bill
  int bills_since_review = 0;         // budget bills since enrolment or the last review
  int bills_until_true_up = 12;       // this bill included: 1 means this is the true-up bill
  std::vector<Money> recent_charges;  // the account's last actual charges, oldest first
};

struct BudgetBill {
  Money asked;           // what the bill asks for in place of the actual charges
  Money deferred_after;  // the deferred balance after this bill
  Money next_installment;
  bool trued_up = false;
  bool installment_changed = false;  // a review (or the true-up) changed the installment
  int bills_since_review = 0;        // after this bill
};

// One bill on budget billing with `actual` charges.
BudgetBill budget_bill(const BudgetState& state, Money actual);

}  // namespace rp::ledger
