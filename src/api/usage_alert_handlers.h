#pragma once
// High-usage thresholds, usage alerts and possible leaks over HTTP (notify/usage_thresholds.h):
// the customer's (and staff's, on the customer's word) alert settings, what the daily usage watch
// found on the account, closing a leak once fixed, and the staff's leak queue.

#include "api/api.h"
#include "http/request.h"
#include "http/response.h"

namespace rp::api {

// GET /api/v1/accounts/{number}/alerts: {"thresholds": {"amount": "150.00"|null,
// "last_bill_percent": 20|null, "last_year_percent": null}, "usage_alerts": [{"id", "basis",
// "period_start", "found_on", "so_far", "projected", "estimated"}], "leaks": [leak]}; a leak is
// {"id", "commodity", "meter", "unit", "kind", "found_on", "least_per_hour", "use_per_day",
// "usual_per_day" (quantities as decimal text in the unit, or null), "status", "closed_by",
// "closed_at", "resolution", "created_at"}.
http::Response account_alerts_handler(ApiContext& context, http::Request& request);

// PUT /api/v1/accounts/{number}/usage-thresholds with {"amount": "150.00"|null,
// "last_bill_percent": 20|null, "last_year_percent": 30|null} (every key optional; absent or
// null: no threshold on that basis): replaces the thresholds; answers as GET .../alerts. 422
// naming the field out of range.
http::Response set_usage_thresholds_handler(ApiContext& context, http::Request& request);

// POST /api/v1/accounts/{number}/leaks/{id}/close with {"resolution": "toilet flapper replaced"}:
// 200 {"leak": leak}; 404 for another account's or an unknown alert; 409 leak-closed.
http::Response close_leak_handler(ApiContext& context, http::Request& request);

// GET /api/v1/staff/leaks?status=open|closed&cursor=&limit=: the leak queue, oldest first, each
// leak with "account" (formatted number) and "customer"; {"leaks": [...], "next_cursor"}.
http::Response leak_queue_handler(ApiContext& context, http::Request& request);

}  // namespace rp::api
