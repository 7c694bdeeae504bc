#pragma once
// Customer sign-up, sign-in and the signed-in customer (auth/logins.h) over HTTP:
//   POST /api/v1/auth/register, /verify, /login, /logout, /logout-everywhere,
//        /password-reset, /password-reset/confirm
//   GET  /api/v1/me; POST /api/v1/me/accounts; PUT /api/v1/me/language; POST /api/v1/me/password
// Signing in sets the session cookie (HttpOnly, SameSite=Lax, Secure unless turned off, 12 hours)
// and answers the customer with the session's CSRF token, which every later state-changing
// request sends in X-CSRF-Token. Sign-up and sign-in take JSON bodies only, so a cross-site form
// cannot post them.

#include "api/api.h"
#include "http/request.h"
#include "http/response.h"

namespace rp::api {

http::Response register_handler(ApiContext& context, http::Request& request);
http::Response verify_handler(ApiContext& context, http::Request& request);
http::Response login_handler(ApiContext& context, http::Request& request);
http::Response logout_handler(ApiContext& context, http::Request& request);
http::Response logout_everywhere_handler(ApiContext& context, http::Request& request);
http::Response me_handler(ApiContext& context, http::Request& request);
http::Response password_reset_handler(ApiContext& context, http::Request& request);
http::Response password_reset_confirm_handler(ApiContext& context, http::Request& request);
http::Response add_accounts_handler(ApiContext& context, http::Request& request);
// POST /api/v1/me/accounts/claim {code}: the code from the letter mailed to a claimed account.
http::Response claim_account_handler(ApiContext& context, http::Request& request);
// POST /api/v1/auth/claim-by-text {token}: opening the link texted to the phone on file links
// the claimed account; no session needed (the token proves the phone). 200
// {account_ending, login}; 410 link-expired.
http::Response claim_by_text_handler(ApiContext& context, http::Request& request);
// POST /api/v1/auth/not-me {token}: "this wasn't me" from a link notice; no session needed.
http::Response not_me_handler(ApiContext& context, http::Request& request);
http::Response language_handler(ApiContext& context, http::Request& request);
http::Response change_password_handler(ApiContext& context, http::Request& request);
// GET /api/v1/me/events: the signed-in customer's live updates (account_feed.h).
http::Response events_handler(ApiContext& context, http::Request& request);
// Two-step sign-in: POST /api/v1/me/mfa (start), /api/v1/me/mfa/confirm, /api/v1/me/mfa/disable.
http::Response start_mfa_handler(ApiContext& context, http::Request& request);
http::Response confirm_mfa_handler(ApiContext& context, http::Request& request);
http::Response disable_mfa_handler(ApiContext& context, http::Request& request);

}  // namespace rp::api
