#include "mdm/reads_json.h"

#include <array>
#include <cstddef>
#include <string>

#include <nlohmann/json.hpp>

#include "mdm/read_fields.h"

namespace rp::mdm {
namespace {

using Json = nlohmann::json;

// The members a read may have, in the order their problems are reported.
enum Field : std::size_t { meter, channel, interval_start, value, quality, kFieldCount };
constexpr std::array<std::string_view, kFieldCount> kFieldNames = {
    "meter", "channel", "interval_start", "value", "quality"};
// The rebuilt text of a rejected read stops growing here (make_reject keeps 200 bytes of it).
constexpr std::size_t kMaxItemText = 256;

enum class Kind { absent, null, boolean, number, string, container };

const char* kind_phrase(Kind kind) {
  switch (kind) {
    case Kind::absent:
      return "nothing";
    case Kind::null:
      return "null";
    case Kind::boolean:
      return "a boolean";
    case Kind::number:
      return "a number";
    case Kind::string:
      return "a string";
    case Kind::container:
      return "an object or array";
  }
  return "something else";
}

struct FieldValue {
  Kind kind = Kind::absent;
  std::string text;  // a string's value or a number's text as written
};

void append_json_string(std::string_view text, std::string& out) {
  static constexpr char kHex[] = "0123456789abcdef";
  out += '"';
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (byte < 0x20) {
      out += "\\u00";
      out += kHex[byte >> 4];
      out += kHex[byte & 0xf];
    } else {
      out += c;
    }
  }
  out += '"';
}

// Reads the body from nlohmann's SAX events without building a tree. Depth 1 is the top object,
// 2 the reads array, 3 a read; deeper containers inside a read are skipped (and make it a reject).
class ReadsHandler : public nlohmann::json_sax<Json> {
 public:
  explicit ReadsHandler(ReadingBatch& batch) : batch_(batch), index_(batch) {}

  bool null() override { return scalar(Kind::null, "null"); }
  bool boolean(bool value) override { return scalar(Kind::boolean, value ? "true" : "false"); }
  bool number_integer(number_integer_t value) override {
    return scalar(Kind::number, std::to_string(value));
  }
  bool number_unsigned(number_unsigned_t value) override {
    return scalar(Kind::number, std::to_string(value));
  }
  bool number_float(number_float_t /*value*/, const string_t& raw) override {
    return scalar(Kind::number, raw);  // the text as written; the double is never used
  }
  bool string(string_t& value) override { return scalar(Kind::string, value); }
  bool binary(binary_t& /*value*/) override { return fail("body", "binary values are not JSON"); }

  bool start_object(std::size_t /*elements*/) override { return open(true); }
  bool start_array(std::size_t /*elements*/) override { return open(false); }
  bool end_object() override { return close(); }
  bool end_array() override { return close(); }

  bool key(string_t& name) override {
    if (depth_ == 1) {
      if (name != "reads") {
        return fail("body", "unknown member " + quoted_excerpt(name) +
                                " at the top level; the body is {\"reads\": [...]}");
      }
      if (seen_reads_) return fail("reads", "\"reads\" appears twice");
      return true;
    }
    if (depth_ == 3) {
      field_ = kFieldCount;
      for (std::size_t i = 0; i < kFieldCount; ++i) {
        if (name == kFieldNames[i]) field_ = i;
      }
      if (field_ == kFieldCount) {
        item_problem("unknown member; a read has meter, channel, interval_start, value and quality",
                     clean_excerpt(name, 40));
      } else if (fields_[field_].kind != Kind::absent) {
        item_problem("appears twice", std::string(kFieldNames[field_]));
      }
      if (item_text_.size() > 1) item_text_ += ',';
      append_item_text_string(name);
      item_text_ += ':';
    }
    return true;
  }

  bool parse_error(std::size_t /*position*/, const std::string& /*last_token*/,
                   const nlohmann::detail::exception& failure) override {
    // what() reads "[json.exception.parse_error.101] parse error at line 1, column 9: ...".
    std::string_view what = failure.what();
    const std::size_t prefix_end = what.find("] ");
    if (prefix_end != std::string_view::npos) what.remove_prefix(prefix_end + 2);
    return fail("body", "the body is not JSON: " + clean_excerpt(what, 300));
  }

  // The error that stopped the parse; only meaningful after sax_parse returned false.
  const Error& error() const { return error_; }
  bool seen_reads() const { return seen_reads_; }

 private:
  bool fail(const char* field, const std::string& message) {
    error_ = invalid_input(field, message);
    return false;
  }

  bool open(bool object) {
    switch (depth_) {
      case 0:
        if (!object) return fail("body", "the body must be a JSON object {\"reads\": [...]}");
        break;
      case 1:
        if (object) return fail("reads", "\"reads\" must be an array of reads, not an object");
        seen_reads_ = true;
        break;
      case 2:
        begin_item();
        if (!object) item_problem("expected an object, found an array", std::string());
        item_text_ = object ? "{" : "[...]";
        break;
      case 3:
        item_problem("expected a string or number, found an object or array", field_name());
        if (field_ < kFieldCount) fields_[field_].kind = Kind::container;
        if (item_text_.size() < kMaxItemText) item_text_ += object ? "{...}" : "[...]";
        break;
      default:
        break;
    }
    ++depth_;
    return true;
  }

  bool close() {
    --depth_;
    if (depth_ == 2) finish_item();
    return true;
  }

