// Reading a tariff file's time-of-use schedules (rating/tariff_format.h): month lists, hour
// ranges, day types, seasons, and the URDB's raw 12 x 24 rows.
#include <algorithm>
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "rating/tariff_format_parts.h"

namespace rp::rating::tariff_file {
namespace {

// "Jun" -> 5 (0-based, as in schedules); case-insensitive.
std::optional<int> month_index(std::string_view text) {
  for (std::size_t m = 0; m < kMonthNames.size(); ++m) {
    const std::string_view name = kMonthNames[m];
    if (text.size() == 3 && std::equal(text.begin(), text.end(), name.begin(),
                                       [](char a, char b) { return (a | 0x20) == (b | 0x20); })) {
      return static_cast<int>(m);
    }
  }
  return std::nullopt;
}

// "Jun" or "Jun-Sep" (a range may wrap the year: "Nov-Feb"), appended as 0-based months.
Result<void> read_month_range(const JsonNode& node, std::vector<int>& months) {
  Result<std::string> text = node.as_string();
  if (!text.ok()) return text.error();
  const std::size_t dash = text->find('-');
  std::optional<int> first = month_index(std::string_view(*text).substr(0, dash));
  std::optional<int> last =
      dash == std::string::npos ? first : month_index(std::string_view(*text).substr(dash + 1));
  if (!first.has_value() || !last.has_value()) {
    return node.error("\"" + *text +
                      "\" is not a month or month range like \"Jun\" or \"Jun-Sep\"");
  }
  for (int m = *first;; m = (m + 1) % 12) {
    months.push_back(m);
    if (m == *last) break;
  }
  return success();
}

}  // namespace

// A month list: "Jun-Sep" or ["Jan-May", "Oct-Dec"]; no month twice.
Result<std::vector<int>> read_months(const JsonNode& node) {
  std::vector<int> months;
  if (node.type() == JsonValue::Type::array) {
    for (std::size_t i = 0; i < node.size(); ++i) RP_TRY(read_month_range(node.item(i), months));
  } else {
    RP_TRY(read_month_range(node, months));
  }
  std::array<bool, 12> seen{};
  for (int m : months) {
    if (seen[static_cast<std::size_t>(m)]) {
      return node.error(std::string(kMonthNames[static_cast<std::size_t>(m)]) + " is listed twice");
    }
    seen[static_cast<std::size_t>(m)] = true;
  }
  return months;
}

namespace {

// A period named by its "name" or by its 0-based index.
Result<std::uint8_t> read_period_ref(const JsonNode& node, const std::vector<RatePeriod>& periods) {
  if (node.type() == JsonValue::Type::number) {
    const auto last = static_cast<std::int64_t>(periods.size()) - 1;
    Result<std::int64_t> index = node.as_integer(0, last);
    if (!index.ok()) {
      return node.error("period " + node.value().text +
                        " does not exist (periods are numbered 0.." + std::to_string(last) + ")");
    }
    return static_cast<std::uint8_t>(*index);
  }
  Result<std::string> name = node.as_string();
  if (!name.ok()) return node.error("expected a period name or a period number");
  std::optional<std::uint8_t> found;
  for (std::size_t p = 0; p < periods.size(); ++p) {
    if (periods[p].name != *name) continue;
    if (found.has_value())
      return node.error("two periods are named \"" + *name + "\"; use numbers");
    found = static_cast<std::uint8_t>(p);
  }
  if (!found.has_value()) return node.error("no period is named \"" + *name + "\"");
  return *found;
}

// "16-21": the hours from 16:00 up to 21:00 (16..20); "22-6" wraps midnight; "0-24" is all day.
Result<std::vector<int>> read_hour_range(const JsonNode& node) {
  Result<std::string> text = node.as_string();
  if (!text.ok()) return text.error();
  int start = -1;
  int end = -1;
  const std::size_t dash = text->find('-');
  auto hour = [](std::string_view digits) {
    if (digits.empty() || digits.size() > 2) return -1;
    int value = 0;
    for (char c : digits) {
      if (c < '0' || c > '9') return -1;
      value = value * 10 + (c - '0');
    }
    return value;
  };
  if (dash != std::string::npos) {
    start = hour(std::string_view(*text).substr(0, dash));
    end = hour(std::string_view(*text).substr(dash + 1));
  }
  if (start < 0 || start > 23 || end < 1 || end > 24 || start == end) {
    return node.error("\"" + *text +
                      "\" is not an hour range like \"16-21\" (from 16:00 up to 21:00; 0-24)");
  }
  std::vector<int> hours;
  for (int h = start; h != end % 24 || hours.empty(); h = (h + 1) % 24) hours.push_back(h);
  return hours;
}

// Hours a day's ranges assign: period_of[h] is the period of hour h, or -1 when no range has it.
struct DayRanges {
  std::array<int, 24> period_of;
  std::array<std::size_t, 24> set_by{};  // which range assigned the hour
  DayRanges() { period_of.fill(-1); }
};

// One range: {"period": "On-peak", "hours": "16-21"} or with "hours": ["7-11", "17-21"].
Result<void> read_range(const JsonNode& range, std::size_t index,
                        const std::vector<RatePeriod>& periods, DayRanges& day) {
  RP_TRY(range.expect_object_with_keys({"period", "hours"}));
  std::optional<JsonNode> period = range.member("period");
  std::optional<JsonNode> hours = range.member("hours");
  if (!period.has_value()) return missing(range, "period");
  if (!hours.has_value()) return missing(range, "hours");
  Result<std::uint8_t> period_index = read_period_ref(*period, periods);
  if (!period_index.ok()) return period_index.error();
  std::vector<JsonNode> texts;
  if (hours->type() == JsonValue::Type::array) {
    for (std::size_t i = 0; i < hours->size(); ++i) texts.push_back(hours->item(i));
  } else {
    texts.push_back(*hours);
  }
  for (const JsonNode& text : texts) {
    Result<std::vector<int>> list = read_hour_range(text);
    if (!list.ok()) return list.error();
    for (int h : *list) {
      const auto at = static_cast<std::size_t>(h);
      if (day.period_of[at] >= 0) {
        return text.error("hour " + std::to_string(h) + " is already in ranges[" +
                          std::to_string(day.set_by[at]) + "]");
      }
      day.period_of[at] = *period_index;
      day.set_by[at] = index;
    }
  }
  return success();
}

// One day type: {"default": "Off-peak", "ranges": [{"period": "On-peak", "hours": "16-21"}]}.
Result<std::array<std::uint8_t, 24>> read_day(const JsonNode& node,
                                              const std::vector<RatePeriod>& periods) {
  RP_TRY(node.expect_object_with_keys({"default", "ranges"}));
  DayRanges ranges_of_day;
  if (std::optional<JsonNode> ranges = node.member("ranges")) {
    RP_TRY(ranges->expect_array());
    for (std::size_t r = 0; r < ranges->size(); ++r) {
      RP_TRY(read_range(ranges->item(r), r, periods, ranges_of_day));
    }
  }
  std::optional<std::uint8_t> fallback;
  if (std::optional<JsonNode> given = node.member("default")) {
    Result<std::uint8_t> index = read_period_ref(*given, periods);
    if (!index.ok()) return index.error();
    fallback = *index;
  }
  std::array<std::uint8_t, 24> day{};
  for (std::size_t h = 0; h < 24; ++h) {
    const int period = ranges_of_day.period_of[h];
    if (period < 0 && !fallback.has_value()) {
      return node.error("hour " + std::to_string(h) +
                        " has no period; add \"default\" or a range that covers it");
    }
    day[h] = period >= 0 ? static_cast<std::uint8_t>(period) : *fallback;
  }
  return day;
}

// The raw form: 12 rows (January first) of 24 period numbers (midnight first), as in the URDB.
Result<MonthHourSchedule> read_raw_rows(const JsonNode& node, std::size_t period_count) {
  RP_TRY(node.expect_array());
  if (node.size() != 12) return node.error("expected 12 rows (one per month)");
  MonthHourSchedule schedule{};
  for (std::size_t m = 0; m < 12; ++m) {
    const JsonNode row = node.item(m);
    RP_TRY(row.expect_array());
    if (row.size() != 24) return row.error("expected 24 period numbers (one per hour)");
    for (std::size_t h = 0; h < 24; ++h) {
      const JsonNode cell = row.item(h);
      Result<std::int64_t> period = cell.as_integer(0, static_cast<std::int64_t>(period_count) - 1);
      if (!period.ok()) {
        return cell.error("expected a period number 0.." + std::to_string(period_count - 1));
      }
      schedule[m][h] = static_cast<std::uint8_t>(*period);
    }
  }
  return schedule;
}

Result<void> read_season(const JsonNode& season, const std::vector<RatePeriod>& periods,
                         std::array<int, 12>& season_of_month, std::size_t index,
                         MonthHourSchedule& weekday, MonthHourSchedule& weekend) {
  RP_TRY(season.expect_object_with_keys({"name", "months", "weekday", "weekend", "all_days"}));
  RP_TRY(optional_string(season, "name"));
  std::optional<JsonNode> months = season.member("months");
  if (!months.has_value()) return missing(season, "months");
  Result<std::vector<int>> list = read_months(*months);
  if (!list.ok()) return list.error();
  std::optional<JsonNode> all_days = season.member("all_days");
  std::optional<JsonNode> weekdays = season.member("weekday");
  std::optional<JsonNode> weekends = season.member("weekend");
  if (all_days.has_value() == (weekdays.has_value() || weekends.has_value()) ||
      weekdays.has_value() != weekends.has_value()) {
    return season.error("give either \"all_days\" or both \"weekday\" and \"weekend\"");
  }
  Result<std::array<std::uint8_t, 24>> weekday_row =
      read_day(all_days.has_value() ? *all_days : *weekdays, periods);
  if (!weekday_row.ok()) return weekday_row.error();
  Result<std::array<std::uint8_t, 24>> weekend_row =
      all_days.has_value() ? weekday_row : read_day(*weekends, periods);
  if (!weekend_row.ok()) return weekend_row.error();
  for (int m : *list) {
    const auto at = static_cast<std::size_t>(m);
    if (season_of_month[at] >= 0) {
      return months->error(std::string(kMonthNames[at]) + " is already in seasons[" +
                           std::to_string(season_of_month[at]) + "]");
    }
    season_of_month[at] = static_cast<int>(index);
    weekday[at] = *weekday_row;
    weekend[at] = *weekend_row;
  }
  return success();
}

}  // namespace

// A schedule: {"weekday": [[...]], "weekend": [[...]]} or {"seasons": [...]}. Absent, every hour
// is period 0, which is only allowed with a single period.
Result<void> read_schedule(const JsonNode& owner, const std::vector<RatePeriod>& periods,
                           MonthHourSchedule& weekday, MonthHourSchedule& weekend) {
  std::optional<JsonNode> node = owner.member("schedule");
  if (!node.has_value()) {
    if (periods.size() > 1)
      return owner.error("\"schedule\" is required with more than one period");
    return success();
  }
  RP_TRY(node->expect_object_with_keys({"weekday", "weekend", "seasons"}));
  if (std::optional<JsonNode> seasons = node->member("seasons")) {
    if (node->member("weekday") || node->member("weekend")) {
      return node->error("give either \"seasons\" or \"weekday\" and \"weekend\" rows, not both");
    }
    RP_TRY(seasons->expect_array());
    std::array<int, 12> season_of_month{};
    season_of_month.fill(-1);
    for (std::size_t s = 0; s < seasons->size(); ++s) {
      RP_TRY(read_season(seasons->item(s), periods, season_of_month, s, weekday, weekend));
    }
    for (std::size_t m = 0; m < 12; ++m) {
      if (season_of_month[m] < 0)
        return seasons->error(std::string(kMonthNames[m]) + " is in no season");
    }
    return success();
  }
  std::optional<JsonNode> weekday_rows = node->member("weekday");
  std::optional<JsonNode> weekend_rows = node->member("weekend");
  if (!weekday_rows.has_value()) return missing(*node, "weekday");
  if (!weekend_rows.has_value()) return missing(*node, "weekend");
  Result<MonthHourSchedule> weekdays = read_raw_rows(*weekday_rows, periods.size());
  if (!weekdays.ok()) return weekdays.error();
  Result<MonthHourSchedule> weekends = read_raw_rows(*weekend_rows, periods.size());
  if (!weekends.ok()) return weekends.error();
  weekday = *weekdays;
  weekend = *weekends;
  return success();
}

}  // namespace rp::rating::tariff_file
