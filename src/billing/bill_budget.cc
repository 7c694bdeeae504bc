#include "billing/bill_budget.h"

#include "ledger/budget_billing.h"

namespace rp::billing {
namespace {

struct Plan {
  std::int64_t id = 0;
  ledger::BudgetState state;
  int true_up_month = 12;
  std::string enrolled_on;
};

// Bills until the true-up, this one included: 1 when the bill date falls in the true-up month.
int bills_until_true_up(LocalDate bill_date, int true_up_month) {
  const int month = static_cast<int>(static_cast<unsigned>(bill_date.month()));
  return (true_up_month - month + 12) % 12 + 1;
}

Result<void> complete_state(store::Session& session, std::int64_t account_id, Plan& plan) {
  auto deferred =
      session.query_named("billing/budget_deferred_before", {account_id, plan.enrolled_on});
  RP_TRY(deferred);
  if (!deferred->empty())
    plan.state.deferred = Money::from_cents(deferred->at(0).integer("budget_deferred_cents"));
  auto charges = session.query_named("billing/recent_bill_charges", {account_id});
  RP_TRY(charges);
  for (auto row = charges->rbegin(); row != charges->rend(); ++row) {
    plan.state.recent_charges.push_back(Money::from_cents(row->integer("charges_cents")));
  }
  return success();
}

}  // namespace

Result<std::map<std::int64_t, BudgetOutcome>> apply_budget_billing(
    store::Session& session, const RunContext& run, const std::vector<AccountOutcome>& outcomes) {
  std::map<std::int64_t, BudgetOutcome> budgets;
  if (outcomes.empty()) return budgets;
  auto rows = session.query_named("billing/chunk_budget_plans",
                                  {outcomes.front().account_id, outcomes.back().account_id});
  RP_TRY(rows);
  std::map<std::int64_t, Plan> plans;
  for (const store::Row& row : *rows) {
    Plan plan;
    plan.id = row.integer("id");
    plan.state.installment = Money::from_cents(row.integer("installment_cents"));
    plan.true_up_month = static_cast<int>(row.integer("true_up_month"));
    plan.state.bills_since_review = static_cast<int>(row.integer("bills_since_review"));
    plan.enrolled_on = row.text("enrolled_on");
    plans.emplace(row.integer("account_id"), std::move(plan));
  }
  if (plans.empty()) return budgets;
  for (const AccountOutcome& outcome : outcomes) {
    auto found = plans.find(outcome.account_id);
    if (!outcome.draft || found == plans.end()) continue;
    Plan& plan = found->second;
    RP_TRY(complete_state(session, outcome.account_id, plan));
    plan.state.bills_until_true_up = bills_until_true_up(run.bill_date, plan.true_up_month);
    const ledger::BudgetBill bill = ledger::budget_bill(plan.state, outcome.draft->charges);
    budgets[outcome.account_id] = {bill.asked, bill.deferred_after};
    RP_TRY(session.execute_named(
        "billing/update_budget_plan",
        {bill.next_installment.cents(), std::int64_t{bill.bills_since_review}, plan.id}));
  }
  return budgets;
}

}  // namespace rp::billing
