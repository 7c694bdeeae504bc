#pragma once
// JSON for tariff files, read and written without floating point. A number keeps the text it was
// written with ("0.1", "1.5e-05"), taken from nlohmann's SAX interface, which hands over the raw
// token; it becomes a Decimal by exact digit arithmetic, so 0.1 is 0.100000000 and never the double
// nearest to it. Objects keep their members in file order and reject duplicate keys (a tariff with
// two "rate" keys is a mistake, not a choice). Used by tariff_format and urdb_import; nothing here
// knows about tariffs.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/decimal.h"
#include "core/result.h"
#include "core/time.h"

namespace rp::rating {

class JsonValue {
 public:
  enum class Type { null, boolean, number, string, array, object };
  struct Member;

  // Constructors and factories are defined out of line: Member is incomplete until the class is.
  JsonValue();  // null
  explicit JsonValue(Type t);

  static JsonValue boolean_value(bool value);
  // `text` must be a JSON number ("12", "-0.5"); Decimal::to_string() always is.
  static JsonValue number_text(std::string text);
  static JsonValue integer(std::int64_t value);
  static JsonValue string(std::string text);
  static JsonValue array();
  static JsonValue object();

  // Appends to an array / an object; requires the matching type.
  JsonValue& push(JsonValue item);
  JsonValue& add(std::string key, JsonValue value);

  // The member named `key` of an object, or nullptr (also for non-objects).
  const JsonValue* find(std::string_view key) const;

  Type type = Type::null;
  bool boolean = false;
  std::string text;              // a string's value, or a number's source text
  std::vector<JsonValue> items;  // an array's elements
  std::vector<Member> members;   // an object's members, in file order
};

struct JsonValue::Member {
  std::string key;
  JsonValue value;
};

// "null", "a boolean", "a number", "a string", "an array", "an object".
const char* json_type_phrase(JsonValue::Type type);

// Parses strict RFC 8259 JSON (no comments, no trailing commas; strings must be UTF-8). Nesting
// deeper than 64 levels and duplicate object keys are rejected. Errors are invalid_input with field
// `what` and a message giving the line and column.
Result<JsonValue> parse_exact_json(std::string_view text, const std::string& what);

// Indented JSON (two spaces) for people to read: a container whose one-line form fits in 100
// columns stays on one line, so a tier reads {"max": "500", "rate": "0.1125"}. Ends with "\n".
std::string write_pretty_json(const JsonValue& value);

// What to do with a number that has more than 9 fractional digits (Decimal's precision).
enum class ExtraDigits {
  reject,  // an error: our own tariff format never rounds a price silently
  round,   // round half away from zero to 9 digits (URDB data written from doubles, like
           // 0.07956999999999999); the caller is told so it can warn
};

// The exact value of `text` scaled by 10^fraction_digits, as an integer. `text` is a JSON number:
// optional '-', digits, optional '.' and digits, optional exponent ("1.5e-3"). `divide_by_100`
// reads the text as a percentage ("80" gives the value 0.8). Errors are invalid_input messages
// phrased about the text ("has more than 9 digits after the decimal point"); the field is empty and
// callers add it. Sets *rounded when ExtraDigits::round changed the value.
Result<std::int64_t> scaled_integer(std::string_view text, int fraction_digits, ExtraDigits extra,
                                    bool divide_by_100 = false, bool* rounded = nullptr);

// The shortest text of `value` x 100 ("0.8" -> "80", "0.0525" -> "5.25"), exact for every Decimal.
std::string percent_text(Decimal value);

// A JSON value together with its path in the document ("versions[0].energy.periods[1]"), so that
// every error names the place it concerns: invalid_input whose field is the path and whose message
// starts with it ("versions[0].energy.periods[1].tiers[0].rate: expected a decimal number ...").
class JsonNode {
 public:
  JsonNode(const JsonValue& value, std::string path) : value_(&value), path_(std::move(path)) {}

  const JsonValue& value() const { return *value_; }
  const std::string& path() const { return path_; }
  JsonValue::Type type() const { return value_->type; }
  bool is_null() const { return value_->type == JsonValue::Type::null; }

  // The member `key`; nullopt when absent or null (null means "not given" everywhere).
  std::optional<JsonNode> member(std::string_view key) const;
  // Element `index` of an array; requires index < size.
  JsonNode item(std::size_t index) const;
  std::size_t size() const { return value_->items.size(); }

  // An invalid_input error at this node: field = path, message = "path: problem".
  Error error(const std::string& problem) const;

  // Checks the type, with an error naming what was expected and what was found.
  Result<void> expect_object() const;
  Result<void> expect_array() const;
  // An object whose keys are all in `allowed`; an unknown key is an error listing the allowed ones.
  Result<void> expect_object_with_keys(const std::vector<std::string_view>& allowed) const;

  Result<std::string> as_string() const;
  Result<bool> as_bool() const;
  // A decimal written as a JSON number or as a string holding one ("0.1125", 0.1125, "1e-3").
  Result<Decimal> as_decimal(ExtraDigits extra = ExtraDigits::reject,
                             bool* rounded = nullptr) const;
  // A percentage as written ("80" or 80 for 80%), as the fraction the model holds (0.8).
  Result<Decimal> as_percent() const;
  // A whole JSON number within [min, max] ("3"; "3.0" is accepted, "3.5" is not).
  Result<std::int64_t> as_integer(std::int64_t min, std::int64_t max) const;
  // A string "YYYY-MM-DD".
  Result<LocalDate> as_date() const;

 private:
  Result<Decimal> decimal_from_text(const std::string& text, ExtraDigits extra, bool percent,
                                    bool* rounded) const;

  const JsonValue* value_;
  std::string path_;
};

}  // namespace rp::rating
