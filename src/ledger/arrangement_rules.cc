#include "ledger/arrangement_rules.h"

namespace rp::ledger {

Result<void> check_arrangement_policy(const ArrangementPolicy& policy) {
  if (policy.down_payment_bp < 0 || policy.down_payment_bp > 10'000) {
    return invalid_input("down_payment_bp", "the down payment is 0 to 10000 basis points (100%)");
  }
  if (policy.fewest_installments < 2 || policy.most_installments > 12 ||
      policy.fewest_installments > policy.most_installments) {
    return invalid_input(
        "installments",
        "an arrangement has 2 to 12 installments, the fewest no more than the most");
  }
  if (policy.smallest_past_due.is_negative()) {
    return invalid_input("smallest_past_due", "the smallest past-due balance cannot be negative");
  }
  return success();
}

Eligibility arrangement_eligibility(const ArrangementPolicy& policy, Money past_due,
                                    const ArrangementHistory& history, LocalDate today) {
  if (!history.account_open) return {false, "the account is closed", "account-closed"};
  if (history.arrangement_in_force)
    return {false, "an arrangement is already in force", "arrangement-in-force"};
  const date::year_month lookback =
      date::year_month(today.year(), today.month()) - date::months(policy.broken_lookback_months);
  for (const LocalDate& broken : history.broken_on) {
    const date::year_month when(broken.year(), broken.month());
    if (when > lookback || (when == lookback && broken.day() > today.day())) {
      return {false,
              "an arrangement was broken on " + format_local_date(broken) + ", less than " +
                  std::to_string(policy.broken_lookback_months) + " months ago",
              "arrangement-broken"};
    }
  }
  if (past_due.is_zero() || past_due.is_negative())
    return {false, "nothing is past due", "nothing-past-due"};
  if (past_due < policy.smallest_past_due) {
    return {false, "the past-due balance is less than $" + policy.smallest_past_due.to_string(),
            "past-due-too-small"};
  }
  return {true, "", ""};
}

std::vector<ArrangementPlan> arrangement_plans(const ArrangementPolicy& policy, Money past_due) {
  std::vector<ArrangementPlan> plans;
  if (past_due.cents() <= 0) return plans;
  // Rounded up: the down payment is never less than the policy's share.
  const std::int64_t down = (past_due.cents() * policy.down_payment_bp + 9'999) / 10'000;
  const std::int64_t rest = past_due.cents() - down;
  for (int count = policy.fewest_installments; count <= policy.most_installments; ++count) {
    ArrangementPlan plan;
    plan.installments = count;
    plan.down_payment = Money::from_cents(down);
    plan.installment = Money::from_cents(rest / count);
    plan.last_installment = Money::from_cents(rest - rest / count * (count - 1));
    plan.total = past_due;
    plans.push_back(plan);
  }
  return plans;
}

std::vector<Money> installment_amounts(const ArrangementPlan& plan) {
  std::vector<Money> amounts;
  for (int i = 0; i + 1 < plan.installments; ++i) amounts.push_back(plan.installment);
  if (plan.installments > 0) amounts.push_back(plan.last_installment);
  return amounts;
}

}  // namespace rp::ledger
