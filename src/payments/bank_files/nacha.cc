#include "payments/bank_files/nacha.h"
#include "core/assert.h"

#include <set>
#include <utility>

namespace rp::payments::nacha {
namespace {

constexpr std::size_t kRecordSize = 94;
constexpr int kBlockingFactor = 10;
constexpr std::int64_t kMaxEntryCents = 9'999'999'999;      // 10 digits
constexpr std::int64_t kMaxTotalCents = 999'999'999'999;    // 12 digits
constexpr std::int64_t kMaxTraceSequence = 9'999'999;       // 7 digits
constexpr std::int64_t kEntryHashModulus = 10'000'000'000;  // keep the last 10 digits
constexpr std::size_t kMaxEntriesPerBatch = 999'999;        // 6-digit entry/addenda count
constexpr std::size_t kMaxBatches = 999'999;                // 6-digit batch count
constexpr std::int64_t kMaxRecords = 9'999'990;             // 6-digit block count, 10 a block

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}
bool is_upper(char c) {
  return c >= 'A' && c <= 'Z';
}
char to_upper(char c) {
  return (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
}

bool all_digits(std::string_view text) {
  if (text.empty()) return false;
  for (char c : text) {
    if (!is_digit(c)) return false;
  }
  return true;
}

bool aba_check_digit_valid(std::string_view nine) {
  if (nine.size() != 9 || !all_digits(nine)) return false;
  auto d = [&](std::size_t i) { return nine[i] - '0'; };
  const int sum = 3 * (d(0) + d(3) + d(6)) + 7 * (d(1) + d(4) + d(7)) + (d(2) + d(5) + d(8));
  return sum % 10 == 0;
}

std::string_view trim(std::string_view text) {
  while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
  while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
  return text;
}

// Upper-case ASCII for U+00C0..U+017F (Latin-1 Supplement letters and Latin Extended-A), 16 per
// row. '*' marks the letters that fold to two (handled in fold_latin); ' ' the two signs (x, /).
constexpr std::string_view kLatinFold =
    "AAAAAA*CEEEEIIII"   // U+00C0
    "DNOOOOO OUUUUY**"   // U+00D0
    "AAAAAA*CEEEEIIII"   // U+00E0
    "DNOOOOO OUUUUY*Y"   // U+00F0
    "AAAAAACCCCCCCCDD"   // U+0100
    "DDEEEEEEEEEEGGGG"   // U+0110
    "GGGGHHHHIIIIIIII"   // U+0120
    "II**JJKKKLLLLLLL"   // U+0130
    "LLLNNNNNNNNNOOOO"   // U+0140
    "OO**RRRRRRSSSSSS"   // U+0150
    "SSTTTTTTUUUUUUUU"   // U+0160
    "UUUUWWYYYZZZZZZS";  // U+0170

std::string fold_latin(char32_t code_point) {
  if (code_point < 0xC0 || code_point > 0x17F) return " ";
  switch (code_point) {
    case 0xC6:
    case 0xE6:
      return "AE";
    case 0xDE:
    case 0xFE:
      return "TH";
    case 0xDF:
      return "SS";
    case 0x132:
    case 0x133:
      return "IJ";
    case 0x152:
    case 0x153:
      return "OE";
    default:
      return std::string(1, kLatinFold[code_point - 0xC0]);
  }
}

// Decodes one UTF-8 sequence at text[i]; returns the code point and advances i. Malformed bytes
// decode as U+FFFD one byte at a time (they become a space like any other unknown character).
char32_t next_code_point(std::string_view text, std::size_t& i) {
  const auto byte = [&](std::size_t at) { return static_cast<unsigned char>(text[at]); };
  const unsigned char lead = byte(i);
  std::size_t length = 0;
  char32_t code_point = 0;
  if (lead < 0x80) {
    ++i;
    return lead;
  } else if ((lead & 0xE0) == 0xC0) {
    length = 2;
    code_point = lead & 0x1F;
  } else if ((lead & 0xF0) == 0xE0) {
    length = 3;
    code_point = lead & 0x0F;
  } else if ((lead & 0xF8) == 0xF0) {
    length = 4;
    code_point = lead & 0x07;
  } else {
    ++i;
    return 0xFFFD;
  }
  if (i + length > text.size()) {
    ++i;
    return 0xFFFD;
  }
  for (std::size_t k = 1; k < length; ++k) {
    if ((byte(i + k) & 0xC0) != 0x80) {
      ++i;
      return 0xFFFD;
    }
    code_point = (code_point << 6) | (byte(i + k) & 0x3F);
  }
  i += length;
  return code_point;
}

// A name or description as NACHA may carry it: printable ASCII, upper case, accents folded,
// anything else a space, leading and trailing spaces dropped.
std::string nacha_text(std::string_view utf8) {
  std::string out;
  out.reserve(utf8.size());
  for (std::size_t i = 0; i < utf8.size();) {
    const char32_t c = next_code_point(utf8, i);
    if (c >= 0x20 && c <= 0x7E) {
      out.push_back(to_upper(static_cast<char>(c)));
    } else {
      out += fold_latin(c);
    }
  }
  return std::string(trim(out));
}

// Left-justified, space-padded alphanumeric field. `text` already fits.
std::string alpha(std::string_view text, std::size_t width) {
  std::string field(text.substr(0, width));
  field.resize(width, ' ');
  return field;
}

// Right-justified, zero-padded numeric field. `value` is non-negative and fits.
std::string numeric(std::int64_t value, std::size_t width) {
  std::string digits = std::to_string(value);
  if (digits.size() < width) digits.insert(0, width - digits.size(), '0');
  return digits;
}

std::string two_digits(unsigned value) {
  return numeric(static_cast<std::int64_t>(value), 2);
}

std::string yymmdd(LocalDate date) {
  const int year = static_cast<int>(date.year());
  return two_digits(static_cast<unsigned>(year % 100)) +
         two_digits(static_cast<unsigned>(date.month())) +
         two_digits(static_cast<unsigned>(date.day()));
}

bool date_writable(LocalDate date) {
  const int year = static_cast<int>(date.year());
  return date.ok() && year >= 2000 && year <= 2099;
}

// Checks a name or description and returns it as NACHA text.
Result<std::string> text_field(std::string_view value, std::size_t max_length, bool required,
                               const std::string& field) {
  std::string text = nacha_text(value);
  if (required && text.empty()) {
    return invalid_input(field, field + " must not be blank");
  }
  if (text.size() > max_length) {
    return invalid_input(field, field + " is at most " + std::to_string(max_length) +
                                    " characters once written as NACHA text (\"" + text + "\" is " +
                                    std::to_string(text.size()) + ")");
  }
  return text;
}

// The checked, NACHA-ready fields of the originator.
struct OriginatorFields {
  std::string immediate_destination;  // 10: " " + routing number
  std::string destination_name;
  std::string immediate_origin;  // 10
  std::string origin_name;
  std::string company_name;
  std::string company_id;
  std::string company_entry_description;
  std::string odfi_identification;
};

Result<std::string> immediate_origin_field(std::string_view origin) {
  if (origin.size() == 9 && all_digits(origin)) return " " + std::string(origin);
  std::string upper;
  for (char c : origin) upper.push_back(to_upper(c));
  bool alphanumeric = upper.size() == 10;
  for (char c : upper) alphanumeric = alphanumeric && (is_digit(c) || is_upper(c));
  if (!alphanumeric) {
    return invalid_input("originator.immediate_origin",
                         "originator.immediate_origin must be 10 letters or digits (often \"1\" "
                         "and the 9-digit tax id) or 9 digits, as the bank assigned it");
  }
  return upper;
}

Result<OriginatorFields> check_originator(const Originator& o) {
  OriginatorFields f;
  if (!aba_check_digit_valid(o.immediate_destination)) {
    return invalid_input("originator.immediate_destination",
                         "originator.immediate_destination must be the bank's 9-digit routing "
                         "number with a valid check digit");
  }
  f.immediate_destination = " " + o.immediate_destination;
  auto destination_name = text_field(o.destination_name, 23, false, "originator.destination_name");
  RP_TRY(destination_name);
  f.destination_name = std::move(destination_name).value();
  auto origin = immediate_origin_field(o.immediate_origin);
  RP_TRY(origin);
  f.immediate_origin = std::move(origin).value();
  auto origin_name = text_field(o.origin_name, 23, false, "originator.origin_name");
  RP_TRY(origin_name);
  f.origin_name = std::move(origin_name).value();
  auto company_name = text_field(o.company_name, 16, true, "originator.company_name");
  RP_TRY(company_name);
  f.company_name = std::move(company_name).value();
  for (char c : o.company_id) f.company_id.push_back(to_upper(c));
  bool id_ok = f.company_id.size() == 10;
  for (char c : f.company_id) id_ok = id_ok && (is_digit(c) || is_upper(c));
  if (!id_ok) {
    return invalid_input("originator.company_id",
                         "originator.company_id must be the 10 letters or digits the bank "
                         "assigned (often \"1\" and the 9-digit tax id)");
  }
  auto description =
      text_field(o.company_entry_description, 10, true, "originator.company_entry_description");
  RP_TRY(description);
  f.company_entry_description = std::move(description).value();
  if (o.odfi_identification.size() != 8 || !all_digits(o.odfi_identification)) {
    return invalid_input("originator.odfi_identification",
                         "originator.odfi_identification must be 8 digits: the bank's routing "
                         "number without its check digit");
  }
  f.odfi_identification = o.odfi_identification;
  return f;
}

Result<void> check_file_fields(const AchFile& file) {
  if (!date_writable(file.creation_date)) {
    return invalid_input("creation_date", "creation_date must be a real date from 2000 to 2099");
  }
  if (file.creation_hour < 0 || file.creation_hour > 23) {
    return invalid_input("creation_hour", "creation_hour must be 0 to 23");
  }
  if (file.creation_minute < 0 || file.creation_minute > 59) {
    return invalid_input("creation_minute", "creation_minute must be 0 to 59");
  }
  if (!is_digit(file.file_id_modifier) && !is_upper(file.file_id_modifier)) {
    return invalid_input("file_id_modifier", "file_id_modifier must be one of A-Z or 0-9");
  }
  if (file.batches.empty()) {
    return invalid_input("batches", "an ACH file needs at least one batch");
  }
  if (file.batches.size() > kMaxBatches) {
    return invalid_input("batches", "an ACH file holds at most 999999 batches");
  }
  return success();
}

// Builds records and keeps the file's running totals.
class FileWriter {
 public:
  explicit FileWriter(OriginatorFields originator) : o_(std::move(originator)) {}

  void write_header(const AchFile& file);
  Result<void> write_batch(const Batch& batch, std::size_t index, LocalDate creation_date);
  std::string finish();

 private:
  Result<std::string> entry_record(const DebitEntry& entry, const std::string& field);
  void add(std::string record) {
    RP_ASSERT(record.size() == kRecordSize, "a NACHA record is 94 characters");
    out_ += record;
    out_ += '\n';
    ++records_;
  }

  OriginatorFields o_;
  std::string out_;
  std::int64_t records_ = 0;
  std::int64_t batch_count_ = 0;
  std::int64_t entry_count_ = 0;
  std::int64_t entry_hash_ = 0;  // full sum; truncated when written
  Money total_debit_;
  std::set<std::int64_t> trace_sequences_;
};

void FileWriter::write_header(const AchFile& file) {
  add("1" + std::string("01") + o_.immediate_destination + o_.immediate_origin +
      yymmdd(file.creation_date) + two_digits(static_cast<unsigned>(file.creation_hour)) +
      two_digits(static_cast<unsigned>(file.creation_minute)) + file.file_id_modifier + "094" +
      "10" + "1" + alpha(o_.destination_name, 23) + alpha(o_.origin_name, 23) + alpha("", 8));
}

Result<std::string> FileWriter::entry_record(const DebitEntry& entry, const std::string& field) {
  if (!aba_check_digit_valid(entry.routing_number)) {
    return invalid_input(field + ".routing_number",
                         field + ".routing_number must be 9 digits with a valid check digit");
  }
  std::string account;
  for (char c : entry.account_number) account.push_back(to_upper(c));
  bool account_ok = !account.empty() && account.size() <= 17;
  for (char c : account) account_ok = account_ok && (is_digit(c) || is_upper(c) || c == '-');
  if (!account_ok) {
    return invalid_input(field + ".account_number",
                         field + ".account_number must be 1 to 17 letters, digits or dashes");
  }
  std::string transaction_code;
  if (entry.account_type == "checking") {
    transaction_code = "27";
  } else if (entry.account_type == "savings") {
    transaction_code = "37";
  } else {
    return invalid_input(field + ".account_type",
                         field + ".account_type must be \"checking\" or \"savings\"");
  }
  if (entry.amount.cents() <= 0 || entry.amount.cents() > kMaxEntryCents) {
    return invalid_input(field + ".amount",
                         field + ".amount must be more than 0.00 and at most 99999999.99");
  }
  std::string individual_id;
  for (char c : entry.individual_id) {
    if (c < 0x20 || c > 0x7E) {
      return invalid_input(field + ".individual_id",
                           field + ".individual_id may hold only printable ASCII characters");
    }
    individual_id.push_back(to_upper(c));
  }
  if (individual_id.size() > 15) {
    return invalid_input(field + ".individual_id",
                         field + ".individual_id is at most 15 characters");
  }
  std::string name = nacha_text(entry.individual_name);
  if (name.empty()) {
    return invalid_input(field + ".individual_name", field + ".individual_name must not be blank");
  }
  name = std::string(trim(std::string_view(name).substr(0, 22)));
  if (entry.trace_sequence < 1 || entry.trace_sequence > kMaxTraceSequence) {
    return invalid_input(field + ".trace_sequence", field + ".trace_sequence must be 1 to 9999999");
  }
  if (!trace_sequences_.insert(entry.trace_sequence).second) {
    return invalid_input(field + ".trace_sequence",
                         field + ".trace_sequence " + std::to_string(entry.trace_sequence) +
                             " is used by another entry in this file; returns are matched by "
                             "trace number, so each must be unique");
  }
  return "6" + transaction_code + entry.routing_number + alpha(account, 17) +
         numeric(entry.amount.cents(), 10) + alpha(individual_id, 15) + alpha(name, 22) + "  " +
         "0" + o_.odfi_identification + numeric(entry.trace_sequence, 7);
}

Result<void> FileWriter::write_batch(const Batch& batch, std::size_t index,
                                     LocalDate creation_date) {
  const std::string field = "batches[" + std::to_string(index) + "]";
  if (batch.sec_code != "WEB" && batch.sec_code != "PPD" && batch.sec_code != "TEL") {
    return invalid_input(field + ".sec_code", field + ".sec_code must be WEB, PPD or TEL");
  }
  if (!date_writable(batch.effective_entry_date)) {
    return invalid_input(field + ".effective_entry_date",
                         field + ".effective_entry_date must be a real date from 2000 to 2099");
  }
  if (batch.effective_entry_date < creation_date) {
    return invalid_input(field + ".effective_entry_date",
                         field + ".effective_entry_date " +
                             format_local_date(batch.effective_entry_date) +
                             " is before the file's creation date " +
                             format_local_date(creation_date) + "; a debit cannot settle earlier");
  }
  auto descriptive_date =
      text_field(batch.company_descriptive_date, 6, false, field + ".company_descriptive_date");
  RP_TRY(descriptive_date);
  if (batch.entries.empty()) {
    return invalid_input(field + ".entries", field + ".entries must hold at least one debit");
  }
  if (batch.entries.size() > kMaxEntriesPerBatch) {
    return invalid_input(field + ".entries", field + ".entries holds at most 999999 debits");
  }
  // Header, entries and control, and the file control still to come.
  if (records_ + static_cast<std::int64_t>(batch.entries.size()) + 3 > kMaxRecords) {
    return invalid_input("batches",
                         "the batches hold more entries than one file can carry "
                         "(9999990 records); split them into more files");
  }
  const std::int64_t batch_number = ++batch_count_;
  add("5" + std::string("225") + alpha(o_.company_name, 16) + alpha("", 20) + o_.company_id +
      batch.sec_code + alpha(o_.company_entry_description, 10) + alpha(*descriptive_date, 6) +
      yymmdd(batch.effective_entry_date) + alpha("", 3) + "1" + o_.odfi_identification +
      numeric(batch_number, 7));

  std::int64_t hash = 0;
  Money total;
  std::int64_t previous_trace = 0;
  for (std::size_t i = 0; i < batch.entries.size(); ++i) {
    const DebitEntry& entry = batch.entries[i];
    const std::string entry_field = field + ".entries[" + std::to_string(i) + "]";
    auto record = entry_record(entry, entry_field);
    RP_TRY(record);
    if (entry.trace_sequence <= previous_trace) {
      return invalid_input(entry_field + ".trace_sequence",
                           entry_field +
                               ".trace_sequence must be greater than the one before "
                               "it: NACHA trace numbers ascend within a batch");
    }
    previous_trace = entry.trace_sequence;
    auto sum = total.checked_add(entry.amount);
    if (!sum.ok() || sum->cents() > kMaxTotalCents) {
      return invalid_input(field + ".entries",
                           field +
                               ".entries total more than 9999999999.99, the most a batch "
                               "can carry; split them into more batches");
    }
    total = *sum;
    hash += std::stoll(entry.routing_number.substr(0, 8));
    add(std::move(record).value());
  }
  const auto count = static_cast<std::int64_t>(batch.entries.size());
  add("8" + std::string("225") + numeric(count, 6) + numeric(hash % kEntryHashModulus, 10) +
      numeric(total.cents(), 12) + numeric(0, 12) + o_.company_id + alpha("", 19) + alpha("", 6) +
      o_.odfi_identification + numeric(batch_number, 7));

  auto file_total = total_debit_.checked_add(total);
  if (!file_total.ok() || file_total->cents() > kMaxTotalCents) {
    return invalid_input("batches",
                         "the batches total more than 9999999999.99, the most a file "
                         "can carry; split them into more files");
  }
  total_debit_ = *file_total;
  entry_count_ += count;
  entry_hash_ += hash;
  return success();
}

std::string FileWriter::finish() {
  const std::int64_t records = records_ + 1;  // with the file control
  const std::int64_t blocks = (records + kBlockingFactor - 1) / kBlockingFactor;
  add("9" + numeric(batch_count_, 6) + numeric(blocks, 6) + numeric(entry_count_, 8) +
      numeric(entry_hash_ % kEntryHashModulus, 10) + numeric(total_debit_.cents(), 12) +
      numeric(0, 12) + alpha("", 39));
  while (records_ % kBlockingFactor != 0) add(std::string(kRecordSize, '9'));
  return std::move(out_);
}

}  // namespace

Result<std::string> write_ach_file(const AchFile& file) {
  auto originator = check_originator(file.originator);
  RP_TRY(originator);
  RP_TRY(check_file_fields(file));
  FileWriter writer(std::move(originator).value());
  writer.write_header(file);
  for (std::size_t i = 0; i < file.batches.size(); ++i) {
    RP_TRY(writer.write_batch(file.batches[i], i, file.creation_date));
  }
  return writer.finish();
}

// ---- Returns ----

namespace {

Error line_error(std::size_t line, const std::string& what) {
  return invalid_input("file", "line " + std::to_string(line) + ": " + what);
}

struct Line {
  std::size_t number = 0;
  std::string_view text;
};

std::vector<Line> split_lines(std::string_view file) {
  std::vector<Line> lines;
  std::size_t number = 0;
  while (!file.empty()) {
    ++number;
    const std::size_t end = file.find('\n');
    std::string_view text = file.substr(0, end);
    file = end == std::string_view::npos ? std::string_view() : file.substr(end + 1);
    if (!text.empty() && text.back() == '\r') text.remove_suffix(1);
    if (!text.empty()) lines.push_back({number, text});
  }
  return lines;
}

Result<ReturnEntry> read_return(const Line& entry, const Line& addenda) {
  ReturnEntry result;
  const std::string_view amount = entry.text.substr(29, 10);
  if (!all_digits(amount)) {
    return line_error(entry.number, "the amount (positions 30-39) must be 10 digits");
  }
  result.amount = Money::from_cents(std::stoll(std::string(amount)));
  result.individual_id = std::string(trim(entry.text.substr(39, 15)));
  result.return_code = std::string(addenda.text.substr(3, 3));
  if (result.return_code[0] != 'R' || !all_digits(std::string_view(result.return_code).substr(1))) {
    return line_error(addenda.number,
                      "the return reason code (positions 4-6) must be R and two "
                      "digits, not \"" +
                          result.return_code + "\"");
  }
  result.original_trace_number = std::string(addenda.text.substr(6, 15));
  if (!all_digits(result.original_trace_number)) {
    return line_error(addenda.number,
                      "the original entry trace number (positions 7-21) must be 15 digits");
  }
  result.addenda_information = std::string(trim(addenda.text.substr(35, 44)));
  return result;
}

}  // namespace

Result<std::vector<ReturnEntry>> read_ach_returns(std::string_view file) {
  const std::vector<Line> lines = split_lines(file);
  std::vector<ReturnEntry> returns;
  for (const Line& line : lines) {
    if (line.text.size() != kRecordSize) {
      return line_error(line.number, "a NACHA record is 94 characters, this one is " +
                                         std::to_string(line.text.size()));
    }
    if (std::string_view("156789").find(line.text[0]) == std::string_view::npos) {
      return line_error(line.number, "unknown record type '" + std::string(1, line.text[0]) +
                                         "' (a NACHA record starts with 1, 5, 6, 7, 8 or 9)");
    }
  }
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const Line& line = lines[i];
    if (line.text[0] == '7') {
      return line_error(line.number, "an addenda (7) record must follow an entry detail (6)");
    }
    if (line.text[0] != '6') continue;
    if (i + 1 == lines.size() || lines[i + 1].text[0] != '7') {
      return line_error(line.number,
                        "this entry detail (6) has no addenda (7) record after it; a return "
                        "carries its reason in a type 99 addenda");
    }
    const Line& addenda = lines[++i];
    const std::string_view type = addenda.text.substr(1, 2);
    if (type != "99") {
      return line_error(addenda.number,
                        "addenda type \"" + std::string(type) + "\" is not a return (type 99)" +
                            (type == "98" ? "; it is a notification of change" : ""));
    }
    auto entry = read_return(line, addenda);
    RP_TRY(entry);
    returns.push_back(std::move(entry).value());
  }
  return returns;
}

}  // namespace rp::payments::nacha
