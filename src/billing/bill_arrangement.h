#pragma once
// Payment arrangements inside a bill run (ledger/arrangements.h has the rules): each released bill
// of an account with an arrangement in force carries its next installment, and the arranged
// balance still deferred after it, which the bill does not ask for. A final bill (the account
// closes) carries all of the rest, so nothing stays deferred. Internal to the billing
// service; runs inside the chunk's write transaction, so a rolled-back chunk bills no installment.

#include <cstdint>
#include <map>
#include <vector>

#include "billing/bill_run_facts.h"
#include "core/money.h"
#include "store/session.h"

namespace rp::billing {

struct ArrangementOutcome {
  std::int64_t arrangement_id = 0;
  Money installment;     // what the bill asks for of the arranged balance
  Money deferred_after;  // the arranged balance not yet billed
};

// By account id, for the accounts of `outcomes` whose bills are released and carry an installment.
Result<std::map<std::int64_t, ArrangementOutcome>> apply_arrangements(
    store::Session& session, const std::vector<AccountOutcome>& outcomes);

}  // namespace rp::billing
