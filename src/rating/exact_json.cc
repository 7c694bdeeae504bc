#include "rating/exact_json.h"

#include <algorithm>
#include <limits>
#include <set>
#include <utility>

#include <nlohmann/json.hpp>

namespace rp::rating {
namespace {

constexpr std::size_t kMaxDepth = 64;
constexpr std::size_t kLineWidth = 100;

// Builds a JsonValue tree from nlohmann's SAX events. Containers under construction sit on an
// explicit stack (no recursion, so hostile nesting cannot exhaust the call stack).
class TreeBuilder : public nlohmann::json_sax<nlohmann::json> {
 public:
  bool null() override { return add(JsonValue()); }
  bool boolean(bool value) override { return add(JsonValue::boolean_value(value)); }
  bool number_integer(number_integer_t value) override {
    return add(JsonValue::number_text(std::to_string(value)));
  }
  bool number_unsigned(number_unsigned_t value) override {
    return add(JsonValue::number_text(std::to_string(value)));
  }
  // `raw` is the number exactly as written; the double is never used.
  bool number_float(number_float_t /*value*/, const string_t& raw) override {
    return add(JsonValue::number_text(raw));
  }
  bool string(string_t& value) override { return add(JsonValue::string(std::move(value))); }
  bool binary(binary_t& /*value*/) override {
    error_ = "binary values are not JSON";
    return false;
  }
  bool start_object(std::size_t /*elements*/) override { return open(JsonValue::Type::object); }
  bool key(string_t& name) override {
    Frame& top = stack_.back();
    if (!top.keys.insert(name).second) {
      error_ = "duplicate key \"" + name + "\" in " + location(false);
      return false;
    }
    top.pending_key = std::move(name);
    return true;
  }
  bool end_object() override { return close(); }
  bool start_array(std::size_t /*elements*/) override { return open(JsonValue::Type::array); }
  bool end_array() override { return close(); }
  bool parse_error(std::size_t /*position*/, const std::string& /*last_token*/,
                   const nlohmann::detail::exception& failure) override {
    // what() is "[json.exception.parse_error.101] parse error at line 1, column 9: ..."
    std::string_view text = failure.what();
    const std::size_t bracket = text.find("] ");
    error_ = std::string(bracket == std::string_view::npos ? text : text.substr(bracket + 2));
    return false;
  }

  std::optional<JsonValue>& root() { return root_; }
  const std::string& error() const { return error_; }

 private:
  struct Frame {
    JsonValue value;
    std::string pending_key;
    std::set<std::string> keys;
  };

  bool open(JsonValue::Type type) {
    if (stack_.size() >= kMaxDepth) {
      error_ =
          "nested more than " + std::to_string(kMaxDepth) + " levels deep at " + location(true);
      return false;
    }
    stack_.push_back(Frame{JsonValue(type), {}, {}});
    return true;
  }

  bool close() {
    JsonValue done = std::move(stack_.back().value);
    stack_.pop_back();
    return add(std::move(done));
  }

  bool add(JsonValue value) {
    if (stack_.empty()) {
      root_ = std::move(value);
      return true;
    }
    Frame& top = stack_.back();
    if (top.value.type == JsonValue::Type::array) {
      top.value.items.push_back(std::move(value));
    } else {
      top.value.members.push_back({std::move(top.pending_key), std::move(value)});
      top.pending_key.clear();
    }
    return true;
  }

  // The path being read ("versions[0].energy"), for errors found mid-parse. Without
  // `include_top`, the path of the innermost open container itself.
  std::string location(bool include_top) const {
    std::string path;
    const std::size_t depth = include_top ? stack_.size() : stack_.size() - 1;
    for (std::size_t i = 0; i < depth; ++i) {
      const Frame& frame = stack_[i];
      if (frame.value.type == JsonValue::Type::array) {
        path += "[" + std::to_string(frame.value.items.size()) + "]";
      } else {
        path += (path.empty() ? "" : ".") + frame.pending_key;
      }
    }
    return path.empty() ? "the top level" : path;
  }

  std::vector<Frame> stack_;
  std::optional<JsonValue> root_;
  std::string error_;
};

void append_escaped(std::string_view text, std::string& out) {
  static constexpr char kHex[] = "0123456789abcdef";
  out += '"';
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\t':
        out += "\\t";
        break;
      case '\r':
        out += "\\r";
        break;
      default:
        if (byte < 0x20) {
          out += "\\u00";
          out += kHex[byte >> 4];
          out += kHex[byte & 0xf];
        } else {
          out += c;
        }
    }
  }
  out += '"';
}

