#include "api/staff_access_handlers.h"

#include "api/answers.h"
#include "api/audit_log.h"
#include "api/guards.h"
#include "audit/audit_trail.h"
#include "core/json.h"
#include "core/json_writer.h"
#include "http/json_body.h"
#include "http/problem.h"
#include "staff/api_keys.h"
#include "staff/role_changes.h"
#include "staff/staff_sign_in.h"

namespace rp::api {
namespace {

// The array of strings `field` of `body`. Errors: invalid_input naming the field.
Result<std::vector<std::string>> string_list(const json& body, const char* field,
                                             const char* example) {
  if (!body.contains(field) || !body[field].is_array()) {
    return invalid_input(field, std::string(field) + " must be an array of names, e.g. " + example);
  }
  std::vector<std::string> out;
  for (const json& item : body[field]) {
    if (!item.is_string()) {
      return invalid_input(field, std::string("each of ") + field + " is a name (a string)");
    }
    out.push_back(item.get<std::string>());
  }
  return out;
}

void write_names(JsonWriter& out, const std::vector<std::string>& names) {
  out.begin_array();
  for (const std::string& name : names) out.string(name);
  out.end_array();
}

// {"id": .., "key": ..}: a key shown once, never stored or cached by anyone on the way.
http::Response issued_key(const staff::IssuedApiKey& issued) {
  JsonWriter out;
  out.begin_object().key("id").number(issued.id).key("key").string(issued.key).end_object();
  return private_json(201, out.take());
}

// Runs `change` and its audit record (made by `record`) in one write; 204, or the problem.
template <typename Change, typename Record>
http::Response changed(ApiContext& context, Change change, Record record) {
  auto done = context.database.write_work([&](store::Session& session) -> Result<void> {
    auto outcome = change(session);
    RP_TRY(outcome);
    RP_TRY(audit::append_audit(session, record(*outcome)));
    return success();
  });
  if (!done.ok()) return http::problem_from_error(done.error());
  staff::forget_known_staff_sessions();  // sessions, users and roles as now committed
  return http::text_response(204, "", "");
}

}  // namespace

http::Response set_staff_roles_handler(ApiContext& context, http::Request& request) {
  if (auto refused = require_staff(context, request)) return *refused;
  if (!request.actor.starts_with("staff:")) {
    return http::problem(403, "staff-user-required", "Not allowed",
                         "roles are changed by an administrator signed in to the console, never "
                         "by an API key",
                         {}, "staff-user-required");
  }
  auto id = id_param(request, "id", "staff user");
  if (!id.ok()) return http::problem_from_error(id.error());
  auto body = http::parse_json_object_body(request);
  if (!body.ok()) return http::problem_from_error(body.error());
  auto roles = string_list(*body, "roles", "[\"cashier\"]");
  if (!roles.ok()) return http::problem_from_error(roles.error());
  JsonWriter out;
  auto done = context.database.write_work([&](store::Session& session) -> Result<void> {
    auto granted = staff::permissions_of_roles(session, *roles);
    RP_TRY(granted);
    RP_TRY(staff::check_may_grant(session, request.actor, *granted));
    auto change = staff::set_staff_roles(session, *id, *roles, request.actor);
    RP_TRY(change);
    JsonWriter details;
    details.begin_object().key("before");
    write_names(details, change->before);
    details.key("after");
    write_names(details, change->after);
    details.end_object();
    const std::string text = details.take();
    RP_TRY(audit::append_audit(
        session, audit_entry(request, {request.actor, "staff_user.roles_changed",
                                       "staff_user:" + std::to_string(*id), "done", text})));
    out.json(text);
    return success();
  });
  if (!done.ok()) return http::problem_from_error(done.error());
  staff::forget_known_staff_sessions();  // the users' permissions as now committed
  return private_json(200, out.take());
}

http::Response end_staff_sessions_handler(ApiContext& context, http::Request& request) {
  if (auto refused = require_staff(context, request)) return *refused;
  auto id = id_param(request, "id", "staff user");
  if (!id.ok()) return http::problem_from_error(id.error());
  return changed(
      context, [&](store::Session& session) { return staff::end_staff_sessions(session, *id); },
      [&](std::int64_t ended) {
        JsonWriter details;
        details.begin_object().key("sessions_ended").number(ended).end_object();
        return audit_entry(request, {request.actor, "staff_user.signed_out",
                                     "staff_user:" + std::to_string(*id), "done", details.take()});
      });
}

http::Response roles_handler(ApiContext& context, http::Request& request) {
  if (auto refused = require_staff(context, request)) return *refused;
  auto roles = context.database.read<std::vector<staff::RoleView>>(
      [](store::Session& session) { return staff::all_roles(session); });
  if (!roles.ok()) return http::problem_from_error(roles.error());
  JsonWriter out;
  out.begin_object().key("roles").begin_array();
  for (const staff::RoleView& role : *roles) {
    out.begin_object().key("name").string(role.name).key("label").string(role.label);
    out.key("shipped").boolean(role.shipped).key("permissions");
    write_names(out, role.permissions);
    out.end_object();
  }
  out.end_array().end_object();
  return private_json(200, out.take());
}

http::Response define_role_handler(ApiContext& context, http::Request& request) {
  if (auto refused = require_staff(context, request)) return *refused;
  auto body = http::parse_json_object_body(request);
  if (!body.ok()) return http::problem_from_error(body.error());
  auto label = required_string(*body, "label");
  if (!label.ok()) return http::problem_from_error(label.error());
  auto permissions = string_list(*body, "permissions", "[\"accounts.read\"]");
  if (!permissions.ok()) return http::problem_from_error(permissions.error());
  const std::string name(request.path_param("name"));
  JsonWriter out;
  auto done = context.database.write_work([&](store::Session& session) -> Result<void> {
    auto before = staff::all_roles(session);
    RP_TRY(before);
    std::vector<std::string> was;
    for (const staff::RoleView& role : *before) {
      if (role.name == name) was = role.permissions;
    }
    RP_TRY(staff::check_may_grant(session, request.actor, *permissions));
    auto role = staff::define_role(session, name, *label, *permissions);
    RP_TRY(role);
    JsonWriter details;
    details.begin_object().key("label").string(role->label).key("before");
    write_names(details, was);
    details.key("after");
    write_names(details, role->permissions);
    details.end_object();
    RP_TRY(audit::append_audit(
        session, audit_entry(request, {request.actor, "role.defined", "role:" + name, "done",
                                       details.take()})));
    out.begin_object().key("name").string(role->name).key("label").string(role->label);
    out.key("shipped").boolean(false).key("permissions");
    write_names(out, role->permissions);
    out.end_object();
    return success();
  });
  if (!done.ok()) return http::problem_from_error(done.error());
  staff::forget_known_staff_sessions();  // the users' permissions as now committed
  return private_json(200, out.take());
}

http::Response api_keys_handler(ApiContext& context, http::Request& request) {
  if (auto refused = require_staff(context, request)) return *refused;
  auto keys = context.database.read<std::vector<staff::ApiKeyView>>(
      [](store::Session& session) { return staff::api_keys_in_use(session); });
  if (!keys.ok()) return http::problem_from_error(keys.error());
  JsonWriter out;
  out.begin_object().key("api_keys").begin_array();
  for (const staff::ApiKeyView& key : *keys) {
    out.begin_object().key("id").number(key.id).key("name").string(key.name);
    out.key("public_id").string(key.public_id).key("permissions");
    write_names(out, key.permissions);
    out.key("created_at").string(key.created_at).key("created_by").string(key.created_by);
    auto optional = [](const std::string& text) {
      return text.empty() ? std::nullopt : std::optional<std::string>(text);
    };
    out.key("last_used_at").optional_string(optional(key.last_used_at));
    out.key("expires_at").optional_string(optional(key.expires_at)).end_object();
  }
  out.end_array().end_object();
  return private_json(200, out.take());
}

http::Response create_api_key_handler(ApiContext& context, http::Request& request) {
  if (auto refused = require_staff(context, request)) return *refused;
  auto body = http::parse_json_object_body(request);
  if (!body.ok()) return http::problem_from_error(body.error());
  auto name = required_string(*body, "name");
  if (!name.ok()) return http::problem_from_error(name.error());
  auto permissions = string_list(*body, "permissions", "[\"meter_data.ingest\"]");
  if (!permissions.ok()) return http::problem_from_error(permissions.error());
  auto issued = context.database.write<staff::IssuedApiKey>(
      [&](store::Session& session) -> Result<staff::IssuedApiKey> {
        RP_TRY(staff::check_may_grant(session, request.actor, *permissions));
        auto key = staff::create_api_key(session, {*name, *permissions, request.actor});
        RP_TRY(key);
        JsonWriter details;
        details.begin_object().key("name").string(*name).key("permissions");
        write_names(details, *permissions);
        details.end_object();
        RP_TRY(audit::append_audit(
            session,
            audit_entry(request, {request.actor, "api_key.created",
                                  "api_key:" + std::to_string(key->id), "done", details.take()})));
        return key;
      });
  if (!issued.ok()) return http::problem_from_error(issued.error());
  return issued_key(*issued);
}

http::Response rotate_api_key_handler(ApiContext& context, http::Request& request) {
  if (auto refused = require_staff(context, request)) return *refused;
  auto id = id_param(request, "id", "API key");
  if (!id.ok()) return http::problem_from_error(id.error());
  auto body = http::parse_json_object_body(request);
  if (!body.ok()) return http::problem_from_error(body.error());
  std::int64_t hours = 24;
  if (body->contains("overlap_hours")) {
    const json& given = (*body)["overlap_hours"];
    if (!given.is_number_integer() || given.get<std::int64_t>() < 0 ||
        given.get<std::int64_t>() > 720) {
      return http::problem_from_error(
          invalid_input("overlap_hours", "overlap_hours is a whole number of hours, 0 to 720"));
    }
    hours = given.get<std::int64_t>();
  }
  auto issued = context.database.write<staff::IssuedApiKey>(
      [&](store::Session& session) -> Result<staff::IssuedApiKey> {
        auto key = staff::rotate_api_key(session, *id, std::chrono::hours(hours), request.actor);
        RP_TRY(key);
        JsonWriter details;
        details.begin_object().key("replaced_by").number(key->id);
        details.key("overlap_hours").number(hours).end_object();
        RP_TRY(audit::append_audit(session, audit_entry(request, {request.actor, "api_key.rotated",
                                                                  "api_key:" + std::to_string(*id),
                                                                  "done", details.take()})));
        return key;
      });
  if (!issued.ok()) return http::problem_from_error(issued.error());
  return issued_key(*issued);
}

http::Response revoke_api_key_handler(ApiContext& context, http::Request& request) {
  if (auto refused = require_staff(context, request)) return *refused;
  auto id = id_param(request, "id", "API key");
  if (!id.ok()) return http::problem_from_error(id.error());
  return changed(
      context,
      [&](store::Session& session) -> Result<bool> {
        RP_TRY(staff::revoke_api_key(session, *id, request.actor));
        return true;
      },
      [&](bool) {
        return audit_entry(request,
                           {request.actor, "api_key.revoked", "api_key:" + std::to_string(*id)});
      });
}

}  // namespace rp::api
