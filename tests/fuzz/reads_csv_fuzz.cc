// Fuzzes parse_reads_csv and parse_register_csv with arbitrary bytes. Errors are fine; a crash or
// a sanitizer finding is not, and neither is a broken contract:
//  - every non-blank line after the header is exactly one value or one reject, in line order;
//  - each accepted row agrees with core's own parsers (parse_instant for the time, Decimal::parse
//    for the value), so the fast hand-written ones read nothing differently;
//  - writing the accepted values back as CSV and parsing that gives the same values, no rejects.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/decimal.h"
#include "core/fixed_point.h"
#include "core/time.h"
#include "mdm/reads_csv.h"
#include "mdm_checks.h"

namespace {

using namespace rp;
using namespace rp::mdm;
using rp::mdm::fuzz::broken;

struct Line {
  std::uint32_t number;
  std::string_view text;
};

// The non-blank lines after the header, as the format defines them.
std::vector<Line> data_lines(std::string_view text) {
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  std::vector<Line> lines;
  std::uint32_t number = 0;
  while (!text.empty()) {
    const std::size_t end = text.find('\n');
    std::string_view line = text.substr(0, end);
    ++number;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (number > 1 && !line.empty()) lines.push_back({number, line});
    if (end == std::string_view::npos) break;
    text.remove_prefix(end + 1);
  }
  return lines;
}

std::vector<std::string_view> split(std::string_view line) {
  std::vector<std::string_view> fields;
  while (true) {
    const std::size_t comma = line.find(',');
    fields.push_back(line.substr(0, comma));
    if (comma == std::string_view::npos) return fields;
    line.remove_prefix(comma + 1);
  }
}

void check_against_core(const ReadingBatch& batch, const std::vector<Line>& lines) {
  std::size_t next = 0;
  for (const IntervalValue& value : batch.values) {
    while (next < lines.size() && lines[next].number != value.line) ++next;
    if (next == lines.size()) broken("a value names a line that is not a data line");
    const std::vector<std::string_view> fields = split(lines[next].text);
    const ChannelKey& key = batch.channels[value.channel];
    if (fields[0] != key.meter_serial || fields[1] != key.channel) broken("wrong channel key");
    Result<Instant> start = parse_instant(fields[2], "interval_start");
    if (!start.ok() || start->time_since_epoch().count() != value.start) {
      broken("interval_start disagrees with parse_instant: " + std::string(fields[2]));
    }
    if (fields[3].empty()) {
      if (value.quality != Quality::missing || value.milli_units != 0) broken("empty value");
      continue;
    }
    // Zeros past the third decimal are accepted (the value is exact); Decimal takes at most nine.
    std::string_view digits = fields[3];
    if (digits.find('.') != std::string_view::npos) {
      while (digits.size() - digits.find('.') > 4 && digits.back() == '0') digits.remove_suffix(1);
    }
    Result<Decimal> decimal = Decimal::parse(digits);
    const bool in_decimal_range =
        value.milli_units > -9'000'000'000'000 && value.milli_units < 9'000'000'000'000;
    if (in_decimal_range && (!decimal.ok() || decimal->raw() != value.milli_units * 1'000'000)) {
      broken("value disagrees with Decimal::parse: " + std::string(fields[3]));
    }
  }
}

void check_lines_accounted_for(const ReadingBatch& batch, const std::vector<Line>& lines) {
  if (batch.values.size() + batch.rejects.size() != lines.size()) {
    broken("values + rejects != non-blank data lines");
  }
  std::size_t v = 0, r = 0;
  for (const Line& line : lines) {
    if (v < batch.values.size() && batch.values[v].line == line.number) {
      ++v;
    } else if (r < batch.rejects.size() && batch.rejects[r].line == line.number) {
      ++r;
    } else {
      broken("line " + std::to_string(line.number) + " is neither a value nor a reject");
    }
  }
}

void check_round_trip(const ReadingBatch& batch) {
  std::string csv = "meter,channel,interval_start,value,quality\n";
  for (const IntervalValue& value : batch.values) {
    const ChannelKey& key = batch.channels[value.channel];
    csv += key.meter_serial + "," + key.channel + "," +
           format_instant(Instant(std::chrono::seconds(value.start))) + "," +
           fixed_point::format_scaled(value.milli_units, 3, true) + "," +
           quality_name(value.quality) + "\n";
  }
  Result<ReadingBatch> again = parse_reads_csv(csv);
  if (!again.ok()) broken("written values do not parse: " + again.error().message);
  if (!again->rejects.empty()) broken("written values are rejected: " + again->rejects[0].reason);
  if (again->values.size() != batch.values.size()) broken("round trip lost values");
  for (std::size_t i = 0; i < batch.values.size(); ++i) {
    const IntervalValue& a = batch.values[i];
    const IntervalValue& b = again->values[i];
    if (a.start != b.start || a.milli_units != b.milli_units || a.quality != b.quality ||
        !(batch.channels[a.channel] == again->channels[b.channel])) {
      broken("round trip changed value " + std::to_string(i));
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  Result<ReadingBatch> batch = parse_reads_csv(text);
  if (batch.ok()) {
    rp::mdm::fuzz::check_batch(*batch);
    for (const std::int32_t seconds : batch->interval_seconds) {
      if (seconds != 0) broken("a CSV states an interval length");
    }
    const std::vector<Line> lines = data_lines(text);
    check_lines_accounted_for(*batch, lines);
    check_against_core(*batch, lines);
    // Years before 1970 or after 9999 in UTC cannot be written back in the same form.
    bool writable = true;
    for (const IntervalValue& value : batch->values) {
      writable = writable && value.start >= 0 && value.start < 253402300800;
    }
    if (writable) check_round_trip(*batch);
  }
  Result<RegisterReadBatch> registers = parse_register_csv(text);
  if (registers.ok()) {
    for (const LineReject& reject : registers->rejects) rp::mdm::fuzz::check_reject(reject);
    for (const RegisterRead& read : registers->reads) {
      if (read.milli_units < 0) broken("a negative register reading was accepted");
      if (read.source != "amr" && read.source != "manual" && read.source != "customer") {
        broken("source " + read.source);
      }
    }
    if (registers->reads.size() + registers->rejects.size() != data_lines(text).size()) {
      broken("register reads + rejects != non-blank data lines");
    }
  }
  return 0;
}
