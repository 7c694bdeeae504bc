#include "staff/staff_users.h"

#include "auth/credentials.h"
#include "core/account_number.h"
#include "core/email_address.h"
#include "core/time.h"
#include "staff/roles.h"

namespace rp::staff {

Result<AddedStaffUser> add_staff_user(store::Session& session, const NewStaffUser& request) {
  auto email = normalize_email(request.email);
  RP_TRY(email);
  if (request.name.empty() || request.name.size() > 100) {
    return invalid_input("name", "give the person's name (1 to 100 characters)");
  }
  if (request.roles.empty()) {
    return invalid_input("roles", "give the user at least one role");
  }
  for (const std::string& role : request.roles) {
    auto known = role_permissions(session, role);
    if (!known.ok()) {
      Error error = known.error();
      error.field = "roles";
      return error;
    }
  }
  auto existing = session.query_named("staff/staff_user_by_email", {*email});
  RP_TRY(existing);
  if (!existing->empty()) {
    Error taken = conflict("there is already a staff user with the email " + *email);
    taken.field = "email";
    return taken;
  }
  const Instant at = now();
  auto rows = session.query_named("staff/insert_staff_user",
                                  {*email, request.name, format_instant(at), request.created_by});
  RP_TRY(rows);
  const std::int64_t id = rows->at(0).integer("id");
  for (const std::string& role : request.roles) {
    RP_TRY(session.execute_named("staff/insert_user_role", {id, role}));
  }
  if (!request.home_account.empty()) {
    auto number = AccountNumber::parse(request.home_account);
    if (!number.ok()) return invalid_input("home_account", number.error().message);
    auto set = session.query_named("staff/set_home_account", {number->digits(), id});
    RP_TRY(set);
    if (set->empty() || set->at(0).is_null("home_account_id")) {
      return invalid_input("home_account", "no account has number " + number->formatted());
    }
  }
  const std::string token = auth::new_secret_token();
  RP_TRY(session.execute_named("staff/insert_staff_token",
                               {id, std::string("enrol"), auth::token_digest(token),
                                format_instant(at + kEnrolmentLinkLife)}));
  return AddedStaffUser{id, token};
}

std::string enrolment_link(const std::string& public_url, const std::string& token) {
  std::string base = public_url;
  while (!base.empty() && base.back() == '/') base.pop_back();
  return base + "/staff.html#/enrol/" + token;
}

Result<std::vector<StaffUserView>> staff_users(store::Session& session) {
  auto rows = session.query_named("staff/staff_users_list", {});
  RP_TRY(rows);
  std::vector<StaffUserView> users;
  for (const store::Row& row : *rows) {
    StaffUserView user{row.integer("id"),
                       row.text("email"),
                       row.text("name"),
                       row.text("status"),
                       {},
                       !row.is_null("mfa_confirmed_at"),
                       row.text("created_at"),
                       row.text("created_by"),
                       row.text("disabled_at"),
                       row.text("disabled_by")};
    auto roles = session.query_named("staff/roles_of_user", {user.id});
    RP_TRY(roles);
    for (const store::Row& role : *roles) user.roles.push_back(role.text("role"));
    users.push_back(std::move(user));
  }
  return users;
}

Result<void> disable_staff_user(store::Session& session, std::int64_t id,
                                const std::string& actor) {
  const std::string at = format_instant(now());
  auto changed = session.execute_named("staff/disable_staff_user", {at, actor, id});
  RP_TRY(changed);
  if (*changed != 1) return not_found("there is no active staff user " + std::to_string(id));
  RP_TRY(session.execute_named("staff/end_staff_sessions_of_user", {at, id}));
  return success();
}

}  // namespace rp::staff
