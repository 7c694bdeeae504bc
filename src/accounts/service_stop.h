#pragma once
// Stopping service (a move-out): every open service agreement of the account ends on the
// customer's last day of service, with a "service.stopped" event, in one transaction.
//
// Stopped by staff directly, the final bill is made by the cycle's next bill run; a move-out order
// (orders/order_results.h) makes it at once, off-cycle (billing/final_bill.h). Either way it bills
// each ended agreement from where its last bill ended through the last day (fixed charges prorated
// by days, usage to the final read, or estimated to the last day when no read was taken) and marks
// the bill and its sections final. A move-out read, when the field takes one, is recorded like any
// register read (the run uses a read taken within four days before the end of the period). The
// account itself stays open until its balance is settled (paid, or refunded when in credit).

#include <cstdint>
#include <string>

#include "core/account_number.h"
#include "core/result.h"
#include "store/database.h"

namespace rp::accounts {

struct MoveOut {
  std::string last_day;  // the last day of service, local date "2026-10-20"
  std::string actor;
  bool final_bill_now = false;  // the caller makes the final bill at once (a move-out order)
};

// Ends every open agreement of `account` on move_out.last_day; returns how many were ended.
// Errors (nothing written): invalid_input ("last_day") for a malformed date or one before an
// agreement's start; not_found for an unknown account; conflict when the account has no open
// service, or an agreement is already billed past the last day (cancel that bill first).
Result<std::int64_t> stop_service(store::Database& database, const AccountNumber& account,
                                  const MoveOut& move_out);

// The same inside the caller's write transaction.
Result<std::int64_t> stop_service_in(store::Session& session, const AccountNumber& account,
                                     const MoveOut& move_out);

}  // namespace rp::accounts
