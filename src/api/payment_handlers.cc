#include "api/payment_handlers.h"

#include "api/account_json.h"
#include "api/actor_names.h"
#include "api/consent_json.h"
#include "api/guards.h"
#include "api/payment_json.h"
#include "core/json.h"
#include "core/json_writer.h"
#include "http/json_body.h"
#include "http/problem.h"
#include "payments/ach_originator.h"
#include "payments/counter_payments.h"
#include "payments/lockbox.h"
#include "payments/payment_channel.h"
#include "payments/payment_intake.h"
#include "payments/payment_returns.h"
#include "payments/payment_schedule.h"
#include "payments/payment_state.h"
#include "payments/payment_voids.h"
#include "payments/refunds.h"
#include "payments/saved_methods.h"
#include "payments/test_processor.h"
#include "store/utility_settings.h"

namespace rp::api {
namespace {

// The answer for a payment as it stands: the same for the first request and every replay.
http::Response payment_response(const payments::PaymentView& payment) {
  if (payment.status == payments::PaymentStatus::failed) {
    JsonWriter out;
    out.begin_object().key("type").string(std::string(http::kProblemTypeBase) + "payment-failed");
    out.key("title").string("Payment failed").key("status").number(402);
    out.key("detail").string(payment.failure_reason);
    out.key("confirmation").string(payment.confirmation).end_object();
    return http::text_response(402, out.take(), "application/problem+json");
  }
  JsonWriter out;
  write_payment(out, payment);
  return http::text_response(payment.status == payments::PaymentStatus::pending ? 202 : 201,
                             out.take(), "application/json");
}

Result<payments::PaymentRequest> parse_payment(ApiContext& context, const http::Request& request) {
  auto number = account_number_param(request);
  RP_TRY(number);
  auto key = idempotency_key(request);
  RP_TRY(key);
  auto body = http::parse_json_object_body(request);
  RP_TRY(body);
  auto amount = required_money(*body, "amount");
  RP_TRY(amount);
  if (!body->contains("payment_method") || !(*body)["payment_method"].is_object()) {
    return invalid_input("payment_method",
                         "payment_method is required: {\"token\": \"...\"} or {\"saved_id\": 3}");
  }
  const json& method = (*body)["payment_method"];
  Result<std::string> token = invalid_input("payment_method.token", "");
  if (method.contains("saved_id")) {
    if (!method["saved_id"].is_number_integer()) {
      return invalid_input("payment_method.saved_id", "saved_id must be a whole number");
    }
    token = payments::saved_method_token(context.database, *number,
                                         method["saved_id"].get<std::int64_t>(), request.actor);
    RP_TRY(token);
  } else {
    token = required_string(method, "token");
    if (!token.ok()) return invalid_input("payment_method.token", token.error().message);
  }
  return payments::PaymentRequest{*number, *amount,      *token, payments::PaymentChannel::web,
                                  *key,    request.actor};
}

Result<int> integer_field(const json& object, const char* field) {
  if (!object.contains(field) || !object[field].is_number_integer()) {
    return invalid_input(field, std::string(field) + " must be a whole number");
  }
  return object[field].get<int>();
}

Result<std::string> tokenize(ApiContext& context, const json& body) {
  if (body.contains("card") && body["card"].is_object()) {
    const json& card = body["card"];
    auto number = required_string(card, "number");
    RP_TRY(number);
    auto month = integer_field(card, "exp_month");
    RP_TRY(month);
    auto year = integer_field(card, "exp_year");
    RP_TRY(year);
    auto cvc = required_string(card, "cvc");
    RP_TRY(cvc);
    auto today = utility_today(context);
    RP_TRY(today);
    return context.test_processor->tokenize_card({*number, *month, *year, *cvc}, *today);
  }
  return invalid_input("card",
                       "send a card {number, exp_month, exp_year, cvc}; bank accounts go to "
                       "POST /api/v1/bank-accounts");
}

http::Response submitted(ApiContext& context, const payments::PaymentRequest& request) {
  if (context.processor == nullptr) {
    return http::problem(503, "payments-unavailable", "Payments are not available",
                         "this server has no payment processor");
  }
  auto payment = payments::submit_payment(context.database, *context.processor, request);
  if (!payment.ok()) return money_problem(payment.error());
  return payment_response(*payment);
}

}  // namespace

http::Response submit_payment_handler(ApiContext& context, http::Request& request) {
  if (auto refused = require_account_access(context, request)) return *refused;
  auto parsed = parse_payment(context, request);
  if (!parsed.ok()) return http::problem_from_error(parsed.error());
  return submitted(context, *parsed);
}

http::Response account_payments_handler(ApiContext& context, http::Request& request) {
  if (auto refused = require_account_access(context, request)) return *refused;
  auto number = account_number_param(request);
  if (!number.ok()) return http::problem_from_error(number.error());
  auto limit = integer_query(request, "limit", 20);
  if (!limit.ok()) return http::problem_from_error(limit.error());
  auto cursor = integer_query(request, "cursor", 0);
  if (!cursor.ok()) return http::problem_from_error(cursor.error());
  auto payments = payments::account_payments(context.database, *number, *cursor,
                                             static_cast<std::size_t>(*limit));
  if (!payments.ok()) return http::problem_from_error(payments.error());
  // Staff see who took each payment; a customer sees their own payments without staff names.
  std::optional<ActorNames> names;
  if (!request.actor.starts_with("customer:")) {
    std::vector<std::string> actors;
    for (const auto& payment : *payments) actors.push_back(payment.taken_by);
    auto loaded = context.database.read<ActorNames>(
        [&](store::Session& session) { return ActorNames::load(session, actors); });
    if (!loaded.ok()) return http::problem_from_error(loaded.error());
    names = std::move(*loaded);
  }
  JsonWriter out;
  out.begin_object().key("payments").begin_array();
  for (const auto& payment : *payments) write_payment(out, payment, names ? &*names : nullptr);
  out.end_array().key("next_cursor");
  if (!payments->empty() && payments->size() == static_cast<std::size_t>(*limit)) {
    out.string(std::to_string(payments->back().id));
  } else {
    out.null();
  }
  out.end_object();
  return http::text_response(200, out.take(), "application/json");
}

http::Response test_token_handler(ApiContext& context, http::Request& request) {
  if (context.test_processor == nullptr) {
    return http::problem(404, "not-found", "Not found",
                         "this server has no test card processor (payments.card_processor)");
  }
  if (auto refused = require_signed_in(context, request)) return *refused;
  auto body = http::parse_json_object_body(request);
  if (!body.ok()) return http::problem_from_error(body.error());
  auto token = tokenize(context, *body);
  if (!token.ok()) return http::problem_from_error(token.error());
  auto info = context.test_processor->describe(*token);
  if (!info.ok()) return http::problem_from_error(info.error());
  JsonWriter out;
  out.begin_object().key("token").string(*token).key("method").string(info->method);
  out.key("label").string(info->label).key("last_four").string(info->last_four).end_object();
  return http::text_response(201, out.take(), "application/json");
}

http::Response return_payment_handler(ApiContext& context, http::Request& request) {
  if (auto refused = require_staff(context, request)) return *refused;
  auto body = http::parse_json_object_body(request);
  if (!body.ok()) return http::problem_from_error(body.error());
  auto code = required_string(*body, "return_code");
  if (!code.ok()) return http::problem_from_error(code.error());
  payments::PaymentReturnRequest asked;
  asked.confirmation = std::string(request.path_param("confirmation"));
  asked.return_code = *code;
  asked.actor = request.actor;
  auto returned = payments::return_payment(context.database, asked);
  if (!returned.ok()) return http::problem_from_error(returned.error());
  JsonWriter out;
  out.begin_object().key("payment");
  write_payment(out, returned->payment);
  out.key("return_code").string(returned->return_code).key("reason").string(returned->reason);
  out.key("fee");
  write_money(out, returned->fee);
  out.key("already_returned").boolean(returned->already_returned).end_object();
  return http::text_response(200, out.take(), "application/json");
}

void write_lockbox_item(JsonWriter& out, const payments::LockboxItem& item) {
  out.begin_object().key("id").number(item.id).key("line").number(item.line);
  out.key("deposited_on").string(item.deposited_on).key("amount");
  write_money(out, item.amount);
  out.key("bank_reference").string(item.bank_reference);
  out.key("customer_reference").string(item.customer_reference).key("text").string(item.text);
  out.key("status").string(item.status).key("reason").string(item.reason);
  out.key("account_number").string(item.account_number);
  out.key("confirmation").string(item.confirmation).end_object();
}

http::Response lockbox_suspense_handler(ApiContext& context, http::Request& request) {
  if (auto refused = require_staff(context, request)) return *refused;
  auto after = integer_query(request, "cursor", 0);
  if (!after.ok()) return http::problem_from_error(after.error());
  auto limit = integer_query(request, "limit", 50);
  if (!limit.ok()) return http::problem_from_error(limit.error());
  if (*limit < 1 || *limit > 100) {
    return http::problem_from_error(invalid_input("limit", "limit must be 1 to 100"));
  }
  auto items =
      payments::lockbox_suspense(context.database, *after, static_cast<std::size_t>(*limit));
  if (!items.ok()) return http::problem_from_error(items.error());
  JsonWriter out;
  out.begin_object().key("items").begin_array();
  for (const auto& item : *items) write_lockbox_item(out, item);
  out.end_array().key("next_cursor");
  if (!items->empty() && items->size() == static_cast<std::size_t>(*limit)) {
    out.string(std::to_string(items->back().id));
  } else {
    out.null();
  }
  out.end_object();
  return http::text_response(200, out.take(), "application/json");
}

http::Response apply_lockbox_item_handler(ApiContext& context, http::Request& request) {
  if (auto refused = require_staff(context, request)) return *refused;
  auto id = id_param(request, "id", "lockbox item");
  if (!id.ok()) return http::problem_from_error(id.error());
  auto body = http::parse_json_object_body(request);
  if (!body.ok()) return http::problem_from_error(body.error());
  auto number_text = required_string(*body, "account_number");
  if (!number_text.ok()) return http::problem_from_error(number_text.error());
  auto number = AccountNumber::parse(*number_text);
  if (!number.ok()) {
    return http::problem_from_error(invalid_input("account_number", number.error().message));
  }
  auto item = payments::apply_lockbox_item(context.database, *id, *number, request.actor);
  if (!item.ok()) return http::problem_from_error(item.error());
  JsonWriter out;
  write_lockbox_item(out, *item);
  return http::text_response(200, out.take(), "application/json");
}

void write_scheduled(JsonWriter& out, const payments::ScheduledPayment& scheduled) {
  out.begin_object().key("id").number(scheduled.id).key("amount");
  write_money(out, scheduled.amount);
  out.key("pay_on").string(scheduled.pay_on);
  out.key("payment_method_id").number(scheduled.payment_method_id);
  out.key("status").string(scheduled.status);
  if (!scheduled.failure_reason.empty()) {
    out.key("failure_reason").string(scheduled.failure_reason);
  }
  out.key("confirmation");
  if (scheduled.confirmation.empty()) {
    out.null();
  } else {
    out.string(scheduled.confirmation);
  }
  out.end_object();
}

Result<std::int64_t> method_id_field(const json& body) {
  if (!body.contains("payment_method_id") || !body["payment_method_id"].is_number_integer()) {
    return invalid_input("payment_method_id",
                         "payment_method_id (a saved method's id) is required");
  }
  return body["payment_method_id"].get<std::int64_t>();
}

http::Response schedule_payment_handler(ApiContext& context, http::Request& request) {
  if (auto refused = require_account_access(context, request)) return *refused;
  auto number = account_number_param(request);
  if (!number.ok()) return http::problem_from_error(number.error());
  auto body = http::parse_json_object_body(request);
  if (!body.ok()) return http::problem_from_error(body.error());
  auto amount = required_money(*body, "amount");
  if (!amount.ok()) return http::problem_from_error(amount.error());
  auto pay_on_text = required_string(*body, "pay_on");
  if (!pay_on_text.ok()) return http::problem_from_error(pay_on_text.error());
  auto pay_on = parse_local_date(*pay_on_text, "pay_on");
  if (!pay_on.ok()) return http::problem_from_error(pay_on.error());
  auto method = method_id_field(*body);
  if (!method.ok()) return http::problem_from_error(method.error());
  auto scheduled = payments::schedule_payment(context.database, *number, *amount, *pay_on, *method,
                                              request.actor);
  if (!scheduled.ok()) return http::problem_from_error(scheduled.error());
  JsonWriter out;
  write_scheduled(out, *scheduled);
  return http::text_response(201, out.take(), "application/json");
}

http::Response scheduled_payments_handler(ApiContext& context, http::Request& request) {
  if (auto refused = require_account_access(context, request)) return *refused;
  auto number = account_number_param(request);
  if (!number.ok()) return http::problem_from_error(number.error());
  auto list = payments::scheduled_payments(context.database, *number);
  if (!list.ok()) return http::problem_from_error(list.error());
  JsonWriter out;
  out.begin_object().key("scheduled_payments").begin_array();
  for (const auto& scheduled : *list) write_scheduled(out, scheduled);
  out.end_array().end_object();
  return http::text_response(200, out.take(), "application/json");
}

http::Response cancel_scheduled_payment_handler(ApiContext& context, http::Request& request) {
  if (auto refused = require_account_access(context, request)) return *refused;
  auto number = account_number_param(request);
  if (!number.ok()) return http::problem_from_error(number.error());
  auto id = id_param(request, "id", "scheduled payment");
  if (!id.ok()) return http::problem_from_error(id.error());
  auto cancelled = payments::cancel_scheduled_payment(context.database, *number, *id);
  if (!cancelled.ok()) return http::problem_from_error(cancelled.error());
  return http::text_response(204, "", "application/json");
}

http::Response autopay_response(const std::optional<payments::AutopayEnrolment>& enrolment) {
  JsonWriter out;
  out.begin_object().key("enrolled").boolean(enrolment.has_value());
  if (enrolment) {
    out.key("payment_method_id").number(enrolment->payment_method_id);
    out.key("days_before_due").number(enrolment->days_before_due);
    out.key("enrolled_at").string(enrolment->enrolled_at);
  }
  out.end_object();
  return http::text_response(200, out.take(), "application/json");
}

http::Response autopay_handler(ApiContext& context, http::Request& request) {
  if (auto refused = require_account_access(context, request)) return *refused;
  auto number = account_number_param(request);
  if (!number.ok()) return http::problem_from_error(number.error());
  auto enrolment = payments::autopay_enrolment(context.database, *number);
  if (!enrolment.ok()) return http::problem_from_error(enrolment.error());
  return autopay_response(*enrolment);
}

http::Response enrol_autopay_handler(ApiContext& context, http::Request& request) {
  if (auto refused = require_account_access(context, request)) return *refused;
  auto number = account_number_param(request);
  if (!number.ok()) return http::problem_from_error(number.error());
  auto body = http::parse_json_object_body(request);
  if (!body.ok()) return http::problem_from_error(body.error());
  auto method = method_id_field(*body);
  if (!method.ok()) return http::problem_from_error(method.error());
  if (!body->contains("days_before_due") || !(*body)["days_before_due"].is_number_integer()) {
    return http::problem_from_error(
        invalid_input("days_before_due", "days_before_due (0 to 20) is required"));
  }
  auto consent = consent_field(*body);
  if (!consent.ok()) return http::problem_from_error(consent.error());
  auto enrolled = payments::enrol_autopay(context.database, *number, *method,
                                          (*body)["days_before_due"].get<std::int64_t>(),
                                          request.actor, *consent);
  if (!enrolled.ok()) return http::problem_from_error(enrolled.error());
  return autopay_response(*enrolled);
}

http::Response cancel_autopay_handler(ApiContext& context, http::Request& request) {
  if (auto refused = require_account_access(context, request)) return *refused;
  auto number = account_number_param(request);
  if (!number.ok()) return http::problem_from_error(number.error());
  auto consent = consent_of(request);
  if (!consent.ok()) return http::problem_from_error(consent.error());
  auto cancelled = payments::cancel_autopay(context.database, *number, request.actor, *consent);
  if (!cancelled.ok()) return http::problem_from_error(cancelled.error());
  return http::text_response(204, "", "application/json");
}

http::Response void_payment_handler(ApiContext& context, http::Request& request) {
  if (auto refused = require_staff(context, request)) return *refused;
  if (context.processor == nullptr) {
    return http::problem(503, "payments-unavailable", "Payments are not available",
                         "this server has no payment processor");
  }
  auto body = http::parse_json_object_body(request);
  if (!body.ok()) return http::problem_from_error(body.error());
  auto reason = required_string(*body, "reason");
  if (!reason.ok()) return http::problem_from_error(reason.error());
  auto voided = payments::void_payment(context.database, *context.processor,
                                       std::string(request.path_param("confirmation")), *reason,
                                       request.actor);
  if (!voided.ok()) return http::problem_from_error(voided.error());
  JsonWriter out;
  write_payment(out, *voided);
  return http::text_response(200, out.take(), "application/json");
}

http::Response refund_handler(ApiContext& context, http::Request& request) {
  if (auto refused = require_staff(context, request)) return *refused;
  auto number = account_number_param(request);
  if (!number.ok()) return http::problem_from_error(number.error());
  auto key = idempotency_key(request);
  if (!key.ok()) return http::problem_from_error(key.error());
  auto body = http::parse_json_object_body(request);
  if (!body.ok()) return http::problem_from_error(body.error());
  payments::RefundRequest asked{*number, std::nullopt, "", *key, request.actor};
  auto amount = optional_money(*body, "amount");
  if (!amount.ok()) return http::problem_from_error(amount.error());
  asked.amount = *amount;
  auto reason = required_string(*body, "reason");
  if (!reason.ok()) return http::problem_from_error(reason.error());
  asked.reason = *reason;
  auto refunded = payments::refund_credit_balance(context.database, asked);
  if (!refunded.ok()) return money_problem(refunded.error());
  JsonWriter out;
  out.begin_object().key("id").number(refunded->id);
  out.key("account_number").string(refunded->account_number).key("amount");
  write_money(out, refunded->amount);
  out.key("method").string(refunded->method).key("reason").string(refunded->reason);
  out.key("mail_to").string(refunded->mail_to).key("created_at").string(refunded->created_at);
  out.end_object();
  return http::text_response(refunded->replayed ? 200 : 201, out.take(), "application/json");
}

http::Response bank_account_handler(ApiContext& context, http::Request& request) {
  if (context.ach == nullptr) {
    return http::problem(503, "bank-payments-unavailable", "Bank payments are not available",
                         "this server does not originate bank (ACH) payments");
  }
  if (auto refused = require_signed_in(context, request)) return *refused;
  auto body = http::parse_json_object_body(request);
  if (!body.ok()) return http::problem_from_error(body.error());
  auto routing = required_string(*body, "routing_number");
  if (!routing.ok()) return http::problem_from_error(routing.error());
  auto number = required_string(*body, "account_number");
  if (!number.ok()) return http::problem_from_error(number.error());
  auto type = optional_string(*body, "account_type");
  if (!type.ok()) return http::problem_from_error(type.error());
  auto holder = optional_string(*body, "holder_name");
  if (!holder.ok()) return http::problem_from_error(holder.error());
  auto token = payments::store_bank_account(context.database, context.ach->key(),
                                            {*routing, *number, type->value_or("checking")},
                                            holder->value_or(""));
  if (!token.ok()) return http::problem_from_error(token.error());
  auto info = context.ach->describe(*token);
  if (!info.ok()) return http::problem_from_error(info.error());
  JsonWriter out;
  out.begin_object().key("token").string(*token).key("method").string(info->method);
  out.key("label").string(info->label).key("last_four").string(info->last_four).end_object();
  return http::text_response(201, out.take(), "application/json");
}

http::Response staff_payment_handler(ApiContext& context, http::Request& request) {
  if (auto refused = require_staff(context, request)) return *refused;
  auto body = http::parse_json_body(request);
  if (!body.ok()) return http::problem_from_error(body.error());
  const std::string method =
      body->is_object() && body->contains("method") && (*body)["method"].is_string()
          ? (*body)["method"].get<std::string>()
          : "";
  if (method == "card") {  // by phone, through the processor
    auto parsed = parse_payment(context, request);
    if (!parsed.ok()) return http::problem_from_error(parsed.error());
    parsed->channel = payments::PaymentChannel::phone;
    return submitted(context, *parsed);
  }
  auto number = account_number_param(request);
  if (!number.ok()) return http::problem_from_error(number.error());
  auto key = idempotency_key(request);
  if (!key.ok()) return http::problem_from_error(key.error());
  auto amount = required_money(*body, "amount");
  if (!amount.ok()) return http::problem_from_error(amount.error());
  auto check_number = optional_string(*body, "check_number");
  if (!check_number.ok()) return http::problem_from_error(check_number.error());
  payments::CounterPayment counter{*number,       *amount, method, check_number->value_or(""),
                                   request.actor, *key};
  auto payment = payments::take_counter_payment(context.database, counter);
  if (!payment.ok()) return money_problem(payment.error());
  return payment_response(*payment);
}

http::Response cashier_drawer_handler(ApiContext& context, http::Request& request) {
  if (auto refused = require_staff(context, request)) return *refused;
  auto day = utility_today(context);
  if (!day.ok()) return http::problem_from_error(day.error());
  if (auto text = request.query_param("day")) {
    auto given = parse_local_date(*text, "day");
    if (!given.ok()) return http::problem_from_error(given.error());
    day = *given;
  }
  const std::string cashier = request.query_param("cashier").value_or(request.actor);
  auto drawer = payments::cashier_drawer(context.database, cashier, *day);
  if (!drawer.ok()) return http::problem_from_error(drawer.error());
  JsonWriter out;
  out.begin_object().key("cashier").string(drawer->cashier);
  out.key("day").string(format_local_date(drawer->day)).key("methods").begin_array();
  for (const auto& line : drawer->lines) {
    out.begin_object().key("method").string(line.method).key("count").number(line.count);
    out.key("total");
    write_money(out, line.total);
    out.end_object();
  }
  out.end_array().key("count").number(drawer->count).key("total");
  write_money(out, drawer->total);
  out.end_object();
  return http::text_response(200, out.take(), "application/json");
}

namespace {

void write_saved_method(JsonWriter& out, const payments::SavedMethod& method) {
  out.begin_object().key("id").number(method.id).key("method").string(method.method);
  out.key("label").string(method.label).key("default").boolean(method.is_default);
  out.key("created_at").string(method.created_at).end_object();
}

}  // namespace

http::Response save_payment_method_handler(ApiContext& context, http::Request& request) {
  if (auto refused = require_account_access(context, request)) return *refused;
  auto number = account_number_param(request);
  if (!number.ok()) return http::problem_from_error(number.error());
  if (context.processor == nullptr) {
    return http::problem(503, "payments-unavailable", "Payments are not available",
                         "this server has no payment processor");
  }
  auto body = http::parse_json_object_body(request);
  if (!body.ok()) return http::problem_from_error(body.error());
  auto token = required_string(*body, "token");
  if (!token.ok()) return http::problem_from_error(token.error());
  const bool make_default = body->contains("default") && (*body)["default"].is_boolean() &&
                            (*body)["default"].get<bool>();
  auto saved = payments::save_payment_method(context.database, *context.processor, *number, *token,
                                             make_default, request.actor);
  if (!saved.ok()) return http::problem_from_error(saved.error());
  JsonWriter out;
  write_saved_method(out, *saved);
  return http::text_response(201, out.take(), "application/json");
}

http::Response payment_methods_handler(ApiContext& context, http::Request& request) {
  if (auto refused = require_account_access(context, request)) return *refused;
  auto number = account_number_param(request);
  if (!number.ok()) return http::problem_from_error(number.error());
  auto methods = payments::saved_payment_methods(context.database, *number, request.actor);
  if (!methods.ok()) return http::problem_from_error(methods.error());
  JsonWriter out;
  out.begin_object().key("payment_methods").begin_array();
  for (const auto& method : *methods) write_saved_method(out, method);
  out.end_array().end_object();
  return http::text_response(200, out.take(), "application/json");
}

http::Response remove_payment_method_handler(ApiContext& context, http::Request& request) {
  if (auto refused = require_account_access(context, request)) return *refused;
  auto number = account_number_param(request);
  if (!number.ok()) return http::problem_from_error(number.error());
  auto id = id_param(request, "id", "saved payment method");
  if (!id.ok()) return http::problem_from_error(id.error());
  auto removed = payments::remove_payment_method(context.database, *number, *id, request.actor);
  if (!removed.ok()) return http::problem_from_error(removed.error());
  return http::text_response(204, "", "application/json");
}

}  // namespace rp::api
