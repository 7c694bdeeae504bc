#include "http/json_body.h"

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <string>

namespace rp::http {
namespace {

// "application/json; charset=utf-8" -> "application/json", trimmed and lower-cased.
std::string media_type(std::string_view content_type) {
  std::string_view type = content_type.substr(0, content_type.find(';'));
  while (!type.empty() && std::isspace(static_cast<unsigned char>(type.back()))) {
    type.remove_suffix(1);
  }
  while (!type.empty() && std::isspace(static_cast<unsigned char>(type.front()))) {
    type.remove_prefix(1);
  }
  std::string lower(type);
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return lower;
}

bool is_json_media_type(std::string_view type) {
  if (type == "application/json") return true;
  return type.starts_with("application/") && type.ends_with("+json");
}

// nlohmann's messages start with "[json.exception.parse_error.101] "; clients need only the rest.
std::string parser_message(std::string_view what) {
  if (what.starts_with("[json.exception.")) {
    std::size_t end = what.find("] ");
    if (end != std::string_view::npos) what.remove_prefix(end + 2);
  }
  return std::string(what);
}

// Whole numbers past what a signed 64-bit integer holds are refused here, so that no handler
// reads one wrapped round to a negative number. Answers the first such number's path, or empty.
std::string first_oversized_number(const nlohmann::json& value, const std::string& path) {
  if (value.is_number_unsigned() &&
      value.get<std::uint64_t>() > static_cast<std::uint64_t>(INT64_MAX)) {
    return path.empty() ? "body" : path;
  }
  if (value.is_object()) {
    for (const auto& [key, member] : value.items()) {
      std::string found = first_oversized_number(member, path.empty() ? key : path + "." + key);
      if (!found.empty()) return found;
    }
  }
  if (value.is_array()) {
    for (std::size_t i = 0; i < value.size(); ++i) {
      std::string found = first_oversized_number(value[i], path + "[" + std::to_string(i) + "]");
      if (!found.empty()) return found;
    }
  }
  return "";
}

}  // namespace

Result<nlohmann::json> parse_json_body(const Request& request) {
  auto content_type = request.header("content-type");
  if (!content_type && request.body.empty()) {
    return invalid_input("body", "request body is empty; send a JSON document");
  }
  if (!content_type || !is_json_media_type(media_type(*content_type))) {
    std::string sent = content_type ? "'" + std::string(*content_type) + "'" : "none";
    return invalid_input(
        std::string(kContentTypeField),
        "request body must be sent with Content-Type: application/json (got " + sent + ")");
  }
  if (request.body.empty()) {
    return invalid_input("body", "request body is empty; send a JSON document");
  }
  nlohmann::json parsed;
  try {
    parsed = nlohmann::json::parse(request.body);
  } catch (const nlohmann::json::parse_error& error) {
    return invalid_input("body", "request body is not valid JSON: " + parser_message(error.what()));
  } catch (const nlohmann::json::exception&) {
    // out_of_range: a number too large for any numeric type (1e400).
    return invalid_input("body", "a number in the request body is too large");
  }
  if (std::string field = first_oversized_number(parsed, ""); !field.empty()) {
    return invalid_input(field, field + " is too large a number");
  }
  return parsed;
}

Result<nlohmann::json> parse_json_object_body(const Request& request) {
  auto body = parse_json_body(request);
  RP_TRY(body);
  if (!body->is_object()) return invalid_input("body", "the body must be a JSON object");
  return body;
}

}  // namespace rp::http
