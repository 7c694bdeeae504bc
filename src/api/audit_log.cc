#include "api/audit_log.h"

#include <spdlog/spdlog.h>

#include "audit/deferred_audit.h"
#include "core/account_number.h"
#include "core/json_writer.h"
#include "http/dispatch.h"

namespace rp::api {

audit::AuditEntry audit_entry(const http::Request& request, const Audited& what) {
  return {what.actor,
          what.action,
          what.target,
          what.outcome,
          what.details_json,
          request.remote_address,
          http::user_agent_of(request),
          request.request_id};
}

void audit_request(ApiContext& context, const http::Request& request, const Audited& what) {
  auto written = audit::append_audit(context.database, audit_entry(request, what));
  if (!written.ok()) {
    spdlog::error("audit trail: could not record {} by {} (request {}): {}", what.action,
                  what.actor, request.request_id, written.error().message);
  }
}

void audit_staff_read(ApiContext& context, const http::Request& request) {
  if (request.method != "GET" && request.method != "HEAD") return;
  if (request.staff_permission != "accounts.read" && request.staff_permission != "billing.read") {
    return;
  }
  Audited what{request.actor, "records.read", request.path, "done", "{}"};
  if (const std::string_view number = request.path_param("number"); !number.empty()) {
    auto parsed = AccountNumber::parse(number);
    if (parsed.ok()) {
      what.action = "account.read";
      what.target = "account:" + parsed->digits();
    }
  }
  JsonWriter details;
  details.begin_object().key("route").string(request.method + " " + std::string(request.route));
  details.key("query").begin_object();
  for (const auto& [name, value] : request.query) details.key(name).string(value);
  details.end_object().end_object();
  what.details_json = details.take();
  if (context.read_audit != nullptr) {
    context.read_audit->record(audit_entry(request, what));
  } else {
    audit_request(context, request, what);
  }
}

}  // namespace rp::api
