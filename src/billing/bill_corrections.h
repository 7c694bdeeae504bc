#pragma once
// What staff do with a bill after a run drafted it: the bill hold queue's three answers (approve,
// recalculate after a read correction, cancel) and corrections of a released bill by
// cancel/rebill. Every action writes the bill's new state, its ledger entries, the holds'
// resolution and an account event in one transaction.
//
//  * approve (held only): the bill is released as it was drafted. It takes the next gapless bill
//    number and posts its 'bill' ledger entry. When approved after its bill date it is dated the
//    utility's today and its due date counted from there, so the customer keeps the full terms.
//  * recalculate (held or released): the bill is cancelled and the account drafted again in the
//    same run, from the meter data as it is now (after a VEE edit or a corrected read). The new
//    bill goes through the checks again, so it may be held again; it names the bill it replaces
//    (replaces_bill_id) and gets fresh terms: dated the utility's today (when that is after the
//    run's bill date) and due the utility's days from then, so a correction is never born past
//    due. A released bill's charges are first reversed by a 'reversal' ledger entry linked to its
//    'bill' entry (reverses_entry_id), and a late fee charged on it by another linked reversal;
//    its number stays used (numbers are never reissued, so the sequence stays gapless).
//  * cancel (held or released): the bill is cancelled (a released bill's charges and late fee
//    reversed as above) and its sections stop counting, so the cycle's next run bills the period
//    again.
//
// A held bill is approved as drafted only until its cycle's first read date after the bill's
// date: after that the meter data and the account have moved on, so approving is refused
// (conflict, code "bill-overtaken") and the bill is recalculated instead; the recalculated
// draft is dated the day it is made, so it can be approved in its turn.
//
// Only an agreement's latest bill can be recalculated or cancelled: a later bill started where
// this one ended. Correct later bills first, newest first. The one exception is recalculating a
// held bill that later bills follow (it was never sent, so nothing was built on its charges): it
// is drafted again for its own period, and refused (conflict, nothing written) when the new draft
// would not end on the meter reads the later bills started from, or cannot be drafted at all.

#include <cstdint>
#include <optional>
#include <string>

#include "core/result.h"
#include "store/database.h"

namespace rp::billing {

struct BillAction {
  std::int64_t bill_id = 0;
  std::string actor;  // "staff:<name>"; recorded on the holds, the event and the ledger memo
  std::string note;   // why; required to cancel or recalculate, optional to approve
};

struct BillActionOutcome {
  std::int64_t bill_id = 0;
  std::string status;                  // the acted-on bill's status afterwards
  std::optional<std::int64_t> number;  // its number, when it has one
  // recalculate: the replacement, when the account still had something to bill
  std::optional<std::int64_t> new_bill_id;
  std::string new_status;  // released | held
  std::optional<std::int64_t> new_number;
};

// Errors (nothing written): not_found for an unknown bill; conflict naming the bill's status when
// the action does not apply to it (approving a released bill, anything on a cancelled one) or
// when a later bill of one of its agreements exists; invalid_input ("note") for a missing reason.
Result<BillActionOutcome> approve_held_bill(store::Database& database, const BillAction& action);
Result<BillActionOutcome> recalculate_bill(store::Database& database, const BillAction& action);
Result<BillActionOutcome> cancel_bill(store::Database& database, const BillAction& action);

}  // namespace rp::billing
