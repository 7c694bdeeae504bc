#include "api/usage_alert_handlers.h"

#include <algorithm>

#include "api/account_json.h"
#include "api/actor_names.h"
#include "api/answers.h"
#include "api/guards.h"
#include "core/json_writer.h"
#include "http/json_body.h"
#include "http/problem.h"
#include "notify/usage_quantity.h"
#include "notify/usage_thresholds.h"

namespace rp::api {
namespace {

constexpr std::int64_t kMostLeaksPerPage = 200;

// Milli-units as decimal text without the unit ("2.4"), or null.
void write_quantity(JsonWriter& out, const std::optional<std::int64_t>& milli) {
  if (!milli) {
    out.null();
    return;
  }
  out.string(notify::decimal_text(*milli));
}

void write_optional_text(JsonWriter& out, const std::string& text) {
  if (text.empty()) {
    out.null();
  } else {
    out.string(text);
  }
}

// `names` (staff only): who closed it, by name.
void write_leak(JsonWriter& out, const notify::LeakAlertSeen& leak,
                const ActorNames* names = nullptr) {
  out.begin_object().key("id").number(leak.id);
  if (!leak.account_number.empty()) {
    auto number = AccountNumber::parse(leak.account_number);
    out.key("account").string(number.ok() ? number->formatted() : leak.account_number);
    out.key("customer").string(leak.customer);
  }
  out.key("commodity").string(leak.commodity).key("meter").string(leak.meter);
  out.key("unit").string(leak.unit).key("kind").string(leak.kind);
  out.key("found_on").string(leak.found_on).key("least_per_hour");
  write_quantity(out, leak.least_per_hour_milli);
  out.key("use_per_day");
  write_quantity(out, leak.use_per_day_milli);
  out.key("usual_per_day");
  write_quantity(out, leak.usual_per_day_milli);
  out.key("status").string(leak.status).key("closed_by");
  write_optional_text(out, leak.closed_by);
  if (names != nullptr) {
    out.key("closed_by_name");
    write_optional_text(out, leak.closed_by.empty() ? "" : names->of(leak.closed_by));
  }
  out.key("closed_at");
  write_optional_text(out, leak.closed_at);
  out.key("resolution");
  write_optional_text(out, leak.resolution);
  out.key("created_at").string(leak.created_at).end_object();
}

void write_optional_number(JsonWriter& out, const std::optional<std::int64_t>& value) {
  if (value) {
    out.number(*value);
  } else {
    out.null();
  }
}

std::string alerts_json(const notify::AccountAlerts& alerts) {
  JsonWriter out;
  out.begin_object().key("thresholds").begin_object().key("amount");
  if (alerts.thresholds.amount) {
    write_money(out, *alerts.thresholds.amount);
  } else {
    out.null();
  }
  out.key("last_bill_percent");
  write_optional_number(out, alerts.thresholds.last_bill_percent);
  out.key("last_year_percent");
  write_optional_number(out, alerts.thresholds.last_year_percent);
  out.end_object().key("usage_alerts").begin_array();
  for (const notify::UsageAlertSeen& alert : alerts.usage) {
    out.begin_object().key("id").number(alert.id).key("basis").string(alert.basis);
    out.key("period_start").string(alert.period_start).key("found_on").string(alert.found_on);
    out.key("so_far");
    write_money(out, alert.so_far);
    out.key("projected");
    write_money(out, alert.projected);
    out.key("estimated").boolean(alert.estimated).end_object();
  }
  out.end_array().key("leaks").begin_array();
  for (const notify::LeakAlertSeen& leak : alerts.leaks) write_leak(out, leak);
  out.end_array().end_object();
  return out.take();
}

// An optional whole percent from `body`; absent and null are none.
Result<std::optional<std::int64_t>> optional_percent(const nlohmann::json& body, const char* key) {
  if (!body.contains(key) || body[key].is_null()) return std::optional<std::int64_t>{};
  if (!body[key].is_number_integer()) {
    return invalid_input(key, std::string(key) + " is a whole number of percent, or null");
  }
  return std::optional<std::int64_t>{body[key].get<std::int64_t>()};
}

Result<notify::ThresholdChoice> choice_from(const nlohmann::json& body) {
  for (const auto& [key, value] : body.items()) {
    if (key != "amount" && key != "last_bill_percent" && key != "last_year_percent") {
      return invalid_input(key, "unknown field " + key +
                                    ": thresholds are amount, last_bill_percent and "
                                    "last_year_percent");
    }
  }
  notify::ThresholdChoice choice;
  if (body.contains("amount") && !body["amount"].is_null()) {
    if (!body["amount"].is_string()) {
      return invalid_input("amount", "amount is a dollar amount as text (\"150.00\"), or null");
    }
    auto amount = Money::parse(body["amount"].get<std::string>(), "amount");
    RP_TRY(amount);
    choice.amount = *amount;
  }
  auto last_bill = optional_percent(body, "last_bill_percent");
  RP_TRY(last_bill);
  choice.last_bill_percent = *last_bill;
  auto last_year = optional_percent(body, "last_year_percent");
  RP_TRY(last_year);
  choice.last_year_percent = *last_year;
  return choice;
}

}  // namespace

http::Response account_alerts_handler(ApiContext& context, http::Request& request) {
  if (auto refused = require_account_access(context, request)) return *refused;
  auto number = account_number_param(request);
  if (!number.ok()) return http::problem_from_error(number.error());
  auto alerts = notify::account_alerts(context.database, *number);
  if (!alerts.ok()) return http::problem_from_error(alerts.error());
  return json_text(200, alerts_json(*alerts));
}

http::Response set_usage_thresholds_handler(ApiContext& context, http::Request& request) {
  if (auto refused = require_account_access(context, request)) return *refused;
  auto number = account_number_param(request);
  if (!number.ok()) return http::problem_from_error(number.error());
  auto body = http::parse_json_object_body(request);
  if (!body.ok()) return http::problem_from_error(body.error());
  auto choice = choice_from(*body);
  if (!choice.ok()) return http::problem_from_error(choice.error());
  auto alerts = notify::set_thresholds(context.database, *number, *choice, request.actor);
  if (!alerts.ok()) return http::problem_from_error(alerts.error());
  return json_text(200, alerts_json(*alerts));
}

http::Response close_leak_handler(ApiContext& context, http::Request& request) {
  if (auto refused = require_account_access(context, request)) return *refused;
  auto number = account_number_param(request);
  if (!number.ok()) return http::problem_from_error(number.error());
  auto id = id_param(request, "id", "leak alert");
  if (!id.ok()) return http::problem_from_error(id.error());
  auto body = http::parse_json_object_body(request);
  if (!body.ok()) return http::problem_from_error(body.error());
  if (!body->contains("resolution") || !(*body)["resolution"].is_string()) {
    return http::problem_from_error(
        invalid_input("resolution", "say what was found or done, as text"));
  }
  auto closed = notify::close_leak_alert(context.database, *number, *id,
                                         (*body)["resolution"].get<std::string>(), request.actor);
  if (!closed.ok()) return http::problem_from_error(closed.error());
  JsonWriter out;
  out.begin_object().key("leak");
  write_leak(out, *closed);
  out.end_object();
  return json_text(200, out.take());
}

http::Response leak_queue_handler(ApiContext& context, http::Request& request) {
  if (auto refused = require_staff(context, request)) return *refused;
  auto limit = integer_query(request, "limit", 50);
  if (!limit.ok()) return http::problem_from_error(limit.error());
  if (*limit < 1 || *limit > kMostLeaksPerPage) {
    return http::problem_from_error(invalid_input("limit", "limit is 1 to 200"));
  }
  auto cursor = integer_query(request, "cursor", 0);
  if (!cursor.ok()) return http::problem_from_error(cursor.error());
  auto page = notify::leak_queue(context.database, request.query_param("status").value_or("open"),
                                 *cursor, static_cast<std::size_t>(*limit));
  if (!page.ok()) return http::problem_from_error(page.error());
  std::vector<std::string> closers;
  for (const notify::LeakAlertSeen& leak : page->alerts) closers.push_back(leak.closed_by);
  auto names = context.database.read<ActorNames>(
      [&](store::Session& session) { return ActorNames::load(session, closers); });
  if (!names.ok()) return http::problem_from_error(names.error());
  JsonWriter out;
  out.begin_object().key("leaks").begin_array();
  for (const notify::LeakAlertSeen& leak : page->alerts) write_leak(out, leak, &*names);
  out.end_array().key("next_cursor");
  if (page->next_after) {
    out.string(std::to_string(*page->next_after));
  } else {
    out.null();
  }
  out.end_object();
  return json_text(200, out.take());
}

}  // namespace rp::api
