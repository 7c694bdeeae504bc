#include "api/ledger_handlers.h"

#include "api/account_json.h"
#include "api/guards.h"
#include "core/json.h"
#include "core/json_writer.h"
#include "http/json_body.h"
#include "http/problem.h"
#include "ledger/account_aging.h"
#include "ledger/adjustments.h"

namespace rp::api {
namespace {

http::Response json_text(int status, std::string body) {
  return http::text_response(status, std::move(body), "application/json");
}

void write_adjustment(JsonWriter& out, const ledger::Adjustment& adjustment) {
  out.begin_object().key("id").number(adjustment.id);
  out.key("account_number").string(adjustment.account_number).key("amount");
  write_money(out, adjustment.amount);
  out.key("reason_code").string(adjustment.reason_code).key("memo").string(adjustment.memo);
  out.key("status").string(adjustment.status);
  out.key("requested_by").string(adjustment.requested_by);
  out.key("requested_at").string(adjustment.requested_at);
  if (adjustment.status != "pending") {
    out.key("decided_by").string(adjustment.decided_by);
    out.key("decided_at").string(adjustment.decided_at);
    out.key("decision_note").string(adjustment.decision_note);
  }
  out.end_object();
}

std::string adjustment_json(const ledger::Adjustment& adjustment) {
  JsonWriter out;
  write_adjustment(out, adjustment);
  return out.take();
}

Result<ledger::AdjustmentRequest> parse_adjustment(const http::Request& request) {
  auto number = account_number_param(request);
  RP_TRY(number);
  auto key = idempotency_key(request);
  RP_TRY(key);
  auto body = http::parse_json_body(request);
  RP_TRY(body);
  if (!body->is_object()) return invalid_input("body", "the body must be a JSON object");
  auto amount_text = required_string(*body, "amount");
  RP_TRY(amount_text);
  auto amount = Money::parse(*amount_text, "amount");
  RP_TRY(amount);
  auto reason = required_string(*body, "reason_code");
  RP_TRY(reason);
  auto memo = required_string(*body, "memo");
  RP_TRY(memo);
  return ledger::AdjustmentRequest{*number, *amount, *reason, *memo, staff_actor(request), *key};
}

Result<std::pair<std::int64_t, std::string>> parse_decision(const http::Request& request) {
  auto id = id_param(request, "id", "adjustment");
  RP_TRY(id);
  std::string note;
  if (!request.body.empty()) {
    auto body = http::parse_json_body(request);
    RP_TRY(body);
    if (!body->is_object()) return invalid_input("body", "the body must be a JSON object");
    auto given = optional_string(*body, "note");
    RP_TRY(given);
    note = given->value_or("");
  }
  return std::make_pair(*id, note);
}

using Decision = Result<ledger::Adjustment> (*)(store::Database&, std::int64_t, const std::string&,
                                                const std::string&);

http::Response decide(ApiContext& context, http::Request& request, Decision decision) {
  if (auto refused = require_staff(request, context.staff_token)) return *refused;
  auto parsed = parse_decision(request);
  if (!parsed.ok()) return http::problem_from_error(parsed.error());
  auto decided = decision(context.database, parsed->first, staff_actor(request), parsed->second);
  if (!decided.ok()) return http::problem_from_error(decided.error());
  return json_text(200, adjustment_json(*decided));
}

}  // namespace

http::Response request_adjustment_handler(ApiContext& context, http::Request& request) {
  if (auto refused = require_staff(request, context.staff_token)) return *refused;
  auto parsed = parse_adjustment(request);
  if (!parsed.ok()) return http::problem_from_error(parsed.error());
  auto adjustment = ledger::request_adjustment(context.database, *parsed);
  if (!adjustment.ok()) return money_problem(adjustment.error());
  return json_text(adjustment->replayed ? 200 : 201, adjustment_json(*adjustment));
}

http::Response pending_adjustments_handler(ApiContext& context, http::Request& request) {
  if (auto refused = require_staff(request, context.staff_token)) return *refused;
  auto limit = integer_query(request, "limit", 20);
  if (!limit.ok()) return http::problem_from_error(limit.error());
  auto cursor = integer_query(request, "cursor", 0);
  if (!cursor.ok()) return http::problem_from_error(cursor.error());
  auto pending =
      ledger::pending_adjustments(context.database, *cursor, static_cast<std::size_t>(*limit));
  if (!pending.ok()) return http::problem_from_error(pending.error());
  JsonWriter out;
  out.begin_object().key("adjustments").begin_array();
  for (const auto& adjustment : *pending) write_adjustment(out, adjustment);
  out.end_array().key("next_cursor");
  if (!pending->empty() && pending->size() == static_cast<std::size_t>(*limit)) {
    out.string(std::to_string(pending->back().id));
  } else {
    out.null();
  }
  out.end_object();
  return json_text(200, out.take());
}

http::Response approve_adjustment_handler(ApiContext& context, http::Request& request) {
  return decide(context, request, ledger::approve_adjustment);
}

http::Response reject_adjustment_handler(ApiContext& context, http::Request& request) {
  return decide(context, request, ledger::reject_adjustment);
}

http::Response account_aging_handler(ApiContext& context, http::Request& request) {
  if (auto refused = require_staff(request, context.staff_token)) return *refused;
  auto number = account_number_param(request);
  if (!number.ok()) return http::problem_from_error(number.error());
  std::optional<LocalDate> as_of;
  if (auto text = request.query_param("as_of")) {
    auto day = parse_local_date(*text, "as_of");
    if (!day.ok()) return http::problem_from_error(day.error());
    as_of = *day;
  }
  auto aging = ledger::account_aging(context.database, *number, as_of);
  if (!aging.ok()) return http::problem_from_error(aging.error());
  JsonWriter out;
  out.begin_object().key("account_number").string(number->digits());
  out.key("as_of").string(format_local_date(aging->as_of));
  for (auto [name, amount] : {std::pair{"current", aging->buckets.current},
                              {"days_30", aging->buckets.days_30},
                              {"days_60", aging->buckets.days_60},
                              {"days_90_plus", aging->buckets.days_90_plus},
                              {"credit", aging->buckets.credit},
                              {"balance", aging->buckets.total()}}) {
    out.key(name);
    write_money(out, amount);
  }
  out.end_object();
  return json_text(200, out.take());
}

}  // namespace rp::api
