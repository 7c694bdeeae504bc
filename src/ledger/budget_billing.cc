#include "ledger/budget_billing.h"

#include <cstdlib>

namespace rp::ledger {
namespace {

// numerator / denominator rounded half away from zero (denominator > 0).
std::int64_t divide_rounded(std::int64_t numerator, std::int64_t denominator) {
  const std::int64_t half = denominator / 2;
  return numerator >= 0 ? (numerator + half) / denominator : -((-numerator + half) / denominator);
}

Money average_of_last_12(const std::vector<Money>& charges) {
  const std::size_t count = std::min<std::size_t>(charges.size(), 12);
  std::int64_t total = 0;
  for (std::size_t i = charges.size() - count; i < charges.size(); ++i) total += charges[i].cents();
  return Money::from_cents(divide_rounded(total, static_cast<std::int64_t>(count)));
}

}  // namespace

Result<Money> levelized_installment(const std::vector<Money>& charges) {
  if (charges.size() < kMinimumBillsForBudget) {
    return invalid_input("history", "budget billing needs at least " +
                                        std::to_string(kMinimumBillsForBudget) +
                                        " bills of history to level; the account has " +
                                        std::to_string(charges.size()))
        .coded("budget-needs-history");
  }
  return average_of_last_12(charges);
}

BudgetBill budget_bill(const BudgetState& state, Money actual) {
  BudgetBill bill;
  std::vector<Money> history = state.recent_charges;
  history.push_back(actual);
  if (state.bills_until_true_up <= 1) {
    bill.asked = actual + state.deferred;
    bill.deferred_after = Money();
    bill.next_installment = average_of_last_12(history);
    bill.trued_up = true;
    bill.installment_changed = bill.next_installment != state.installment;
    return bill;
  }
  bill.asked = state.installment;
  bill.deferred_after = state.deferred + actual - state.installment;
  bill.next_installment = state.installment;
  bill.bills_since_review = state.bills_since_review + 1;
  if (bill.bills_since_review >= kReviewEveryBills) {
    bill.bills_since_review = 0;
    const std::int64_t left = state.bills_until_true_up - 1;  // bills after this one
    const Money reviewed = average_of_last_12(history) +
                           Money::from_cents(divide_rounded(bill.deferred_after.cents(), left));
    const std::int64_t difference = std::llabs(reviewed.cents() - state.installment.cents());
    if (difference * 100 > std::llabs(state.installment.cents()) * kReviewThresholdPercent) {
      bill.next_installment = reviewed;
      bill.installment_changed = true;
    }
  }
  return bill;
}

}  // namespace rp::ledger
