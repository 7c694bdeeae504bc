#include "mdm/read_fields.h"

#include <cstring>
#include <limits>

namespace rp::mdm {
namespace {

constexpr std::int64_t kMaxMilli = std::numeric_limits<std::int64_t>::max();
constexpr std::uint64_t kMaxWholeUnits = static_cast<std::uint64_t>(kMaxMilli) / 1000;

bool is_digit(char c) {
  return static_cast<unsigned char>(c - '0') <= 9;
}

// The two-digit number at p[0..1], or -1 when either is not a digit.
int two_digits(const char* p) {
  if (!is_digit(p[0]) || !is_digit(p[1])) return -1;
  return (p[0] - '0') * 10 + (p[1] - '0');
}

bool is_leap(std::int64_t year) {
  return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
}

int days_in_month(std::int64_t year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return month == 2 && is_leap(year) ? 29 : kDays[month - 1];
}

// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant, "chrono-compatible low-level
// date algorithms").
std::int64_t days_from_civil(std::int64_t year, int month, int day) {
  year -= month <= 2 ? 1 : 0;
  const std::int64_t era = (year >= 0 ? year : year - 399) / 400;
  const std::int64_t year_of_era = year - era * 400;
  const std::int64_t day_of_year = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
  const std::int64_t day_of_era =
      year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
  return era * 146097 + day_of_era - 719468;
}

// "YYYY-MM-DD" at p[0..9] as days since the epoch; false when malformed or not on the calendar.
bool read_date(const char* p, std::int64_t& day) {
  const int century = two_digits(p);
  const int year_in_century = two_digits(p + 2);
  const int month = two_digits(p + 5);
  const int day_of_month = two_digits(p + 8);
  if (century < 0 || year_in_century < 0 || p[4] != '-' || p[7] != '-' || month < 1 || month > 12 ||
      day_of_month < 1) {
    return false;
  }
  const std::int64_t year = century * 100 + year_in_century;
  if (day_of_month > days_in_month(year, month)) return false;
  day = days_from_civil(year, month, day_of_month);
  return true;
}

// The length of the UTF-8 character starting at text[pos] when it is well formed (no overlong
// forms, surrogates or code points past U+10FFFF), else 0.
std::size_t utf8_length(std::string_view text, std::size_t pos) {
  const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[pos + i]); };
  const unsigned char lead = byte(0);
  if (lead < 0x80) return 1;
  std::size_t length = 0;
  unsigned char low = 0x80, high = 0xbf;  // the allowed range of the second byte
  if (lead >= 0xc2 && lead <= 0xdf) {
    length = 2;
  } else if (lead >= 0xe0 && lead <= 0xef) {
    length = 3;
    if (lead == 0xe0) low = 0xa0;
    if (lead == 0xed) high = 0x9f;
  } else if (lead >= 0xf0 && lead <= 0xf4) {
    length = 4;
    if (lead == 0xf0) low = 0x90;
    if (lead == 0xf4) high = 0x8f;
  } else {
    return 0;
  }
  if (pos + length > text.size() || byte(1) < low || byte(1) > high) return 0;
  for (std::size_t i = 2; i < length; ++i) {
    if (byte(i) < 0x80 || byte(i) > 0xbf) return 0;
  }
  return length;
}

}  // namespace

QuantityProblem parse_milli_units(std::string_view text, std::int64_t& milli_units) {
  const char* p = text.data();
  const char* const end = p + text.size();
  if (p == end) return QuantityProblem::empty;
  const bool negative = *p == '-';
  if (negative) ++p;
  if (p == end || !is_digit(*p)) return QuantityProblem::malformed;
  std::uint64_t units = 0;
  bool too_large = false;
  for (; p != end && is_digit(*p); ++p) {
    if (units > kMaxWholeUnits) {
      too_large = true;  // keep reading: a malformed tail is the better reason
    } else {
      units = units * 10 + static_cast<std::uint64_t>(*p - '0');
    }
  }
  std::uint64_t thousandths = 0;
  bool too_precise = false;
  if (p != end && *p == '.') {
    ++p;
    if (p == end || !is_digit(*p)) return QuantityProblem::malformed;
    int digits = 0;
    for (; p != end && is_digit(*p); ++p, ++digits) {
      if (digits < 3) {
        thousandths = thousandths * 10 + static_cast<std::uint64_t>(*p - '0');
      } else if (*p != '0') {
        too_precise = true;
      }
    }
    for (; digits < 3; ++digits) thousandths *= 10;
  }
  if (p != end) return QuantityProblem::malformed;
  if (too_precise) return QuantityProblem::too_precise;
  if (too_large || units > kMaxWholeUnits ||
      units * 1000 + thousandths > static_cast<std::uint64_t>(kMaxMilli)) {
    return QuantityProblem::too_large;
  }
  const auto magnitude = static_cast<std::int64_t>(units * 1000 + thousandths);
  milli_units = negative ? -magnitude : magnitude;
  return QuantityProblem::none;
}

std::string quantity_reason(QuantityProblem problem, std::string_view column,
                            std::string_view text) {
  const std::string name(column);
  switch (problem) {
    case QuantityProblem::none:
      break;
    case QuantityProblem::empty:
      return name + " is empty; write a decimal number like 0.412";
    case QuantityProblem::malformed:
      return name + " " + quoted_excerpt(text) +
             " is not a decimal number; write it like 0.412 or -1.5 (no exponent, '+' or "
             "thousands separators)";
    case QuantityProblem::too_precise:
      return name + " " + quoted_excerpt(text) +
             " has more than 3 decimals; values are kept to 0.001 of the unit and never rounded";
    case QuantityProblem::too_large:
      return name + " " + quoted_excerpt(text) + " is too large";
  }
  return name + " is not a number";
}

