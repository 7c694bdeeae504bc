#pragma once
// The ledger over HTTP: adjustments (staff ask for one on an account, idempotently, and a second
// person works the queue of those above the approval limit) and an account's aging.

#include "api/api.h"

namespace rp::api {

// POST /api/v1/staff/accounts/{number}/adjustments with an Idempotency-Key header and
// {"amount": "-25.00", "reason_code": "leak_credit", "memo": "..."}: 201 (200 for a retry).
http::Response request_adjustment_handler(ApiContext& context, http::Request& request);
// GET /api/v1/staff/adjustments?cursor=&limit=: pending adjustments, oldest first.
http::Response pending_adjustments_handler(ApiContext& context, http::Request& request);
// POST /api/v1/staff/adjustments/{id}/approve | reject {"note": "..."}.
http::Response approve_adjustment_handler(ApiContext& context, http::Request& request);
http::Response reject_adjustment_handler(ApiContext& context, http::Request& request);

// GET /api/v1/staff/accounts/{number}/aging?as_of=YYYY-MM-DD: the balance in aging buckets.
http::Response account_aging_handler(ApiContext& context, http::Request& request);

// GET /api/v1/accounts/{number}/arrangement-offers: the past-due balance, whether an
// arrangement is offered (and why not), and the plans (ledger/arrangements.h).
http::Response arrangement_offer_handler(ApiContext& context, http::Request& request);
// POST /api/v1/accounts/{number}/arrangements {"installments": 4}: takes that plan; 201, or 409
// with the reason when none is offered.
http::Response make_arrangement_handler(ApiContext& context, http::Request& request);
// GET /api/v1/accounts/{number}/arrangements: newest first.
http::Response arrangements_handler(ApiContext& context, http::Request& request);

}  // namespace rp::api
