#pragma once
// The request pipeline between the wire and the handlers, free of Beast so that it compiles fast
// and is tested without sockets. The server calls dispatch() once per parsed request.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

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

// Adds what every answer carries: X-Request-Id, X-Content-Type-Options: nosniff, "request_id" in
// problem+json bodies that lack it, and the security headers: kContentSecurityPolicy,
// Referrer-Policy: no-referrer, X-Frame-Options: DENY, and Cache-Control: no-store on JSON that
// set no Cache-Control of its own (private answers are never kept by a browser or a proxy).
// dispatch() calls it; the server calls it for the answers it makes itself (400, 413, 431).
void add_standard_headers(Response& response, const Request& request);

// The page policy: only our own scripts, styles, images and connections; no inline script or
// style element, no plugins, no framing by any site.
inline constexpr std::string_view kContentSecurityPolicy =
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; "
    "form-action 'self'; frame-ancestors 'none'";

// The request target as the logs may show it: the path without its query, which may carry a
// one-time token ("/verify?token=..." -> "/verify").
std::string_view loggable_target(std::string_view target);

// The client's address: the connection's peer, unless the peer is one of `trusted_proxies` (the
// utility's reverse proxies, by IP address): then the right-most X-Forwarded-For entry that is
// not a trusted proxy (entries left of it are what the client claimed and are not believed).
// With no trusted proxies X-Forwarded-For is ignored.
std::string client_address(std::string_view peer, std::optional<std::string_view> forwarded_for,
                           const std::vector<std::string>& trusted_proxies);

// The client's User-Agent as records keep it: at most 300 bytes, "" when absent.
std::string user_agent_of(const Request& request);

// The route label for static files.
inline constexpr std::string_view kStaticRoute = "static";

}  // namespace rp::http
