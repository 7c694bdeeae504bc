#pragma once
// The office's reports over HTTP (reports/reports.h): the catalog, and each report as JSON or CSV.

#include "api/api.h"
#include "http/request.h"
#include "http/response.h"

namespace rp::api {

// GET /api/v1/staff/reports: {"reports": [{"name", "title", "description", "ranged"}]}.
http::Response report_catalog_handler(ApiContext& context, http::Request& request);

// GET /api/v1/staff/reports/{name}?from=YYYY-MM-DD&to=YYYY-MM-DD (default: the last 30 days,
// today included) [&format=csv]: {"name", "title", "from", "to", "columns": [{"key", "label",
// "kind"}], "rows": [[...]], "totals": [[...]], "chart": {"x", "series"}}, money in cents and
// shares in basis points; or the same table as a CSV file. 404 for an unknown report; 422 naming
// from, to or format.
http::Response report_handler(ApiContext& context, http::Request& request);

}  // namespace rp::api
