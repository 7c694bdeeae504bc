#pragma once
// The audit trail for auditors and administrators:
//   GET /api/v1/staff/audit      (audit.read)   a page of records, newest first
//   GET /api/v1/staff/audit.csv  (audit.export) every matching record as CSV, for a regulator;
//                                               the export is itself recorded
// Filters, all optional: account (an account number), staff (a staff user's work email), action
// (exact, or a prefix ending in "." such as "payment."), from and to (UTC days YYYY-MM-DD, both
// inclusive, or instants), and for the page: before (a record id) and limit (1-200, default 50).
// A filter that is malformed or names no one is 422 naming it; nothing is searched.

#include "api/api.h"
#include "http/request.h"
#include "http/response.h"

namespace rp::api {

http::Response audit_search_handler(ApiContext& context, http::Request& request);
http::Response audit_export_handler(ApiContext& context, http::Request& request);

}  // namespace rp::api
