#pragma once
// Operational routes: health, metrics, the OpenAPI document.

#include "api/api.h"
#include "http/request.h"
#include "http/response.h"

namespace rp::api {

// 200 {"status":"ok","database":"sqlite"} when a query round-trips; 503 problem otherwise.
http::Response health_handler(ApiContext& context, http::Request& request);
// Prometheus text: request counters and latency histograms by route, database pool gauges.
http::Response metrics_handler(ApiContext& context, http::Request& request);
http::Response openapi_handler(ApiContext& context, http::Request& request);
// GET /api/v1/utility: who the utility is and how to reach it (its settings: name, phone, email,
// address lines, website, office hours), for every page of the portal; no sign-in, cacheable.
http::Response utility_handler(ApiContext& context, http::Request& request);

// Reports the database pool to `metrics` as gauges (called once at wiring).
void report_database_pool(http::Metrics& metrics, store::Database& database);

}  // namespace rp::api
