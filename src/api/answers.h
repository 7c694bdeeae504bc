#pragma once
// Answers handlers share.

#include <string>

#include "core/result.h"
#include "http/response.h"

namespace rp::api {

// A JSON answer from its text (written with JsonWriter).
http::Response json_text(int status, std::string body);

// A JSON answer that must not be cached (it holds a token or codes shown once).
http::Response private_json(int status, std::string body);

// A one-time link's refusal: an error naming the field "token" (unknown, used, expired) is 410
// link-expired; anything else as http::problem_from_error.
http::Response link_problem(const Error& error);

}  // namespace rp::api
