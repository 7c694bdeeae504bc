#include "api/auth_handlers.h"

#include <array>

#include "api/account_feed.h"
#include "api/answers.h"
#include "api/audit_log.h"
#include "api/guards.h"
#include "auth/account_claims.h"
#include "auth/logins.h"
#include "core/email_address.h"
#include "core/json.h"
#include "core/json_writer.h"
#include "http/json_body.h"
#include "http/problem.h"
#include "notify/email_dispatcher.h"

namespace rp::api {
namespace {

http::Response not_configured() {
  return http::problem(503, "sign-in-not-configured", "Customer sign-in is not configured",
                       "this server has no customer logins");
}

std::string me_json(const auth::Me& me, const std::string& csrf_token) {
  JsonWriter out;
  out.begin_object().key("email").string(me.email).key("language").string(me.language);
  out.key("csrf_token").string(csrf_token).key("mfa_enabled").boolean(me.mfa_enabled);
  out.key("accounts").begin_array();
  for (const auth::LinkedAccount& account : me.accounts) {
    out.begin_object().key("number").string(account.number).key("name").string(account.name);
    out.key("service_address").string(account.service_address).end_object();
  }
  out.end_array().key("pending_accounts").begin_array();
  for (const auth::PendingAccount& pending : me.pending_accounts) {
    out.begin_object().key("street").string(pending.street).key("code_expires_at");
    if (pending.code_expires_at.empty()) {
      out.null();
    } else {
      out.string(pending.code_expires_at);
    }
    out.key("by").string(pending.by).key("phone_ending");
    if (pending.phone_ending.empty()) {
      out.null();
    } else {
      out.string(pending.phone_ending);
    }
    out.end_object();
  }
  out.end_array().end_object();
  return out.take();
}

// A sign-in attempt in the audit trail: who, for which login, and how it ended.
void audit_sign_in(ApiContext& context, const http::Request& request, const std::string& action,
                   const std::string& actor, const std::string& target,
                   const std::string& outcome) {
  audit_request(context, request, {actor, action, target, outcome, "{}"});
}

std::string session_cookie(const std::string& token, long long max_age) {
  return std::string(kSessionCookie) + "=" + token +
         "; Path=/; HttpOnly; Secure; SameSite=Lax; Max-Age=" + std::to_string(max_age);
}

http::Response signed_in_response(const ApiContext& context, const auth::SignedIn& signed_in) {
  http::Response response = private_json(200, me_json(signed_in.me, signed_in.csrf_token));
  response.set_header("Set-Cookie", session_cookie(signed_in.session_token,
                                                   context.logins->absolute_timeout.count()));
  return response;
}

void wake_mail(ApiContext& context) {
  if (context.mail != nullptr) context.mail->wake();
}

// The signed-in customer for a /me route, or the answer refusing the request.
struct Signed {
  std::optional<auth::CurrentSession> session;
  std::optional<http::Response> refused;
};
Signed signed_in_customer(ApiContext& context, const http::Request& request) {
  if (context.logins == nullptr) return {std::nullopt, not_configured()};
  auto session = current_session(context, request);
  if (!session.ok()) return {std::nullopt, http::problem_from_error(session.error())};
  if (!*session) {
    return {std::nullopt, http::problem(401, "sign-in-required", "Sign-in required",
                                        "you are not signed in, or your session has ended")};
  }
  if (auto refused = require_csrf(request, **session)) return {std::nullopt, refused};
  return {*session, std::nullopt};
}

// The JSON body's string fields `names`, all required. Errors: the body's, or invalid_input naming
// the first field that is missing or not a string.
template <std::size_t N>
Result<std::array<std::string, N>> required_strings(const http::Request& request,
                                                    const char* const (&names)[N]) {
  auto body = http::parse_json_object_body(request);
  RP_TRY(body);
  std::array<std::string, N> values;
  for (std::size_t i = 0; i < N; ++i) {
    auto value = required_string(*body, names[i]);
    RP_TRY(value);
    values[i] = std::move(*value);
  }
  return values;
}

Result<std::string> text_field(const nlohmann::json& body, const char* name) {
  auto value = optional_string(body, name);
  RP_TRY(value);
  return value->value_or("");
}

}  // namespace

http::Response register_handler(ApiContext& context, http::Request& request) {
  if (context.logins == nullptr) return not_configured();
  auto body = http::parse_json_object_body(request);
  if (!body.ok()) return http::problem_from_error(body.error());
  auth::Registration registration;
  for (auto [field, target] :
       {std::pair{"email", &registration.email}, std::pair{"street", &registration.street},
        std::pair{"zip", &registration.zip},
        std::pair{"account_number", &registration.account_number},
        std::pair{"bill_amount", &registration.bill_amount},
        std::pair{"phone", &registration.phone}}) {
    auto value = text_field(*body, field);
    if (!value.ok()) return http::problem_from_error(value.error());
    *target = *value;
  }
  auto language = text_field(*body, "language");
  if (!language.ok()) return http::problem_from_error(language.error());
  registration.language = language->empty() ? "en" : *language;
  registration.client_address = request.remote_address;
  auto done = auth::register_login(context.database, *context.logins, registration);
  if (!done.ok()) return http::problem_from_error(done.error());
  wake_mail(context);
  JsonWriter out;
  out.begin_object().key("email").string(*normalize_email(registration.email)).end_object();
  return http::text_response(202, out.take(), "application/json");
}

http::Response verify_handler(ApiContext& context, http::Request& request) {
  if (context.logins == nullptr) return not_configured();
  auto fields = required_strings(request, {"token", "password"});
  if (!fields.ok()) return http::problem_from_error(fields.error());
  const auto& [token, password] = *fields;
  auto signed_in = auth::set_first_password(context.database, *context.logins, token, password,
                                            request.remote_address);
  if (!signed_in.ok()) return link_problem(signed_in.error());
  wake_mail(context);  // the notices of accounts linked now
  return signed_in_response(context, *signed_in);
}

http::Response login_handler(ApiContext& context, http::Request& request) {
  if (context.logins == nullptr) return not_configured();
  auto body = http::parse_json_object_body(request);
  if (!body.ok()) return http::problem_from_error(body.error());
  auto email = required_string(*body, "email");
  if (!email.ok()) return http::problem_from_error(email.error());
  auto password = required_string(*body, "password");
  if (!password.ok()) return http::problem_from_error(password.error());
  auto code = text_field(*body, "code");
  if (!code.ok()) return http::problem_from_error(code.error());
  auto outcome = auth::sign_in(context.database, *context.logins,
                               {*email, *password, *code, request.remote_address});
  if (!outcome.ok()) return http::problem_from_error(outcome.error());
  using Kind = auth::SignInOutcome::Kind;
  audit_sign_in(context, request, "customer.sign_in",
                outcome->kind == Kind::signed_in
                    ? "customer:" + std::to_string(outcome->session->me.user_id)
                    : "anonymous",
                "login:" + (normalize_email(*email).ok() ? *normalize_email(*email) : *email),
                outcome->kind == Kind::signed_in ? "done"
                : outcome->kind == Kind::locked  ? "refused"
                                                 : "failed");
  switch (outcome->kind) {
    case Kind::signed_in:
      return signed_in_response(context, *outcome->session);
    case Kind::code_needed:
      return http::problem(401, "mfa-required", "Code needed", outcome->message, "code");
    case Kind::locked: {
      http::Response locked =
          http::problem(429, "sign-in-locked", "Too many failed sign-ins", outcome->message);
      locked.set_header("Retry-After", std::to_string(outcome->retry_after.count()));
      return locked;
    }
    case Kind::wrong_credentials:
      break;
  }
  return http::problem(401, "sign-in-failed", "Sign-in failed", outcome->message);
}

namespace {

// Signs out this session, or every session of the login, and clears the cookie.
http::Response sign_out(ApiContext& context, http::Request& request, bool everywhere) {
  Signed customer = signed_in_customer(context, request);
  if (customer.refused) return *customer.refused;
  auto ended = everywhere ? auth::end_every_session(context.database, customer.session->user_id)
                          : auth::end_session(context.database, customer.session->session_id);
  if (!ended.ok()) return http::problem_from_error(ended.error());
  http::Response response = http::text_response(204, "", "");
  response.set_header("Set-Cookie", session_cookie("", 0));
  return response;
}

}  // namespace

http::Response logout_handler(ApiContext& context, http::Request& request) {
  return sign_out(context, request, false);
}

http::Response logout_everywhere_handler(ApiContext& context, http::Request& request) {
  return sign_out(context, request, true);
}

http::Response me_handler(ApiContext& context, http::Request& request) {
  Signed customer = signed_in_customer(context, request);
  if (customer.refused) return *customer.refused;
  auto me = auth::load_me(context.database, customer.session->user_id);
  if (!me.ok()) return http::problem_from_error(me.error());
  return private_json(200, me_json(*me, customer.session->csrf_token));
}

std::optional<std::string> portal_page_data(ApiContext& context, const http::Request& request) {
  if (context.logins == nullptr) return std::nullopt;
  auto session = current_session(context, request);
  if (!session.ok() || !*session) return std::nullopt;
  auto me = auth::load_me(context.database, (*session)->user_id);
  if (!me.ok()) return std::nullopt;  // the portal asks GET /api/v1/me, which reports the error
  return "{\"me\":" + me_json(*me, (*session)->csrf_token) + "}";
}

http::Response password_reset_handler(ApiContext& context, http::Request& request) {
  if (context.logins == nullptr) return not_configured();
  auto fields = required_strings(request, {"email"});
  if (!fields.ok()) return http::problem_from_error(fields.error());
  auto done = auth::request_password_reset(context.database, *context.logins, (*fields)[0],
                                           request.remote_address);
  if (!done.ok()) return http::problem_from_error(done.error());
  wake_mail(context);
  return http::text_response(202, "{}", "application/json");
}

http::Response password_reset_confirm_handler(ApiContext& context, http::Request& request) {
  if (context.logins == nullptr) return not_configured();
  auto fields = required_strings(request, {"token", "password"});
  if (!fields.ok()) return http::problem_from_error(fields.error());
  const auto& [token, password] = *fields;
  auto done = auth::reset_password(context.database, token, password);
  if (!done.ok()) return link_problem(done.error());
  return http::text_response(204, "", "");
}

http::Response add_accounts_handler(ApiContext& context, http::Request& request) {
  Signed customer = signed_in_customer(context, request);
  if (customer.refused) return *customer.refused;
  auto body = http::parse_json_object_body(request);
  if (!body.ok()) return http::problem_from_error(body.error());
  auto street = required_string(*body, "street");
  if (!street.ok()) return http::problem_from_error(street.error());
  auto zip = required_string(*body, "zip");
  if (!zip.ok()) return http::problem_from_error(zip.error());
  auto number = text_field(*body, "account_number");
  if (!number.ok()) return http::problem_from_error(number.error());
  auto bill_amount = text_field(*body, "bill_amount");
  if (!bill_amount.ok()) return http::problem_from_error(bill_amount.error());
  auto phone = text_field(*body, "phone");
  if (!phone.ok()) return http::problem_from_error(phone.error());
  auto me =
      auth::add_accounts(context.database, *context.logins, customer.session->user_id,
                         {*street, *zip, *number, *bill_amount, *phone}, request.remote_address);
  if (!me.ok()) return http::problem_from_error(me.error());
  wake_mail(context);
  return private_json(201, me_json(*me, customer.session->csrf_token));
}

http::Response claim_account_handler(ApiContext& context, http::Request& request) {
  Signed customer = signed_in_customer(context, request);
  if (customer.refused) return *customer.refused;
  auto fields = required_strings(request, {"code"});
  if (!fields.ok()) return http::problem_from_error(fields.error());
  auto me = auth::claim_with_code(context.database, *context.logins, customer.session->user_id,
                                  (*fields)[0]);
  if (!me.ok()) return http::problem_from_error(me.error());
  wake_mail(context);
  return private_json(200, me_json(*me, customer.session->csrf_token));
}

http::Response claim_by_text_handler(ApiContext& context, http::Request& request) {
  if (context.logins == nullptr) return not_configured();
  auto fields = required_strings(request, {"token"});
  if (!fields.ok()) return http::problem_from_error(fields.error());
  auto linked = auth::claim_by_text(context.database, *context.logins, (*fields)[0]);
  if (!linked.ok()) return link_problem(linked.error());
  wake_mail(context);
  JsonWriter out;
  out.begin_object().key("account_ending").string(linked->account_ending);
  out.key("login").string(linked->login).end_object();
  return private_json(200, out.take());
}

http::Response not_me_handler(ApiContext& context, http::Request& request) {
  if (context.logins == nullptr) return not_configured();
  auto fields = required_strings(request, {"token"});
  if (!fields.ok()) return http::problem_from_error(fields.error());
  auto done = auth::disown_link(context.database, (*fields)[0]);
  if (!done.ok()) return link_problem(done.error());
  return http::text_response(204, "", "");
}

http::Response language_handler(ApiContext& context, http::Request& request) {
  Signed customer = signed_in_customer(context, request);
  if (customer.refused) return *customer.refused;
  auto fields = required_strings(request, {"language"});
  if (!fields.ok()) return http::problem_from_error(fields.error());
  auto me = auth::set_language(context.database, customer.session->user_id, (*fields)[0]);
  if (!me.ok()) return http::problem_from_error(me.error());
  return private_json(200, me_json(*me, customer.session->csrf_token));
}

namespace {

// A password check's refusal: too many wrong passwords is 429 sign-in-locked, as at sign-in.
http::Response password_check_problem(const Error& error) {
  if (error.kind == ErrorKind::throttled) {
    http::Response locked = http::problem(429, "sign-in-locked", "Too many wrong passwords",
                                          error.message, "", error.code);
    locked.set_header("Retry-After", std::to_string(error.retry_after_seconds));
    return locked;
  }
  return http::problem_from_error(error);
}

}  // namespace

http::Response change_password_handler(ApiContext& context, http::Request& request) {
  Signed customer = signed_in_customer(context, request);
  if (customer.refused) return *customer.refused;
  auto fields = required_strings(request, {"current_password", "new_password"});
  if (!fields.ok()) return http::problem_from_error(fields.error());
  const auto& [current, next] = *fields;
  auto changed =
      auth::change_password(context.database, *context.logins, customer.session->user_id,
                            customer.session->session_id, current, next, request.remote_address);
  if (!changed.ok()) return password_check_problem(changed.error());
  return http::text_response(204, "", "");
}

http::Response start_mfa_handler(ApiContext& context, http::Request& request) {
  Signed customer = signed_in_customer(context, request);
  if (customer.refused) return *customer.refused;
  auto enrolment = auth::start_mfa(context.database, customer.session->user_id);
  if (!enrolment.ok()) return http::problem_from_error(enrolment.error());
  JsonWriter out;
  out.begin_object().key("secret").string(enrolment->secret);
  out.key("otpauth_uri").string(enrolment->otpauth_uri).key("qr_svg").string(enrolment->qr_svg);
  out.end_object();
  return private_json(201, out.take());
}

http::Response confirm_mfa_handler(ApiContext& context, http::Request& request) {
  Signed customer = signed_in_customer(context, request);
  if (customer.refused) return *customer.refused;
  auto fields = required_strings(request, {"code"});
  if (!fields.ok()) return http::problem_from_error(fields.error());
  auto codes = auth::confirm_mfa(context.database, customer.session->user_id, (*fields)[0]);
  if (!codes.ok()) return http::problem_from_error(codes.error());
  JsonWriter out;
  out.begin_object().key("recovery_codes").begin_array();
  for (const std::string& recovery : *codes) out.string(recovery);
  out.end_array().end_object();
  return private_json(200, out.take());
}

http::Response disable_mfa_handler(ApiContext& context, http::Request& request) {
  Signed customer = signed_in_customer(context, request);
  if (customer.refused) return *customer.refused;
  auto fields = required_strings(request, {"password"});
  if (!fields.ok()) return http::problem_from_error(fields.error());
  auto off = auth::turn_off_mfa(context.database, *context.logins, customer.session->user_id,
                                (*fields)[0], request.remote_address);
  if (!off.ok()) return password_check_problem(off.error());
  return http::text_response(204, "", "");
}

http::Response events_handler(ApiContext& context, http::Request& request) {
  Signed customer = signed_in_customer(context, request);
  if (customer.refused) return *customer.refused;
  if (context.feed == nullptr) {
    return http::problem(503, "live-updates-not-configured", "Live updates are off",
                         "this server does not push live updates");
  }
  auto me = auth::load_me(context.database, customer.session->user_id);
  if (!me.ok()) return http::problem_from_error(me.error());
  std::vector<std::string> numbers;
  for (const auth::LinkedAccount& account : me->accounts) numbers.push_back(account.number);
  http::Response response;
  response.events = std::make_shared<http::EventStream>();
  AccountFeed* feed = context.feed;
  const std::int64_t session_id = customer.session->session_id;
  response.events->on_open = [feed, session_id, numbers](std::shared_ptr<http::EventSink> sink) {
    // The client reconnects after 3 s if the stream drops.
    if (sink->send("retry: 3000\n: connected\n\n")) {
      feed->subscribe(session_id, numbers, std::move(sink));
    }
  };
  return response;
}

}  // namespace rp::api
