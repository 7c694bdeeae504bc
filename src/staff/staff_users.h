#pragma once
// The utility's staff users: name, work email, roles, status (active, disabled), and who made
// and disabled them. A new user gets a one-time enrolment link (kEnrolmentLinkLife) to choose a
// password and turn on two-step sign-in (staff_sign_in.h), which every staff user must have.

#include <chrono>
#include <cstdint>
#include <string>
#include <vector>

#include "core/result.h"
#include "store/database.h"

namespace rp::staff {

inline constexpr std::chrono::hours kEnrolmentLinkLife{72};

struct NewStaffUser {
  std::string email;
  std::string name;
  std::vector<std::string> roles;  // stored roles (roles.h); at least one
  std::string created_by;          // the actor
  std::string home_account;        // optional: their own account number, when also a customer
};

struct AddedStaffUser {
  std::int64_t id = 0;
  std::string enrol_token;  // for <public url>/staff.html#/enrol/<token>; shown once
};

// Errors (nothing written): invalid_input "email" (not one address), "name" (empty or longer
// than 100 characters), "roles" (none, or one that does not exist: named), "home_account" (not an
// account); conflict ("email") for an email that already has a staff user.
Result<AddedStaffUser> add_staff_user(store::Session& session, const NewStaffUser& request);

// The address of the enrolment page for `token`.
std::string enrolment_link(const std::string& public_url, const std::string& token);

struct StaffUserView {
  std::int64_t id = 0;
  std::string email;
  std::string name;
  std::string status;  // active | disabled
  std::vector<std::string> roles;
  bool enrolled = false;  // two-step sign-in set up
  std::string created_at;
  std::string created_by;
  std::string disabled_at;  // "" while active
  std::string disabled_by;
};

// Every staff user, by name.
Result<std::vector<StaffUserView>> staff_users(store::Session& session);

// Disables a user: they cannot sign in, and every session of theirs ends at once. Errors:
// not_found for an unknown or already disabled user.
Result<void> disable_staff_user(store::Session& session, std::int64_t id, const std::string& actor);

}  // namespace rp::staff
