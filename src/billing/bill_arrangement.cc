#include "billing/bill_arrangement.h"

namespace rp::billing {

Result<std::map<std::int64_t, ArrangementOutcome>> apply_arrangements(
    store::Session& session, const std::vector<AccountOutcome>& outcomes) {
  std::map<std::int64_t, ArrangementOutcome> carried;
  if (outcomes.empty()) return carried;
  auto rows = session.query_named("billing/chunk_arrangements",
                                  {outcomes.front().account_id, outcomes.back().account_id});
  RP_TRY(rows);
  if (rows->empty()) return carried;
  std::map<std::int64_t, const store::Row*> by_account;
  for (const store::Row& row : *rows) by_account[row.integer("account_id")] = &row;
  for (const AccountOutcome& outcome : outcomes) {
    auto found = by_account.find(outcome.account_id);
    if (!outcome.draft || outcome.draft->held() || found == by_account.end()) continue;
    const store::Row& row = *found->second;
    const std::int64_t count = row.integer("installment_count");
    const std::int64_t billed = row.integer("installments_billed");
    if (billed >= count) continue;
    // A final bill (the account closes) is the last one: it asks for all of the rest.
    const bool final_bill = outcome.draft->final;
    const std::int64_t number = final_bill ? count : billed + 1;
    const Money regular = Money::from_cents(row.integer("installment_cents"));
    const Money last = Money::from_cents(row.integer("last_installment_cents"));
    const Money arranged =
        Money::from_cents(row.integer("past_due_cents") - row.integer("down_payment_cents"));
    const Money billed_so_far = Money::from_cents(regular.cents() * billed);
    ArrangementOutcome outcome_of_bill;
    outcome_of_bill.arrangement_id = row.integer("id");
    outcome_of_bill.installment =
        final_bill ? arranged - billed_so_far : (number == count ? last : regular);
    outcome_of_bill.deferred_after = arranged - billed_so_far - outcome_of_bill.installment;
    carried[outcome.account_id] = outcome_of_bill;
    RP_TRY(session.execute_named("billing/bill_arrangement_installment",
                                 {number, outcome_of_bill.arrangement_id}));
  }
  return carried;
}

}  // namespace rp::billing
