#pragma once
// Staff sign-in for the console (staff/staff_sign_in.h) over HTTP:
//   POST /api/v1/staff/auth/enrol {token, password}        the enrolment link's first step
//   POST /api/v1/staff/auth/enrol/confirm {token, code}    the app's first code: signed in
//   POST /api/v1/staff/auth/login {email, password, code}  signed in
//   POST /api/v1/staff/auth/logout                          (session + CSRF)
//   POST /api/v1/staff/auth/reauthenticate {password, code} (session + CSRF)
//   GET  /api/v1/staff/me                                   the signed-in staff user
// Signing in sets the rp_staff cookie (HttpOnly, Secure, SameSite=Strict, 10 hours) and answers
// the user with the session's CSRF token. These routes take no staff permission: they are how a
// person gets one.

#include "api/api.h"
#include "http/request.h"
#include "http/response.h"

namespace rp::api {

http::Response staff_enrol_handler(ApiContext& context, http::Request& request);
http::Response staff_enrol_confirm_handler(ApiContext& context, http::Request& request);
http::Response staff_login_handler(ApiContext& context, http::Request& request);
http::Response staff_logout_handler(ApiContext& context, http::Request& request);
http::Response staff_reauthenticate_handler(ApiContext& context, http::Request& request);
http::Response staff_me_handler(ApiContext& context, http::Request& request);

}  // namespace rp::api
