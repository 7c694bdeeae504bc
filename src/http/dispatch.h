#pragma once
// The request pipeline between the wire and the handlers, free of Beast so that it compiles fast
// and is tested without sockets. The server calls dispatch() once per parsed request.

#include <optional>
#include <string>
#include <string_view>

#include "http/request.h"
#include "http/response.h"
#include "http/router.h"
#include "http/static_files.h"

namespace rp::http {

// The client's X-Request-Id when it is sane (1..128 characters of [A-Za-z0-9._:-]), else a new
// random 16-hex-digit id.
std::string choose_request_id(std::optional<std::string_view> client_value);

// Routes `request` (request_id must be set): a matching route's handler, else — for GET/HEAD
// outside /api/ when `static_files` is not null — a static file, else the router's 404/405.
// A throwing handler becomes a 500 problem whose log_detail holds the exception text. Never throws.
// The answer carries X-Request-Id and X-Content-Type-Options: nosniff, and problem bodies carry
// "request_id". Sets request.route ("unmatched" / "static" when no route took it).
Response dispatch(const Router& router, const StaticFiles* static_files, Request& request);

// Adds what every answer carries: X-Request-Id, X-Content-Type-Options: nosniff, and "request_id"
// in problem+json bodies that lack it. dispatch() calls it; the server calls it for the answers it
// makes itself (400, 413, 431).
void add_standard_headers(Response& response, const Request& request);

// The route label for static files.
inline constexpr std::string_view kStaticRoute = "static";

}  // namespace rp::http
