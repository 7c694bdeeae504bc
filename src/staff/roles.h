#pragma once
// The utility's roles as stored (staff_roles, staff_role_permissions).

#include <string>
#include <vector>

#include "core/result.h"
#include "store/session.h"

namespace rp::staff {

// Writes the shipped roles (permissions.h) and exactly their permissions, leaving the utility's
// own roles alone. Run on every start, inside the caller's write.
Result<void> sync_shipped_roles(store::Session& session);

// The permissions of the stored role `name`, sorted. Errors: invalid_input ("role") naming the
// roles there are, for an unknown role.
Result<std::vector<std::string>> role_permissions(store::Session& session, const std::string& name);

}  // namespace rp::staff
