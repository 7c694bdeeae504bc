#include "billing/budget_enrolment.h"

#include "accounts/account_events.h"
#include "accounts/account_service.h"
#include "core/json_writer.h"
#include "core/time.h"
#include "ledger/budget_billing.h"
#include "store/utility_settings.h"

namespace rp::billing {

Result<BudgetPlanView> enroll_budget_billing(store::Database& database,
                                             const BudgetEnrolment& enrolment) {
  if (enrolment.true_up_month && (*enrolment.true_up_month < 1 || *enrolment.true_up_month > 12)) {
    return invalid_input("true_up_month", "true_up_month must be a month number from 1 to 12");
  }
  return database.write<BudgetPlanView>([&](store::Session& session) -> Result<BudgetPlanView> {
    auto account = accounts::find_account_key(session, enrolment.account);
    RP_TRY(account);
    const std::int64_t account_id = account->id;
    auto active = session.query_named("billing/active_budget_plan", {account_id});
    RP_TRY(active);
    if (!active->empty()) {
      return conflict("account " + enrolment.account.formatted() + " is already on budget billing");
    }
    auto rows = session.query_named("billing/recent_bill_charges", {account_id});
    RP_TRY(rows);
    std::vector<Money> charges;
    for (auto row = rows->rbegin(); row != rows->rend(); ++row) {
      charges.push_back(Money::from_cents(row->integer(0)));
    }
    auto installment = ledger::levelized_installment(charges);
    RP_TRY(installment);
    auto zone = store::utility_zone(session);
    RP_TRY(zone);
    const LocalDate today = zone->local_date(now());
    BudgetPlanView plan;
    plan.installment = *installment;
    plan.true_up_month =
        enrolment.true_up_month.value_or(static_cast<int>(static_cast<unsigned>(today.month())));
    plan.enrolled_on = format_local_date(today);
    auto inserted =
        session.query_named("billing/insert_budget_plan",
                            {account_id, installment->cents(), std::int64_t{plan.true_up_month},
                             plan.enrolled_on, enrolment.actor});
    RP_TRY(inserted);
    plan.id = inserted->at(0).integer(0);
    JsonWriter details;
    details.begin_object().key("plan_id").number(plan.id);
    details.key("installment").string(installment->to_string());
    details.key("true_up_month").number(plan.true_up_month);
    details.key("bills_levelled").number(static_cast<std::int64_t>(charges.size())).end_object();
    accounts::NewAccountEvent event{account_id, "budget.enrolled", enrolment.actor,
                                    "Budget billing starts: $" + installment->to_string() +
                                        " a month, trued up in month " +
                                        std::to_string(plan.true_up_month),
                                    details.take()};
    RP_TRY(accounts::record_event(session, event));
    return plan;
  });
}

}  // namespace rp::billing
