#include "api/audit_log.h"

#include <spdlog/spdlog.h>

namespace rp::api {

audit::AuditEntry audit_entry(const http::Request& request, const Audited& what) {
  return {what.actor,
          what.action,
          what.target,
          what.outcome,
          what.details_json,
          request.remote_address,
          std::string(request.header("user-agent").value_or("")).substr(0, 300),
          request.request_id};
}

void audit_request(ApiContext& context, const http::Request& request, const Audited& what) {
  auto written = audit::append_audit(context.database, audit_entry(request, what));
  if (!written.ok()) {
    spdlog::error("audit trail: could not record {} by {} (request {}): {}", what.action,
                  what.actor, request.request_id, written.error().message);
  }
}

}  // namespace rp::api
