#include "ledger/arrangements.h"

#include <algorithm>

#include "accounts/account_events.h"
#include "accounts/account_service.h"
#include "accounts/ledger.h"
#include "core/json_writer.h"
#include "store/utility_settings.h"

namespace rp::ledger {
namespace {

using store::Row;
using store::Session;

Result<ArrangementPolicy> policy_of(Session& session) {
  ArrangementPolicy policy;
  auto down = store::whole_number_setting(session, "arrangement_down_payment_bp");
  RP_TRY(down);
  auto fewest = store::whole_number_setting(session, "arrangement_fewest_installments");
  RP_TRY(fewest);
  auto most = store::whole_number_setting(session, "arrangement_most_installments");
  RP_TRY(most);
  auto smallest = store::whole_number_setting(session, "arrangement_smallest_past_due_cents");
  RP_TRY(smallest);
  if (*down) policy.down_payment_bp = **down;
  if (*fewest) policy.fewest_installments = static_cast<int>(**fewest);
  if (*most) policy.most_installments = static_cast<int>(**most);
  if (*smallest) policy.smallest_past_due = Money::from_cents(**smallest);
  auto checked = check_arrangement_policy(policy);
  if (!checked.ok()) {
    return invalid_input("arrangement_" + checked.error().field,
                         "the arrangement settings do not agree: " + checked.error().message);
  }
  return policy;
}

struct AccountFacts {
  std::int64_t id = 0;
  Money past_due;
  ArrangementHistory history;
  LocalDate today;
};

Result<AccountFacts> facts_of(Session& session, const AccountNumber& account) {
  auto key = accounts::find_account_key(session, account);
  RP_TRY(key);
  AccountFacts facts;
  facts.id = key->id;
  facts.history.account_open = key->status != "closed";
  auto zone = store::utility_zone(session);
  RP_TRY(zone);
  facts.today = zone->local_date(now());
  auto balance = accounts::account_balance(session, facts.id);
  RP_TRY(balance);
  auto not_due =
      session.query_named("ledger/not_yet_due_bills", {facts.id, format_local_date(facts.today)});
  RP_TRY(not_due);
  facts.past_due = Money::from_cents(
      std::max<std::int64_t>(0, balance->cents() - not_due->at(0).integer("not_due_cents")));
  auto history = session.query_named("ledger/arrangement_history", {facts.id});
  RP_TRY(history);
  for (const Row& row : *history) {
    if (row.text("status") == "active") facts.history.arrangement_in_force = true;
    if (row.text("status") == "broken") {
      auto day = parse_local_date(row.text("ended_on"), "ended_on");
      if (day.ok()) facts.history.broken_on.push_back(*day);
    }
  }
  return facts;
}

Arrangement arrangement_of(const Row& row) {
  Arrangement arrangement;
  arrangement.id = row.integer("id");
  arrangement.status = row.text("status");
  arrangement.past_due = Money::from_cents(row.integer("past_due_cents"));
  arrangement.down_payment = Money::from_cents(row.integer("down_payment_cents"));
  arrangement.down_payment_due_on = row.text("down_payment_due_on");
  arrangement.down_payment_kept = row.integer("down_payment_kept") != 0;
  arrangement.installments = row.integer("installment_count");
  arrangement.installment = Money::from_cents(row.integer("installment_cents"));
  arrangement.last_installment = Money::from_cents(row.integer("last_installment_cents"));
  arrangement.installments_billed = row.integer("installments_billed");
  arrangement.created_on = row.text("created_on");
  arrangement.ended_on = row.text("ended_on");
  arrangement.end_reason = row.text("end_reason");
  return arrangement;
}

std::string event_details(std::int64_t arrangement_id, const std::string& what) {
  JsonWriter json;
  json.begin_object().key("arrangement_id").number(arrangement_id);
  json.key("reason").string(what).end_object();
  return json.take();
}

Result<void> end(Session& session, std::int64_t id, std::int64_t account_id,
                 const std::string& status, const std::string& day, const std::string& reason,
                 ArrangementReview& review) {
  auto changed = session.execute_named("ledger/end_arrangement", {status, day, reason, id});
  RP_TRY(changed);
  if (*changed != 1) return success();
  ++(status == "broken" ? review.broken : review.completed);
  const std::string summary = status == "broken"
                                  ? "The payment arrangement was broken: " + reason +
                                        ". The next bill asks for everything owed."
                                  : "The payment arrangement was completed: every installment "
                                    "was paid";
  RP_TRY(accounts::record_event(session, {account_id, "arrangement." + status, "arrangements",
                                          summary, event_details(id, reason)}));
  return success();
}

// Judges one active arrangement as of `today`.
Result<void> review_one(Session& session, const Row& row, LocalDate today,
                        ArrangementReview& review) {
  const std::int64_t id = row.integer("id");
  const std::int64_t account_id = row.integer("account_id");
  const Money down = Money::from_cents(row.integer("down_payment_cents"));
  const std::string down_due = row.text("down_payment_due_on");
  const std::string day = format_local_date(today);
  if (row.integer("down_payment_kept") == 0 && down_due < day) {
    auto paid = session.query_named("ledger/payments_since",
                                    {account_id, row.text("created_on"), down_due});
    RP_TRY(paid);
    if (paid->at(0).integer("paid_cents") < down.cents()) {
      return end(session, id, account_id, "broken", day,
                 "the down payment of $" + down.to_string() + " was not paid by " + down_due,
                 review);
    }
    RP_TRY(session.execute_named("ledger/keep_down_payment", {id}));
    ++review.kept;
  }
  auto bills = session.query_named("ledger/arrangement_bills_to_check", {id, day});
  RP_TRY(bills);
  for (const Row& bill : *bills) {
    // The day after the due date: what is owed on this bill beyond the arranged balance.
    const std::string due = bill.text("due_date");
    auto balance = session.query_named("ledger/balance_on", {account_id, due});
    RP_TRY(balance);
    auto newer = session.query_named("ledger/charges_after_entry",
                                     {account_id, bill.integer("entry_id"), due});
    RP_TRY(newer);
    const std::int64_t owed = balance->at(0).integer("balance_cents") -
                              bill.integer("deferred_cents") -
                              newer->at(0).integer("later_charges_cents");
    RP_TRY(
        session.execute_named("ledger/mark_arrangement_bill_checked", {bill.integer("bill_id")}));
    if (owed > 0) {
      return end(
          session, id, account_id, "broken", day,
          "$" + Money::from_cents(owed).to_string() + " of the bill due " + due + " was not paid",
          review);
    }
    ++review.kept;
  }
  if (row.integer("installments_billed") >= row.integer("installment_count")) {
    auto unchecked = session.query_named("ledger/unchecked_arrangement_bills", {id});
    RP_TRY(unchecked);
    if (unchecked->at(0).integer("unchecked_bills") == 0) {
      return end(session, id, account_id, "completed", day, "every installment was paid", review);
    }
  }
  return success();
}

}  // namespace

Result<ArrangementOffer> arrangement_offer(store::Database& database,
                                           const AccountNumber& account) {
  return database.read<ArrangementOffer>([&](Session& session) -> Result<ArrangementOffer> {
    auto policy = policy_of(session);
    RP_TRY(policy);
    auto facts = facts_of(session, account);
    RP_TRY(facts);
    ArrangementOffer offer;
    offer.past_due = facts->past_due;
    offer.eligibility =
        arrangement_eligibility(*policy, facts->past_due, facts->history, facts->today);
    if (offer.eligibility.eligible) offer.plans = arrangement_plans(*policy, facts->past_due);
    return offer;
  });
}

Result<Arrangement> make_arrangement(store::Database& database, const AccountNumber& account,
                                     std::int64_t installments, const std::string& actor) {
  return database.write<Arrangement>([&](Session& session) -> Result<Arrangement> {
    auto policy = policy_of(session);
    RP_TRY(policy);
    auto facts = facts_of(session, account);
    RP_TRY(facts);
    const Eligibility eligibility =
        arrangement_eligibility(*policy, facts->past_due, facts->history, facts->today);
    if (!eligibility.eligible) {
      return conflict("a payment arrangement is not offered: " + eligibility.reason)
          .coded(eligibility.reason_code);
    }
    const auto plans = arrangement_plans(*policy, facts->past_due);
    auto chosen = std::find_if(plans.begin(), plans.end(), [&](const ArrangementPlan& plan) {
      return plan.installments == installments;
    });
    if (chosen == plans.end()) {
      return invalid_input(
          "installments", "the plans offered have " + std::to_string(policy->fewest_installments) +
                              " to " + std::to_string(policy->most_installments) + " installments");
    }
    const std::string today = format_local_date(facts->today);
    const std::string down_due =
        format_local_date(LocalDate(date::sys_days(facts->today) + date::days(kDownPaymentDays)));
    auto inserted = session.query_named(
        "ledger/insert_arrangement",
        {facts->id, facts->past_due.cents(), chosen->down_payment.cents(), installments,
         chosen->installment.cents(), chosen->last_installment.cents(), down_due, today,
         format_instant(now()), actor});
    RP_TRY(inserted);
    const std::int64_t id = inserted->at(0).integer("id");
    RP_TRY(accounts::record_event(
        session, {facts->id, "arrangement.made", actor,
                  "Payment arrangement: $" + chosen->down_payment.to_string() + " by " + down_due +
                      ", then " + std::to_string(installments) + " installments of $" +
                      chosen->installment.to_string() + " on the next bills",
                  event_details(id, "")}));
    auto rows = session.query_named("ledger/arrangements_of_account", {facts->id});
    RP_TRY(rows);
    return arrangement_of(rows->at(0));
  });
}

Result<std::vector<Arrangement>> account_arrangements(store::Database& database,
                                                      const AccountNumber& account) {
  return database.read<std::vector<Arrangement>>(
      [&](Session& session) -> Result<std::vector<Arrangement>> {
        auto found = accounts::find_account_key(session, account);
        RP_TRY(found);
        auto rows = session.query_named("ledger/arrangements_of_account", {found->id});
        RP_TRY(rows);
        std::vector<Arrangement> list;
        for (const Row& row : *rows) list.push_back(arrangement_of(row));
        return list;
      });
}

Result<ArrangementReview> review_arrangements(store::Database& database, LocalDate today) {
  return database.write<ArrangementReview>([&](Session& session) -> Result<ArrangementReview> {
    ArrangementReview review;
    auto active = session.query_named("ledger/active_arrangements");
    RP_TRY(active);
    for (const Row& row : *active) RP_TRY(review_one(session, row, today, review));
    return review;
  });
}

}  // namespace rp::ledger
