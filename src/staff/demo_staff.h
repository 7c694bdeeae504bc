#pragma once
// The demo's administrator: made on the demo's first start with a known password and an
// authenticator key that `ratepayer demo` prints, so the console can be tried without an
// enrolment link. Sign-in still takes two steps; `ratepayer staff demo-code` shows the current
// code for this user only (made by "system:demo"), and refuses on any database without one.

#include <string>

#include "core/result.h"
#include "store/database.h"

namespace rp::staff {

inline constexpr const char* kDemoStaffMaker = "system:demo";

struct DemoAdministrator {
  std::string email;
  std::string password;
  std::string totp_secret;  // base32, for an authenticator app
};

// Makes the demo administrator if the database has none; the same sign-in every start.
Result<DemoAdministrator> ensure_demo_administrator(store::Database& database);

// The code the demo administrator's authenticator shows now. Errors: not_found when the database
// has no demo administrator (it is not a demo).
Result<std::string> demo_code(store::Database& database);

}  // namespace rp::staff
