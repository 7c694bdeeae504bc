#include "api/answers.h"

#include "http/problem.h"

namespace rp::api {

http::Response json_text(int status, std::string body) {
  return http::text_response(status, std::move(body), "application/json");
}

http::Response private_json(int status, std::string body) {
  http::Response response = http::text_response(status, std::move(body), "application/json");
  response.set_header("Cache-Control", "no-store");
  return response;
}

http::Response link_problem(const Error& error) {
  if (error.field == "token") {
    return http::problem(410, "link-expired", "Link expired", error.message, "token");
  }
  return http::problem_from_error(error);
}

}  // namespace rp::api
