#pragma once
// Administrators manage staff over HTTP (permission staff.manage, which asks a console user for
// a recent sign-in):
//   POST /api/v1/staff/users {email, name, roles}   201 {id, enrolment_link}: the one-time link,
//                                                    shown only in this answer
//   GET  /api/v1/staff/users                         every staff user, by name
//   POST /api/v1/staff/users/{id}/disable            204: they cannot sign in, and every session
//                                                    of theirs ends now; never oneself (409)
// Each change is in the audit trail, in its transaction.

#include "api/api.h"
#include "http/request.h"
#include "http/response.h"

namespace rp::api {

http::Response add_staff_user_handler(ApiContext& context, http::Request& request);
http::Response staff_users_handler(ApiContext& context, http::Request& request);
http::Response disable_staff_user_handler(ApiContext& context, http::Request& request);

}  // namespace rp::api
