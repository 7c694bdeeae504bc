#pragma once
// Administrators change who may do what: a staff user's roles, the utility's own roles, and
// ending a user's sessions. The rules (enforced here, whoever calls):
//  * only a staff user changes roles (never an API key: a machine does not grant access), and
//    never their own: another administrator does;
//  * a user keeps at least one role, and the utility keeps at least one active administrator;
//  * a utility's own role has a name of its own (never a shipped role's) and only permissions that
//    exist; shipped roles are Ratepayer's and are not edited (copy one under another name).

#include <cstdint>
#include <string>
#include <vector>

#include "core/result.h"
#include "store/session.h"

namespace rp::staff {

struct RoleChange {
  std::vector<std::string> before;  // sorted
  std::vector<std::string> after;   // sorted
};

// Gives user `user_id` exactly `roles`, as `actor` ("staff:<id>"). Errors (nothing written):
// conflict when the actor is not a staff user, or it is the actor's own record, or it
// would leave no active administrator, invalid_input ("roles") for none or an unknown one
// (named), not_found for an unknown user.
Result<RoleChange> set_staff_roles(store::Session& session, std::int64_t user_id,
                                   std::vector<std::string> roles, const std::string& actor);

struct RoleView {
  std::string name;
  std::string label;
  bool shipped = false;
  std::vector<std::string> permissions;  // sorted
};

// Every role: the shipped ones first, then the utility's own, each by name.
Result<std::vector<RoleView>> all_roles(store::Session& session);

// Defines (or redefines) the utility's own role `name` with exactly `permissions`. Errors
// (nothing written): invalid_input "name" (not 2-40 of a-z, 0-9, '_'), "label" (empty or over
// 100 characters), "permissions" (none, or one that does not exist: named); conflict for a
// shipped role's name.
Result<RoleView> define_role(store::Session& session, const std::string& name,
                             const std::string& label, std::vector<std::string> permissions);

// Refuses to let `actor` grant what they cannot do themselves: each of `permissions` must be one
// the actor holds (a staff user's roles, an API key's permissions); "system:..." (the operator's
// command line) may grant anything. Errors: invalid_input ("permissions") naming the first
// permission the actor lacks.
Result<void> check_may_grant(store::Session& session, const std::string& actor,
                             const std::vector<std::string>& permissions);

// The permissions the roles `roles` give, together, sorted. Errors: the database's.
Result<std::vector<std::string>> permissions_of_roles(store::Session& session,
                                                      const std::vector<std::string>& roles);

// Ends every open console session of user `user_id` now (they stay able to sign in again);
// how many ended. Errors: not_found for an unknown user.
Result<std::int64_t> end_staff_sessions(store::Session& session, std::int64_t user_id);

}  // namespace rp::staff
