#pragma once
// Handlers for accounts: staff search, detail and opening; the customer-facing summary.

#include "api/api.h"
#include "http/request.h"
#include "http/response.h"

namespace rp::api {

http::Response search_accounts_handler(ApiContext& context, http::Request& request);
http::Response account_detail_handler(ApiContext& context, http::Request& request);
http::Response open_account_handler(ApiContext& context, http::Request& request);
http::Response account_summary_handler(ApiContext& context, http::Request& request);

// POST /api/v1/staff/accounts/{number}/move-out {"last_day": "2026-10-20"}: stops every open
// service of the account after that day; the cycle's next bill run makes the final bill.
http::Response move_out_handler(ApiContext& context, http::Request& request);

// PUT /api/v1/staff/accounts/{number}/mailing-address {"mailing_address": {"line1", "line2",
// "city", "state", "zip"}}: 200 {"changed", "notified", "before", "after"}; the customer is told
// (accounts/mailing_address.h).
http::Response change_mailing_address_handler(ApiContext& context, http::Request& request);

// GET/PUT /api/v1/accounts/{number}/preferences: paperless bills, contact email and phone, and
// the budget plan in force (accounts/account_preferences.h).
http::Response preferences_handler(ApiContext& context, http::Request& request);
http::Response change_preferences_handler(ApiContext& context, http::Request& request);

}  // namespace rp::api
