#pragma once
// Decoding of request targets (RFC 3986 percent-encoding, HTML form '+' in queries).

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace rp::http {

// Decodes %XX escapes; with `plus_as_space`, '+' becomes ' '. Returns nullopt for a malformed
// escape ("%4", "%zz") or an encoded NUL ("%00"), which no legitimate client sends.
std::optional<std::string> percent_decode(std::string_view text, bool plus_as_space);

// Splits "a=1&b=x%20y&flag" into [("a","1"), ("b","x y"), ("flag","")]. Empty pieces are skipped.
// Returns nullopt when any name or value is malformed (see percent_decode).
std::optional<std::vector<std::pair<std::string, std::string>>> parse_query(std::string_view query);

// The parts of an origin-form request target ("/path?query").
struct Target {
  std::string_view raw_path;  // still percent-encoded; the router matches segment by segment
  std::string path;           // decoded
  std::vector<std::pair<std::string, std::string>> query;
};

// Parses an origin-form target. Returns nullopt when it does not start with '/' or contains a
// malformed escape; the server answers 400 then.
std::optional<Target> parse_target(std::string_view target);

}  // namespace rp::http
