#include "api/guards.h"

#include <algorithm>
#include <charconv>
#include <variant>

#include "api/audit_log.h"
#include "core/assert.h"
#include "core/idempotency_key.h"
#include "core/json.h"
#include "core/json_writer.h"
#include "http/problem.h"
#include "staff/api_keys.h"
#include "staff/permissions.h"
#include "store/utility_settings.h"

namespace rp::api {

bool same_secret(std::string_view given, std::string_view expected) {
  unsigned char difference = given.size() == expected.size() ? 0 : 1;
  for (std::size_t i = 0; i < given.size(); ++i) {
    difference |= static_cast<unsigned char>(given[i] ^ expected[i % expected.size()]);
  }
  return difference == 0;
}

namespace {

// The refusal `answer`, recorded in the audit trail first (who tried, what, and why not).
http::Response refused_staff(ApiContext& context, const http::Request& request,
                             const std::string& actor, http::Response answer) {
  JsonWriter details;
  details.begin_object().key("status").number(answer.status);
  details.key("permission").string(request.staff_permission).end_object();
  audit_request(context, request,
                {actor, "access.refused", request.method + " " + std::string(request.route),
                 "refused", details.take()});
  return answer;
}

std::optional<http::Response> check_staff(ApiContext& context, http::Request& request,
                                          std::string& actor);

}  // namespace

std::optional<http::Response> require_staff(ApiContext& context, http::Request& request) {
  std::string actor = "anonymous";
  auto refused = check_staff(context, request, actor);
  if (!refused) {
    audit_staff_read(context, request);
    return refused;
  }
  // A request with no credential at all is not recorded: anyone can send those by the million,
  // and each would cost a write. A credential refused (wrong, revoked, ended) or a permission
  // refused is.
  const bool presented = request.header("authorization").has_value() ||
                         !cookie_value(request, kStaffSessionCookie).empty();
  if (refused && (refused->status == 403 || (refused->status == 401 && presented))) {
    return refused_staff(context, request, actor, std::move(*refused));
  }
  return refused;
}

namespace {

// The accounts (their digits) a staff request acts on: the one in its path; the one a payment,
// adjustment or bill named by id in its path belongs to; every account served through the meter of
// a meter data exception; the account a lockbox item is applied to (in the body); the accounts of
// the bills a bulk hold answer names (in the body); both accounts of a payment move (the
// payment's, and the one in the body). Empty when none.
// The digits of the account number in the JSON body's `field`, when it holds one.
std::optional<std::string> body_account_number(const http::Request& request, const char* field) {
  const json body = json::parse(request.body, nullptr, false);
  if (!body.is_object() || !body.contains(field) || !body[field].is_string()) return std::nullopt;
  auto parsed = AccountNumber::parse(body[field].get<std::string>());
  if (!parsed.ok()) return std::nullopt;
  return parsed->digits();
}

Result<std::vector<std::string>> target_accounts(ApiContext& context,
                                                 const http::Request& request) {
  using Numbers = std::vector<std::string>;
  if (const std::string_view number = request.path_param("number"); !number.empty()) {
    auto parsed = AccountNumber::parse(number);
    return parsed.ok() ? Numbers{parsed->digits()} : Numbers{};
  }
  const std::string_view route = request.route;
  if (route == "/api/v1/staff/lockbox/items/{id}/apply") {
    auto number = body_account_number(request, "account_number");
    return number ? Numbers{*number} : Numbers{};  // the handler names what is missing
  }
  if (route == "/api/v1/staff/bill-holds/approve" || route == "/api/v1/staff/bill-holds/cancel") {
    const json body = json::parse(request.body, nullptr, false);
    if (!body.is_object() || !body.contains("bill_ids") || !body["bill_ids"].is_array()) {
      return Numbers{};  // the handler names what is missing
    }
    std::vector<std::int64_t> ids;
    for (const json& id : body["bill_ids"]) {
      if (id.is_number_integer()) ids.push_back(id.get<std::int64_t>());
    }
    return context.database.read<Numbers>([&](store::Session& session) -> Result<Numbers> {
      Numbers numbers;
      for (std::int64_t id : ids) {
        auto rows = session.query_named("api/account_of_bill", {id});
        RP_TRY(rows);
        for (const store::Row& row : *rows) numbers.push_back(row.text("number"));
      }
      return numbers;
    });
  }
  std::string query;
  store::Value key;
  if (!request.path_param("confirmation").empty()) {
    query = "api/account_of_payment";
    key = std::string(request.path_param("confirmation"));
  } else {
    if (route.starts_with("/api/v1/staff/adjustments/{id}")) {
      query = "api/account_of_adjustment";
    } else if (route.starts_with("/api/v1/staff/bills/{id}")) {
      query = "api/account_of_bill";
    } else if (route.starts_with("/api/v1/staff/vee-exceptions/{id}")) {
      query = "api/accounts_of_vee_exception";
    } else {
      return Numbers{};
    }
    auto id = id_param(request, "id", "record");
    if (!id.ok()) return Numbers{};
    key = *id;
  }
  return context.database.read<Numbers>([&](store::Session& session) -> Result<Numbers> {
    auto rows = session.query_named(query, {key});
    RP_TRY(rows);
    Numbers numbers;
    for (const store::Row& row : *rows) numbers.push_back(row.text("number"));
    if (route == "/api/v1/staff/payments/{confirmation}/move") {
      if (auto to = body_account_number(request, "to_account")) numbers.push_back(*to);
    }
    return numbers;
  });
}

// require_staff without the audit record; `actor` is set once the credential is known.
std::optional<http::Response> check_staff(ApiContext& context, http::Request& request,
                                          std::string& actor) {
  auto header = request.header("authorization");
  constexpr std::string_view kBearer = "Bearer ";
  auto unauthorized = [](std::string_view detail) {
    http::Response refused = http::problem(401, "unauthorized", "Sign-in required", detail);
    refused.set_header("WWW-Authenticate", "Bearer");
    return refused;
  };
  std::optional<staff::StaffIdentity> identity;
  std::optional<staff::StaffSession> console;
  if (header) {
    if (!header->starts_with(kBearer)) {
      return unauthorized("send an API key as 'Authorization: Bearer <key>'");
    }
    auto key = staff::api_key_identity(context.database, header->substr(kBearer.size()));
    if (!key.ok()) return http::problem_from_error(key.error());
    if (!*key) {
      return unauthorized("that API key is not in use: it was revoked, rotated out or mistyped");
    }
    identity = **key;
  } else {
    auto session = current_staff_session(context, request);
    if (!session.ok()) return http::problem_from_error(session.error());
    if (!*session) {
      http::Response refused =
          http::problem(401, "sign-in-required", "Sign-in required",
                        "sign in to the staff console (your session may have ended), or send "
                        "an API key as 'Authorization: Bearer <key>'");
      refused.set_header("WWW-Authenticate", "Bearer");
      return refused;
    }
    console = **session;
    identity = console->identity;
    if (request.method != "GET" && request.method != "HEAD") {
      auto given = request.header("x-csrf-token");
      if (!given || !same_secret(*given, console->csrf_token)) {
        return http::problem(403, "csrf-token-missing", "Request not confirmed",
                             "send the session's CSRF token (from GET /api/v1/staff/me) in "
                             "X-CSRF-Token");
      }
    }
  }
  actor = identity->actor();
  const std::string_view needed = request.staff_permission;
  if (needed.empty()) {
    return http::problem(403, "permission-required", "Not allowed",
                         "this route takes no staff credential", {}, "permission-required");
  }
  if (!identity->may(needed)) {
    return http::problem(403, "permission-required", "Not allowed",
                         "this needs the permission '" + std::string(needed) + "', which '" +
                             identity->name + "' does not have",
                         {}, "permission-required");
  }
  // Nobody acts on their own home account: a colleague does.
  if (!identity->home_account.empty()) {
    auto targets = target_accounts(context, request);
    if (!targets.ok()) return http::problem_from_error(targets.error());
    if (std::find(targets->begin(), targets->end(), identity->home_account) != targets->end()) {
      return http::problem(403, "own-account", "Not your own account",
                           "staff do not act on their own account; ask a colleague", {},
                           "own-account");
    }
  }
  if (console && staff::needs_recent_sign_in(needed) &&
      now() - console->reauthenticated_at > staff::kRecentSignIn) {
    return http::problem(403, "reauthentication-required", "Confirm it is you",
                         "'" + std::string(needed) +
                             "' needs your password and a code from the last 5 minutes: send "
                             "them to POST /api/v1/staff/auth/reauthenticate, then ask again",
                         {}, "reauthentication-required");
  }
  request.actor = identity->actor();
  request.staff_permissions = identity->permissions;
  return std::nullopt;
}

}  // namespace

Result<AccountNumber> account_number_param(const http::Request& request) {
  auto number = AccountNumber::parse(request.path_param("number"));
  if (!number.ok()) {
    return not_found("no account has number " + std::string(request.path_param("number")) + ": " +
                     number.error().message);
  }
  return number;
}

namespace {

std::optional<std::int64_t> whole_number(std::string_view text) {
  std::int64_t value = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || value < 0) return std::nullopt;
  return value;
}

}  // namespace

