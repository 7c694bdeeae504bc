#pragma once
// Test support: an API key straight in the database, as `ratepayer api-key add` makes one.

#include <cstdlib>
#include <iostream>
#include <string>
#include <vector>

#include "staff/api_keys.h"
#include "staff/roles.h"
#include "store/database.h"

namespace rp::api::testing {

// A new key named `name` with the permissions of `roles` (shipped roles, staff/permissions.h)
// and `permissions`. Aborts the test program if it cannot be made.
inline std::string make_staff_key(store::Database& database, const std::string& name,
                                  const std::vector<std::string>& roles,
                                  const std::vector<std::string>& permissions = {}) {
  auto issued = database.write<staff::IssuedApiKey>(
      [&](store::Session& session) -> Result<staff::IssuedApiKey> {
        RP_TRY(staff::sync_shipped_roles(session));
        std::vector<std::string> granted = permissions;
        for (const std::string& role : roles) {
          auto more = staff::role_permissions(session, role);
          RP_TRY(more);
          granted.insert(granted.end(), more->begin(), more->end());
        }
        return staff::create_api_key(session, {name, granted, "system:test"});
      });
  if (!issued.ok()) {
    std::cerr << "cannot make the test API key '" << name << "': " << issued.error().message
              << "\n";
    std::abort();
  }
  return issued->key;
}

}  // namespace rp::api::testing
