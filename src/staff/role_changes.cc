#include "staff/role_changes.h"

#include <algorithm>
#include <sstream>

#include "core/time.h"
#include "staff/permissions.h"
#include "staff/roles.h"

namespace rp::staff {
namespace {

void sort_unique(std::vector<std::string>& names) {
  std::sort(names.begin(), names.end());
  names.erase(std::unique(names.begin(), names.end()), names.end());
}

Result<void> require_user(store::Session& session, std::int64_t user_id) {
  auto user = session.query_named("staff/staff_user_by_id", {user_id});
  RP_TRY(user);
  if (user->empty()) return not_found("no staff user has id " + std::to_string(user_id));
  return success();
}

Result<std::vector<std::string>> roles_of(store::Session& session, std::int64_t user_id) {
  auto rows = session.query_named("staff/roles_of_user", {user_id});
  RP_TRY(rows);
  std::vector<std::string> roles;
  for (const store::Row& row : *rows) roles.push_back(row.text("role"));
  return roles;
}

bool is_role_name(const std::string& name) {
  if (name.size() < 2 || name.size() > 40) return false;
  return std::all_of(name.begin(), name.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
  });
}

}  // namespace

Result<RoleChange> set_staff_roles(store::Session& session, std::int64_t user_id,
                                   std::vector<std::string> roles, const std::string& actor) {
  if (!actor.starts_with("staff:")) {
    return conflict(
        "roles are changed by an administrator signed in as themselves, never by a key");
  }
  if (actor == "staff:" + std::to_string(user_id)) {
    return conflict("nobody changes their own roles; another administrator does");
  }
  sort_unique(roles);
  if (roles.empty()) return invalid_input("roles", "a staff user has at least one role");
  RP_TRY(require_user(session, user_id));
  for (const std::string& role : roles) {
    auto known = session.query_named("staff/role_by_name", {role});
    RP_TRY(known);
    if (known->empty()) return invalid_input("roles", "there is no role '" + role + "'");
  }
  RoleChange change;
  auto before = roles_of(session, user_id);
  RP_TRY(before);
  change.before = *before;
  change.after = roles;
  const bool was_admin =
      std::binary_search(change.before.begin(), change.before.end(), std::string("administrator"));
  const bool stays_admin = std::binary_search(roles.begin(), roles.end(), "administrator");
  if (was_admin && !stays_admin) {
    auto others = session.query_named("staff/other_active_administrators", {user_id});
    RP_TRY(others);
    if (others->at(0).integer("n") == 0) {
      return conflict("this is the last active administrator: make another one first");
    }
  }
  RP_TRY(session.execute_named("staff/delete_user_roles", {user_id}));
  for (const std::string& role : roles) {
    RP_TRY(session.execute_named("staff/insert_user_role", {user_id, role}));
  }
  return change;
}

Result<std::vector<RoleView>> all_roles(store::Session& session) {
  auto rows = session.query_named("staff/all_roles", {});
  RP_TRY(rows);
  std::vector<RoleView> out;
  for (const store::Row& row : *rows) {
    RoleView role{row.text("name"), row.text("label"), row.integer("shipped") != 0, {}};
    auto permissions = role_permissions(session, role.name);
    RP_TRY(permissions);
    role.permissions = *permissions;
    out.push_back(std::move(role));
  }
  return out;
}

Result<RoleView> define_role(store::Session& session, const std::string& name,
                             const std::string& label, std::vector<std::string> permissions) {
  if (!is_role_name(name)) {
    return invalid_input("name", "a role's name is 2 to 40 of a-z, 0-9 and '_', like meter_reader");
  }
  if (label.empty() || label.size() > 100) {
    return invalid_input("label", "a role's label is 1 to 100 characters, like \"Meter reader\"");
  }
  for (const ShippedRole& shipped : shipped_roles()) {
    if (shipped.name == name) {
      return conflict("'" + name + "' is a role Ratepayer ships; define yours under another name");
    }
  }
  sort_unique(permissions);
  if (permissions.empty())
    return invalid_input("permissions", "a role has at least one permission");
  for (const std::string& permission : permissions) {
    if (!is_permission(permission)) {
      return invalid_input("permissions", "there is no permission '" + permission + "'");
    }
  }
  RP_TRY(session.execute_named("staff/upsert_role", {name, label, std::int64_t{0}}));
  RP_TRY(session.execute_named("staff/clear_role_permissions", {name}));
  for (const std::string& permission : permissions) {
    RP_TRY(session.execute_named("staff/insert_role_permission", {name, permission}));
  }
  return RoleView{name, label, false, permissions};
}

Result<std::int64_t> end_staff_sessions(store::Session& session, std::int64_t user_id) {
  RP_TRY(require_user(session, user_id));
  return session.execute_named("staff/end_staff_sessions_of_user",
                               {format_instant(now()), user_id});
}

Result<void> check_may_grant(store::Session& session, const std::string& actor,
                             const std::vector<std::string>& permissions) {
  if (actor.starts_with("system:")) return success();
  std::vector<std::string> held;
  const auto colon = actor.find(':');
  const std::string kind = actor.substr(0, colon);
  std::int64_t id = 0;
  try {
    id = std::stoll(actor.substr(colon + 1));
  } catch (const std::exception&) {
    return invalid_input("permissions", "'" + actor + "' may not grant permissions");
  }
  if (kind == "staff") {
    auto rows = session.query_named("staff/permissions_of_user", {id});
    RP_TRY(rows);
    for (const store::Row& row : *rows) held.push_back(row.text("permission"));
  } else if (kind == "api_key") {
    auto rows = session.query_named("staff/api_key_by_id", {id});
    RP_TRY(rows);
    if (!rows->empty()) {
      std::istringstream words(rows->at(0).text("permissions"));
      for (std::string word; words >> word;) held.push_back(word);
    }
  }
  for (const std::string& permission : permissions) {
    if (std::find(held.begin(), held.end(), permission) == held.end()) {
      return invalid_input("permissions",
                           "you may grant only what you may do yourself, and you "
                           "do not have '" +
                               permission + "'");
    }
  }
  return success();
}

Result<std::vector<std::string>> permissions_of_roles(store::Session& session,
                                                      const std::vector<std::string>& roles) {
  std::vector<std::string> out;
  for (const std::string& role : roles) {
    auto rows = session.query_named("staff/permissions_of_role", {role});
    RP_TRY(rows);
    for (const store::Row& row : *rows) out.push_back(row.text("permission"));
  }
  sort_unique(out);
  return out;
}

}  // namespace rp::staff
