#pragma once
// Notices over HTTP (notify/notice_choices.h):
//   GET  /api/v1/accounts/{number}/notice-choices   what the account is sent, per kind (customer
//                                                   holding the account, or staff accounts.read)
//   PUT  /api/v1/accounts/{number}/notice-choices   {"changes": [{"kind", "channel", "enabled"}]}
//   GET  /api/v1/accounts/{number}/notices          the notices sent, newest first
//                                                   (?before=<id>&limit=1-100, default 20)
//   GET  /api/v1/notices/unsubscribe?token=         what an unsubscribe link would stop
//   POST /api/v1/notices/unsubscribe?token=         stops it: no sign-in, the token is the proof
//                                                   (RFC 8058 one-click: the body
//                                                   "List-Unsubscribe=One-Click" or nothing)

#include "api/api.h"
#include "http/request.h"
#include "http/response.h"

namespace rp::api {

http::Response notice_choices_handler(ApiContext& context, http::Request& request);
http::Response change_notice_choices_handler(ApiContext& context, http::Request& request);
http::Response notices_sent_handler(ApiContext& context, http::Request& request);
http::Response unsubscribe_target_handler(ApiContext& context, http::Request& request);
http::Response unsubscribe_handler(ApiContext& context, http::Request& request);

}  // namespace rp::api
