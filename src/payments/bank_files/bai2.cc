#include "payments/bank_files/bai2.h"

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <utility>

namespace rp::payments::bai2 {
namespace {

Error line_error(int line, const std::string& what) {
  return invalid_input("file", "line " + std::to_string(line) + ": " + what);
}

std::string_view trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

bool all_digits(std::string_view text) {
  if (text.empty()) return false;
  for (char c : text) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

int to_int(std::string_view digits) {
  int value = 0;
  for (char c : digits) value = value * 10 + (c - '0');
  return value;
}

std::string quoted(std::string_view text) {
  return "\"" + std::string(text.substr(0, 40)) + (text.size() > 40 ? "...\"" : "\"");
}

std::string record_name(std::string_view code) {
  if (code == "01") return "01 file header";
  if (code == "02") return "02 group header";
  if (code == "03") return "03 account identifier";
  if (code == "16") return "16 transaction detail";
  if (code == "49") return "49 account trailer";
  if (code == "88") return "88 continuation";
  if (code == "98") return "98 group trailer";
  return "99 file trailer";
}

// One physical record's fields: what follows "NN," on its line.
struct Part {
  int line = 0;
  std::string_view content;
};

// A logical record: its first physical record and the 88 continuations after it.
struct Record {
  std::string_view code;
  std::vector<Part> parts;
  int line() const { return parts.front().line; }
  std::int64_t physical_records() const { return static_cast<std::int64_t>(parts.size()); }
};

Result<std::vector<Record>> split_records(std::string_view text) {
  std::vector<Record> records;
  int number = 0;
  while (!text.empty()) {
    ++number;
    const std::size_t end = text.find('\n');
    std::string_view line = text.substr(0, end);
    text = end == std::string_view::npos ? std::string_view() : text.substr(end + 1);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (trim(line).empty()) continue;
    const std::string_view code = line.substr(0, 2);
    if (code != "01" && code != "02" && code != "03" && code != "16" && code != "49" &&
        code != "88" && code != "98" && code != "99") {
      return line_error(number, "unknown record code " + quoted(code) +
                                    "; BAI2 records are 01, 02, 03, 16, 49, 88, 98 and 99");
    }
    if (line.size() > 2 && line[2] != ',' && line[2] != '/') {
      return line_error(number, "the record code must be followed by a comma");
    }
    const Part part{number, line.size() > 2 && line[2] == ',' ? line.substr(3) : line.substr(2)};
    if (code == "88") {
      if (records.empty()) {
        return line_error(number, "an 88 continuation must follow the record it continues");
      }
      records.back().parts.push_back(part);
    } else {
      records.push_back(Record{code, {part}});
    }
  }
  return records;
}

// Reads a logical record's fields in order, across its continuations. A field ends at ',' or '/';
// '/' ends the physical record, and the next field comes from the next continuation.
class FieldReader {
 public:
  explicit FieldReader(const Record& record) : parts_(record.parts), line_(record.line()) {}

  // The next field, trimmed; empty once the record has no more (BAI2's defaulted field).
  std::string_view next() {
    skip_finished_parts();
    if (part_ == parts_.size()) return {};
    const std::string_view content = parts_[part_].content;
    line_ = parts_[part_].line;
    const std::size_t end = content.find_first_of(",/", pos_);
    const std::string_view field =
        content.substr(pos_, end == std::string_view::npos ? std::string_view::npos : end - pos_);
    if (end == std::string_view::npos || content[end] == '/') {
      finished_ = true;
    } else {
      pos_ = end + 1;
    }
    return trim(field);
  }

  // Whether a field other than a lone closing "/" is left.
  bool has_more() const {
    for (std::size_t p = part_; p < parts_.size(); ++p) {
      if (p == part_ && finished_) continue;
      const std::size_t from = p == part_ ? pos_ : 0;
      const std::string_view rest = trim(parts_[p].content.substr(from));
      if (!rest.empty() && rest != "/") return true;
    }
    return false;
  }

  // The rest of the record as text: commas kept, each physical record's trailing "/" dropped,
  // continuations joined by one space.
  std::string text() {
    std::string out;
    auto add = [&](std::string_view piece) {
      piece = trim(piece);
      if (!piece.empty() && piece.back() == '/') piece = trim(piece.substr(0, piece.size() - 1));
      if (piece.empty()) return;
      if (!out.empty()) out += ' ';
      out += piece;
    };
    if (part_ < parts_.size() && !finished_) add(parts_[part_].content.substr(pos_));
    for (std::size_t p = part_ + 1; p < parts_.size(); ++p) add(parts_[p].content);
    part_ = parts_.size();
    return out;
  }

  // The line of the field read last, for errors.
  int line() const { return line_; }

 private:
  void skip_finished_parts() {
    while (part_ < parts_.size() && finished_) {
      ++part_;
      pos_ = 0;
      finished_ = false;
    }
  }

  const std::vector<Part>& parts_;
  std::size_t part_ = 0;
  std::size_t pos_ = 0;
  bool finished_ = false;  // the current physical record has no more fields
  int line_;
};

// An amount as BAI2 writes it: an optional sign (when `signed_allowed`) and 1-18 digits.
std::optional<Money> parse_amount(std::string_view text, bool signed_allowed) {
  bool negative = false;
  if (signed_allowed && !text.empty() && (text[0] == '+' || text[0] == '-')) {
    negative = text[0] == '-';
    text.remove_prefix(1);
  }
  if (!all_digits(text) || text.size() > 18) return std::nullopt;
  std::int64_t cents = 0;
  for (char c : text) cents = cents * 10 + (c - '0');
  return Money::from_cents(negative ? -cents : cents);
}

Result<Money> required_amount(FieldReader& fields, bool signed_allowed, const std::string& what) {
  const std::string_view text = fields.next();
  if (text.empty()) return line_error(fields.line(), what + " is missing");
  auto amount = parse_amount(text, signed_allowed);
  if (!amount) {
    return line_error(fields.line(),
                      what + " " + quoted(text) + " is not an amount in cents" +
                          (signed_allowed ? " (digits, optionally signed)" : " (digits only)"));
  }
  return *amount;
}

Result<void> add_to(Money& sum, Money amount, int line) {
  auto total = sum.checked_add(amount);
  if (!total.ok()) return line_error(line, "the amounts add up to more than can be held");
  sum = *total;
  return success();
}

Result<LocalDate> parse_date(std::string_view text, int line, const std::string& what) {
  if (text.size() != 6 || !all_digits(text)) {
    return line_error(line, what + " " + quoted(text) + " must be a date written YYMMDD");
  }
  const LocalDate date{date::year{2000 + to_int(text.substr(0, 2))},
                       date::month{static_cast<unsigned>(to_int(text.substr(2, 2)))},
                       date::day{static_cast<unsigned>(to_int(text.substr(4, 2)))}};
  if (!date.ok()) return line_error(line, what + " " + quoted(text) + " is not a calendar date");
  return date;
}

// HHMM from 0000 to 2400, or 9999 (end of day).
bool valid_time(std::string_view text) {
  if (text.size() != 4 || !all_digits(text)) return false;
  if (text == "9999" || text == "2400") return true;
  return to_int(text.substr(0, 2)) < 24 && to_int(text.substr(2, 2)) < 60;
}

Result<void> check_optional_time(std::string_view text, int line, const std::string& what) {
  if (!text.empty() && !valid_time(text)) {
    return line_error(line, what + " " + quoted(text) + " must be a time written HHMM");
  }
  return success();
}

Result<void> check_currency(std::string_view text, int line) {
  bool ok = text.size() == 3;
  for (char c : text) ok = ok && c >= 'A' && c <= 'Z';
  if (!text.empty() && !ok) {
    return line_error(line, "currency code " + quoted(text) + " must be 3 capital letters");
  }
  return success();
}

Result<void> check_type_code(std::string_view text, int line) {
  if (text.size() != 3 || !all_digits(text)) {
    return line_error(line, "type code " + quoted(text) + " must be 3 digits");
  }
  return success();
}

// Reads the fields a funds type brings with it. Availability amounts are not part of any control
// total (they split the amount already counted).
Result<void> read_funds_type(FieldReader& fields) {
  const std::string_view funds_type = fields.next();
  if (funds_type.empty() || funds_type == "0" || funds_type == "1" || funds_type == "2" ||
      funds_type == "Z") {
    return success();
  }
  if (funds_type == "V") {
    auto value_date = parse_date(fields.next(), fields.line(), "value date");
    RP_TRY(value_date);
    return check_optional_time(fields.next(), fields.line(), "value time");
  }
  if (funds_type == "S") {
    for (const char* what :
         {"immediate availability", "one-day availability", "two-or-more-day availability"}) {
      const std::string_view amount = fields.next();
      if (!amount.empty() && !parse_amount(amount, true)) {
        return line_error(fields.line(),
                          std::string(what) + " " + quoted(amount) + " is not an amount in cents");
      }
    }
    return success();
  }
  if (funds_type == "D") {
    const std::string_view count = fields.next();
    if (!all_digits(count) || count.size() > 3) {
      return line_error(fields.line(), "the number of availability distributions " + quoted(count) +
                                           " must be a count");
    }
    for (int i = to_int(count); i > 0; --i) {
      const std::string_view days = fields.next();
      if (!all_digits(days)) {
        return line_error(fields.line(), "availability days " + quoted(days) + " must be digits");
      }
      auto amount = required_amount(fields, true, "the distributed amount");
      RP_TRY(amount);
    }
    return success();
  }
  return line_error(fields.line(), "funds type " + quoted(funds_type) +
                                       " is not one of blank, 0, 1, 2, Z, V, S or D");
}

Result<std::optional<std::int64_t>> optional_count(std::string_view text, int line,
                                                   const std::string& what) {
  if (text.empty()) return std::optional<std::int64_t>();
  if (!all_digits(text) || text.size() > 12) {
    return line_error(line, what + " " + quoted(text) + " must be a whole number");
  }
  return std::optional<std::int64_t>(std::stoll(std::string(text)));
}

// The control total and counts a trailer carries, checked against what was read.
struct Tally {
  Money total;
  std::int64_t records = 0;
  std::int64_t children = 0;  // accounts in a group, groups in a file
};

// Returns the trailer's control total.
Result<Money> check_trailer(const Record& trailer, const Tally& tally,
                            const std::string& children) {
  FieldReader fields(trailer);
  const std::string name = record_name(trailer.code);
  auto total = required_amount(fields, true, "the " + name + "'s control total");
  RP_TRY(total);
  if (*total != tally.total) {
    return line_error(fields.line(), "the " + name + "'s control total " +
                                         std::to_string(total->cents()) +
                                         " does not match the sum of the amounts it closes, " +
                                         std::to_string(tally.total.cents()));
  }
  if (!children.empty()) {
    auto count = optional_count(fields.next(), fields.line(), "the number of " + children);
    RP_TRY(count);
    if (count->has_value() && **count != tally.children) {
      return line_error(fields.line(), "the " + name + " counts " + std::to_string(**count) + " " +
                                           children + ", but there are " +
                                           std::to_string(tally.children));
    }
  }
  auto records = optional_count(fields.next(), fields.line(), "the number of records");
  RP_TRY(records);
  if (records->has_value() && **records != tally.records) {
    return line_error(fields.line(), "the " + name + " counts " + std::to_string(**records) +
                                         " records, but there are " +
                                         std::to_string(tally.records) +
                                         " (88 continuations included)");
  }
  return *total;
}

class Parser {
 public:
  explicit Parser(std::vector<Record> records) : records_(std::move(records)) {}

  Result<File> parse();

 private:
  Result<void> read_file_header(File& file);
  Result<Group> read_group(const Record& header, Tally& file_tally);
  Result<Account> read_account(const Record& header, const std::string& group_currency,
                               Tally& group_tally);
  Result<Item> read_item(const Record& record);

  // The next record, or an error naming what was expected when the file ends or has another.
  Result<const Record*> expect(std::initializer_list<std::string_view> codes,
                               const std::string& expected) {
    if (next_ == records_.size()) {
      return line_error(records_.back().parts.back().line,
                        "the file ends here, without " + expected);
    }
    const Record& record = records_[next_];
    for (std::string_view code : codes) {
      if (record.code == code) {
        ++next_;
        return &record;
      }
    }
    return line_error(record.line(),
                      "expected " + expected + " here, not a " + record_name(record.code));
  }

  std::vector<Record> records_;
  std::size_t next_ = 0;
};

Result<void> Parser::read_file_header(File& file) {
  if (records_.empty()) return line_error(1, "the file is empty; BAI2 starts with an 01 record");
  auto header = expect({"01"}, "an 01 file header (a BAI2 file starts with one)");
  RP_TRY(header);
  FieldReader fields(**header);
  file.sender = fields.next();
  file.receiver = fields.next();
  if (file.sender.empty() || file.receiver.empty()) {
    return line_error(fields.line(), "the 01 file header must name its sender and receiver");
  }
  auto created = parse_date(fields.next(), fields.line(), "file creation date");
  RP_TRY(created);
  file.creation_date = *created;
  file.creation_time = fields.next();
  if (!valid_time(file.creation_time)) {
    return line_error(fields.line(), "file creation time " + quoted(file.creation_time) +
                                         " must be a time written HHMM");
  }
  file.file_id = fields.next();
  fields.next();  // physical record length
  fields.next();  // block size
  const std::string_view version = fields.next();
  if (!version.empty() && version != "2") {
    return line_error(fields.line(), "version " + quoted(version) + " is not BAI2 (version 2)");
  }
  return success();
}

Result<File> Parser::parse() {
  File file;
  RP_TRY(read_file_header(file));
  Tally tally;
  tally.records = records_.front().physical_records();
  while (true) {
    auto record = expect({"02", "99"}, "an 02 group header or the 99 file trailer");
    RP_TRY(record);
    if ((*record)->code == "99") {
      tally.records += (*record)->physical_records();
      RP_TRY(check_trailer(**record, tally, "groups"));
      break;
    }
    auto group = read_group(**record, tally);
    RP_TRY(group);
    file.groups.push_back(std::move(group).value());
  }
  if (next_ != records_.size()) {
    return line_error(records_[next_].line(), "nothing may follow the 99 file trailer");
  }
  return file;
}

Result<Group> Parser::read_group(const Record& header, Tally& file_tally) {
  FieldReader fields(header);
  Group group;
  group.ultimate_receiver = fields.next();
  group.originator = fields.next();
  if (group.originator.empty()) {
    return line_error(fields.line(), "the 02 group header must name the originating bank");
  }
  fields.next();  // group status
  auto as_of = parse_date(fields.next(), fields.line(), "as-of date");
  RP_TRY(as_of);
  group.as_of_date = *as_of;
  RP_TRY(check_optional_time(fields.next(), fields.line(), "as-of time"));
  std::string currency(fields.next());
  RP_TRY(check_currency(currency, fields.line()));
  if (currency.empty()) currency = "USD";

  Tally tally;
  tally.records = header.physical_records();
  while (true) {
    auto record = expect({"03", "98"}, "an 03 account identifier or the 98 group trailer");
    RP_TRY(record);
    if ((*record)->code == "98") {
      tally.records += (*record)->physical_records();
      RP_TRY(check_trailer(**record, tally, "accounts"));
      break;
    }
    auto account = read_account(**record, currency, tally);
    RP_TRY(account);
    group.accounts.push_back(std::move(account).value());
  }
  RP_TRY(add_to(file_tally.total, tally.total, records_[next_ - 1].line()));
  file_tally.records += tally.records;
  ++file_tally.children;
  return group;
}

Result<Account> Parser::read_account(const Record& header, const std::string& group_currency,
                                     Tally& group_tally) {
  FieldReader fields(header);
  Account account;
  account.account_number = fields.next();
  if (account.account_number.empty()) {
    return line_error(fields.line(), "the 03 account identifier must give the account number");
  }
  account.currency = fields.next();
  RP_TRY(check_currency(account.currency, fields.line()));
  if (account.currency.empty()) account.currency = group_currency;

  Tally tally;
  tally.records = header.physical_records();
  while (fields.has_more()) {  // summaries: type code, amount, item count, funds type
    const std::string_view type_code = fields.next();
    const int line = fields.line();
    const std::string_view amount_text = fields.next();
    if (type_code.empty() && amount_text.empty()) {
      fields.next();
      RP_TRY(read_funds_type(fields));
      continue;
    }
    RP_TRY(check_type_code(type_code, line));
    if (!amount_text.empty()) {
      auto amount = parse_amount(amount_text, true);
      if (!amount) {
        return line_error(fields.line(),
                          "summary amount " + quoted(amount_text) + " is not an amount in cents");
      }
      RP_TRY(add_to(tally.total, *amount, fields.line()));
    }
    auto item_count = optional_count(fields.next(), fields.line(), "item count");
    RP_TRY(item_count);
    RP_TRY(read_funds_type(fields));
  }

  while (true) {
    auto record = expect({"16", "49"}, "a 16 transaction detail or the 49 account trailer");
    RP_TRY(record);
    tally.records += (*record)->physical_records();
    if ((*record)->code == "49") {
      auto control_total = check_trailer(**record, tally, "");
      RP_TRY(control_total);
      account.control_total = *control_total;
      break;
    }
    auto item = read_item(**record);
    RP_TRY(item);
    RP_TRY(add_to(tally.total, item->amount, item->line));
    account.items.push_back(std::move(item).value());
  }
  RP_TRY(add_to(group_tally.total, tally.total, records_[next_ - 1].line()));
  group_tally.records += tally.records;
  ++group_tally.children;
  return account;
}

Result<Item> Parser::read_item(const Record& record) {
  FieldReader fields(record);
  Item item;
  item.line = record.line();
  item.type_code = fields.next();
  RP_TRY(check_type_code(item.type_code, fields.line()));
  auto amount = required_amount(fields, false, "the transaction amount");
  RP_TRY(amount);
  item.amount = *amount;
  RP_TRY(read_funds_type(fields));
  item.bank_reference = fields.next();
  item.customer_reference = fields.next();
  item.text = fields.text();
  return item;
}

}  // namespace

Result<File> parse_bai2(std::string_view text) {
  auto records = split_records(text);
  RP_TRY(records);
  return Parser(std::move(records).value()).parse();
}

}  // namespace rp::payments::bai2
