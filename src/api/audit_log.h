#pragma once
// Security-relevant requests in the audit trail (audit/audit_trail.h), with where they came from
// (client address, user agent, request id): sign-ins and sign-outs, enrolment, re-authentication
// and every staff request refused (403, or 401 for a credential that is wrong, revoked or
// ended; not a request that carries none). Written in a transaction of their own, since they
// change nothing else; a failure to write one is logged, and the answer stands.

#include <string>

#include "api/api.h"
#include "audit/audit_trail.h"
#include "http/request.h"

namespace rp::api {

struct Audited {
  std::string actor;             // "staff:3", "customer:42", "api_key:2", "anonymous"
  std::string action;            // "staff.sign_in", "access.refused", ...
  std::string target;            // "staff_user:ana@utility.example", "POST /api/v1/staff/bill-runs"
  std::string outcome = "done";  // done | refused | failed
  std::string details_json = "{}";
};

void audit_request(ApiContext& context, const http::Request& request, const Audited& what);

// A staff member's (or an API key's) read of customer data, once require_staff let it through:
// "account.read" aimed at the account in the path, else "records.read" aimed at the path, with
// the route and query in the details. Only routes that show customers' data are recorded (those
// declaring accounts.read or billing.read). Through context.read_audit when there is one.
void audit_staff_read(ApiContext& context, const http::Request& request);

// The audit record of `what` with where the request came from, for a change that writes it in
// its own transaction (audit::append_audit(session, ...)).
audit::AuditEntry audit_entry(const http::Request& request, const Audited& what);

}  // namespace rp::api
