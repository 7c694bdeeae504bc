#pragma once
// Bills over HTTP: a customer's bills (list, one bill with its lines explained, its PDF), and the
// staff side: starting a bill run and watching it, the bill hold queue, and bill corrections.

#include "api/api.h"

namespace rp::api {

// POST /api/v1/staff/bill-runs {"cycle": 3, "read_date": "2026-11-04"}: 202 with the run.
http::Response start_bill_run_handler(ApiContext& context, http::Request& request);
// GET /api/v1/staff/bill-runs/{id}: the run's progress.
// POST /api/v1/staff/bill-holds/approve | cancel {"bill_ids": [...], "note": "..."}: answers
// up to 100 held bills with one note, each on its own; 200 {"results": [{"bill_id", "done",
// "outcome" | "refused"}], "done", "refused"}. A missing note for cancel is 422 and answers none.
http::Response approve_bills_handler(ApiContext& context, http::Request& request);
http::Response cancel_bills_handler(ApiContext& context, http::Request& request);

// POST /api/v1/staff/accounts/{number}/bills/{bill}/resend: emails a sent bill again to the
// contact email on file (billing/bill_notices.h); 200 {"emailed_to"}.
http::Response resend_bill_handler(ApiContext& context, http::Request& request);
// GET /api/v1/staff/bill-runs?limit=&cursor=: the bill runs, newest first, with their figures.
http::Response bill_runs_handler(ApiContext& context, http::Request& request);
http::Response bill_run_handler(ApiContext& context, http::Request& request);
// GET /api/v1/staff/bill-runs/{id}/problems?cursor=&limit=: the accounts the run could not bill
// and why ({"problems": [{"account_number", "agreement_id", "problem", "noted_at"}],
// "next_cursor"}), by account number.
http::Response bill_run_problems_handler(ApiContext& context, http::Request& request);
// GET /api/v1/staff/bill-holds?cursor=&limit=&rule=&cycle=&older_than_days=&min_amount=
// &max_amount=: held bills, oldest first, with their holds and cycle, narrowed by the filters.
http::Response bill_holds_handler(ApiContext& context, http::Request& request);
// GET /api/v1/staff/bills/{id}: any bill, whatever its status.
http::Response staff_bill_handler(ApiContext& context, http::Request& request);
// POST /api/v1/staff/bills/{id}/approve | recalculate | cancel {"note": "..."}.
http::Response approve_bill_handler(ApiContext& context, http::Request& request);
http::Response recalculate_bill_handler(ApiContext& context, http::Request& request);
http::Response cancel_bill_handler(ApiContext& context, http::Request& request);
// POST /api/v1/staff/accounts/{number}/budget-billing {"true_up_month": 11}: enrols the account.
http::Response enroll_budget_billing_handler(ApiContext& context, http::Request& request);
// POST /api/v1/accounts/{number}/budget-billing: the customer enrols themselves (same rules).
http::Response customer_budget_billing_handler(ApiContext& context, http::Request& request);
// DELETE /api/v1/accounts/{number}/budget-billing: leaves budget billing (customer or staff);
// answers the deferred balance that the next bill settles. 409 when not on budget billing.
http::Response leave_budget_billing_handler(ApiContext& context, http::Request& request);
// GET /api/v1/accounts/{number}/bills?cursor=&limit=: sent bills, newest first.
http::Response account_bills_handler(ApiContext& context, http::Request& request);
// GET /api/v1/accounts/{number}/bills/{bill} (JSON) and /bills/{bill}.pdf (the bill document).
http::Response account_bill_handler(ApiContext& context, http::Request& request);

}  // namespace rp::api
