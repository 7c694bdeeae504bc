#pragma once
// An account closes once the customer has left and owes nothing: the move-out's final bill is
// released, every service agreement has ended, nothing is held or unfinished (a held bill, an
// open service order, an adjustment waiting for approval) and the balance is exactly zero. The
// scheduler looks each minute (app/scheduled_jobs.h), so a final bill paid in the portal closes
// the account within a minute of the payment; a final bill of nothing closes it at once.
//
// A credit left after the final bill keeps the account open until it is refunded, and a debt
// until it is paid or written off (collections): closing never hides money either way. A closed
// account stays readable (bills, payments, history, the portal's documents); it takes no late
// fees after its final bill's due date (ledger/late_fee_job.h). Each closing is the account event
// "account.closed", by `system:accounts`.

#include <cstddef>
#include <string>

#include "core/result.h"
#include "store/database.h"

namespace rp::orders {

struct ClosingPass {
  int closed = 0;
};

// Closes up to `limit` settled accounts, one short write each, on the utility's today. Errors: the
// database's (accounts closed before the error stay closed).
Result<ClosingPass> close_settled_accounts(store::Database& database, std::size_t limit = 500);

}  // namespace rp::orders
