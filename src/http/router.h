#pragma once
// Maps (method, path) to a handler. Patterns are literal segments and `{name}` captures:
//   "/api/v1/accounts/{number}/summary" matches "/api/v1/accounts/1000-2345-6/summary" with
//   path_params {"number": "1000-2345-6"}.
// When several patterns match, the one whose first differing segment is literal wins, so
// "/accounts/search" beats "/accounts/{number}" regardless of registration order.
// HEAD is answered by the GET route (the server drops the body).
//
// Register every route before the server starts; the router is read-only (and so safe to share
// between io threads) from then on.

#include <deque>
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "http/request.h"
#include "http/response.h"

namespace rp::http {

// Handlers run on the server's io threads and may block (database calls). They must not throw;
// if one does, the server answers 500 and logs the exception with the request id.
using Handler = std::function<Response(Request&)>;

class Router {
 public:
  Router() = default;
  Router(const Router&) = delete;
  Router& operator=(const Router&) = delete;

  // Registers `handler` for `method` (upper-case) and `pattern` (starts with '/'; a capture is a
  // whole segment "{name}", each name used once). A malformed pattern or a duplicate
  // (method, pattern) is a programming defect: it aborts with a message at startup.
  // `staff_permission` is what a staff caller needs to use the route ("payments.take"), empty for
  // routes no staff credential reaches; the handler's access check reads it from the request.
  void add(std::string method, std::string pattern, Handler handler,
           std::string staff_permission = {});

  struct Match {
    enum class Outcome { found, not_found, method_not_allowed };
    Outcome outcome = Outcome::not_found;
    const Handler* handler = nullptr;           // set when found
    std::string_view pattern;                   // set when found; stable for the router's lifetime
    std::string_view staff_permission;          // set when found; as stable
    std::map<std::string, std::string> params;  // decoded captures, when found
    std::vector<std::string> allowed;  // methods the path does accept, when method_not_allowed
  };

  // Finds the route for `method` and `path`. `path` is the raw (still percent-encoded) path of the
  // target: segments are decoded one by one, so an encoded '/' ("%2F") stays inside its capture.
  Match find(std::string_view method, std::string_view path) const;

  // Finds the route for `request` (using its raw target), fills path_params and route, and calls
  // the handler. Unknown path: 404 problem "not-found" naming the path, route "unmatched". Known
  // path, other method: 405 problem "method-not-allowed" with an Allow header.
  Response handle(Request& request) const;
  // The same, for a `match` already found for this request.
  Response handle(Request& request, Match match) const;

  // Every (method, pattern) registered, in registration order; for the OpenAPI completeness test.
  std::vector<std::pair<std::string, std::string>> routes() const;

  struct RouteAccess {
    std::string method;
    std::string pattern;
    std::string staff_permission;  // empty: no staff credential reaches it
  };
  // Every route with the staff permission it declares, in registration order (for the tests that
  // fail when a staff route declares none, and the role-by-route matrix).
  std::vector<RouteAccess> access_table() const;

 private:
  struct Route {
    std::string method;
    std::string pattern;
    std::vector<std::string> segments;  // literal text, or "{name}" for a capture
    Handler handler;
    std::string staff_permission;
  };
  // A deque so that Route addresses (and the patterns Request::route points to) never move.
  std::deque<Route> routes_;
};

// The route label of requests no route matched.
inline constexpr std::string_view kUnmatchedRoute = "unmatched";

}  // namespace rp::http
