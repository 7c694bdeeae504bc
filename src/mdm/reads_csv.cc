#include "mdm/reads_csv.h"

#include <cstring>
#include <string>

#include "mdm/read_fields.h"

namespace rp::mdm {
namespace {

constexpr std::size_t kMaxColumns = 5;
constexpr std::string_view kByteOrderMark = "\xEF\xBB\xBF";

struct CsvFormat {
  std::string_view name;         // "reads CSV"
  std::string_view columns;      // the required columns, comma separated
  std::string_view last_column;  // the optional last column
  std::size_t required_count;    // how many columns `columns` names
};

constexpr CsvFormat kReadsFormat{"reads CSV", "meter,channel,interval_start,value", "quality", 4};
constexpr CsvFormat kRegisterFormat{"register reads CSV", "meter,channel,read_at,reading", "source",
                                    4};

// The rows after the header, and whether the header names the optional last column.
struct CsvBody {
  std::string_view rows;
  bool has_last_column = false;
};

std::string header_text(const CsvFormat& format) {
  return std::string(format.columns) + " or " + std::string(format.columns) + "," +
         std::string(format.last_column);
}

Result<CsvBody> read_header(std::string_view text, const CsvFormat& format) {
  const std::string name(format.name);
  if (text.empty()) {
    return invalid_input(
        "file", "the file is empty; a " + name + " starts with the header " + header_text(format));
  }
  if (std::memchr(text.data(), '\0', text.size()) != nullptr) {
    return invalid_input("file", "the file holds NUL bytes: it is binary, not a " + name);
  }
  if (text.substr(0, kByteOrderMark.size()) == kByteOrderMark) {
    text.remove_prefix(kByteOrderMark.size());
  }
  const std::size_t newline = text.find('\n');
  std::string_view header = text.substr(0, newline);
  if (!header.empty() && header.back() == '\r') header.remove_suffix(1);
  CsvBody body;
  body.rows = newline == std::string_view::npos ? std::string_view() : text.substr(newline + 1);
  if (header == format.columns) return body;
  if (header.size() == format.columns.size() + 1 + format.last_column.size() &&
      header.substr(0, format.columns.size()) == format.columns &&
      header[format.columns.size()] == ',' &&
      header.substr(format.columns.size() + 1) == format.last_column) {
    body.has_last_column = true;
    return body;
  }
  return invalid_input("header", "line 1 is " + quoted_excerpt(header) + ", not the header of a " +
                                     name + "; the first line must be " + header_text(format));
}

// One row split at its commas. `count` is the number of fields, which may exceed kMaxColumns
// (only the first kMaxColumns are kept).
struct Row {
  std::uint32_t line = 0;  // 1-based; the header is line 1
  std::string_view text;   // without the line end
  std::string_view fields[kMaxColumns];
  std::size_t count = 0;
};

// Calls on_row(const Row&) for every non-blank row of `rows`, in order. One pass over the bytes
// finds both the line end and the commas.
template <typename OnRow>
void for_each_row(std::string_view rows, OnRow&& on_row) {
  const char* p = rows.data();
  const char* const end = p + rows.size();
  Row row;
  row.line = 1;
  while (p < end) {
    ++row.line;
    const char* const line_start = p;
    const char* field_start = p;
    row.count = 0;
    for (; p < end && *p != '\n'; ++p) {
      if (*p != ',') continue;
      if (row.count < kMaxColumns)
        row.fields[row.count] = std::string_view(field_start, p - field_start);
      ++row.count;
      field_start = p + 1;
    }
    const char* line_end = p;
    if (p < end) ++p;  // past the '\n'
    if (line_end > line_start && line_end[-1] == '\r') --line_end;
    if (line_end == line_start) continue;  // blank
    const char* last_end = line_end < field_start ? field_start : line_end;
    if (row.count < kMaxColumns) {
      row.fields[row.count] = std::string_view(field_start, last_end - field_start);
    }
    ++row.count;
    row.text = std::string_view(line_start, line_end - line_start);
    on_row(row);
  }
}

std::size_t count_lines(std::string_view rows) {
  std::size_t lines = 0;
  const char* p = rows.data();
  const char* const end = p + rows.size();
  while (p < end) {
    const void* found = std::memchr(p, '\n', static_cast<std::size_t>(end - p));
    if (found == nullptr) return lines + 1;
    ++lines;
    p = static_cast<const char*>(found) + 1;
  }
  return lines;
}

std::string column_count_reason(const CsvFormat& format, bool has_last_column, std::size_t found) {
  const std::size_t expected = format.required_count + (has_last_column ? 1 : 0);
  std::string columns(format.columns);
  if (has_last_column) columns += "," + std::string(format.last_column);
  return "expected " + std::to_string(expected) + " columns (" + columns + "), found " +
         std::to_string(found);
}

// Reads the rows of a reads CSV into a batch.
class ReadsRowParser {
 public:
  ReadsRowParser(ReadingBatch& batch, bool has_quality)
      : batch_(batch), index_(batch), has_quality_(has_quality) {}

