#pragma once
// Administrators manage access over HTTP (permission staff.manage, which asks a console user for
// a recent sign-in). Every change is in the audit trail, in its transaction, with before and after.
//   PUT  /api/v1/staff/users/{id}/roles {roles}   200 {before, after}: only a staff user (never a
//                                                 key), never their own (409), never the last
//                                                 administrator (409)
//   POST /api/v1/staff/users/{id}/sign-out        204: every console session of theirs ends now
//   GET  /api/v1/staff/roles                      every role with its permissions
//   PUT  /api/v1/staff/roles/{name} {label, permissions}
//                                                 200: the utility's own role, made or redefined
//                                                 (a shipped role's name is 409)
//   GET  /api/v1/staff/api-keys                   the keys in use (never their secrets)
//   POST /api/v1/staff/api-keys {name, permissions}
//                                                 201 {id, key}: the key, shown only here
//   POST /api/v1/staff/api-keys/{id}/rotate {overlap_hours}
//                                                 201 {id, key}: the old key works for the overlap
//   POST /api/v1/staff/api-keys/{id}/revoke       204: stops at once

#include "api/api.h"
#include "http/request.h"
#include "http/response.h"

namespace rp::api {

http::Response set_staff_roles_handler(ApiContext& context, http::Request& request);
http::Response end_staff_sessions_handler(ApiContext& context, http::Request& request);
http::Response roles_handler(ApiContext& context, http::Request& request);
http::Response define_role_handler(ApiContext& context, http::Request& request);
http::Response api_keys_handler(ApiContext& context, http::Request& request);
http::Response create_api_key_handler(ApiContext& context, http::Request& request);
http::Response rotate_api_key_handler(ApiContext& context, http::Request& request);
http::Response revoke_api_key_handler(ApiContext& context, http::Request& request);

}  // namespace rp::api
