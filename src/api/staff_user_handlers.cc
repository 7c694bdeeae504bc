#include "api/staff_user_handlers.h"

#include "api/audit_log.h"
#include "api/guards.h"
#include "audit/audit_trail.h"
#include "auth/logins.h"
#include "core/json.h"
#include "core/json_writer.h"
#include "http/json_body.h"
#include "http/problem.h"
#include "staff/role_changes.h"
#include "staff/staff_sign_in.h"
#include "staff/staff_users.h"

namespace rp::api {
http::Response add_staff_user_handler(ApiContext& context, http::Request& request) {
  if (auto refused = require_staff(context, request)) return *refused;
  auto body = http::parse_json_object_body(request);
  if (!body.ok()) return http::problem_from_error(body.error());
  auto email = required_string(*body, "email");
  if (!email.ok()) return http::problem_from_error(email.error());
  auto name = required_string(*body, "name");
  if (!name.ok()) return http::problem_from_error(name.error());
  std::vector<std::string> roles;
  if (!body->contains("roles") || !(*body)["roles"].is_array()) {
    return http::problem_from_error(
        invalid_input("roles", "roles must be an array of role names, e.g. [\"cashier\"]"));
  }
  for (const json& role : (*body)["roles"]) {
    if (!role.is_string()) {
      return http::problem_from_error(invalid_input("roles", "each role is a name (a string)"));
    }
    roles.push_back(role.get<std::string>());
  }
  auto home = optional_string(*body, "home_account_number");
  if (!home.ok()) return http::problem_from_error(home.error());
  auto added = context.database.write<staff::AddedStaffUser>(
      [&](store::Session& session) -> Result<staff::AddedStaffUser> {
        auto granted = staff::permissions_of_roles(session, roles);
        RP_TRY(granted);
        RP_TRY(staff::check_may_grant(session, request.actor, *granted));
        auto user = staff::add_staff_user(
            session, {*email, *name, roles, request.actor, home->value_or("")});
        RP_TRY(user);
        JsonWriter details;
        details.begin_object().key("roles").begin_array();
        for (const std::string& role : roles) details.string(role);
        details.end_array().end_object();
        RP_TRY(audit::append_audit(
            session, audit_entry(request, {request.actor, "staff_user.added",
                                           "staff_user:" + std::to_string(user->id), "done",
                                           details.take()})));
        return user;
      });
  if (!added.ok()) return http::problem_from_error(added.error());
  const std::string public_url =
      context.logins != nullptr ? context.logins->public_url : std::string();
  JsonWriter out;
  out.begin_object().key("id").number(added->id);
  out.key("enrolment_link").string(staff::enrolment_link(public_url, added->enrol_token));
  out.end_object();
  http::Response response = http::text_response(201, out.take(), "application/json");
  response.set_header("Cache-Control", "no-store");
  return response;
}

http::Response staff_users_handler(ApiContext& context, http::Request& request) {
  if (auto refused = require_staff(context, request)) return *refused;
  auto users = context.database.read<std::vector<staff::StaffUserView>>(
      [](store::Session& session) { return staff::staff_users(session); });
  if (!users.ok()) return http::problem_from_error(users.error());
  JsonWriter out;
  out.begin_object().key("users").begin_array();
  for (const staff::StaffUserView& user : *users) {
    out.begin_object().key("id").number(user.id).key("email").string(user.email);
    out.key("name").string(user.name).key("status").string(user.status);
    out.key("roles").begin_array();
    for (const std::string& role : user.roles) out.string(role);
    out.end_array().key("enrolled").boolean(user.enrolled);
    out.key("created_at").string(user.created_at).key("created_by").string(user.created_by);
    out.key("disabled_at")
        .optional_string(user.disabled_at.empty() ? std::nullopt
                                                  : std::optional<std::string>(user.disabled_at));
    out.end_object();
  }
  out.end_array().end_object();
  return http::text_response(200, out.take(), "application/json");
}

http::Response disable_staff_user_handler(ApiContext& context, http::Request& request) {
  if (auto refused = require_staff(context, request)) return *refused;
  auto id = id_param(request, "id", "staff user");
  if (!id.ok()) return http::problem_from_error(id.error());
  if (request.actor == "staff:" + std::to_string(*id)) {
    return http::problem_from_error(
        conflict("you cannot disable yourself; another administrator can"));
  }
  auto disabled = context.database.write_work([&](store::Session& session) -> Result<void> {
    RP_TRY(staff::disable_staff_user(session, *id, request.actor));
    RP_TRY(
        audit::append_audit(session, audit_entry(request, {request.actor, "staff_user.disabled",
                                                           "staff_user:" + std::to_string(*id)})));
    return success();
  });
  if (!disabled.ok()) return http::problem_from_error(disabled.error());
  staff::forget_known_staff_sessions();  // their sessions end now, not when the cache lapses
  return http::text_response(204, "", "");
}

}  // namespace rp::api
