#pragma once
// What do I owe, by when, and why: the one answer the portal's Home and Pay pages, the bill page
// and the staff console all show (billing/amount_owed_view.h gathers the facts). Pure.
//
// What is owed now is the account's balance less what is owed only later: the deferred balance
// of budget billing and of a payment arrangement (ledger/budget_billing.h, ledger/arrangements.h)
// as the latest sent bill left it, and, for an arrangement made since that bill, the arranged
// balance less its down payment. The reasons are a statement that adds up to it exactly:
//
//   the latest bill's amount due
//   + each charge posted since it (a late fee, an adjustment, a returned payment, ...)
//   - the payments and credits since it
//   - what an arrangement made since the bill moved to later bills
//   (+ any difference between the bill's figures and the ledger when it was sent)
//
// By when: each part owed has a due date or none (a charge since the bill, which the next bill
// asks for). The latest bill's amount due is two parts: what it carried forward unpaid from before
// (amount due less its charges), which was due before the bill was sent and is past due, and its
// charges, due on its due date. An arrangement's down payment is due on its own date. Payments and
// credits pay the parts with the earliest due date first. What is left of a part whose due date has
// passed is past due.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/money.h"
#include "core/time.h"

namespace rp::billing {

// A ledger entry posted after the latest sent bill.
struct EntrySinceBill {
  std::string kind;  // a ledger kind: payment, late_fee, adjustment, reversal, refund, ...
  Money amount;      // positive: owed by the customer; negative: paid or credited
  LocalDate effective_on;
  bool after_new_arrangement = false;  // posted after the arrangement in OwedFacts was made
  // A reversal: what it undoes, so it is named for what happened ("payment_voided",
  // "payment_returned", "payment_moved", another payment's "payment", or the reversed entry's
  // kind: "bill", "late_fee", ...); empty for any other entry.
  std::string reverses{};
};

struct SentBillFacts {
  std::int64_t number = 0;
  LocalDate bill_date;
  LocalDate due_on;
  Money amount_due;
  Money charges;
  Money deferred;  // budget billing and arrangement balance the bill did not ask for
  // The account's balance through the bill's own ledger entry; equals amount_due + deferred
  // unless something was posted between the bill's figures and its release.
  Money balance_through_bill;
};

// An active arrangement no bill has carried yet: everything past due when it was made, except its
// down payment, moved to later bills.
struct NewArrangementFacts {
  Money past_due;
  Money down_payment;
  LocalDate down_payment_due_on;
  LocalDate made_on;
};

struct OwedFacts {
  Money balance;
  std::optional<SentBillFacts> latest_bill;
  std::vector<EntrySinceBill> since_bill;  // oldest first; every entry when there is no bill
  std::optional<NewArrangementFacts> new_arrangement;
};

// One line of the statement.
struct OwedReason {
  // bill | paid | arranged | earlier | a ledger kind for a charge since the bill
  std::string kind;
  Money amount;                             // signed: what it adds to what is owed now
  std::optional<LocalDate> on;              // the bill's due date, the charge's date
  std::optional<std::int64_t> bill_number;  // kind bill
  std::string reverses{};                   // kind reversal: what it undoes (EntrySinceBill)
};

struct AmountOwed {
  Money balance;
  Money now;       // what paying today makes the account current: 0 when nothing is owed
  Money past_due;  // the part of `now` whose due date has passed
  // The earliest due date of what is owed and not yet past due; none when all of it is past due
  // or is asked by the next bill.
  std::optional<LocalDate> due_on;
  Money deferred;  // owed, but asked on later bills (budget billing, an arrangement)
  Money credit;    // a balance below zero, as a positive amount
  std::vector<OwedReason> reasons;  // sums to balance - deferred
};

AmountOwed decide_amount_owed(const OwedFacts& facts, LocalDate today);

}  // namespace rp::billing