void write_one_line(const JsonValue& value, std::string& out) {
  switch (value.type) {
    case JsonValue::Type::null:
      out += "null";
      return;
    case JsonValue::Type::boolean:
      out += value.boolean ? "true" : "false";
      return;
    case JsonValue::Type::number:
      out += value.text;
      return;
    case JsonValue::Type::string:
      append_escaped(value.text, out);
      return;
    case JsonValue::Type::array:
      out += '[';
      for (std::size_t i = 0; i < value.items.size(); ++i) {
        if (i > 0) out += ", ";
        write_one_line(value.items[i], out);
      }
      out += ']';
      return;
    case JsonValue::Type::object:
      out += '{';
      for (std::size_t i = 0; i < value.members.size(); ++i) {
        if (i > 0) out += ", ";
        append_escaped(value.members[i].key, out);
        out += ": ";
        write_one_line(value.members[i].value, out);
      }
      out += '}';
      return;
  }
}

// Writes `value` starting at column `column` (where a key or the indentation already ends).
void write_indented(const JsonValue& value, std::size_t indent, std::size_t column,
                    std::string& out) {
  const bool is_container =
      value.type == JsonValue::Type::array || value.type == JsonValue::Type::object;
  std::string one_line;
  write_one_line(value, one_line);
  if (!is_container || column + one_line.size() <= kLineWidth ||
      (value.items.empty() && value.members.empty())) {
    out += one_line;
    return;
  }
  const std::string inner(indent + 2, ' ');
  const bool is_array = value.type == JsonValue::Type::array;
  out += is_array ? "[\n" : "{\n";
  const std::size_t count = is_array ? value.items.size() : value.members.size();
  for (std::size_t i = 0; i < count; ++i) {
    out += inner;
    std::size_t start = out.size();
    if (is_array) {
      write_indented(value.items[i], indent + 2, inner.size(), out);
    } else {
      append_escaped(value.members[i].key, out);
      out += ": ";
      write_indented(value.members[i].value, indent + 2, inner.size() + (out.size() - start), out);
    }
    out += i + 1 < count ? ",\n" : "\n";
  }
  out += std::string(indent, ' ');
  out += is_array ? ']' : '}';
}

// A JSON number split into its parts: value = (negative ? -1 : 1) x digits x 10^exponent, with
// `digits` free of leading zeros (empty for zero).
struct NumberParts {
  bool negative = false;
  std::string digits;
  std::int64_t exponent = 0;
};

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

std::optional<NumberParts> split_number(std::string_view text) {
  NumberParts parts;
  std::size_t i = 0;
  if (i < text.size() && text[i] == '-') {
    parts.negative = true;
    ++i;
  }
  const std::size_t integer_start = i;
  while (i < text.size() && is_digit(text[i])) parts.digits += text[i++];
  if (i == integer_start) return std::nullopt;
  if (i < text.size() && text[i] == '.') {
    const std::size_t fraction_start = ++i;
    while (i < text.size() && is_digit(text[i])) parts.digits += text[i++];
    if (i == fraction_start) return std::nullopt;
    parts.exponent = -static_cast<std::int64_t>(i - fraction_start);
  }
  if (i < text.size() && (text[i] == 'e' || text[i] == 'E')) {
    ++i;
    bool exponent_negative = false;
    if (i < text.size() && (text[i] == '+' || text[i] == '-')) exponent_negative = text[i++] == '-';
    const std::size_t exponent_start = i;
    std::int64_t written = 0;
    while (i < text.size() && is_digit(text[i])) {
      // Saturates: an exponent beyond a million means out of range (or zero) either way.
      written = std::min<std::int64_t>(written * 10 + (text[i++] - '0'), 1'000'000);
    }
    if (i == exponent_start) return std::nullopt;
    parts.exponent += exponent_negative ? -written : written;
  }
  if (i != text.size()) return std::nullopt;
  const std::size_t first_significant = parts.digits.find_first_not_of('0');
  parts.digits.erase(0, std::min(first_significant, parts.digits.size()));
  return parts;
}

// digits (at most 19 of them) as a magnitude, or nullopt past 2^63.
std::optional<unsigned __int128> magnitude_of(std::string_view digits) {
  if (digits.size() > 19) return std::nullopt;
  unsigned __int128 value = 0;
  for (const char c : digits) value = value * 10 + static_cast<unsigned>(c - '0');
  return value;
}

}  // namespace

JsonValue::JsonValue() = default;

JsonValue::JsonValue(Type t) : type(t) {}

JsonValue JsonValue::integer(std::int64_t value) {
  return number_text(std::to_string(value));
}

JsonValue JsonValue::array() {
  return JsonValue(Type::array);
}

JsonValue JsonValue::object() {
  return JsonValue(Type::object);
}

JsonValue JsonValue::boolean_value(bool value) {
  JsonValue result(Type::boolean);
  result.boolean = value;
  return result;
}

