#pragma once
// Writes compact JSON text straight into a string, for responses on hot paths where building a
// nlohmann::json tree (a std::map node per key) costs more than the database work behind it.
// Keys appear in the order written. Strings are escaped per RFC 8259 (quote, backslash and
// control characters); UTF-8 passes through unchanged.
//
// Contract: calls must form one well-nested value (every begin_* matched by its end_*, a key()
// before each value inside an object). Violations are defects and assert in debug builds.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace rp {

class JsonWriter {
 public:
  JsonWriter& begin_object();
  JsonWriter& end_object();
  JsonWriter& begin_array();
  JsonWriter& end_array();
  JsonWriter& key(std::string_view name);
  JsonWriter& string(std::string_view value);
  JsonWriter& number(std::int64_t value);
  JsonWriter& boolean(bool value);
  JsonWriter& null();
  // A value already written as JSON by this program (never text a caller supplied unchecked).
  JsonWriter& json(std::string_view text);
  // A string, or null when absent.
  JsonWriter& optional_string(const std::optional<std::string>& value);

  // The text written so far; the writer is empty afterwards.
  std::string take();

 private:
  void before_value();
  void append_escaped(std::string_view text);

  std::string out_;
  std::vector<bool> first_in_container_;  // one per open object or array
  bool after_key_ = false;
};

}  // namespace rp
