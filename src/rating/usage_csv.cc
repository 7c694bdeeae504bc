#include "rating/usage_csv.h"

#include <algorithm>
#include <cctype>
#include <vector>

namespace rp::rating {
namespace {

struct CsvLine {
  std::size_t number;  // 1-based
  std::string_view text;
};

std::vector<CsvLine> split_lines(std::string_view text) {
  std::vector<CsvLine> lines;
  std::size_t number = 0;
  while (!text.empty()) {
    std::size_t end = text.find('\n');
    std::string_view line = text.substr(0, end);
    ++number;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.find_first_not_of(" \t") != std::string_view::npos) lines.push_back({number, line});
    if (end == std::string_view::npos) break;
    text.remove_prefix(end + 1);
  }
  return lines;
}

std::string lower_trimmed(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c != ' ' && c != '\t') out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return out;
}

Error line_error(std::size_t number, const std::string& message) {
  return invalid_input("line " + std::to_string(number),
                       "usage line " + std::to_string(number) + ": " + message);
}

Result<UsageUnit> parse_header(const CsvLine& line) {
  std::size_t comma = line.text.find(',');
  std::string first = lower_trimmed(line.text.substr(0, comma));
  std::string second = comma == std::string_view::npos ? "" : lower_trimmed(line.text.substr(comma + 1));
  if (first != "interval_start") {
    return line_error(line.number, "the header must start with interval_start, e.g. interval_start,kwh");
  }
  if (second == "kwh") return UsageUnit::kWh;
  if (second == "gal" || second == "gallons") return UsageUnit::gal;
  if (second == "ccf") return UsageUnit::CCF;
  if (second == "therm" || second == "therms") return UsageUnit::therm;
  return line_error(line.number, "the second column must name the unit: kwh, gal, ccf or therm");
}

struct Reading {
  Instant start;
  Decimal value;
};

Result<Reading> parse_row(const CsvLine& line) {
  std::size_t comma = line.text.find(',');
  if (comma == std::string_view::npos || line.text.find(',', comma + 1) != std::string_view::npos) {
    return line_error(line.number, "expected two columns: interval_start,value");
  }
  auto trim = [](std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return s;
  };
  auto start = parse_instant(trim(line.text.substr(0, comma)), "interval_start");
  if (!start.ok()) return line_error(line.number, start.error().message);
  auto value = Decimal::parse(trim(line.text.substr(comma + 1)), "value");
  if (!value.ok()) return line_error(line.number, value.error().message);
  return Reading{*start, *value};
}

Result<std::chrono::minutes> interval_between(Instant first, Instant second, std::size_t line) {
  auto length = std::chrono::duration_cast<std::chrono::minutes>(second - first);
  if (second - first != length || (length.count() != 5 && length.count() != 15 &&
                                   length.count() != 30 && length.count() != 60)) {
    return line_error(line, "the interval between the first two rows must be 5, 15, 30 or 60 "
                            "minutes");
  }
  return length;
}

}  // namespace

Result<UsageCsv> parse_usage_csv(std::string_view text) {
  std::vector<CsvLine> lines = split_lines(text);
  if (lines.empty()) return invalid_input("line 1", "the usage file is empty");
  auto unit = parse_header(lines.front());
  if (!unit.ok()) return unit.error();
  if (lines.size() < 3) {
    return invalid_input("line " + std::to_string(lines.back().number + 1),
                         "the usage file needs at least two rows to know the interval length");
  }
  UsageCsv usage;
  usage.unit = *unit;
  usage.series.values.reserve(lines.size() - 1);
  Instant expected{};
  for (std::size_t i = 1; i < lines.size(); ++i) {
    auto reading = parse_row(lines[i]);
    if (!reading.ok()) return reading.error();
    if (i == 1) {
      usage.series.start = reading->start;
    } else if (i == 2) {
      auto length = interval_between(usage.series.start, reading->start, lines[i].number);
      if (!length.ok()) return length.error();
      usage.series.interval = *length;
      expected = reading->start;
    }
    if (i >= 2 && reading->start != expected) {
      return line_error(lines[i].number,
                        "expected an interval starting at " + format_instant(expected) + ", got " +
                            format_instant(reading->start) +
                            " (rows must be consecutive and of one length)");
    }
    if (i >= 2) expected += usage.series.interval;
    usage.series.values.push_back(reading->value);
  }
  return usage;
}

}  // namespace rp::rating
