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
  RP_TRY(accounts::require_consent(enrolment.actor, enrolment.consent));
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
      return conflict("account " + enrolment.account.formatted() + " is already on budget billing")
          .coded("budget-already-on");
    }
    auto rows = session.query_named("billing/recent_bill_charges", {account_id});
    RP_TRY(rows);
    std::vector<Money> charges;
    for (auto row = rows->rbegin(); row != rows->rend(); ++row) {
      charges.push_back(Money::from_cents(row->integer("charges_cents")));
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
    plan.id = inserted->at(0).integer("id");
    JsonWriter details;
    details.begin_object().key("plan_id").number(plan.id);
    details.key("installment").string(installment->to_string());
    details.key("true_up_month").number(plan.true_up_month);
    details.key("bills_levelled").number(static_cast<std::int64_t>(charges.size()));
    accounts::write_consent(details, enrolment.consent);
    details.end_object();
    accounts::NewAccountEvent event{
        account_id, "budget.enrolled", enrolment.actor,
        "Budget billing starts: $" + installment->to_string() + " a month, trued up in month " +
            std::to_string(plan.true_up_month) + accounts::consent_words(enrolment.consent),
        details.take()};
    RP_TRY(accounts::record_event(session, event));
    return plan;
  });
}

Result<BudgetLeaving> leave_budget_billing(
    store::Database& database, const AccountNumber& account, const std::string& actor,
    const std::optional<accounts::CustomerConsent>& consent) {
  RP_TRY(accounts::require_consent(actor, consent));
  return database.write<BudgetLeaving>([&](store::Session& session) -> Result<BudgetLeaving> {
    auto key = accounts::find_account_key(session, account);
    RP_TRY(key);
    auto active = session.query_named("billing/active_budget_plan", {key->id});
    RP_TRY(active);
    if (active->empty()) {
      return conflict("account " + account.formatted() + " is not on budget billing")
          .coded("budget-not-on");
    }
    const std::int64_t plan_id = active->at(0).integer("id");
    auto deferred = session.query_named("billing/latest_budget_deferred", {key->id});
    RP_TRY(deferred);
    auto zone = store::utility_zone(session);
    RP_TRY(zone);
    BudgetLeaving leaving;
    leaving.ended_on = format_local_date(zone->local_date(now()));
    if (!deferred->empty())
      leaving.deferred_balance =
          Money::from_cents(deferred->at(0).integer("budget_deferred_cents"));
    RP_TRY(session.execute_named("billing/end_budget_plan", {leaving.ended_on, plan_id}));
    JsonWriter details;
    details.begin_object().key("plan_id").number(plan_id);
    details.key("deferred_balance").string(leaving.deferred_balance.to_string());
    accounts::write_consent(details, consent);
    details.end_object();
    const std::string summary =
        (leaving.deferred_balance.cents() == 0
             ? std::string("Budget billing ended; nothing was deferred")
             : "Budget billing ended; the deferred $" + leaving.deferred_balance.to_string() +
                   " is settled on the next bill") +
        accounts::consent_words(consent);
    RP_TRY(accounts::record_event(session, accounts::NewAccountEvent{key->id, "budget.ended", actor,
                                                                     summary, details.take()}));
    return leaving;
  });
}

}  // namespace rp::billing
