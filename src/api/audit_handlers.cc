#include "api/audit_handlers.h"

#include <map>

#include "api/actor_names.h"
#include "api/audit_log.h"
#include "api/guards.h"
#include "audit/audit_search.h"
#include "core/account_number.h"
#include "core/csv.h"
#include "core/email_address.h"
#include "core/json_writer.h"
#include "core/time.h"
#include "http/problem.h"

namespace rp::api {
namespace {

constexpr std::int64_t kLongestPage = 200;
constexpr std::int64_t kDefaultPage = 50;
constexpr std::int64_t kExportBatch = 5000;
// An export larger than this is refused with a request to narrow it, never cut short silently.
constexpr std::int64_t kLongestExport = 500000;

bool is_action_name(std::string_view text) {
  if (text.empty() || text.size() > 100) return false;
  for (char c : text) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '.')) return false;
  }
  return true;
}

// "2026-12-01" (the start of that UTC day; `end_of_day`: the start of the next) or an instant.
Result<std::string> instant_filter(const std::string& text, const char* field, bool end_of_day) {
  if (text.size() == 10) {
    auto day = parse_local_date(text, field);
    RP_TRY(day);
    const LocalDate start = end_of_day ? LocalDate{date::sys_days(*day) + date::days{1}} : *day;
    RP_TRY(start.ok() ? Result<void>{} : invalid_input(field, "that day is not on the calendar"));
    return format_local_date(start) + "T00:00:00Z";
  }
  auto instant = parse_instant(text, field);
  if (!instant.ok()) {
    return invalid_input(field, std::string(field) +
                                    " is a day (YYYY-MM-DD, UTC) or an instant "
                                    "(2026-12-01T14:00:00Z), got '" +
                                    text + "'");
  }
  return format_instant(*instant);
}

// The filters of `request` as a query; the staff user's email is looked up.
Result<audit::AuditQuery> audit_query(ApiContext& context, const http::Request& request) {
  audit::AuditQuery query;
  if (auto account = request.query_param("account"); account && !account->empty()) {
    auto number = AccountNumber::parse(*account);
    if (!number.ok()) {
      return invalid_input("account", "account is an account number, got '" + *account + "'");
    }
    query.target = "account:" + number->digits();
  }
  if (auto email = request.query_param("staff"); email && !email->empty()) {
    auto normal = normalize_email(*email);
    if (!normal.ok()) {
      return invalid_input("staff", "staff is a staff user's work email, got '" + *email + "'");
    }
    auto found =
        context.database.read<std::int64_t>([&](store::Session& session) -> Result<std::int64_t> {
          auto rows = session.query_named("staff/staff_user_by_email", {*normal});
          RP_TRY(rows);
          return rows->empty() ? 0 : rows->at(0).integer("id");
        });
    RP_TRY(found);
    if (*found == 0) return invalid_input("staff", "no staff user has the email '" + *email + "'");
    query.actor = "staff:" + std::to_string(*found);
  }
  if (auto action = request.query_param("action"); action && !action->empty()) {
    if (!is_action_name(*action)) {
      return invalid_input("action",
                           "action is a name such as 'account.read', or a prefix such as "
                           "'payment.' (lowercase letters, digits, '_' and '.')");
    }
    query.action = *action;
  }
  if (auto from = request.query_param("from"); from && !from->empty()) {
    auto at = instant_filter(*from, "from", false);
    RP_TRY(at);
    query.from_at = *at;
  }
  if (auto to = request.query_param("to"); to && !to->empty()) {
    auto at = instant_filter(*to, "to", to->size() == 10);
    RP_TRY(at);
    query.to_at = *at;
  }
  if (!query.from_at.empty() && !query.to_at.empty() && query.to_at <= query.from_at) {
    return invalid_input("to", "to comes after from");
  }
  return query;
}

// "account:100000017" -> "account 100000017".
std::string target_label(std::string target) {
  if (auto colon = target.find(':'); colon != std::string::npos && target.find(' ') > colon) {
    target[colon] = ' ';
  }
  return target;
}

}  // namespace

