#pragma once
// Enrolling an account in budget (levelized) billing, and leaving it. The installment is levelled
// from the account's last 12 sent bills (ledger/budget_billing.h); from the next bill run on, its
// bills ask for the installment, show the actual charges beside it, and are trued up in the true-up
// month. Enrolment is recorded with a "budget.enrolled" account event.

#include <optional>
#include <string>

#include "accounts/customer_consent.h"
#include "core/account_number.h"
#include "core/money.h"
#include "core/result.h"
#include "store/database.h"

namespace rp::billing {

struct BudgetEnrolment {
  AccountNumber account;
  std::optional<int> true_up_month;  // 1-12; none: the enrolment month, a year on
  std::string actor;
  // Needed unless the actor is the customer's own portal login (accounts/customer_consent.h).
  std::optional<accounts::CustomerConsent> consent;
};

struct BudgetPlanView {
  std::int64_t id = 0;
  Money installment;
  int true_up_month = 0;
  std::string enrolled_on;
};

// Errors (nothing written): not_found for an unknown account; conflict when it is already on a
// budget plan; invalid_input "true_up_month" outside 1-12, "history" with fewer than 3 bills, or
// "consent..." (accounts/customer_consent.h: require_consent).
Result<BudgetPlanView> enroll_budget_billing(store::Database& database,
                                             const BudgetEnrolment& enrolment);

struct BudgetLeaving {
  std::string ended_on;
  // Actual charges less installments asked since the last true-up: added to (or, below zero,
  // credited on) the next bill, which asks for the whole balance again.
  Money deferred_balance;
};

// Ends the account's budget plan today, with a "budget.ended" account event. The next bill is an
// ordinary one: its amount due is the whole ledger balance, so the deferred balance falls due then.
// Errors (nothing written): not_found for an unknown account; conflict when it is not on budget
// billing; invalid_input "consent..." as for enrolling.
Result<BudgetLeaving> leave_budget_billing(store::Database& database, const AccountNumber& account,
                                           const std::string& actor,
                                           const std::optional<accounts::CustomerConsent>& consent);

}  // namespace rp::billing
