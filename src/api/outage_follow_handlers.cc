// Addresses an account follows for outage alerts (outages/announcements.h): a parent's house,
// a rental. The account's customer (signed in), or staff for them. Shapes in docs/openapi.yaml.

#include "api/answers.h"
#include "api/guards.h"
#include "api/outage_handlers.h"
#include "core/json_writer.h"
#include "http/json_body.h"
#include "http/problem.h"
#include "outages/announcements.h"

namespace rp::api {
namespace {

http::Response followed_answer(ApiContext& context, const AccountNumber& account, int status) {
  auto followed = outages::followed_addresses(context.database, account);
  if (!followed.ok()) return http::problem_from_error(followed.error());
  JsonWriter out;
  out.begin_object().key("addresses").begin_array();
  for (const outages::FollowedAddress& address : *followed) {
    out.begin_object().key("premise").number(address.premise_id);
    out.key("line1").string(address.line1).key("line2").string(address.line2);
    out.key("city").string(address.city).key("state").string(address.state);
    out.key("zip").string(address.zip).end_object();
  }
  out.end_array().end_object();
  return json_text(status, out.take());
}

}  // namespace

http::Response followed_addresses_handler(ApiContext& context, http::Request& request) {
  if (auto refused = require_account_access(context, request)) return *refused;
  auto number = AccountNumber::parse(request.path_param("number"));
  if (!number.ok()) return http::problem_from_error(not_found("no such account"));
  return followed_answer(context, *number, 200);
}

http::Response follow_address_handler(ApiContext& context, http::Request& request) {
  if (auto refused = require_account_access(context, request)) return *refused;
  auto number = AccountNumber::parse(request.path_param("number"));
  if (!number.ok()) return http::problem_from_error(not_found("no such account"));
  auto body = http::parse_json_object_body(request);
  if (!body.ok()) return http::problem_from_error(body.error());
  if (!body->contains("premise") || !(*body)["premise"].is_number_integer()) {
    return http::problem_from_error(
        invalid_input("premise", "premise is the id of the address (GET /api/v1/premises)"));
  }
  auto followed = outages::follow_address(context.database, *number,
                                          (*body)["premise"].get<std::int64_t>(), request.actor);
  if (!followed.ok()) return http::problem_from_error(followed.error());
  return followed_answer(context, *number, 200);
}

http::Response unfollow_address_handler(ApiContext& context, http::Request& request) {
  if (auto refused = require_account_access(context, request)) return *refused;
  auto number = AccountNumber::parse(request.path_param("number"));
  if (!number.ok()) return http::problem_from_error(not_found("no such account"));
  const std::string premise_text(request.path_param("premise"));
  std::int64_t premise = 0;
  for (char c : premise_text) {
    if (c < '0' || c > '9' || premise > 1'000'000'000'000) {
      return http::problem_from_error(not_found("not a followed address"));
    }
    premise = premise * 10 + (c - '0');
  }
  auto removed = outages::unfollow_address(context.database, *number, premise, request.actor);
  if (!removed.ok()) return http::problem_from_error(removed.error());
  return followed_answer(context, *number, 200);
}

}  // namespace rp::api
