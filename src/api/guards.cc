#include "api/guards.h"

#include "http/problem.h"

namespace rp::api {
namespace {

bool same_secret(std::string_view given, std::string_view expected) {
  unsigned char difference = given.size() == expected.size() ? 0 : 1;
  for (std::size_t i = 0; i < given.size(); ++i) {
    difference |= static_cast<unsigned char>(given[i] ^ expected[i % expected.size()]);
  }
  return difference == 0;
}

}  // namespace

std::optional<http::Response> require_staff(const http::Request& request,
                                            std::string_view staff_token) {
  if (staff_token.empty()) {
    return http::problem(503, "staff-access-not-configured", "Staff access is not configured",
                         "set auth.staff_token (or RATEPAYER_AUTH_STAFF_TOKEN) to enable staff "
                         "routes");
  }
  auto header = request.header("authorization");
  constexpr std::string_view kBearer = "Bearer ";
  if (header && header->starts_with(kBearer) &&
      same_secret(header->substr(kBearer.size()), staff_token)) {
    return std::nullopt;
  }
  http::Response refused = http::problem(401, "unauthorized", "Sign-in required",
                                         "send the staff token as 'Authorization: Bearer <token>'");
  refused.set_header("WWW-Authenticate", "Bearer");
  return refused;
}

Result<AccountNumber> account_number_param(const http::Request& request) {
  auto number = AccountNumber::parse(request.path_param("number"));
  if (!number.ok()) {
    return not_found("no account has number " + std::string(request.path_param("number")) + ": " +
                     number.error().message);
  }
  return number;
}

}  // namespace rp::api
