#pragma once
// Late fees by rule: what a bill that was not paid in time is charged, and why not when it is
// not. Pure: the scheduled job (which applies a fee at most once per bill, by a unique key on the
// bill) gathers the facts and asks late_fee.
//
// A bill is late when, `grace_days` after its due date, what the customer paid toward it (payments
// and credits posted on or before that day, oldest bills paid first) leaves more than
// `minimum_past_due` of it unpaid. The fee is `percent_bp` basis points of the unpaid part,
// rounded half away from zero to the cent, or `flat` when that is larger, never above `maximum`
// (when set). Exempt accounts (a medical certificate, a payment arrangement kept, budget billing
// when the rule says so) are never charged.

#include <optional>
#include <string>

#include "core/money.h"
#include "core/time.h"

namespace rp::ledger {

struct LateFeeRule {
  std::int32_t grace_days = 5;
  std::int32_t percent_bp = 150;                      // 1.5 %
  Money flat = Money::from_cents(5'00);               // at least $5.00 ...
  std::optional<Money> maximum;                       // ... and at most this, when set
  Money minimum_past_due = Money::from_cents(10'00);  // nothing on $10.00 or less
  // A closed account is charged no late fee assessed after its final bill's due date plus the
  // grace days (what it still owes goes to collections), unless the utility says otherwise.
  bool after_final_bill = false;
};

struct LateFeeFacts {
  LocalDate due_on;
  Money unpaid;  // what is still owed on the bill at the end of the grace period
  bool exempt = false;
  std::string exemption;       // why, when exempt ("medical certificate on file")
  LocalDate assessed_on = {};  // the day the fee would be charged
  // A closed account: its final bill's due date (the day it closed when it had no final bill).
  std::optional<LocalDate> closed_account_final_due = {};
};

struct LateFeeDecision {
  std::optional<Money> fee;  // set when a fee is due
  std::string reason;        // why (or why not), for the account's history
};

// Whether the grace period of a bill due `due_on` has ended on `today`: the fee may be assessed
// from the day after due_on + grace_days.
bool grace_ended(const LateFeeRule& rule, LocalDate due_on, LocalDate today);

LateFeeDecision late_fee(const LateFeeRule& rule, const LateFeeFacts& facts);

}  // namespace rp::ledger
