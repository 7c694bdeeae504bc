#pragma once
// GET /api/v1/accounts/{number}/usage: the account's metered usage for the portal's charts.
// GET /api/v1/accounts/{number}/usage/to-date: the open billing period so far, rated
// (billing/period_to_date.h): cost so far, the projection and the high-usage comparison.

#include "api/api.h"
#include "http/request.h"
#include "http/response.h"

namespace rp::api {

http::Response usage_handler(ApiContext& context, http::Request& request);
http::Response usage_to_date_handler(ApiContext& context, http::Request& request);

}  // namespace rp::api
