#include "http/dispatch.h"

#include <algorithm>
#include <exception>
#include <random>

#include "core/request_origin.h"
#include "http/problem.h"

namespace rp::http {
namespace {

bool is_sane_request_id(std::string_view value) {
  if (value.empty() || value.size() > 128) return false;
  for (char c : value) {
    bool allowed = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                   c == '-' || c == '_' || c == '.' || c == ':';
    if (!allowed) return false;
  }
  return true;
}

Response unexpected_failure(std::string log_detail) {
  return problem_from_error(internal_error(std::move(log_detail)));
}

// Problem bodies built by handlers do not know the request id; add it so that the client can
// quote it. Bodies that are not JSON objects are left alone.
void add_request_id_to_problem(Response& response, const std::string& request_id) {
  if (response.content_type != kProblemContentType || response.body.empty()) return;
  auto body = nlohmann::json::parse(response.body, nullptr, false);
  if (!body.is_object() || body.contains("request_id")) return;
  body["request_id"] = request_id;
  response.body = body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace

std::string choose_request_id(std::optional<std::string_view> client_value) {
  if (client_value && is_sane_request_id(*client_value)) return std::string(*client_value);
  thread_local std::mt19937_64 generator{std::random_device{}()};
  static constexpr char kDigits[] = "0123456789abcdef";
  std::uint64_t bits = generator();
  std::string id(16, '0');
  for (char& c : id) {
    c = kDigits[bits & 0xf];
    bits >>= 4;
  }
  return id;
}

Response dispatch(const Router& router, const StaticFiles* static_files, Request& request) {
  Response response;
  try {
    std::string_view target = request.target;
    Router::Match match = router.find(request.method, target.substr(0, target.find('?')));
    if (match.outcome == Router::Match::Outcome::not_found && static_files != nullptr &&
        static_files->handles(request)) {
      request.route = kStaticRoute;
      response = static_files->serve(request);
    } else {
      ScopedRequestOrigin origin(
          {request.remote_address, user_agent_of(request), request.request_id});
      response = router.handle(request, std::move(match));
    }
  } catch (const std::exception& error) {
    response = unexpected_failure(std::string("handler threw: ") + error.what());
  } catch (...) {
    response = unexpected_failure("handler threw a non-standard exception");
  }
  if (request.route.empty()) request.route = kUnmatchedRoute;
  add_standard_headers(response, request);
  return response;
}

std::string user_agent_of(const Request& request) {
  constexpr std::size_t kLongest = 300;
  return std::string(request.header("user-agent").value_or("").substr(0, kLongest));
}

void add_standard_headers(Response& response, const Request& request) {
  add_request_id_to_problem(response, request.request_id);
  response.set_header("X-Request-Id", request.request_id);
  response.set_header("X-Content-Type-Options", "nosniff");
  response.set_header("Content-Security-Policy", std::string(kContentSecurityPolicy));
  response.set_header("Referrer-Policy", "no-referrer");
  response.set_header("X-Frame-Options", "DENY");
  const bool json = response.content_type.starts_with("application/json") ||
                    response.content_type == kProblemContentType;
  if (json && response.header("cache-control").empty()) {
    response.set_header("Cache-Control", "no-store");
  }
}

std::string_view loggable_target(std::string_view target) {
  return target.substr(0, target.find('?'));
}

namespace {

std::string_view trimmed(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

bool trusted(std::string_view address, const std::vector<std::string>& trusted_proxies) {
  return std::find(trusted_proxies.begin(), trusted_proxies.end(), address) !=
         trusted_proxies.end();
}

}  // namespace

std::string client_address(std::string_view peer, std::optional<std::string_view> forwarded_for,
                           const std::vector<std::string>& trusted_proxies) {
  if (!forwarded_for || !trusted(peer, trusted_proxies)) return std::string(peer);
  std::string_view rest = *forwarded_for;
  std::string_view client = peer;
  while (!rest.empty()) {
    const auto comma = rest.rfind(',');
    const std::string_view entry =
        trimmed(comma == std::string_view::npos ? rest : rest.substr(comma + 1));
    rest = comma == std::string_view::npos ? std::string_view() : rest.substr(0, comma);
    if (entry.empty()) break;
    client = entry;
    if (!trusted(entry, trusted_proxies)) break;
  }
  return std::string(client);
}

}  // namespace rp::http
