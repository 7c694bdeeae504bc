#pragma once
// Reading JSON request bodies the same way in every handler.

#include <string_view>

#include <nlohmann/json.hpp>

#include "core/result.h"
#include "http/request.h"

namespace rp::http {

// The Error::field that marks "wrong Content-Type"; problem_from_error answers it with 415.
inline constexpr std::string_view kContentTypeField = "Content-Type";

// Parses the request body as JSON.
//   - Content-Type must be application/json or application/<something>+json (parameters such as
//     charset allowed); otherwise invalid_input with field kContentTypeField (-> 415).
//   - An empty body is invalid_input("body", "request body is empty; ...").
//   - Malformed JSON is invalid_input("body", "request body is not valid JSON: <parser message>").
// Pass the error to problem_from_error to answer the client.
Result<nlohmann::json> parse_json_body(const Request& request);

// parse_json_body, and the body must be a JSON object: otherwise invalid_input("body", "the body
// must be a JSON object").
Result<nlohmann::json> parse_json_object_body(const Request& request);

}  // namespace rp::http