  void parse(const Row& row) {
    if (row.count != kReadsFormat.required_count + (has_quality_ ? 1 : 0)) {
      return reject(row, column_count_reason(kReadsFormat, has_quality_, row.count));
    }
    IntervalValue value;
    value.line = row.line;
    if (!index_.find_or_add(row.fields[0], row.fields[1], value.channel, reason_)) {
      return reject(row, std::move(reason_));
    }
    if (!instants_.read(row.fields[2], value.start)) {
      return reject(row, instant_reason("interval_start", row.fields[2]));
    }
    const std::string_view quality_text = has_quality_ ? row.fields[4] : std::string_view();
    const bool quality_ok = quality_text.empty() || parse_quality(quality_text, value.quality);
    const std::string_view value_text = row.fields[3];
    if (value_text.empty() && quality_ok && value.quality == Quality::missing) {
      value.milli_units = 0;
    } else if (const QuantityProblem problem = parse_milli_units(value_text, value.milli_units);
               problem != QuantityProblem::none) {
      return reject(row, quantity_reason(problem, "value", value_text));
    }
    if (!quality_ok) {
      return reject(row, "quality " + quoted_excerpt(quality_text) +
                             " is not actual, estimated, edited or missing (or A, E, ED, M)");
    }
    batch_.values.push_back(value);
  }

 private:
  void reject(const Row& row, std::string reason) {
    batch_.rejects.push_back(make_reject(row.line, std::move(reason), row.text));
  }

  ReadingBatch& batch_;
  ChannelIndex index_;
  InstantReader instants_;
  bool has_quality_;
  std::string reason_;
};

// The source of a register read, lower case; false for anything but amr, manual or customer.
bool parse_source(std::string_view text, std::string& source) {
  std::string lower(text);
  for (char& c : lower) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  if (lower != "amr" && lower != "manual" && lower != "customer") return false;
  source = std::move(lower);
  return true;
}

class RegisterRowParser {
 public:
  RegisterRowParser(RegisterReadBatch& batch, bool has_source)
      : batch_(batch), has_source_(has_source) {}

  void parse(const Row& row) {
    if (row.count != kRegisterFormat.required_count + (has_source_ ? 1 : 0)) {
      return reject(row, column_count_reason(kRegisterFormat, has_source_, row.count));
    }
    RegisterRead read;
    read.line = row.line;
    std::string reason;
    if (!check_name(row.fields[0], "meter", reason) ||
        !check_name(row.fields[1], "channel", reason)) {
      return reject(row, std::move(reason));
    }
    if (!instants_.read(row.fields[2], read.taken_at)) {
      return reject(row, instant_reason("read_at", row.fields[2]));
    }
    const std::string_view reading = row.fields[3];
    if (const QuantityProblem problem = parse_milli_units(reading, read.milli_units);
        problem != QuantityProblem::none) {
      return reject(row, quantity_reason(problem, "reading", reading));
    }
    if (read.milli_units < 0) {
      return reject(row, "reading " + quoted_excerpt(reading) +
                             " is negative; a register reading counts up from zero");
    }
    const std::string_view source = has_source_ ? row.fields[4] : std::string_view();
    if (source.empty()) {
      read.source = "manual";
    } else if (!parse_source(source, read.source)) {
      return reject(row, "source " + quoted_excerpt(source) + " is not amr, manual or customer");
    }
    read.key = ChannelKey{std::string(row.fields[0]), std::string(row.fields[1])};
    batch_.reads.push_back(std::move(read));
  }

 private:
  void reject(const Row& row, std::string reason) {
    batch_.rejects.push_back(make_reject(row.line, std::move(reason), row.text));
  }

  RegisterReadBatch& batch_;
  InstantReader instants_;
  bool has_source_;
};

}  // namespace

Result<ReadingBatch> parse_reads_csv(std::string_view text) {
  Result<CsvBody> body = read_header(text, kReadsFormat);
  if (!body.ok()) return body.error();
  ReadingBatch batch;
  batch.values.reserve(count_lines(body->rows));
  ReadsRowParser parser(batch, body->has_last_column);
  for_each_row(body->rows, [&parser](const Row& row) { parser.parse(row); });
  return batch;
}

Result<RegisterReadBatch> parse_register_csv(std::string_view text) {
  Result<CsvBody> body = read_header(text, kRegisterFormat);
  if (!body.ok()) return body.error();
  RegisterReadBatch batch;
  RegisterRowParser parser(batch, body->has_last_column);
  for_each_row(body->rows, [&parser](const Row& row) { parser.parse(row); });
  return batch;
}

}  // namespace rp::mdm