JsonValue JsonValue::number_text(std::string text) {
  JsonValue result(Type::number);
  result.text = std::move(text);
  return result;
}

JsonValue JsonValue::string(std::string text) {
  JsonValue result(Type::string);
  result.text = std::move(text);
  return result;
}

JsonValue& JsonValue::push(JsonValue item) {
  items.push_back(std::move(item));
  return *this;
}

JsonValue& JsonValue::add(std::string key, JsonValue value) {
  members.push_back({std::move(key), std::move(value)});
  return *this;
}

const JsonValue* JsonValue::find(std::string_view key) const {
  for (const Member& member : members) {
    if (member.key == key) return &member.value;
  }
  return nullptr;
}

const char* json_type_phrase(JsonValue::Type type) {
  switch (type) {
    case JsonValue::Type::null:
      return "null";
    case JsonValue::Type::boolean:
      return "a boolean";
    case JsonValue::Type::number:
      return "a number";
    case JsonValue::Type::string:
      return "a string";
    case JsonValue::Type::array:
      return "an array";
    case JsonValue::Type::object:
      return "an object";
  }
  return "a value";
}

Result<JsonValue> parse_exact_json(std::string_view text, const std::string& what) {
  TreeBuilder builder;
  bool parsed = false;
  try {
    parsed = nlohmann::json::sax_parse(text.begin(), text.end(), &builder);
  } catch (const std::exception& failure) {
    return invalid_input(what, what + " is not valid JSON: " + failure.what());
  }
  if (!parsed || !builder.root().has_value()) {
    const std::string reason = builder.error().empty() ? "it is incomplete" : builder.error();
    return invalid_input(what, what + " is not valid JSON: " + reason);
  }
  return std::move(*builder.root());
}

std::string write_pretty_json(const JsonValue& value) {
  std::string out;
  write_indented(value, 0, 0, out);
  out += '\n';
  return out;
}

Result<std::int64_t> scaled_integer(std::string_view text, int fraction_digits, ExtraDigits extra,
                                    bool divide_by_100, bool* rounded) {
  std::optional<NumberParts> parts = split_number(text);
  if (!parts.has_value()) {
    return invalid_input("", "is not a number; write digits with an optional '-' and '.'");
  }
  const std::int64_t shift = parts->exponent + fraction_digits - (divide_by_100 ? 2 : 0);
  std::string kept = parts->digits;
  if (shift >= 0) {
    if (kept.empty()) return std::int64_t{0};
    if (shift > 19 || kept.size() + static_cast<std::size_t>(shift) > 19) {
      return invalid_input("", "is out of range");
    }
    kept.append(static_cast<std::size_t>(shift), '0');
  } else {
    // Drop the digits below the last kept place; `dropped_first` is the first of them.
    const auto drop = static_cast<std::uint64_t>(-shift);
    char dropped_first = '0';
    bool dropped_nonzero = false;
    if (drop > kept.size()) {
      dropped_nonzero = !kept.empty();
      kept.clear();
    } else {
      const std::size_t keep = kept.size() - static_cast<std::size_t>(drop);
      dropped_first = kept[keep];
      dropped_nonzero = kept.find_first_not_of('0', keep) != std::string::npos;
      kept.resize(keep);
    }
    if (dropped_nonzero) {
      if (extra == ExtraDigits::reject) {
        const int allowed = fraction_digits - (divide_by_100 ? 2 : 0);
        if (allowed <= 0) return invalid_input("", "is not a whole number");
        return invalid_input(
            "", "has more than " + std::to_string(allowed) + " digits after the decimal point");
      }
      if (rounded != nullptr) *rounded = true;
      if (dropped_first >= '5') {
        // Add one to the kept digits (half away from zero: this is the magnitude).
        int i = static_cast<int>(kept.size()) - 1;
        while (i >= 0 && kept[static_cast<std::size_t>(i)] == '9') {
          kept[static_cast<std::size_t>(i--)] = '0';
        }
        if (i < 0) {
          kept.insert(kept.begin(), '1');
        } else {
          ++kept[static_cast<std::size_t>(i)];
        }
      }
    }
    kept.erase(0, std::min(kept.find_first_not_of('0'), kept.size()));
  }
  std::optional<unsigned __int128> magnitude = magnitude_of(kept);
  const auto limit = static_cast<unsigned __int128>(std::numeric_limits<std::int64_t>::max()) +
                     (parts->negative ? 1 : 0);
  if (!magnitude.has_value() || *magnitude > limit) return invalid_input("", "is out of range");
  const auto value = static_cast<__int128>(*magnitude);
  return static_cast<std::int64_t>(parts->negative ? -value : value);
}

