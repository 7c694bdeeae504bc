#pragma once
// RFC 9457 problem details: every error answer of the API is application/problem+json with a
// stable `type` URI (clients switch on it), a short `title`, a human `detail` saying what was wrong
// and what to do, the offending `field` when there is one, and the `request_id` to quote to
// support.

#include <string_view>

#include "core/result.h"
#include "http/response.h"

namespace rp::http {

inline constexpr std::string_view kProblemContentType = "application/problem+json";
inline constexpr std::string_view kProblemTypeBase = "https://ratepayer.dev/problems/";

// {"type": kProblemTypeBase + type_slug, "title", "status", "detail", "field" and "code" (each
// when not empty)}. The server adds "request_id" to every problem body that lacks one.
Response problem(int status, std::string_view type_slug, std::string_view title,
                 std::string_view detail, std::string_view field = {}, std::string_view code = {});

// Maps an Error to its answer (with its field and code):
//   invalid_input -> 422 invalid-input (with field); the field "Content-Type" -> 415
//                    unsupported-media-type (see json_body.h)
//   not_found 404 not-found; conflict 409 conflict; overflow 422 overflow;
//   unavailable 503 unavailable (with Retry-After); throttled 429 too-many-requests (with
//   Retry-After: the error's retry_after_seconds);
//   internal 500 internal, with a generic detail; the real message goes to Response::log_detail.
// An error's log_detail goes to Response::log_detail (the server's log), never into the body.
Response problem_from_error(const rp::Error& error);

}  // namespace rp::http
