#include "api/application_handlers.h"

#include "api/answers.h"
#include "api/guards.h"
#include "api/order_handlers.h"
#include "core/idempotency_key.h"
#include "core/json_writer.h"
#include "http/json_body.h"
#include "http/problem.h"
#include "orders/applications.h"

namespace rp::api {
namespace {

std::string text_of(const nlohmann::json& body, const char* key) {
  return body.contains(key) && body[key].is_string() ? body[key].get<std::string>() : "";
}

std::int64_t integer_of(const nlohmann::json& body, const char* key) {
  return body.contains(key) && body[key].is_number_integer() ? body[key].get<std::int64_t>() : 0;
}

std::string premises_json(const std::vector<orders::PremiseMatch>& premises) {
  JsonWriter out;
  out.begin_object().key("premises").begin_array();
  for (const orders::PremiseMatch& premise : premises) {
    const accounts::Address& a = premise.address;
    out.begin_object().key("id").number(premise.id).key("line1").string(a.line1);
    out.key("line2").string(a.line2).key("city").string(a.city).key("state").string(a.state);
    out.key("zip").string(a.zip).key("services").begin_array();
    for (const orders::PremiseService& service : premise.services) {
      out.begin_object().key("commodity").string(service.commodity);
      out.key("service_point").number(service.service_point_id).key("plans").begin_array();
      for (const orders::RatePlanChoice& plan : service.plans) {
        out.begin_object().key("code").string(plan.code).key("name").string(plan.name);
        out.end_object();
      }
      out.end_array().end_object();
    }
    out.end_array().end_object();
  }
  out.end_array().end_object();
  return out.take();
}

Result<orders::Application> application_of(const nlohmann::json& body) {
  orders::Application application;
  application.premise_id = integer_of(body, "premise");
  if (application.premise_id <= 0) return invalid_input("premise", "choose the address");
  application.start_date = text_of(body, "start_date");
  if (body.contains("services") && body["services"].is_array()) {
    for (const nlohmann::json& item : body["services"]) {
      if (!item.is_object()) return invalid_input("services", "each service is an object");
      application.services.push_back(
          {integer_of(item, "service_point"), text_of(item, "rate_plan")});
    }
  }
  if (!body.contains("customer") || !body["customer"].is_object()) {
    return invalid_input("customer.name", "say who the customer is");
  }
  const nlohmann::json& customer = body["customer"];
  application.customer = {text_of(customer, "name"), text_of(customer, "email"),
                          text_of(customer, "phone")};
  application.birth_date = text_of(customer, "birth_date");
  application.id_last4 = text_of(customer, "id_last4");
  if (body.contains("mailing_address") && body["mailing_address"].is_object()) {
    const nlohmann::json& a = body["mailing_address"];
    application.mailing_address =
        accounts::Address{text_of(a, "line1"), text_of(a, "line2"), text_of(a, "city"),
                          text_of(a, "state"), text_of(a, "zip")};
  }
  application.language = body.value("language", std::string("en"));
  application.paperless = body.value("paperless", false) == true;
  return application;
}

}  // namespace

http::Response find_premises_handler(ApiContext& context, http::Request& request) {
  auto found = orders::find_premises(context.database, request.query_param("address").value_or(""),
                                     request.query_param("zip").value_or(""));
  if (!found.ok()) return http::problem_from_error(found.error());
  return json_text(200, premises_json(*found));
}

http::Response apply_for_service_handler(ApiContext& context, http::Request& request) {
  const std::string key_text(request.header("idempotency-key").value_or(""));
  if (auto checked = check_client_key(key_text, "Idempotency-Key"); !checked.ok()) {
    return http::problem_from_error(checked.error());
  }
  // Staff open accounts and start service through the staff routes, as themselves.
  if (auto refused = require_public_caller(
          context, request,
          "staff start service for a customer through the staff routes (POST "
          "/api/v1/staff/accounts, then the account's service orders); this route is the public "
          "application")) {
    return *refused;
  }
  const std::string& actor = request.actor;
  auto body = http::parse_json_object_body(request);
  if (!body.ok()) return http::problem_from_error(body.error());
  auto application = application_of(*body);
  if (!application.ok()) return http::problem_from_error(application.error());
  auto applied =
      orders::apply_for_service(context.database, *application,
                                client_idempotency_key("application/" + actor, key_text), actor);
  if (!applied.ok()) return money_problem(applied.error());
  return json_text(applied->order.replayed ? 200 : 201,
                   order_json(applied->order, applied->account.formatted()));
}

http::Response activate_application_handler(ApiContext& context, http::Request& request) {
  if (auto refused = require_staff(context, request)) return *refused;
  auto id = orders::parse_order_number(std::string(request.path_param("order")));
  if (!id.ok()) return http::problem_from_error(not_found("no such order"));
  auto body = http::parse_json_object_body(request);
  if (!body.ok()) return http::problem_from_error(body.error());
  orders::Activation activation;
  if (body->contains("bill_cycle")) {
    if (!(*body)["bill_cycle"].is_number_integer()) {
      return http::problem_from_error(invalid_input("bill_cycle", "bill_cycle is 1 to 20"));
    }
    activation.bill_cycle = (*body)["bill_cycle"].get<int>();
    if (activation.bill_cycle < 1) {
      return http::problem_from_error(invalid_input("bill_cycle", "bill_cycle is 1 to 20"));
    }
  }
  auto activated = orders::activate_application(context.database, *id, activation, request.actor);
  if (!activated.ok()) return http::problem_from_error(activated.error());
  return json_text(200, order_json(*activated));
}

}  // namespace rp::api