std::string percent_text(Decimal value) {
  std::string text = value.to_string();
  const bool negative = !text.empty() && text[0] == '-';
  if (negative) text.erase(0, 1);
  const std::size_t point = text.find('.');
  std::string whole = text.substr(0, point);
  std::string fraction = point == std::string::npos ? "" : text.substr(point + 1);
  fraction.resize(std::max<std::size_t>(fraction.size(), 2), '0');
  whole += fraction.substr(0, 2);
  fraction.erase(0, 2);
  whole.erase(0, std::min(whole.find_first_not_of('0'), whole.size() - 1));
  while (!fraction.empty() && fraction.back() == '0') fraction.pop_back();
  return (negative ? "-" : "") + whole + (fraction.empty() ? "" : "." + fraction);
}

std::optional<JsonNode> JsonNode::member(std::string_view key) const {
  const JsonValue* found = value_->find(key);
  if (found == nullptr || found->type == JsonValue::Type::null) return std::nullopt;
  return JsonNode(*found, path_.empty() ? std::string(key) : path_ + "." + std::string(key));
}

JsonNode JsonNode::item(std::size_t index) const {
  return JsonNode(value_->items[index], path_ + "[" + std::to_string(index) + "]");
}

Error JsonNode::error(const std::string& problem) const {
  const std::string where = path_.empty() ? "the top level" : path_;
  return invalid_input(where, where + ": " + problem);
}

Result<void> JsonNode::expect_object() const {
  if (type() == JsonValue::Type::object) return success();
  return error(std::string("expected an object {...}, found ") + json_type_phrase(type()));
}

Result<void> JsonNode::expect_array() const {
  if (type() == JsonValue::Type::array) return success();
  return error(std::string("expected an array [...], found ") + json_type_phrase(type()));
}

Result<void> JsonNode::expect_object_with_keys(const std::vector<std::string_view>& allowed) const {
  RP_TRY(expect_object());
  for (const JsonValue::Member& member : value_->members) {
    if (std::find(allowed.begin(), allowed.end(), member.key) != allowed.end()) continue;
    std::string list;
    for (std::string_view key : allowed) list += (list.empty() ? "" : ", ") + std::string(key);
    const std::string child = path_.empty() ? member.key : path_ + "." + member.key;
    return invalid_input(child, child + ": unknown field; the fields here are " + list);
  }
  return success();
}

Result<std::string> JsonNode::as_string() const {
  if (type() == JsonValue::Type::string) return value_->text;
  return error(std::string("expected a string, found ") + json_type_phrase(type()));
}

Result<bool> JsonNode::as_bool() const {
  if (type() == JsonValue::Type::boolean) return value_->boolean;
  return error(std::string("expected true or false, found ") + json_type_phrase(type()));
}

Result<Decimal> JsonNode::decimal_from_text(const std::string& text, ExtraDigits extra,
                                            bool percent, bool* rounded) const {
  Result<std::int64_t> raw =
      scaled_integer(text, Decimal::kFractionDigits, extra, percent, rounded);
  if (!raw.ok()) return error("\"" + text + "\" " + raw.error().message);
  return Decimal::from_raw(*raw);
}

Result<Decimal> JsonNode::as_decimal(ExtraDigits extra, bool* rounded) const {
  if (type() == JsonValue::Type::number || type() == JsonValue::Type::string) {
    return decimal_from_text(value_->text, extra, false, rounded);
  }
  return error(std::string("expected a decimal number like \"0.1125\" (a string or a number), ") +
               "found " + json_type_phrase(type()));
}

Result<Decimal> JsonNode::as_percent() const {
  if (type() == JsonValue::Type::number || type() == JsonValue::Type::string) {
    return decimal_from_text(value_->text, ExtraDigits::reject, true, nullptr);
  }
  return error(std::string("expected a percentage like \"5.25\" (a string or a number), found ") +
               json_type_phrase(type()));
}

Result<std::int64_t> JsonNode::as_integer(std::int64_t min, std::int64_t max) const {
  if (type() != JsonValue::Type::number) {
    return error(std::string("expected a whole number, found ") + json_type_phrase(type()));
  }
  Result<std::int64_t> value = scaled_integer(value_->text, 0, ExtraDigits::reject);
  if (!value.ok()) return error(value_->text + " " + value.error().message);
  if (*value < min || *value > max) {
    return error(value_->text + " is outside " + std::to_string(min) + ".." + std::to_string(max));
  }
  return *value;
}

Result<LocalDate> JsonNode::as_date() const {
  Result<std::string> text = as_string();
  if (!text.ok())
    return error("expected a date \"YYYY-MM-DD\", found " + std::string(json_type_phrase(type())));
  Result<LocalDate> date = parse_local_date(*text, path_);
  if (!date.ok()) return error("\"" + *text + "\" is not a date; write it as YYYY-MM-DD");
  return *date;
}

}  // namespace rp::rating