  bool scalar(Kind kind, const std::string& text) {
    switch (depth_) {
      case 0:
        return fail("body", "the body must be a JSON object {\"reads\": [...]}");
      case 1:
        return fail("reads",
                    std::string("\"reads\" must be an array of reads, not ") + kind_phrase(kind));
      case 2:
        begin_item();
        item_problem(std::string("expected an object, found ") + kind_phrase(kind), std::string());
        item_text_.clear();
        append_scalar_text(kind, text);
        finish_item();
        return true;
      case 3:
        if (field_ < kFieldCount) {
          fields_[field_].kind = kind;
          fields_[field_].text = text;
        }
        append_scalar_text(kind, text);
        return true;
      default:
        return true;
    }
  }

  void append_item_text_string(std::string_view text) {
    if (item_text_.size() < kMaxItemText) {
      append_json_string(text.substr(0, kMaxItemText), item_text_);
    }
  }

  void append_scalar_text(Kind kind, const std::string& text) {
    if (kind == Kind::string) {
      append_item_text_string(text);
    } else if (item_text_.size() < kMaxItemText) {
      item_text_ += text.substr(0, kMaxItemText);
    }
  }

  std::string field_name() const {
    return field_ < kFieldCount ? std::string(kFieldNames[field_]) : std::string();
  }

  void begin_item() {
    for (FieldValue& field : fields_) field.kind = Kind::absent;
    problem_.clear();
    field_ = kFieldCount;
  }

  // Records the first problem of the current read: "reads[3].field: problem" (or "reads[3]: ...").
  void item_problem(const std::string& problem, const std::string& field) {
    if (!problem_.empty()) return;
    problem_ = "reads[" + std::to_string(item_) + "]" + (field.empty() ? "" : "." + field);
    problem_ += ": " + problem;
  }

  // The same for a reason from read_fields, which starts with the member's name ("value '1.2345'
  // has more than 3 decimals..."): "reads[3].value: '1.2345' has more than 3 decimals...".
  void member_problem(const std::string& reason) {
    const std::size_t space = reason.find(' ');
    item_problem(reason.substr(space + 1), reason.substr(0, space));
  }

  void finish_item() {
    if (item_text_.size() > 1 && item_text_.front() == '{') item_text_ += '}';
    if (problem_.empty()) check_item();
    const auto line = static_cast<std::uint32_t>(item_ + 1);
    if (problem_.empty()) {
      pending_.line = line;
      batch_.values.push_back(pending_);
    } else {
      batch_.rejects.push_back(make_reject(line, std::move(problem_), item_text_));
    }
    problem_.clear();
    ++item_;
  }

  // Checks the members of a complete read and fills pending_, or records the first problem.
  void check_item() {
    pending_ = IntervalValue{};
    for (const Field required : {Field::meter, Field::channel, Field::interval_start}) {
      const FieldValue& field = fields_[required];
      if (field.kind != Kind::string) {
        return item_problem(std::string("expected a string, found ") + kind_phrase(field.kind),
                            std::string(kFieldNames[required]));
      }
    }
    std::string reason;
    if (!index_.find_or_add(fields_[meter].text, fields_[channel].text, pending_.channel, reason)) {
      return member_problem(reason);
    }
    if (!instants_.read(fields_[interval_start].text, pending_.start)) {
      return member_problem(instant_reason("interval_start", fields_[interval_start].text));
    }
    check_quality();
    if (problem_.empty()) check_value();
  }

  void check_quality() {
    const FieldValue& field = fields_[quality];
    if (field.kind == Kind::absent || field.kind == Kind::null) return;
    if (field.kind != Kind::string) {
      return item_problem(std::string("expected a string, found ") + kind_phrase(field.kind),
                          "quality");
    }
    if (!parse_quality(field.text, pending_.quality)) {
      item_problem(quoted_excerpt(field.text) +
                       " is not actual, estimated, edited or missing (or A, E, ED, M)",
                   "quality");
    }
  }

  void check_value() {
    const FieldValue& field = fields_[value];
    if ((field.kind == Kind::absent || field.kind == Kind::null) &&
        pending_.quality == Quality::missing) {
      pending_.milli_units = 0;
      return;
    }
    if (field.kind != Kind::string && field.kind != Kind::number) {
      return item_problem(std::string("expected a decimal number or a string holding one, found ") +
                              kind_phrase(field.kind),
                          "value");
    }
    if (field.kind == Kind::number && field.text.find_first_of("eE") != std::string::npos) {
      return item_problem(field.text + " has an exponent; write the number out, like 0.412",
                          "value");
    }
    const QuantityProblem problem = parse_milli_units(field.text, pending_.milli_units);
    if (problem != QuantityProblem::none) {
      member_problem(quantity_reason(problem, "value", field.text));
    }
  }

  ReadingBatch& batch_;
  ChannelIndex index_;
  InstantReader instants_;
  Error error_;
  std::size_t depth_ = 0;
  bool seen_reads_ = false;
  std::size_t item_ = 0;  // index of the current read in the array
  std::size_t field_ = kFieldCount;
  std::array<FieldValue, kFieldCount> fields_;
  std::string problem_;
  std::string item_text_;
  IntervalValue pending_;
};

}  // namespace

Result<ReadingBatch> parse_reads_json(std::string_view body) {
  ReadingBatch batch;
  ReadsHandler handler(batch);
  if (!Json::sax_parse(body.begin(), body.end(), &handler)) return handler.error();
  if (!handler.seen_reads()) {
    return invalid_input("reads", "the body has no \"reads\" array; send {\"reads\": [...]}");
  }
  return batch;
}

}  // namespace rp::mdm
