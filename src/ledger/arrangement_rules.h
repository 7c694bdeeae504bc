#pragma once
// Payment arrangements, the rules alone: which customers may spread a past-due balance over
// installments, and the plans they are offered. Pure; the utility's policy comes from its
// settings (the service half reads them).
//
// A plan: a down payment now (a share of the past-due balance, rounded up to the cent), then the
// rest in N equal installments (N from the policy's minimum to its maximum, 2-12), one on each of
// the next N bills; the cents that do not divide evenly go on the last installment, so the plan
// always adds up to the past-due balance exactly.
//
// Eligible when: the past-due balance is at least the policy's minimum; the account is open;
// there is no arrangement in force; and no arrangement was broken in the last 12 months.

#include <cstdint>
#include <string>
#include <vector>

#include "core/money.h"
#include "core/result.h"
#include "core/time.h"

namespace rp::ledger {

struct ArrangementPolicy {
  std::int64_t down_payment_bp = 2500;  // basis points of the past-due balance: 25.00%
  int fewest_installments = 2;
  int most_installments = 6;
  Money smallest_past_due = Money::from_cents(25'00);
  int broken_lookback_months = 12;
};

// Errors: invalid_input naming the field when the policy is out of range: down_payment_bp
// 0-10000, installments 2-12 with fewest <= most, smallest_past_due not negative.
Result<void> check_arrangement_policy(const ArrangementPolicy& policy);

struct ArrangementHistory {
  bool account_open = true;
  bool arrangement_in_force = false;
  std::vector<LocalDate> broken_on;  // days earlier arrangements were broken
};

struct Eligibility {
  bool eligible = false;
  std::string reason;  // why not, in words the customer reads
  // Why not, as a stable name for clients that word it themselves: account-closed,
  // arrangement-in-force, arrangement-broken, nothing-past-due, past-due-too-small.
  std::string reason_code;
};

Eligibility arrangement_eligibility(const ArrangementPolicy& policy, Money past_due,
                                    const ArrangementHistory& history, LocalDate today);

struct ArrangementPlan {
  int installments = 0;
  Money down_payment;
  Money installment;       // each but the last
  Money last_installment;  // takes the cents left over
  Money total;             // = the past-due balance
};

// One plan per number of installments the policy allows, fewest first. Empty for a past-due
// balance of zero or less.
std::vector<ArrangementPlan> arrangement_plans(const ArrangementPolicy& policy, Money past_due);

// The installments of `plan` in bill order (down payment not included).
std::vector<Money> installment_amounts(const ArrangementPlan& plan);

}  // namespace rp::ledger
