#include "http/problem.h"

#include <string>

#include "http/json_body.h"

namespace rp::http {
namespace {

Response problem_of_kind(const rp::Error& error);

}  // namespace

Response problem(int status, std::string_view type_slug, std::string_view title,
                 std::string_view detail, std::string_view field, std::string_view code) {
  nlohmann::json body = {
      {"type", std::string(kProblemTypeBase) + std::string(type_slug)},
      {"title", title},
      {"status", status},
      {"detail", detail},
  };
  if (!field.empty()) body["field"] = field;
  if (!code.empty()) body["code"] = code;
  Response response = json_response(status, body);
  response.content_type = kProblemContentType;
  return response;
}

Response problem_from_error(const rp::Error& error) {
  Response response = problem_of_kind(error);
  if (!error.log_detail.empty()) {
    response.log_detail += (response.log_detail.empty() ? "" : "; ") + error.log_detail;
  }
  return response;
}

namespace {

Response problem_of_kind(const rp::Error& error) {
  switch (error.kind) {
    case ErrorKind::invalid_input:
      if (error.field == kContentTypeField) {
        return problem(415, "unsupported-media-type", "Unsupported media type", error.message,
                       error.field, error.code);
      }
      return problem(422, "invalid-input", "Invalid input", error.message, error.field, error.code);
    case ErrorKind::not_found:
      return problem(404, "not-found", "Not found", error.message, error.field, error.code);
    case ErrorKind::conflict:
      return problem(409, "conflict", "Conflict", error.message, error.field, error.code);
    case ErrorKind::overflow:
      return problem(422, "overflow", "Value out of range", error.message, error.field, error.code);
    case ErrorKind::unavailable: {
      Response response = problem(503, "unavailable", "Service unavailable", error.message,
                                  error.field, error.code);
      response.set_header("Retry-After", "1");
      return response;
    }
    case ErrorKind::throttled: {
      Response response = problem(429, "too-many-requests", "Too many attempts", error.message,
                                  error.field, error.code);
      response.set_header("Retry-After", std::to_string(error.retry_after_seconds));
      return response;
    }
    case ErrorKind::internal:
      break;
  }
  Response response = problem(500, "internal", "Internal error",
                              "Something went wrong on our side. It has been logged; quote the "
                              "request id if you contact support.");
  response.log_detail = error.message;
  return response;
}

}  // namespace

}  // namespace rp::http
