#include "staff/roles.h"

#include "staff/permissions.h"

namespace rp::staff {

Result<void> sync_shipped_roles(store::Session& session) {
  for (const ShippedRole& role : shipped_roles()) {
    const std::string name(role.name);
    RP_TRY(session.execute_named("staff/upsert_role",
                                 {name, std::string(role.label), std::int64_t{1}}));
    RP_TRY(session.execute_named("staff/clear_role_permissions", {name}));
    for (std::string_view permission : role.permissions) {
      RP_TRY(
          session.execute_named("staff/insert_role_permission", {name, std::string(permission)}));
    }
  }
  return success();
}

Result<std::vector<std::string>> role_permissions(store::Session& session,
                                                  const std::string& name) {
  auto role = session.query_named("staff/role_by_name", {name});
  RP_TRY(role);
  if (role->empty()) {
    std::string known;
    for (const ShippedRole& shipped : shipped_roles()) {
      known += (known.empty() ? "" : ", ") + std::string(shipped.name);
    }
    return invalid_input("role",
                         "there is no role '" + name + "' (the shipped roles are " + known + ")");
  }
  auto rows = session.query_named("staff/permissions_of_role", {name});
  RP_TRY(rows);
  std::vector<std::string> permissions;
  for (const store::Row& row : *rows) permissions.push_back(row.text("permission"));
  return permissions;
}

}  // namespace rp::staff