http::Response audit_search_handler(ApiContext& context, http::Request& request) {
  if (auto refused = require_staff(context, request)) return *refused;
  auto query = audit_query(context, request);
  if (!query.ok()) return http::problem_from_error(query.error());
  auto before = integer_query(request, "before", 0);
  if (!before.ok()) return http::problem_from_error(before.error());
  auto limit = integer_query(request, "limit", kDefaultPage);
  if (!limit.ok()) return http::problem_from_error(limit.error());
  if (*limit < 1 || *limit > kLongestPage) {
    return http::problem_from_error(
        invalid_input("limit", "limit is 1 to " + std::to_string(kLongestPage)));
  }
  query->before = *before;
  query->limit = *limit + 1;  // one more tells whether older records remain
  JsonWriter out;
  auto written = context.database.read<bool>([&](store::Session& session) -> Result<bool> {
    auto records = audit::search_audit(session, *query);
    RP_TRY(records);
    std::vector<std::string> actors;
    for (const audit::AuditRecord& record : *records) actors.push_back(record.entry.actor);
    auto names = ActorNames::load(session, actors);
    RP_TRY(names);
    const bool more = static_cast<std::int64_t>(records->size()) > *limit;
    if (more) records->pop_back();
    out.begin_object().key("records").begin_array();
    for (const audit::AuditRecord& record : *records) {
      const audit::AuditEntry& entry = record.entry;
      out.begin_object().key("id").number(record.id).key("at").string(record.at);
      out.key("actor").string(entry.actor).key("actor_name").string(names->of(entry.actor));
      out.key("action").string(entry.action).key("target").string(entry.target);
      out.key("target_label").string(target_label(entry.target));
      out.key("outcome").string(entry.outcome).key("details").json(entry.details_json);
      out.key("client_address").string(entry.client_address);
      out.key("user_agent").string(entry.user_agent).key("request_id").string(entry.request_id);
      out.end_object();
    }
    out.end_array().key("next_before");
    if (more) {
      out.number(records->back().id);
    } else {
      out.null();
    }
    out.end_object();
    return true;
  });
  if (!written.ok()) return http::problem_from_error(written.error());
  return http::text_response(200, out.take(), "application/json");
}

http::Response audit_export_handler(ApiContext& context, http::Request& request) {
  if (auto refused = require_staff(context, request)) return *refused;
  auto query = audit_query(context, request);
  if (!query.ok()) return http::problem_from_error(query.error());
  std::string csv =
      "id,at,actor,actor_name,action,target,outcome,details,client_address,user_agent,"
      "request_id\r\n";
  auto exported =
      context.database.read<std::int64_t>([&](store::Session& session) -> Result<std::int64_t> {
        auto names = ActorNames::load(session);
        RP_TRY(names);
        std::int64_t count = 0;
        query->limit = kExportBatch;
        for (;;) {
          auto records = audit::search_audit(session, *query);
          RP_TRY(records);
          for (const audit::AuditRecord& record : *records) {
            const audit::AuditEntry& entry = record.entry;
            csv += std::to_string(record.id) + "," + csv_field(record.at) + "," +
                   csv_field(entry.actor) + "," + spreadsheet_csv_field(names->of(entry.actor)) +
                   "," + csv_field(entry.action) + "," + spreadsheet_csv_field(entry.target) + "," +
                   csv_field(entry.outcome) + "," + spreadsheet_csv_field(entry.details_json) +
                   "," + spreadsheet_csv_field(entry.client_address) + "," +
                   spreadsheet_csv_field(entry.user_agent) + "," +
                   spreadsheet_csv_field(entry.request_id) + "\r\n";
          }
          count += static_cast<std::int64_t>(records->size());
          if (count > kLongestExport) {
            return invalid_input("to", "more than " + std::to_string(kLongestExport) +
                                           " records match: export a shorter time range");
          }
          if (static_cast<std::int64_t>(records->size()) < kExportBatch) return count;
          query->before = records->back().id;
        }
      });
  if (!exported.ok()) return http::problem_from_error(exported.error());
  JsonWriter details;
  details.begin_object().key("records").number(*exported);
  for (const char* filter : {"account", "staff", "action", "from", "to"}) {
    if (auto value = request.query_param(filter)) details.key(filter).string(*value);
  }
  details.end_object();
  // The answer is given only once the export is on the record.
  auto recorded = audit::append_audit(
      context.database, audit_entry(request, {request.actor, "audit.exported", "audit_trail",
                                              "done", details.take()}));
  if (!recorded.ok()) return http::problem_from_error(recorded.error());
  http::Response response = http::text_response(200, std::move(csv), "text/csv; charset=utf-8");
  response.set_header("Content-Disposition",
                      "attachment; filename=\"audit-trail-" +
                          format_local_date(LocalDate{date::floor<date::days>(now())}) + ".csv\"");
  response.set_header("Cache-Control", "no-store");
  return response;
}

}  // namespace rp::api
