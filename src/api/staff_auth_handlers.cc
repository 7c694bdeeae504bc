#include "api/staff_auth_handlers.h"

#include "api/answers.h"
#include "api/audit_log.h"
#include "api/guards.h"
#include "core/email_address.h"
#include "core/json.h"
#include "core/json_writer.h"
#include "http/json_body.h"
#include "http/problem.h"
#include "staff/staff_sign_in.h"
#include "store/utility_settings.h"

namespace rp::api {
namespace {

std::string staff_me_json(const staff::StaffMe& me, const std::string& csrf_token,
                          const std::vector<std::string>& recovery_codes = {}) {
  JsonWriter out;
  out.begin_object().key("id").number(me.id).key("email").string(me.email);
  out.key("name").string(me.name).key("roles").begin_array();
  for (const std::string& role : me.roles) out.string(role);
  out.end_array().key("permissions").begin_array();
  for (const std::string& permission : me.permissions) out.string(permission);
  out.end_array().key("csrf_token").string(csrf_token);
  if (!recovery_codes.empty()) {
    out.key("recovery_codes").begin_array();
    for (const std::string& code : recovery_codes) out.string(code);
    out.end_array();
  }
  out.end_object();
  return out.take();
}

http::Response signed_in(const staff::StaffSignedIn& session) {
  http::Response response =
      private_json(200, staff_me_json(session.me, session.csrf_token, session.recovery_codes));
  response.set_header("Set-Cookie",
                      std::string(kStaffSessionCookie) + "=" + session.session_token +
                          "; Path=/; HttpOnly; Secure; SameSite=Strict; Max-Age=" +
                          std::to_string(std::chrono::seconds(staff::kStaffAbsolute).count()));
  return response;
}

// The body's string field `name`; "" when absent. Errors name it.
Result<std::string> field(const json& body, const char* name) {
  auto value = optional_string(body, name);
  RP_TRY(value);
  return value->value_or("");
}

http::Response sign_in_answer(const staff::StaffSignInOutcome& outcome) {
  using Kind = staff::StaffSignInOutcome::Kind;
  switch (outcome.kind) {
    case Kind::signed_in:
      return signed_in(outcome.session);
    case Kind::code_needed:
      return http::problem(401, "mfa-required", "Code needed", outcome.message, "code");
    case Kind::locked: {
      http::Response locked =
          http::problem(429, "sign-in-locked", "Too many failed sign-ins", outcome.message);
      locked.set_header("Retry-After", std::to_string(outcome.retry_after.count()));
      return locked;
    }
    case Kind::wrong_credentials:
      break;
  }
  return http::problem(401, "sign-in-failed", "Sign-in failed", outcome.message);
}

// The signed-in staff user's session for a route of their own, with the CSRF header on a change.
struct Current {
  std::optional<staff::StaffSession> session;
  std::optional<http::Response> refused;
};
Current current(ApiContext& context, const http::Request& request) {
  auto session = current_staff_session(context, request);
  if (!session.ok()) return {std::nullopt, http::problem_from_error(session.error())};
  if (!*session) {
    return {std::nullopt, http::problem(401, "sign-in-required", "Sign-in required",
                                        "you are not signed in, or your session has ended")};
  }
  if (request.method != "GET" && request.method != "HEAD" &&
      !same_secret(request.header("x-csrf-token").value_or(""), (*session)->csrf_token)) {
    return {std::nullopt,
            http::problem(403, "csrf-token-missing", "Request not confirmed",
                          "send the session's CSRF token (from GET /api/v1/staff/me) in "
                          "X-CSRF-Token")};
  }
  return {*session, std::nullopt};
}

}  // namespace

http::Response staff_enrol_handler(ApiContext& context, http::Request& request) {
  auto body = http::parse_json_object_body(request);
  if (!body.ok()) return http::problem_from_error(body.error());
  auto token = required_string(*body, "token");
  if (!token.ok()) return http::problem_from_error(token.error());
  auto password = required_string(*body, "password");
  if (!password.ok()) return http::problem_from_error(password.error());
  auto utility = context.database.read<std::string>(
      [](store::Session& session) { return store::utility_name(session); });
  if (!utility.ok()) return http::problem_from_error(utility.error());
  auto enrolment = staff::begin_enrolment(context.database, *token, *password, *utility + " staff");
  if (!enrolment.ok()) return link_problem(enrolment.error());
  JsonWriter out;
  out.begin_object().key("email").string(enrolment->email).key("name").string(enrolment->name);
  out.key("totp_secret").string(enrolment->totp_secret);
  out.key("otpauth_uri").string(enrolment->otpauth_uri);
  out.key("qr_svg").string(enrolment->qr_svg).end_object();
  return private_json(200, out.take());
}

http::Response staff_enrol_confirm_handler(ApiContext& context, http::Request& request) {
  auto body = http::parse_json_object_body(request);
  if (!body.ok()) return http::problem_from_error(body.error());
  auto token = required_string(*body, "token");
  if (!token.ok()) return http::problem_from_error(token.error());
  auto code = required_string(*body, "code");
  if (!code.ok()) return http::problem_from_error(code.error());
  auto session = staff::finish_enrolment(context.database, *token, *code, request.remote_address);
  if (!session.ok()) return link_problem(session.error());
  audit_request(context, request,
                {"staff:" + std::to_string(session->me.id), "staff.enrolled",
                 "staff_user:" + session->me.email});
  return signed_in(*session);
}

http::Response staff_login_handler(ApiContext& context, http::Request& request) {
  auto body = http::parse_json_object_body(request);
  if (!body.ok()) return http::problem_from_error(body.error());
  auto email = required_string(*body, "email");
  if (!email.ok()) return http::problem_from_error(email.error());
  auto password = required_string(*body, "password");
  if (!password.ok()) return http::problem_from_error(password.error());
  auto code = field(*body, "code");
  if (!code.ok()) return http::problem_from_error(code.error());
  auto outcome = staff::staff_sign_in(context.database, {},
                                      {*email, *password, *code, request.remote_address});
  if (!outcome.ok()) return http::problem_from_error(outcome.error());
  using Kind = staff::StaffSignInOutcome::Kind;
  auto normalized = normalize_email(*email);
  audit_request(
      context, request,
      {outcome->kind == Kind::signed_in ? "staff:" + std::to_string(outcome->session.me.id)
                                        : "anonymous",
       "staff.sign_in", "staff_user:" + (normalized.ok() ? *normalized : *email),
       outcome->kind == Kind::signed_in ? "done"
       : outcome->kind == Kind::locked  ? "refused"
                                        : "failed"});
  return sign_in_answer(*outcome);
}

http::Response staff_logout_handler(ApiContext& context, http::Request& request) {
  Current caller = current(context, request);
  if (caller.refused) return *caller.refused;
  auto ended = staff::end_staff_session(context.database, caller.session->session_id);
  if (!ended.ok()) return http::problem_from_error(ended.error());
  audit_request(context, request,
                {caller.session->identity.actor(), "staff.sign_out",
                 "staff_user:" + std::to_string(caller.session->identity.id)});
  http::Response response = http::text_response(204, "", "");
  response.set_header("Set-Cookie", std::string(kStaffSessionCookie) +
                                        "=; Path=/; HttpOnly; Secure; SameSite=Strict; Max-Age=0");
  return response;
}

http::Response staff_reauthenticate_handler(ApiContext& context, http::Request& request) {
  Current caller = current(context, request);
  if (caller.refused) return *caller.refused;
  auto body = http::parse_json_object_body(request);
  if (!body.ok()) return http::problem_from_error(body.error());
  auto password = required_string(*body, "password");
  if (!password.ok()) return http::problem_from_error(password.error());
  auto code = required_string(*body, "code");
  if (!code.ok()) return http::problem_from_error(code.error());
  auto done = staff::reauthenticate(context.database, {}, *caller.session, *password, *code,
                                    request.remote_address);
  audit_request(
      context, request,
      {caller.session->identity.actor(), "staff.reauthenticate",
       "staff_user:" + std::to_string(caller.session->identity.id), done.ok() ? "done" : "failed"});
  if (!done.ok()) return http::problem_from_error(done.error());
  return http::text_response(204, "", "");
}

http::Response staff_me_handler(ApiContext& context, http::Request& request) {
  Current caller = current(context, request);
  if (caller.refused) return *caller.refused;
  auto me = staff::staff_me(context.database, caller.session->identity.id);
  if (!me.ok()) return http::problem_from_error(me.error());
  return private_json(200, staff_me_json(*me, caller.session->csrf_token));
}

}  // namespace rp::api
