#include "http/router.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <set>

#include "http/problem.h"
#include "http/url.h"

namespace rp::http {
namespace {

// "/a/b" -> {"a", "b"}; "/" -> {}; "/a/" -> {"a", ""}.
std::vector<std::string_view> split_segments(std::string_view path) {
  std::vector<std::string_view> segments;
  if (!path.empty() && path.front() == '/') path.remove_prefix(1);
  if (path.empty()) return segments;
  while (true) {
    std::size_t slash = path.find('/');
    segments.push_back(path.substr(0, slash));
    if (slash == std::string_view::npos) break;
    path.remove_prefix(slash + 1);
  }
  return segments;
}

bool is_capture(std::string_view segment) {
  return segment.size() >= 2 && segment.front() == '{' && segment.back() == '}';
}

[[noreturn]] void route_defect(const std::string& method, const std::string& pattern,
                               const char* why) {
  std::fprintf(stderr, "ratepayer: invalid route %s %s: %s\n", method.c_str(), pattern.c_str(),
               why);
  std::abort();
}

// Specificity of a match: one flag per segment, true for a literal. Greater is more specific.
using Rank = std::vector<bool>;

std::string join(const std::vector<std::string>& items, std::string_view separator) {
  std::string out;
  for (const auto& item : items) {
    if (!out.empty()) out += separator;
    out += item;
  }
  return out;
}

}  // namespace

void Router::add(std::string method, std::string pattern, Handler handler,
                 std::string staff_permission) {
  if (method.empty() || pattern.empty() || pattern.front() != '/') {
    route_defect(method, pattern, "the pattern must start with '/'");
  }
  std::vector<std::string> segments;
  std::set<std::string_view> names;
  for (std::string_view segment : split_segments(pattern)) {
    bool has_brace = segment.find_first_of("{}") != std::string_view::npos;
    if (is_capture(segment)) {
      std::string_view name = segment.substr(1, segment.size() - 2);
      if (name.find_first_of("{}") != std::string_view::npos) {
        route_defect(method, pattern, "a capture name may not contain braces");
      }
    } else if (has_brace) {
      route_defect(method, pattern, "a capture must be a whole segment, like {number}");
    }
    segments.emplace_back(segment);
  }
  for (const auto& segment : segments) {
    if (is_capture(segment) && !names.insert(segment).second) {
      route_defect(method, pattern, "a capture name is used twice");
    }
  }
  auto same_shape = [&](const Route& route) {
    return std::equal(route.segments.begin(), route.segments.end(), segments.begin(),
                      segments.end(), [](const std::string& a, const std::string& b) {
                        return is_capture(a) ? is_capture(b) : a == b;
                      });
  };
  for (const Route& route : routes_) {
    if (route.method == method && same_shape(route)) {
      route_defect(method, pattern, "registered twice (captures match any name)");
    }
  }
  if (!handler) route_defect(method, pattern, "the handler is empty");
  routes_.push_back(Route{std::move(method), std::move(pattern), std::move(segments),
                          std::move(handler), std::move(staff_permission)});
}

Router::Match Router::find(std::string_view method, std::string_view path) const {
  Match match;
  std::vector<std::string> decoded;
  for (std::string_view segment : split_segments(path)) {
    auto text = percent_decode(segment, false);
    if (!text) return match;  // not_found: no route has a malformed segment
    decoded.push_back(std::move(*text));
  }

  const Route* best = nullptr;
  Rank best_rank;
  std::set<std::string> allowed;
  for (const Route& route : routes_) {
    if (route.segments.size() != decoded.size()) continue;
    Rank rank(decoded.size());
    bool matches = true;
    for (std::size_t i = 0; i < decoded.size() && matches; ++i) {
      const std::string& segment = route.segments[i];
      if (is_capture(segment)) {
        matches = !decoded[i].empty();
      } else {
        matches = segment == decoded[i];
        rank[i] = true;
      }
    }
    if (!matches) continue;
    allowed.insert(route.method);
    if (route.method == "GET") allowed.insert("HEAD");
    bool method_fits = route.method == method || (method == "HEAD" && route.method == "GET");
    if (!method_fits) continue;
    // An exact HEAD route beats the GET fallback at equal rank.
    if (best == nullptr || rank > best_rank ||
        (rank == best_rank && route.method == method && best->method != method)) {
      best = &route;
      best_rank = std::move(rank);
    }
  }

  if (best != nullptr) {
    match.outcome = Match::Outcome::found;
    match.handler = &best->handler;
    match.pattern = best->pattern;
    match.staff_permission = best->staff_permission;
    for (std::size_t i = 0; i < decoded.size(); ++i) {
      const std::string& segment = best->segments[i];
      if (is_capture(segment)) {
        match.params.emplace(segment.substr(1, segment.size() - 2), std::move(decoded[i]));
      }
    }
  } else if (!allowed.empty()) {
    match.outcome = Match::Outcome::method_not_allowed;
    match.allowed.assign(allowed.begin(), allowed.end());
  }
  return match;
}

Response Router::handle(Request& request) const {
  std::string_view target = request.target;
  return handle(request, find(request.method, target.substr(0, target.find('?'))));
}

Response Router::handle(Request& request, Match match) const {
  switch (match.outcome) {
    case Match::Outcome::found:
      request.path_params = std::move(match.params);
      request.route = match.pattern;
      request.staff_permission = match.staff_permission;
      return (*match.handler)(request);
    case Match::Outcome::method_not_allowed: {
      request.route = kUnmatchedRoute;
      std::string allow = join(match.allowed, ", ");
      Response response =
          problem(405, "method-not-allowed", "Method not allowed",
                  request.method + " is not allowed on " + request.path + "; use " + allow + ".");
      response.set_header("Allow", allow);
      return response;
    }
    case Match::Outcome::not_found:
      break;
  }
  request.route = kUnmatchedRoute;
  return problem(404, "not-found", "Not found",
                 "There is no resource at " + request.path + "; check the URL and the method.");
}

std::vector<Router::RouteAccess> Router::access_table() const {
  std::vector<RouteAccess> out;
  out.reserve(routes_.size());
  for (const Route& route : routes_) {
    out.push_back({route.method, route.pattern, route.staff_permission});
  }
  return out;
}

std::vector<std::pair<std::string, std::string>> Router::routes() const {
  std::vector<std::pair<std::string, std::string>> out;
  out.reserve(routes_.size());
  for (const Route& route : routes_) out.emplace_back(route.method, route.pattern);
  return out;
}

}  // namespace rp::http