Result<std::string> idempotency_key(const http::Request& request) {
  RP_ASSERT(!request.actor.empty(), "an access check comes before the idempotency key");
  const std::string_view key = request.header("idempotency-key").value_or("");
  RP_TRY(check_client_key(key, "Idempotency-Key"));
  std::string scope;
  if (const std::string_view number = request.path_param("number"); !number.empty()) {
    auto parsed = AccountNumber::parse(number);
    RP_TRY(parsed);
    scope = "account:" + parsed->digits() + "/";
  }
  return client_idempotency_key(scope + request.actor, key);
}

std::optional<std::int64_t> customer_login(const http::Request& request) {
  constexpr std::string_view kCustomer = "customer:";
  if (!request.actor.starts_with(kCustomer)) return std::nullopt;
  return whole_number(std::string_view(request.actor).substr(kCustomer.size()));
}

http::Response money_problem(const Error& error) {
  if (error.kind == ErrorKind::invalid_input && error.field == "idempotency_key") {
    return http::problem(422, "idempotency-key-reused", "Idempotency key reused", error.message,
                         "Idempotency-Key");
  }
  return http::problem_from_error(error);
}

Result<UtilityZone> utility_zone(ApiContext& context) {
  return context.database.read<UtilityZone>(
      [](store::Session& session) { return store::utility_zone(session); });
}

