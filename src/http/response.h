#pragma once
// What a handler returns. The server adds Date, Content-Length, X-Request-Id and
// X-Content-Type-Options; handlers set only what is specific to their answer.

#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "http/event_stream.h"

namespace rp::http {

struct Response {
  int status = 200;
  std::string content_type = "application/json";  // empty: no Content-Type header (e.g. 304)
  std::vector<std::pair<std::string, std::string>> headers;  // extra header fields, sent as given
  std::string body;
  // When set, the body is streamed from this file instead of `body` (static files, documents).
  std::string file_path;
  // When set, the answer is a server-sent event stream (event_stream.h); `body` is not sent.
  std::shared_ptr<EventStream> events;
  // Logged by the server with the request id at error level and never sent to the client: the
  // real cause behind a generic 500 answer.
  std::string log_detail;

  // Replaces any header of that name (compared case-insensitively), else appends it.
  void set_header(std::string_view name, std::string value);
  // The first header of that name (case-insensitive), or empty when absent.
  std::string_view header(std::string_view name) const;
};

// `value` serialised compactly; invalid UTF-8 in strings is replaced rather than thrown on.
Response json_response(int status, const nlohmann::json& value);

Response text_response(int status, std::string body,
                       std::string content_type = "text/plain; charset=utf-8");

}  // namespace rp::http
