#include "staff/demo_staff.h"

#include "auth/credentials.h"
#include "auth/totp.h"
#include "core/time.h"
#include "staff/roles.h"
#include "staff/staff_users.h"

namespace rp::staff {
namespace {

constexpr const char* kDemoEmail = "admin@demo.ratepayer.localhost";
constexpr const char* kDemoPassword = "demo console passphrase";

// The demo administrator's TOTP key (hex), "" when there is none.
Result<std::string> demo_secret(store::Session& session) {
  auto rows = session.query_named("staff/demo_administrator", {std::string(kDemoStaffMaker)});
  RP_TRY(rows);
  if (rows->empty()) return std::string();
  return rows->at(0).text("mfa_secret");
}

}  // namespace

Result<DemoAdministrator> ensure_demo_administrator(store::Database& database) {
  auto hash = auth::hash_password(kDemoPassword);
  RP_TRY(hash);
  auto secret = database.write<std::string>([&](store::Session& session) -> Result<std::string> {
    auto existing = demo_secret(session);
    RP_TRY(existing);
    if (!existing->empty()) return *existing;
    RP_TRY(sync_shipped_roles(session));
    auto added = add_staff_user(
        session, {kDemoEmail, "Demo Administrator", {"administrator"}, kDemoStaffMaker, ""});
    RP_TRY(added);
    const std::string key = auth::new_totp_secret();
    RP_TRY(session.execute_named("staff/set_staff_enrolment", {*hash, key, added->id}));
    RP_TRY(session.execute_named("staff/confirm_staff_mfa",
                                 {format_instant(now()), std::int64_t{0}, added->id}));
    RP_TRY(session.execute_named("staff/use_staff_tokens_of_user",
                                 {format_instant(now()), added->id}));
    return key;
  });
  RP_TRY(secret);
  return DemoAdministrator{kDemoEmail, kDemoPassword, auth::totp_base32(*secret)};
}

Result<std::string> demo_code(store::Database& database) {
  auto secret = database.read<std::string>(demo_secret);
  RP_TRY(secret);
  if (secret->empty()) {
    return not_found(
        "this database has no demo administrator: `ratepayer staff demo-code` is "
        "for the demo only (made by `ratepayer demo`)");
  }
  const auto unix_now =
      std::chrono::duration_cast<std::chrono::seconds>(now().time_since_epoch()).count();
  return auth::totp_code(*secret, unix_now);
}

}  // namespace rp::staff