bool InstantReader::read(std::string_view text, std::int64_t& seconds) {
  if (text.size() < 20) return false;  // "YYYY-MM-DDTHH:MM:SSZ" is the shortest form
  const char* p = text.data();
  if (!has_date_ || std::memcmp(p, date_, sizeof date_) != 0) {
    std::int64_t day = 0;
    if (!read_date(p, day)) return false;
    std::memcpy(date_, p, sizeof date_);
    day_ = day;
    has_date_ = true;
  }
  const int hour = two_digits(p + 11);
  const int minute = two_digits(p + 14);
  const int second = two_digits(p + 17);
  if (p[10] != 'T' || p[13] != ':' || p[16] != ':' || hour < 0 || hour > 23 || minute < 0 ||
      minute > 59 || second < 0 || second > 59) {
    return false;
  }
  std::size_t pos = 19;
  if (p[pos] == '.' && pos + 1 < text.size() && is_digit(p[pos + 1])) {
    pos += 2;
    while (pos < text.size() && is_digit(p[pos])) ++pos;
  }
  const std::string_view zone = text.substr(pos);
  std::int64_t offset = 0;
  if (zone.size() == 1 && zone[0] == 'Z') {
    offset = 0;
  } else if (zone.size() == 6 && (zone[0] == '+' || zone[0] == '-') && zone[3] == ':') {
    const int offset_hours = two_digits(zone.data() + 1);
    const int offset_minutes = two_digits(zone.data() + 4);
    if (offset_hours < 0 || offset_hours > 23 || offset_minutes < 0 || offset_minutes > 59) {
      return false;
    }
    offset = offset_hours * 3600 + offset_minutes * 60;
    if (zone[0] == '-') offset = -offset;
  } else {
    return false;
  }
  seconds = day_ * 86400 + hour * 3600 + minute * 60 + second - offset;
  return true;
}

std::string instant_reason(std::string_view column, std::string_view text) {
  return std::string(column) + " " + quoted_excerpt(text) +
         " is not an ISO 8601 instant with an offset; write it like 2026-11-23T08:00:00-08:00 "
         "or 2026-11-23T16:00:00Z";
}

bool check_name(std::string_view name, std::string_view what, std::string& reason) {
  const std::size_t limit = what == "meter" ? kMaxMeterSerialLength : kMaxChannelNameLength;
  if (name.empty()) {
    reason = std::string(what) + " is empty";
    return false;
  }
  if (name.size() > limit) {
    reason = std::string(what) + " " + quoted_excerpt(name) + " is longer than " +
             std::to_string(limit) + " characters";
    return false;
  }
  for (const char c : name) {
    if (c < 0x20 || c > 0x7e) {
      reason = std::string(what) + " " + quoted_excerpt(name) +
               " holds a character other than printable ASCII";
      return false;
    }
  }
  if (name.front() == ' ' || name.back() == ' ') {
    reason = std::string(what) + " " + quoted_excerpt(name) + " starts or ends with a space";
    return false;
  }
  return true;
}

bool ChannelIndex::find_or_add(std::string_view meter, std::string_view channel,
                               std::uint32_t& index, std::string& reason) {
  if (has_last_ && meter == last_meter_ && channel == last_channel_) {
    index = last_index_;
    return true;
  }
  lookup_.assign(meter);
  lookup_ += '\n';
  lookup_ += channel;
  auto found = indices_.find(lookup_);
  if (found == indices_.end()) {
    if (!check_name(meter, "meter", reason) || !check_name(channel, "channel", reason)) {
      return false;
    }
    const auto next = static_cast<std::uint32_t>(batch_->channels.size());
    found = indices_.emplace(lookup_, next).first;
    batch_->channels.push_back(ChannelKey{std::string(meter), std::string(channel)});
    batch_->interval_seconds.push_back(0);
  }
  last_meter_.assign(meter);
  last_channel_.assign(channel);
  last_index_ = found->second;
  has_last_ = true;
  index = last_index_;
  return true;
}

std::string clean_excerpt(std::string_view text, std::size_t max_bytes) {
  std::string out;
  out.reserve(std::min(text.size(), max_bytes));
  std::size_t pos = 0;
  while (pos < text.size()) {
    const std::size_t length = utf8_length(text, pos);
    const auto byte = static_cast<unsigned char>(text[pos]);
    const bool control = length == 1 && ((byte < 0x20 && byte != '\t') || byte == 0x7f);
    const std::size_t taken = length == 0 ? 1 : length;
    if (out.size() + (length == 0 || control ? 1 : length) > max_bytes) break;
    if (length == 0 || control) {
      out += '?';
    } else {
      out.append(text.substr(pos, length));
    }
    pos += taken;
  }
  return out;
}

std::string quoted_excerpt(std::string_view text) {
  constexpr std::size_t kMaxQuoted = 40;
  std::string inner = clean_excerpt(text, kMaxQuoted);
  if (inner.size() < text.size() && text.size() > kMaxQuoted) inner += "...";
  return "'" + inner + "'";
}

LineReject make_reject(std::uint32_t line, std::string reason, std::string_view text) {
  return LineReject{line, std::move(reason), clean_excerpt(text)};
}

}  // namespace rp::mdm