Result<LocalDate> utility_today(ApiContext& context) {
  auto zone = utility_zone(context);
  RP_TRY(zone);
  return zone->local_date(now());
}

Result<std::int64_t> id_param(const http::Request& request, std::string_view name,
                              std::string_view what) {
  std::string_view text = request.path_param(name);
  auto value = whole_number(text);
  if (!value) return not_found("no " + std::string(what) + " has id " + std::string(text));
  return *value;
}

Result<std::int64_t> integer_query(const http::Request& request, const char* name,
                                   std::int64_t fallback) {
  auto text = request.query_param(name);
  if (!text) return fallback;
  auto value = whole_number(*text);
  if (!value) {
    return invalid_input(name, std::string(name) + " must be a whole number, got '" + *text + "'");
  }
  return *value;
}

}  // namespace rp::api

namespace rp::api {
namespace {

http::Response sign_in_required() {
  return http::problem(401, "sign-in-required", "Sign-in required",
                       "your session has ended or you are not signed in; sign in again");
}

}  // namespace

std::string cookie_value(const http::Request& request, std::string_view name) {
  for (const auto& [header, value] : request.headers) {
    if (header != "cookie") continue;
    std::string_view rest = value;
    while (!rest.empty()) {
      const auto end = rest.find(';');
      std::string_view pair = rest.substr(0, end);
      while (!pair.empty() && pair.front() == ' ') pair.remove_prefix(1);
      const auto equals = pair.find('=');
      if (equals != std::string_view::npos && pair.substr(0, equals) == name) {
        return std::string(pair.substr(equals + 1));
      }
      if (end == std::string_view::npos) break;
      rest.remove_prefix(end + 1);
    }
  }
  return "";
}

Result<std::optional<staff::StaffSession>> current_staff_session(ApiContext& context,
                                                                 const http::Request& request) {
  const std::string token = cookie_value(request, kStaffSessionCookie);
  if (token.empty()) return std::optional<staff::StaffSession>{};
  return staff::find_staff_session(context.database, token);
}

Result<std::optional<auth::CurrentSession>> current_session(ApiContext& context,
                                                            const http::Request& request) {
  if (context.logins == nullptr) return std::optional<auth::CurrentSession>{};
  const std::string token = cookie_value(request, kSessionCookie);
  if (token.empty()) return std::optional<auth::CurrentSession>{};
  return auth::find_session(context.database, *context.logins, token);
}

std::optional<http::Response> require_csrf(const http::Request& request,
                                           const auth::CurrentSession& session) {
  if (request.method == "GET" || request.method == "HEAD") return std::nullopt;
  auto given = request.header("x-csrf-token");
  if (given && same_secret(*given, session.csrf_token)) return std::nullopt;
  return http::problem(403, "csrf-token-missing", "Request not confirmed",
                       "send the session's CSRF token (from GET /api/v1/me) in X-CSRF-Token");
}

namespace {

// The staff token, or a signed-in customer's session with the CSRF header; sets request.actor.
// The customer's login id when it was a session (0 for staff).
std::variant<http::Response, std::int64_t> staff_or_customer(ApiContext& context,
                                                             http::Request& request) {
  // Staff: an API key, or the console's cookie without a customer's (one browser may hold both
  // when a staff member is also a customer: the portal's own cookie then speaks for the portal).
  const bool console = !cookie_value(request, kStaffSessionCookie).empty() &&
                       cookie_value(request, kSessionCookie).empty();
  if (request.header("authorization") || console || context.logins == nullptr) {
    if (auto refused = require_staff(context, request)) return *refused;
    return std::int64_t{0};
  }
  auto session = current_session(context, request);
  if (!session.ok()) return http::problem_from_error(session.error());
  if (!*session) return sign_in_required();
  if (auto refused = require_csrf(request, **session)) return *refused;
  request.actor = "customer:" + std::to_string((*session)->user_id);
  return (*session)->user_id;
}

}  // namespace

std::optional<http::Response> require_signed_in(ApiContext& context, http::Request& request) {
  auto caller = staff_or_customer(context, request);
  if (auto* refused = std::get_if<http::Response>(&caller)) return std::move(*refused);
  return std::nullopt;
}

std::optional<http::Response> require_account_access(ApiContext& context, http::Request& request) {
  auto caller = staff_or_customer(context, request);
  if (auto* refused = std::get_if<http::Response>(&caller)) return std::move(*refused);
  const std::int64_t login = std::get<std::int64_t>(caller);
  if (login == 0) return std::nullopt;  // staff
  auto number = account_number_param(request);
  if (!number.ok()) return http::problem_from_error(number.error());
  auto holds = auth::user_holds_account(context.database, login, *number);
  if (!holds.ok()) return http::problem_from_error(holds.error());
  if (!*holds) {
    return http::problem(404, "not-found", "Not found",
                         "no account has number " + std::string(request.path_param("number")));
  }
  return std::nullopt;
}

std::optional<http::Response> require_public_caller(ApiContext& context, http::Request& request,
                                                    std::string_view staff_route) {
  if (request.header("authorization")) {
    return http::problem(403, "permission-required", "Not here", std::string(staff_route), {},
                         "permission-required");
  }
  auto session = current_session(context, request);
  if (!session.ok()) return http::problem_from_error(session.error());
  if (!*session) {
    request.actor = "public:" + request.remote_address;
    return std::nullopt;
  }
  if (auto refused = require_csrf(request, **session)) return refused;
  request.actor = "customer:" + std::to_string((*session)->user_id);
  return std::nullopt;
}

}  // namespace rp::api
