#pragma once
// GET /api/v1/accounts/{number}/dashboard: everything the portal's first page shows, in one
// answer, so that a phone on a slow network asks once instead of seven times:
//   {"bills": <GET .../bills?limit=5>, "payments": <GET .../payments?limit=1>,
//    "autopay": <GET .../autopay>, "payment_methods": <GET .../payment-methods>,
//    "preferences": <GET .../preferences>,
//    "months": <GET .../usage?resolution=month, last month and this one in the utility's zone>,
//    "period_to_date": <GET .../usage/to-date, or null when it cannot be worked out>}
// Each part is worked out by its own route's handler for the same request, so a part and its
// route never differ. Access is checked as for every account route (404 for an account that is
// not the customer's). A part that fails fails the whole answer with its problem, except
// period_to_date, which is extra: it is null then (and a server failure behind it is logged).

#include <string>
#include <vector>

#include "api/api.h"
#include "http/request.h"
#include "http/response.h"

namespace rp::api {

http::Response dashboard_handler(ApiContext& context, http::Request& request);

// One part of the dashboard and its route's answer.
struct DashboardPart {
  std::string name;
  bool optional = false;  // null when it failed, instead of failing the whole answer
  http::Response answer;
};

// The parts joined as one JSON object in their order: {"name": <answer body>, ...}. The first
// required part that failed (not 200) is returned instead; an optional one that failed is null,
// and when it failed on the server (5xx) its log detail becomes the answer's.
http::Response join_dashboard(std::vector<DashboardPart> parts);

}  // namespace rp::api
