#pragma once
// The pieces the tariff file's reader (tariff_format_read.cc, tariff_schedule_read.cc) and writer
// (tariff_format_write.cc) share: the format's words for the model's enums and its limits, and
// the reader's checks of one JSON member. Internal to rating/; the format is
// rating/tariff_format.h.

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/result.h"
#include "rating/exact_json.h"
#include "rating/tariff.h"

namespace rp::rating::tariff_file {

inline constexpr std::string_view kFormatName = "ratepayer-tariff/1";
inline constexpr std::size_t kMaxPeriods = 255;  // schedules hold a period index in one byte
inline constexpr std::int64_t kMaxRatchetMonths = 60;

inline constexpr std::array<std::string_view, 12> kMonthNames = {
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

// The file's words for the model's enums. They are part of the format (docs/tariffs.md).
inline constexpr std::array<std::pair<std::string_view, UsageUnit>, 4> kUnits = {{
    {"kWh", UsageUnit::kWh},
    {"gal", UsageUnit::gal},
    {"CCF", UsageUnit::CCF},
    {"therm", UsageUnit::therm},
}};
inline constexpr std::array<std::pair<std::string_view, LineKind>, 6> kLineKinds = {{
    {"energy", LineKind::energy},
    {"demand", LineKind::demand},
    {"fixed", LineKind::fixed},
    {"minimum", LineKind::minimum},
    {"rider", LineKind::rider},
    {"tax", LineKind::tax},
}};

template <typename Enum, std::size_t N>
std::string_view word_of(const std::array<std::pair<std::string_view, Enum>, N>& words, Enum e) {
  for (const auto& [word, value] : words) {
    if (value == e) return word;
  }
  return "?";
}

template <typename Enum, std::size_t N>
Result<Enum> read_word(const JsonNode& node,
                       const std::array<std::pair<std::string_view, Enum>, N>& words) {
  Result<std::string> text = node.as_string();
  if (!text.ok()) return text.error();
  std::string list;
  for (const auto& [word, value] : words) {
    if (word == *text) return value;
    list += (list.empty() ? "\"" : ", \"") + std::string(word) + "\"";
  }
  return node.error("\"" + *text + "\" is not one of " + list);
}

// "<object path>.<key>: required", as invalid_input with that path as the field.
Error missing(const JsonNode& object, std::string_view key);
// The string at `key`: required and not empty.
Result<std::string> required_string(const JsonNode& object, std::string_view key);
// The string at `key`, or "" when absent.
Result<std::string> optional_string(const JsonNode& object, std::string_view key);
Result<Decimal> required_decimal(const JsonNode& object, std::string_view key);
// A decimal that must not be negative (charges that are floors, factors, percentages); nullopt
// when absent.
Result<std::optional<Decimal>> optional_nonnegative(const JsonNode& object, std::string_view key);

// A month list: "Jun-Sep" or ["Jan-May", "Oct-Dec"] (a range may wrap the year: "Nov-Feb"), as
// ascending 0-based months; no month twice.
Result<std::vector<int>> read_months(const JsonNode& node);

// The "schedule" member of `owner`: {"weekday": [[...]], "weekend": [[...]]} (the URDB's raw
// 12 x 24 rows) or {"seasons": [...]} naming `periods`. Absent, every hour is period 0, which is
// only allowed with a single period.
Result<void> read_schedule(const JsonNode& owner, const std::vector<RatePeriod>& periods,
                           MonthHourSchedule& weekday, MonthHourSchedule& weekend);

}  // namespace rp::rating::tariff_file
