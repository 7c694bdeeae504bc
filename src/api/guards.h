#pragma once
// Request guards shared by handlers.

#include <optional>
#include <string_view>

#include "api/api.h"
#include "auth/logins.h"
#include "core/account_number.h"
#include "core/time.h"
#include "http/request.h"
#include "http/response.h"
#include "staff/staff_sign_in.h"

namespace rp::api {

// Staff access, by one of two credentials:
//  * `Authorization: Bearer <API key>` (staff/api_keys.h): an integration;
//  * the console's session cookie (rp_staff, staff/staff_sign_in.h), with X-CSRF-Token on
//    anything but GET and HEAD (403 csrf-token-missing), and, for a permission that
//    needs_recent_sign_in, a password and code given within the last 5 minutes (403
//    reauthentication-required: POST /api/v1/staff/auth/reauthenticate, then again).
// The caller's permissions must include the one the route declares (request.staff_permission,
// from the route table: api/routes.cc). On success sets request.actor ("api_key:3",
// "staff:12"). Otherwise 401 (no credential, or one not in use) or 403 permission-required
// naming the permission (a route that declares none refuses every staff caller: deny by
// default). Changes nothing.
std::optional<http::Response> require_staff(ApiContext& context, http::Request& request);

// The staff console's session cookie.
inline constexpr std::string_view kStaffSessionCookie = "rp_staff";

// Whether a presented secret (a CSRF token) is `expected`, in the same time wherever they differ.
bool same_secret(std::string_view given, std::string_view expected);

// The value of cookie `name` in the request, "" when absent.
std::string cookie_value(const http::Request& request, std::string_view name);

// The staff user's live session from the rp_staff cookie, or nullopt. Errors: the database's.
Result<std::optional<staff::StaffSession>> current_staff_session(ApiContext& context,
                                                                 const http::Request& request);

// The portal's session cookie.
inline constexpr std::string_view kSessionCookie = "rp_session";

// The signed-in customer's live session from the cookie, or nullopt (no cookie, unknown, ended,
// timed out). Errors: the database's.
Result<std::optional<auth::CurrentSession>> current_session(ApiContext& context,
                                                            const http::Request& request);

// Refuses a state-changing request (anything but GET/HEAD) whose X-CSRF-Token header is not the
// session's CSRF token: 403 csrf-token-missing.
std::optional<http::Response> require_csrf(const http::Request& request,
                                           const auth::CurrentSession& session);

// Gate for /api/v1/accounts/{number}/...: a request with `Authorization: Bearer`, or with the
// console's cookie and no portal cookie, must pass require_staff; otherwise the session cookie must
// name a signed-in customer whose login holds the account (401 sign-in-required without one; 404
// for an account that is not theirs, the same answer as for one that does not exist), plus the CSRF
// header when it changes anything. On success sets request.actor: "customer:<login id>" for a
// session, the key's for an API key.
std::optional<http::Response> require_account_access(ApiContext& context, http::Request& request);

// Gate for routes that belong to no one account but only to someone signed in (making a payment
// method token): an API key (require_staff), or a signed-in customer's session with the CSRF
// header. Sets request.actor as require_account_access does.
std::optional<http::Response> require_signed_in(ApiContext& context, http::Request& request);

// Gate for routes open to anyone (applying for service, reporting an outage by address): a
// signed-in customer acts as themselves (with the CSRF header: "customer:<login id>"), anyone
// else by their address ("public:<address>"). A credential in Authorization is refused (403
// permission-required, `staff_route` saying where staff and integrations go instead), not taken
// for anyone. On success sets request.actor.
std::optional<http::Response> require_public_caller(ApiContext& context, http::Request& request,
                                                    std::string_view staff_route);

// The portal login calling, when request.actor names one ("customer:42" -> 42).
std::optional<std::int64_t> customer_login(const http::Request& request);

// Parses the {number} path parameter; a malformed number is a 404 (indistinguishable from an
// account the caller may not see) whose detail says the number looks mistyped.
Result<AccountNumber> account_number_param(const http::Request& request);

// The Idempotency-Key header every money-moving POST carries (1-200 printable characters), as
// stored: scoped to the account in the path and the caller (core/idempotency_key.h), so one
// caller's key never answers, blocks or replays another's. Requires: an access check passed
// (request.actor is set). Errors: invalid_input naming the header.
Result<std::string> idempotency_key(const http::Request& request);

// The answer for a money-moving service's error: the key used before for a different request is
// 422 idempotency-key-reused naming the header; anything else as http::problem_from_error.
http::Response money_problem(const Error& error);

// The utility's time zone, from its setting (store/utility_settings.h): the one home it has, so
// usage pages and bills always agree on local days.
Result<UtilityZone> utility_zone(ApiContext& context);

// Today in the utility's time zone.
Result<LocalDate> utility_today(ApiContext& context);

// A whole-number path parameter (an id); anything else is a 404 naming `what`.
Result<std::int64_t> id_param(const http::Request& request, std::string_view name,
                              std::string_view what);

// A whole-number query parameter, `fallback` when absent. Errors: invalid_input naming it.
Result<std::int64_t> integer_query(const http::Request& request, const char* name,
                                   std::int64_t fallback);

}  // namespace rp::api
