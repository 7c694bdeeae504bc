#include "api/account_handlers.h"

#include <charconv>

#include "accounts/account_preferences.h"
#include "accounts/account_service.h"
#include "accounts/mailing_address.h"
#include "accounts/service_stop.h"
#include "api/account_json.h"
#include "api/guards.h"
#include "billing/amount_owed_view.h"
#include "core/json.h"
#include "core/json_writer.h"
#include "http/json_body.h"
#include "http/problem.h"

namespace rp::api {
namespace {

Result<accounts::AccountSearch> parse_search(const http::Request& request) {
  auto limit = integer_query(request, "limit", 20);
  if (!limit.ok()) return limit.error();
  auto cursor = integer_query(request, "cursor", 0);
  if (!cursor.ok()) return cursor.error();
  return accounts::AccountSearch{request.query_param("q").value_or(""),
                                 static_cast<std::size_t>(*limit), *cursor};
}

Result<accounts::Address> parse_address(const json& body, const char* field) {
  if (!body.contains(field) || !body[field].is_object()) {
    return invalid_input(field, std::string(field) + " is required and must be an object");
  }
  const json& address = body[field];
  accounts::Address out;
  for (auto [name, target] : {std::pair{"line1", &out.line1},
                              {"line2", &out.line2},
                              {"city", &out.city},
                              {"state", &out.state},
                              {"zip", &out.zip}}) {
    auto value = optional_string(address, name);
    if (!value.ok()) return invalid_input(std::string(field) + "." + name, value.error().message);
    *target = value->value_or("");
  }
  return out;
}

Result<accounts::NewAccount> parse_new_account(const json& body) {
  accounts::NewAccount account;
  if (!body.contains("customer") || !body["customer"].is_object()) {
    return invalid_input("customer", "customer is required and must be an object");
  }
  const json& customer = body["customer"];
  auto name = required_string(customer, "name");
  if (!name.ok()) return invalid_input("customer.name", name.error().message);
  account.customer.name = *name;
  auto email = optional_string(customer, "email");
  auto phone = optional_string(customer, "phone");
  if (!email.ok()) return invalid_input("customer.email", email.error().message);
  if (!phone.ok()) return invalid_input("customer.phone", phone.error().message);
  account.customer.email = email->value_or("");
  account.customer.phone = phone->value_or("");
  auto mailing = parse_address(body, "mailing_address");
  if (!mailing.ok()) return mailing.error();
  account.mailing_address = *mailing;
  auto language = optional_string(body, "language");
  auto opened_on = required_string(body, "opened_on");
  if (!language.ok()) return language.error();
  if (!opened_on.ok()) return opened_on.error();
  account.language = language->value_or("en");
  account.opened_on = *opened_on;
  if (body.contains("bill_cycle")) {
    if (!body["bill_cycle"].is_number_integer()) {
      return invalid_input("bill_cycle", "bill_cycle must be a whole number from 1 to 20");
    }
    account.bill_cycle = body["bill_cycle"].get<int>();
  }
  return account;
}

}  // namespace

http::Response search_accounts_handler(ApiContext& context, http::Request& request) {
  if (auto refused = require_staff(context, request)) return *refused;
  auto search = parse_search(request);
  if (!search.ok()) return http::problem_from_error(search.error());
  auto page = accounts::search_accounts(context.database, *search);
  if (!page.ok()) return http::problem_from_error(page.error());
  return http::text_response(200, search_page_json(*page), "application/json");
}

http::Response account_detail_handler(ApiContext& context, http::Request& request) {
  if (auto refused = require_staff(context, request)) return *refused;
  auto number = account_number_param(request);
  if (!number.ok()) return http::problem_from_error(number.error());
  auto read = billing::account_detail_with_owed(context.database, *number);
  if (!read.ok()) return http::problem_from_error(read.error());
  auto facts = context.database.read<StaffAccountFacts>(
      [&](store::Session& session) -> Result<StaffAccountFacts> {
        auto rows = session.query_named("api/staff_account_facts", {number->digits()});
        RP_TRY(rows);
        if (rows->empty()) return not_found("no account has number " + number->digits());
        const store::Row& row = rows->at(0);
        return StaffAccountFacts{
            .portal_logins = row.integer("portal_logins"),
            .late_fee_exemption = row.is_null("late_fee_exemption")
                                      ? std::nullopt
                                      : std::optional(row.text("late_fee_exemption")),
            .held_bills = row.integer("held_bills")};
      });
  if (!facts.ok()) return http::problem_from_error(facts.error());
  return http::text_response(200, detail_json(read->account, read->owed, &*facts),
                             "application/json");
}

http::Response open_account_handler(ApiContext& context, http::Request& request) {
  if (auto refused = require_staff(context, request)) return *refused;
  auto body = http::parse_json_body(request);
  if (!body.ok()) return http::problem_from_error(body.error());
  auto account = parse_new_account(*body);
  if (!account.ok()) return http::problem_from_error(account.error());
  auto number = accounts::open_account(context.database, *account, request.actor);
  if (!number.ok()) return http::problem_from_error(number.error());
  auto read = billing::account_detail_with_owed(context.database, *number);
  if (!read.ok()) return http::problem_from_error(read.error());
  http::Response created =
      http::text_response(201, detail_json(read->account, read->owed), "application/json");
  created.set_header("Location", "/api/v1/staff/accounts/" + number->digits());
  return created;
}

http::Response account_summary_handler(ApiContext& context, http::Request& request) {
  if (auto refused = require_account_access(context, request)) return *refused;
  auto number = account_number_param(request);
  if (!number.ok()) return http::problem_from_error(number.error());
  auto read = billing::account_summary_with_owed(context.database, *number);
  if (!read.ok()) return http::problem_from_error(read.error());
  return http::text_response(200, summary_json(read->account, read->owed), "application/json");
}

http::Response move_out_handler(ApiContext& context, http::Request& request) {
  if (auto refused = require_staff(context, request)) return *refused;
  auto number = account_number_param(request);
  if (!number.ok()) return http::problem_from_error(number.error());
  auto body = http::parse_json_object_body(request);
  if (!body.ok()) return http::problem_from_error(body.error());
  auto last_day = required_string(*body, "last_day");
  if (!last_day.ok()) return http::problem_from_error(last_day.error());
  auto stopped = accounts::stop_service(context.database, *number, {*last_day, request.actor});
  if (!stopped.ok()) return http::problem_from_error(stopped.error());
  JsonWriter out;
  out.begin_object().key("account_number").string(number->digits());
  out.key("last_day").string(*last_day).key("services_stopped").number(*stopped).end_object();
  return http::text_response(200, out.take(), "application/json");
}

namespace {

std::string preferences_json(const accounts::AccountPreferences& preferences) {
  JsonWriter out;
  out.begin_object().key("paperless").boolean(preferences.paperless);
  out.key("email").string(preferences.email).key("phone").string(preferences.phone);
  out.key("budget");
  if (preferences.budget) {
    out.begin_object().key("installment");
    write_money(out, preferences.budget->installment);
    out.key("true_up_month").number(preferences.budget->true_up_month);
    out.key("enrolled_on").string(preferences.budget->enrolled_on).end_object();
  } else {
    out.null();
  }
  out.end_object();
  return out.take();
}

}  // namespace

http::Response preferences_handler(ApiContext& context, http::Request& request) {
  if (auto refused = require_account_access(context, request)) return *refused;
  auto number = account_number_param(request);
  if (!number.ok()) return http::problem_from_error(number.error());
  auto preferences = accounts::find_preferences(context.database, *number);
  if (!preferences.ok()) return http::problem_from_error(preferences.error());
  return http::text_response(200, preferences_json(*preferences), "application/json");
}

http::Response change_preferences_handler(ApiContext& context, http::Request& request) {
  if (auto refused = require_account_access(context, request)) return *refused;
  auto number = account_number_param(request);
  if (!number.ok()) return http::problem_from_error(number.error());
  auto body = http::parse_json_object_body(request);
  if (!body.ok()) return http::problem_from_error(body.error());
  accounts::PreferenceChange change;
  change.actor = request.actor;
  if (body->contains("paperless")) {
    if (!(*body)["paperless"].is_boolean()) {
      return http::problem_from_error(
          invalid_input("paperless", "paperless must be true or false"));
    }
    change.paperless = (*body)["paperless"].get<bool>();
  }
  auto email = optional_string(*body, "email");
  if (!email.ok()) return http::problem_from_error(email.error());
  change.email = *email;
  auto phone = optional_string(*body, "phone");
  if (!phone.ok()) return http::problem_from_error(phone.error());
  change.phone = *phone;
  auto preferences = accounts::change_preferences(context.database, *number, change);
  if (!preferences.ok()) return http::problem_from_error(preferences.error());
  return http::text_response(200, preferences_json(*preferences), "application/json");
}

http::Response change_mailing_address_handler(ApiContext& context, http::Request& request) {
  if (auto refused = require_staff(context, request)) return *refused;
  auto number = account_number_param(request);
  if (!number.ok()) return http::problem_from_error(number.error());
  auto body = http::parse_json_object_body(request);
  if (!body.ok()) return http::problem_from_error(body.error());
  auto address = parse_address(*body, "mailing_address");
  if (!address.ok()) return http::problem_from_error(address.error());
  auto changed =
      accounts::change_mailing_address(context.database, *number, {*address, request.actor});
  if (!changed.ok()) return http::problem_from_error(changed.error());
  JsonWriter out;
  out.begin_object().key("account_number").string(number->digits());
  out.key("changed").boolean(changed->changed).key("notified").string(changed->notified);
  out.key("before");
  write_address(out, changed->before);
  out.key("after");
  write_address(out, changed->after);
  out.end_object();
  return http::text_response(200, out.take(), "application/json");
}

}  // namespace rp::api
