#pragma once
// GET /api/v1/accounts/{number}/usage: the account's metered usage for the portal's charts.

#include "api/api.h"
#include "http/request.h"
#include "http/response.h"

namespace rp::api {

http::Response usage_handler(ApiContext& context, http::Request& request);

}  // namespace rp::api
