#include "api/work_queue_handlers.h"

#include <algorithm>

#include "api/account_json.h"
#include "api/answers.h"
#include "api/guards.h"
#include "api/payment_json.h"
#include "core/json.h"
#include "core/json_writer.h"
#include "http/json_body.h"
#include "http/problem.h"
#include "payments/payment_intake.h"
#include "payments/payment_moves.h"

namespace rp::api {
namespace {

bool holds(const http::Request& request, std::string_view permission) {
  return std::binary_search(request.staff_permissions.begin(), request.staff_permissions.end(),
                            permission);
}

struct QueueCount {
  const char* queue;
  const char* permission;
};

constexpr QueueCount kQueues[] = {
    {"bill_holds", "billing.read"},       {"vee_exceptions", "meter_data.resolve"},
    {"adjustments", "billing.read"},      {"lockbox_suspense", "lockbox.apply"},
    {"pending_payments", "billing.read"}, {"bill_runs_running", "billing.read"},
    {"possible_leaks", "accounts.read"},  {"start_applications", "accounts.open"},
};

void write_account_balance(JsonWriter& out, const std::string& digits, Money balance) {
  auto number = AccountNumber::parse(digits);
  out.begin_object().key("number").string(number.ok() ? number->formatted() : digits);
  out.key("balance");
  write_money(out, balance);
  out.end_object();
}

}  // namespace

http::Response work_queue_counts_handler(ApiContext& context, http::Request& request) {
  if (auto refused = require_staff(context, request)) return *refused;
  auto rows = context.database.read<store::Rows>(
      [](store::Session& session) { return session.query_named("api/work_queue_counts"); });
  if (!rows.ok()) return http::problem_from_error(rows.error());
  JsonWriter out;
  out.begin_object();
  for (const QueueCount& queue : kQueues) {
    if (holds(request, queue.permission)) {
      out.key(queue.queue).number(rows->at(0).integer(queue.queue));
    }
  }
  out.end_object();
  return json_text(200, out.take());
}

http::Response waiting_payments_handler(ApiContext& context, http::Request& request) {
  if (auto refused = require_staff(context, request)) return *refused;
  if (request.query_param("status").value_or("") != "pending") {
    return http::problem_from_error(
        invalid_input("status",
                      "only status=pending is listed here; an account's payments are at "
                      "/api/v1/accounts/{number}/payments"));
  }
  auto limit = integer_query(request, "limit", 50);
  if (!limit.ok()) return http::problem_from_error(limit.error());
  auto cursor = integer_query(request, "cursor", 0);
  if (!cursor.ok()) return http::problem_from_error(cursor.error());
  auto waiting = payments::waiting_payments(
      context.database, *cursor, static_cast<std::size_t>(std::max<std::int64_t>(*limit, 0)));
  if (!waiting.ok()) return http::problem_from_error(waiting.error());
  JsonWriter out;
  out.begin_object().key("payments").begin_array();
  for (const auto& payment : *waiting) write_payment(out, payment);
  out.end_array().key("next_cursor");
  if (!waiting->empty() && waiting->size() == static_cast<std::size_t>(*limit)) {
    out.string(std::to_string(waiting->back().id));
  } else {
    out.null();
  }
  out.end_object();
  return json_text(200, out.take());
}

http::Response move_payment_handler(ApiContext& context, http::Request& request) {
  if (auto refused = require_staff(context, request)) return *refused;
  auto key = idempotency_key(request);
  if (!key.ok()) return http::problem_from_error(key.error());
  auto body = http::parse_json_object_body(request);
  if (!body.ok()) return http::problem_from_error(body.error());
  auto to_text = required_string(*body, "to_account");
  if (!to_text.ok()) return http::problem_from_error(to_text.error());
  auto to = AccountNumber::parse(*to_text);
  if (!to.ok()) {
    return http::problem_from_error(invalid_input(
        "to_account", "'" + *to_text + "' is not an account number: " + to.error().message));
  }
  auto reason = required_string(*body, "reason");
  if (!reason.ok()) return http::problem_from_error(reason.error());
  payments::PaymentMove move{std::string(request.path_param("confirmation")), *to, *reason, *key,
                             request.actor};
  auto moved = payments::move_payment(context.database, move);
  if (!moved.ok()) return money_problem(moved.error());
  JsonWriter out;
  out.begin_object().key("payment");
  write_payment(out, moved->moved);
  out.key("new_payment");
  write_payment(out, moved->carrier);
  out.key("from_account");
  write_account_balance(out, moved->moved.account_number, moved->from_balance);
  out.key("to_account");
  write_account_balance(out, moved->carrier.account_number, moved->to_balance);
  out.key("replayed").boolean(moved->replayed).end_object();
  return json_text(200, out.take());
}

}  // namespace rp::api
