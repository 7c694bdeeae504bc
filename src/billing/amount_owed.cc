#include "billing/amount_owed.h"

#include <algorithm>

namespace rp::billing {
namespace {

// A part of what is owed with the day it is due; none for a charge the next bill asks for.
struct OwedPart {
  Money left;
  std::optional<LocalDate> due_on;
};

// The parts owed before payments: the latest bill's amount due (or, once an arrangement is made
// since it, the down payment and what was not yet due when it was made), then each charge since.
std::vector<OwedPart> parts_owed(const OwedFacts& facts, Money& paid) {
  std::vector<OwedPart> parts;
  const auto& bill = facts.latest_bill;
  const auto& arrangement = facts.new_arrangement;
  if (arrangement) {
    if (bill && bill->due_on >= arrangement->made_on)
      parts.push_back({bill->charges, bill->due_on});
    parts.push_back({arrangement->down_payment, arrangement->down_payment_due_on});
  } else if (bill) {
    // What the bill carried forward unpaid was due before it was sent: past due already.
    const Money carried = Money::from_cents(
        std::clamp(bill->amount_due.cents() - bill->charges.cents(), std::int64_t{0},
                   std::max<std::int64_t>(0, bill->amount_due.cents())));
    const LocalDate before_the_bill{date::sys_days(bill->bill_date) - date::days(1)};
    if (carried.cents() > 0) parts.push_back({carried, before_the_bill});
    parts.push_back({bill->amount_due - carried, bill->due_on});
    const Money earlier = bill->balance_through_bill - bill->amount_due - bill->deferred;
    if (earlier.cents() > 0) parts.push_back({earlier, std::nullopt});
  }
  for (const EntrySinceBill& entry : facts.since_bill) {
    if (arrangement && !entry.after_new_arrangement) continue;  // counted in the arrangement
    if (entry.amount.cents() > 0) {
      parts.push_back({entry.amount, std::nullopt});
    } else {
      paid = paid - entry.amount;
    }
  }
  return parts;
}

// Pays the parts with the earliest due date first; parts with no due date last.
void pay_earliest_first(std::vector<OwedPart>& parts, Money paid) {
  std::stable_sort(parts.begin(), parts.end(), [](const OwedPart& a, const OwedPart& b) {
    if (a.due_on && b.due_on) return *a.due_on < *b.due_on;
    return a.due_on.has_value() && !b.due_on.has_value();
  });
  for (OwedPart& part : parts) {
    const Money applied = Money::from_cents(std::min(part.left.cents(), paid.cents()));
    if (applied.cents() <= 0) break;
    part.left = part.left - applied;
    paid = paid - applied;
  }
}

// Makes the parts add up to `now` (they do, unless the ledger holds something the bill's figures
// and the arrangement did not foresee): a shortfall is owed with the next bill; an excess comes
// off the parts due last.
void settle_to(std::vector<OwedPart>& parts, Money now) {
  Money total;
  for (const OwedPart& part : parts) total = total + part.left;
  if (total.cents() < now.cents()) parts.push_back({now - total, std::nullopt});
  Money excess = total - now;
  for (auto part = parts.rbegin(); part != parts.rend() && excess.cents() > 0; ++part) {
    const Money cut = Money::from_cents(std::min(part->left.cents(), excess.cents()));
    part->left = part->left - cut;
    excess = excess - cut;
  }
}

std::vector<OwedReason> statement(const OwedFacts& facts) {
  std::vector<OwedReason> reasons;
  if (const auto& bill = facts.latest_bill) {
    reasons.push_back({"bill", bill->amount_due, bill->due_on, bill->number});
    const Money earlier = bill->balance_through_bill - bill->amount_due - bill->deferred;
    if (earlier.cents() != 0) reasons.push_back({"earlier", earlier, std::nullopt, std::nullopt});
  }
  Money paid;
  for (const EntrySinceBill& entry : facts.since_bill) {
    if (entry.amount.cents() > 0) {
      reasons.push_back(
          {entry.kind, entry.amount, entry.effective_on, std::nullopt, entry.reverses});
    } else {
      paid = paid + entry.amount;
    }
  }
  if (paid.cents() != 0) reasons.push_back({"paid", paid, std::nullopt, std::nullopt});
  if (const auto& arrangement = facts.new_arrangement) {
    reasons.push_back({"arranged", -(arrangement->past_due - arrangement->down_payment),
                       arrangement->made_on, std::nullopt});
  }
  return reasons;
}

}  // namespace

AmountOwed decide_amount_owed(const OwedFacts& facts, LocalDate today) {
  AmountOwed owed;
  owed.balance = facts.balance;
  if (facts.latest_bill) owed.deferred = facts.latest_bill->deferred;
  if (facts.new_arrangement) {
    owed.deferred =
        owed.deferred + facts.new_arrangement->past_due - facts.new_arrangement->down_payment;
  }
  owed.credit = Money::from_cents(std::max<std::int64_t>(0, -facts.balance.cents()));
  owed.now = Money::from_cents(std::max<std::int64_t>(0, (facts.balance - owed.deferred).cents()));
  owed.reasons = statement(facts);

  Money paid;
  std::vector<OwedPart> parts = parts_owed(facts, paid);
  pay_earliest_first(parts, paid);
  settle_to(parts, owed.now);
  for (const OwedPart& part : parts) {
    if (part.left.cents() <= 0 || !part.due_on) continue;
    if (*part.due_on < today) {
      owed.past_due = owed.past_due + part.left;
    } else if (!owed.due_on || *part.due_on < *owed.due_on) {
      owed.due_on = part.due_on;
    }
  }
  return owed;
}

}  // namespace rp::billing
