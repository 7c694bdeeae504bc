#pragma once
// The staff's work queues over HTTP: how much waits in each, the payments waiting on the card
// processor, and moving a misapplied payment to the right account. (The queues' own lists and
// actions are with their modules: bill holds and runs in billing_handlers.h, meter read
// exceptions in meter_data_handlers.h, adjustments in ledger_handlers.h, the lockbox suspense in
// payment_handlers.h.)

#include "api/api.h"
#include "http/request.h"
#include "http/response.h"

namespace rp::api {

// GET /api/v1/staff/work-queues: {"bill_holds": 75, "vee_exceptions": 72, "adjustments": 3,
// "lockbox_suspense": 0, "pending_payments": 0, "bill_runs_running": 0, "possible_leaks": 2},
// with only the queues the caller may see (billing.read: holds, adjustments, pending payments,
// runs; meter_data.resolve: exceptions; lockbox.apply: the suspense; accounts.read: possible
// leaks, notify/usage_thresholds.h; accounts.open: start_applications, the applications and other
// start orders waiting for a window, as the console's Applications queue lists them).
http::Response work_queue_counts_handler(ApiContext& context, http::Request& request);

// GET /api/v1/staff/payments?status=pending&cursor=&limit=: payments waiting on the processor,
// oldest first ({"payments": [...], "next_cursor"}). Only status=pending is listed here (an
// account's payments are at /api/v1/accounts/{number}/payments).
http::Response waiting_payments_handler(ApiContext& context, http::Request& request);

// POST /api/v1/staff/payments/{confirmation}/move with an Idempotency-Key header and
// {"to_account": "1000-0001-7", "reason": "check stub was for the neighbour"}: carries a posted
// payment to the right account (payments/payment_moves.h). 200 {"payment" (the moved one),
// "new_payment", "from_account": {"number", "balance"}, "to_account": {...}, "replayed"}.
http::Response move_payment_handler(ApiContext& context, http::Request& request);

}  // namespace rp::api
