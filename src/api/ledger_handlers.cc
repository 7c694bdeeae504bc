#include "api/ledger_handlers.h"

#include "api/account_json.h"
#include "api/actor_names.h"
#include "api/answers.h"
#include "api/guards.h"
#include "core/json.h"
#include "core/json_writer.h"
#include "http/json_body.h"
#include "http/problem.h"
#include "ledger/account_aging.h"
#include "ledger/adjustments.h"
#include "ledger/arrangements.h"

namespace rp::api {
namespace {

// With `names` (the queue), who asked and who decided by name: "requested_by_name",
// "decided_by_name", and whether the caller asked ("requested_by_caller").
void write_adjustment(JsonWriter& out, const ledger::Adjustment& adjustment,
                      const ActorNames* names = nullptr, const std::string& caller = "") {
  out.begin_object().key("id").number(adjustment.id);
  out.key("account_number").string(adjustment.account_number).key("amount");
  write_money(out, adjustment.amount);
  out.key("reason_code").string(adjustment.reason_code).key("memo").string(adjustment.memo);
  out.key("status").string(adjustment.status);
  out.key("requested_by").string(adjustment.requested_by);
  out.key("requested_at").string(adjustment.requested_at);
  if (names != nullptr) {
    out.key("requested_by_name").string(names->of(adjustment.requested_by));
    out.key("requested_by_caller").boolean(adjustment.requested_by == caller);
  }
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
  auto body = http::parse_json_object_body(request);
  RP_TRY(body);
  auto amount_text = required_string(*body, "amount");
  RP_TRY(amount_text);
  auto amount = Money::parse(*amount_text, "amount");
  RP_TRY(amount);
  auto reason = required_string(*body, "reason_code");
  RP_TRY(reason);
  auto memo = required_string(*body, "memo");
  RP_TRY(memo);
  return ledger::AdjustmentRequest{*number, *amount, *reason, *memo, request.actor, *key};
}

Result<std::pair<std::int64_t, std::string>> parse_decision(const http::Request& request) {
  auto id = id_param(request, "id", "adjustment");
  RP_TRY(id);
  std::string note;
  if (!request.body.empty()) {
    auto body = http::parse_json_object_body(request);
    RP_TRY(body);
    auto given = optional_string(*body, "note");
    RP_TRY(given);
    note = given->value_or("");
  }
  return std::make_pair(*id, note);
}

using Decision = Result<ledger::Adjustment> (*)(store::Database&, std::int64_t, const std::string&,
                                                const std::string&);

http::Response decide(ApiContext& context, http::Request& request, Decision decision) {
  if (auto refused = require_staff(context, request)) return *refused;
  auto parsed = parse_decision(request);
  if (!parsed.ok()) return http::problem_from_error(parsed.error());
  auto decided = decision(context.database, parsed->first, request.actor, parsed->second);
  if (!decided.ok()) return http::problem_from_error(decided.error());
  return json_text(200, adjustment_json(*decided));
}

}  // namespace

http::Response request_adjustment_handler(ApiContext& context, http::Request& request) {
  if (auto refused = require_staff(context, request)) return *refused;
  auto parsed = parse_adjustment(request);
  if (!parsed.ok()) return http::problem_from_error(parsed.error());
  auto adjustment = ledger::request_adjustment(context.database, *parsed);
  if (!adjustment.ok()) return money_problem(adjustment.error());
  return json_text(adjustment->replayed ? 200 : 201, adjustment_json(*adjustment));
}

http::Response pending_adjustments_handler(ApiContext& context, http::Request& request) {
  if (auto refused = require_staff(context, request)) return *refused;
  auto limit = integer_query(request, "limit", 20);
  if (!limit.ok()) return http::problem_from_error(limit.error());
  auto cursor = integer_query(request, "cursor", 0);
  if (!cursor.ok()) return http::problem_from_error(cursor.error());
  auto pending =
      ledger::pending_adjustments(context.database, *cursor, static_cast<std::size_t>(*limit));
  if (!pending.ok()) return http::problem_from_error(pending.error());
  auto names = context.database.read<ActorNames>([&](store::Session& session) {
    std::vector<std::string> actors;
    for (const auto& adjustment : *pending) actors.push_back(adjustment.requested_by);
    return ActorNames::load(session, actors);
  });
  if (!names.ok()) return http::problem_from_error(names.error());
  JsonWriter out;
  out.begin_object().key("adjustments").begin_array();
  for (const auto& adjustment : *pending) write_adjustment(out, adjustment, &*names, request.actor);
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
  if (auto refused = require_staff(context, request)) return *refused;
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

namespace {

void write_plan(JsonWriter& out, const ledger::ArrangementPlan& plan) {
  out.begin_object().key("installments").number(plan.installments).key("down_payment");
  write_money(out, plan.down_payment);
  out.key("installment");
  write_money(out, plan.installment);
  out.key("last_installment");
  write_money(out, plan.last_installment);
  out.key("total");
  write_money(out, plan.total);
  out.end_object();
}

void write_arrangement(JsonWriter& out, const ledger::Arrangement& arrangement) {
  out.begin_object().key("id").number(arrangement.id).key("status").string(arrangement.status);
  out.key("past_due");
  write_money(out, arrangement.past_due);
  out.key("down_payment");
  write_money(out, arrangement.down_payment);
  out.key("down_payment_due_on").string(arrangement.down_payment_due_on);
  out.key("down_payment_kept").boolean(arrangement.down_payment_kept);
  out.key("installments").number(arrangement.installments).key("installment");
  write_money(out, arrangement.installment);
  out.key("last_installment");
  write_money(out, arrangement.last_installment);
  out.key("installments_billed").number(arrangement.installments_billed);
  out.key("created_on").string(arrangement.created_on);
  if (!arrangement.ended_on.empty()) {
    out.key("ended_on").string(arrangement.ended_on);
    out.key("end_reason").string(arrangement.end_reason);
  }
  out.end_object();
}

}  // namespace

http::Response arrangement_offer_handler(ApiContext& context, http::Request& request) {
  if (auto refused = require_account_access(context, request)) return *refused;
  auto number = account_number_param(request);
  if (!number.ok()) return http::problem_from_error(number.error());
  auto offer = ledger::arrangement_offer(context.database, *number);
  if (!offer.ok()) return http::problem_from_error(offer.error());
  JsonWriter out;
  out.begin_object().key("past_due");
  write_money(out, offer->past_due);
  out.key("eligible").boolean(offer->eligibility.eligible);
  if (!offer->eligibility.eligible) {
    out.key("reason").string(offer->eligibility.reason);
    out.key("reason_code").string(offer->eligibility.reason_code);
  }
  out.key("plans").begin_array();
  for (const auto& plan : offer->plans) write_plan(out, plan);
  out.end_array().end_object();
  return json_text(200, out.take());
}

http::Response make_arrangement_handler(ApiContext& context, http::Request& request) {
  if (auto refused = require_account_access(context, request)) return *refused;
  auto number = account_number_param(request);
  if (!number.ok()) return http::problem_from_error(number.error());
  auto body = http::parse_json_body(request);
  if (!body.ok()) return http::problem_from_error(body.error());
  if (!body->is_object() || !body->contains("installments") ||
      !(*body)["installments"].is_number_integer()) {
    return http::problem_from_error(invalid_input(
        "installments", "installments (the plan's number of installments) is required"));
  }
  auto made = ledger::make_arrangement(context.database, *number,
                                       (*body)["installments"].get<std::int64_t>(), request.actor);
  if (!made.ok()) return http::problem_from_error(made.error());
  JsonWriter out;
  write_arrangement(out, *made);
  return json_text(201, out.take());
}

http::Response arrangements_handler(ApiContext& context, http::Request& request) {
  if (auto refused = require_account_access(context, request)) return *refused;
  auto number = account_number_param(request);
  if (!number.ok()) return http::problem_from_error(number.error());
  auto list = ledger::account_arrangements(context.database, *number);
  if (!list.ok()) return http::problem_from_error(list.error());
  JsonWriter out;
  out.begin_object().key("arrangements").begin_array();
  for (const auto& arrangement : *list) write_arrangement(out, arrangement);
  out.end_array().end_object();
  return json_text(200, out.take());
}

}  // namespace rp::api
