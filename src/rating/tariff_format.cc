#include "rating/tariff_format.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <utility>
#include <vector>

#include "rating/exact_json.h"

namespace rp::rating {
namespace {

constexpr std::string_view kFormatName = "ratepayer-tariff/1";
constexpr std::size_t kMaxPeriods = 255;  // schedules hold a period index in one byte
constexpr std::int64_t kMaxRatchetMonths = 60;

constexpr std::array<std::string_view, 12> kMonthNames = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                          "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

// The file's words for the model's enums. They are part of the format (docs/tariffs.md).
constexpr std::array<std::pair<std::string_view, UsageUnit>, 4> kUnits = {{
    {"kWh", UsageUnit::kWh},
    {"gal", UsageUnit::gal},
    {"CCF", UsageUnit::CCF},
    {"therm", UsageUnit::therm},
}};
constexpr std::array<std::pair<std::string_view, LineKind>, 6> kLineKinds = {{
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

// ---------------------------------------------------------------------------------------------
// Reading

Error missing(const JsonNode& object, std::string_view key) {
  const std::string path =
      object.path().empty() ? std::string(key) : object.path() + "." + std::string(key);
  return invalid_input(path, path + ": required");
}

Result<std::string> required_string(const JsonNode& object, std::string_view key) {
  std::optional<JsonNode> node = object.member(key);
  if (!node.has_value()) return missing(object, key);
  Result<std::string> text = node->as_string();
  if (text.ok() && text->empty()) return node->error("must not be empty");
  return text;
}

Result<std::string> optional_string(const JsonNode& object, std::string_view key) {
  std::optional<JsonNode> node = object.member(key);
  if (!node.has_value()) return std::string();
  return node->as_string();
}

Result<Decimal> required_decimal(const JsonNode& object, std::string_view key) {
  std::optional<JsonNode> node = object.member(key);
  if (!node.has_value()) return missing(object, key);
  return node->as_decimal();
}

// A decimal that must not be negative (charges that are floors, factors, percentages).
Result<std::optional<Decimal>> optional_nonnegative(const JsonNode& object, std::string_view key) {
  std::optional<JsonNode> node = object.member(key);
  if (!node.has_value()) return std::optional<Decimal>();
  Result<Decimal> value = node->as_decimal();
  if (!value.ok()) return value.error();
  if (value->is_negative()) return node->error("must not be negative");
  return std::optional<Decimal>(*value);
}

Result<Tier> read_tier(const JsonNode& node, bool last) {
  RP_TRY(node.expect_object_with_keys({"max", "rate", "adjustment"}));
  Tier tier;
  Result<Decimal> rate = required_decimal(node, "rate");
  if (!rate.ok()) return rate.error();
  tier.rate = *rate;
  if (std::optional<JsonNode> adjustment = node.member("adjustment")) {
    Result<Decimal> value = adjustment->as_decimal();
    if (!value.ok()) return value.error();
    tier.adjustment = *value;
  }
  std::optional<JsonNode> max = node.member("max");
  if (last && max.has_value()) {
    return max->error("the last tier has no upper bound; remove \"max\" (or add a tier above it)");
  }
  if (!last && !max.has_value()) {
    return node.error("\"max\" is required on every tier but the last");
  }
  if (max.has_value()) {
    Result<Decimal> value = max->as_decimal();
    if (!value.ok()) return value.error();
    if (value->is_negative() || value->is_zero()) return max->error("must be above zero");
    tier.max = *value;
  }
  return tier;
}

Result<std::vector<Tier>> read_tiers(const JsonNode& node) {
  RP_TRY(node.expect_array());
  if (node.size() == 0) return node.error("a period needs at least one tier");
  std::vector<Tier> tiers;
  for (std::size_t i = 0; i < node.size(); ++i) {
    Result<Tier> tier = read_tier(node.item(i), i + 1 == node.size());
    if (!tier.ok()) return tier.error();
    if (!tiers.empty() && tier->max.has_value() && *tier->max <= *tiers.back().max) {
      return node.item(i).error("max " + tier->max->to_string() +
                                " must be above the previous tier's max " +
                                tiers.back().max->to_string());
    }
    tiers.push_back(std::move(*tier));
  }
  return tiers;
}

Result<std::vector<int>> read_months(const JsonNode& node);

// One period: {"name": "On-peak", "tiers": [...]}; flat demand periods also list their months.
Result<RatePeriod> read_period(const JsonNode& node, std::vector<int>* months) {
  if (months != nullptr) {
    RP_TRY(node.expect_object_with_keys({"name", "months", "tiers"}));
  } else {
    RP_TRY(node.expect_object_with_keys({"name", "tiers"}));
  }
  RatePeriod period;
  Result<std::string> name = optional_string(node, "name");
  if (!name.ok()) return name.error();
  period.name = std::move(*name);
  std::optional<JsonNode> tiers = node.member("tiers");
  if (!tiers.has_value()) return missing(node, "tiers");
  Result<std::vector<Tier>> read = read_tiers(*tiers);
  if (!read.ok()) return read.error();
  period.tiers = std::move(*read);
  if (months != nullptr) {
    if (std::optional<JsonNode> listed = node.member("months")) {
      Result<std::vector<int>> list = read_months(*listed);
      if (!list.ok()) return list.error();
      *months = std::move(*list);
    }
  }
  return period;
}

Result<std::vector<RatePeriod>> read_periods(const JsonNode& node,
                                             std::vector<std::vector<int>>* months) {
  RP_TRY(node.expect_array());
  if (node.size() == 0) return node.error("at least one period is required");
  if (node.size() > kMaxPeriods) {
    return node.error("at most " + std::to_string(kMaxPeriods) + " periods are supported");
  }
  std::vector<RatePeriod> periods;
  for (std::size_t i = 0; i < node.size(); ++i) {
    std::vector<int> listed;
    Result<RatePeriod> period = read_period(node.item(i), months != nullptr ? &listed : nullptr);
    if (!period.ok()) return period.error();
    periods.push_back(std::move(*period));
    if (months != nullptr) months->push_back(std::move(listed));
  }
  return periods;
}

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

Result<EnergyCharges> read_energy(const JsonNode& node) {
  RP_TRY(node.expect_object_with_keys({"tier_basis", "periods", "schedule"}));
  EnergyCharges energy;
  if (std::optional<JsonNode> basis = node.member("tier_basis")) {
    Result<std::string> word = basis->as_string();
    if (!word.ok()) return word.error();
    if (*word == "daily") {
      energy.tier_basis = TierBasis::daily;
    } else if (*word != "monthly") {
      return basis->error("\"" + *word + "\" is not \"monthly\" or \"daily\"");
    }
  }
  std::optional<JsonNode> periods = node.member("periods");
  if (!periods.has_value()) return missing(node, "periods");
  Result<std::vector<RatePeriod>> read = read_periods(*periods, nullptr);
  if (!read.ok()) return read.error();
  energy.periods = std::move(*read);
  RP_TRY(read_schedule(node, energy.periods, energy.weekday, energy.weekend));
  return energy;
}

Result<TouDemandCharges> read_tou_demand(const JsonNode& node) {
  RP_TRY(node.expect_object_with_keys({"periods", "schedule"}));
  TouDemandCharges demand;
  std::optional<JsonNode> periods = node.member("periods");
  if (!periods.has_value()) return missing(node, "periods");
  Result<std::vector<RatePeriod>> read = read_periods(*periods, nullptr);
  if (!read.ok()) return read.error();
  demand.periods = std::move(*read);
  RP_TRY(read_schedule(node, demand.periods, demand.weekday, demand.weekend));
  return demand;
}

// {"periods": [{"name": "Summer", "months": "Jun-Sep", "tiers": [...]}, ...]}: each month in
// exactly one period; a single period without "months" applies all year.
Result<FlatDemandCharges> read_flat_demand(const JsonNode& node) {
  RP_TRY(node.expect_object_with_keys({"periods"}));
  FlatDemandCharges demand;
  std::optional<JsonNode> periods = node.member("periods");
  if (!periods.has_value()) return missing(node, "periods");
  std::vector<std::vector<int>> months;
  Result<std::vector<RatePeriod>> read = read_periods(*periods, &months);
  if (!read.ok()) return read.error();
  demand.periods = std::move(*read);
  if (demand.periods.size() == 1 && months[0].empty()) return demand;
  std::array<int, 12> period_of{};
  period_of.fill(-1);
  for (std::size_t p = 0; p < months.size(); ++p) {
    for (int m : months[p]) {
      const auto at = static_cast<std::size_t>(m);
      if (period_of[at] >= 0) {
        return periods->item(p).error(std::string(kMonthNames[at]) + " is already in periods[" +
                                      std::to_string(period_of[at]) + "]");
      }
      period_of[at] = static_cast<int>(p);
      demand.month_period[at] = static_cast<std::uint8_t>(p);
    }
  }
  for (std::size_t m = 0; m < 12; ++m) {
    if (period_of[m] < 0) {
      return periods->error(std::string(kMonthNames[m]) + " is in no period's \"months\"");
    }
  }
  return demand;
}

Result<DemandRatchet> read_ratchet(const JsonNode& node) {
  RP_TRY(node.expect_object_with_keys({"percent", "months"}));
  DemandRatchet ratchet;
  std::optional<JsonNode> percent = node.member("percent");
  std::optional<JsonNode> months = node.member("months");
  if (!percent.has_value()) return missing(node, "percent");
  if (!months.has_value()) return missing(node, "months");
  Result<Decimal> fraction = percent->as_percent();
  if (!fraction.ok()) return fraction.error();
  if (fraction->is_negative() || fraction->is_zero() ||
      *fraction > Decimal::from_raw(Decimal::kScale)) {
    return percent->error("must be above 0 and at most 100 (a percentage: 80 means 80%)");
  }
  ratchet.percent = *fraction;
  Result<std::int64_t> count = months->as_integer(1, kMaxRatchetMonths);
  if (!count.ok()) return count.error();
  ratchet.months = static_cast<int>(*count);
  return ratchet;
}

Result<FixedCharge> read_fixed_charge(const JsonNode& node) {
  RP_TRY(node.expect_object_with_keys({"description", "amount", "per", "meter_size"}));
  FixedCharge charge;
  Result<std::string> description = required_string(node, "description");
  if (!description.ok()) return description.error();
  charge.description = std::move(*description);
  Result<Decimal> amount = required_decimal(node, "amount");
  if (!amount.ok()) return amount.error();
  charge.amount = *amount;
  Result<std::string> per = required_string(node, "per");
  if (!per.ok()) return per.error();
  if (*per == "day") {
    charge.basis = FixedChargeBasis::per_day;
  } else if (*per != "month") {
    return node.member("per")->error("\"" + *per + "\" is not \"month\" or \"day\"");
  }
  if (node.member("meter_size").has_value()) {
    Result<std::string> size = required_string(node, "meter_size");
    if (!size.ok()) return size.error();
    charge.meter_size = std::move(*size);
  }
  return charge;
}

Result<Rider> read_rider(const JsonNode& node) {
  RP_TRY(node.expect_object_with_keys({"description", "values"}));
  Rider rider;
  Result<std::string> description = required_string(node, "description");
  if (!description.ok()) return description.error();
  rider.description = std::move(*description);
  std::optional<JsonNode> values = node.member("values");
  if (!values.has_value()) return missing(node, "values");
  RP_TRY(values->expect_array());
  if (values->size() == 0) return values->error("a rider needs at least one value");
  for (std::size_t i = 0; i < values->size(); ++i) {
    const JsonNode item = values->item(i);
    RP_TRY(item.expect_object_with_keys({"effective", "per_unit"}));
    std::optional<JsonNode> effective = item.member("effective");
    if (!effective.has_value()) return missing(item, "effective");
    Result<LocalDate> date = effective->as_date();
    if (!date.ok()) return date.error();
    Result<Decimal> per_unit = required_decimal(item, "per_unit");
    if (!per_unit.ok()) return per_unit.error();
    if (!rider.values.empty() && *date <= rider.values.back().effective) {
      return effective->error("must be after the previous value's date " +
                              format_local_date(rider.values.back().effective) +
                              "; list values oldest first");
    }
    rider.values.push_back(RiderValue{*date, *per_unit});
  }
  return rider;
}

Result<std::vector<LineKind>> read_applies_to(const JsonNode& node) {
  RP_TRY(node.expect_array());
  if (node.size() == 0) return node.error("list at least one kind of line");
  std::vector<LineKind> kinds;
  for (std::size_t i = 0; i < node.size(); ++i) {
    Result<LineKind> kind = read_word(node.item(i), kLineKinds);
    if (!kind.ok()) return kind.error();
    if (std::find(kinds.begin(), kinds.end(), *kind) != kinds.end()) {
      return node.item(i).error("listed twice");
    }
    kinds.push_back(*kind);
  }
  return kinds;
}

Result<Tax> read_tax(const JsonNode& node) {
  RP_TRY(node.expect_object_with_keys({"description", "percent", "per_unit", "applies_to"}));
  Tax tax;
  Result<std::string> description = required_string(node, "description");
  if (!description.ok()) return description.error();
  tax.description = std::move(*description);
  std::optional<JsonNode> percent = node.member("percent");
  std::optional<JsonNode> per_unit = node.member("per_unit");
  if (percent.has_value() == per_unit.has_value()) {
    return node.error("give exactly one of \"percent\" and \"per_unit\"");
  }
  if (percent.has_value()) {
    Result<Decimal> fraction = percent->as_percent();
    if (!fraction.ok()) return fraction.error();
    if (fraction->is_negative()) return percent->error("must not be negative");
    tax.percent = *fraction;
  } else {
    Result<Decimal> amount = per_unit->as_decimal();
    if (!amount.ok()) return amount.error();
    if (amount->is_negative()) return per_unit->error("must not be negative");
    tax.per_unit = *amount;
  }
  if (std::optional<JsonNode> applies_to = node.member("applies_to")) {
    if (!percent.has_value()) {
      return applies_to->error(
          "only a percentage tax applies to lines; a per-unit tax applies to "
          "usage");
    }
    Result<std::vector<LineKind>> kinds = read_applies_to(*applies_to);
    if (!kinds.ok()) return kinds.error();
    tax.applies_to = std::move(*kinds);
  }
  return tax;
}

// Reads the array at `key` (when present) with `read_one` for each element.
template <typename T, typename ReadOne>
Result<std::vector<T>> read_list(const JsonNode& owner, std::string_view key, ReadOne read_one) {
  std::vector<T> list;
  std::optional<JsonNode> node = owner.member(key);
  if (!node.has_value()) return list;
  RP_TRY(node->expect_array());
  for (std::size_t i = 0; i < node->size(); ++i) {
    Result<T> one = read_one(node->item(i));
    if (!one.ok()) return one.error();
    list.push_back(std::move(*one));
  }
  return list;
}

Result<LocalDate> read_holiday(const JsonNode& node) {
  return node.as_date();
}

Result<void> read_charges(const JsonNode& node, TariffVersion& version) {
  if (std::optional<JsonNode> energy = node.member("energy")) {
    Result<EnergyCharges> read = read_energy(*energy);
    if (!read.ok()) return read.error();
    version.energy = std::move(*read);
  }
  if (std::optional<JsonNode> demand = node.member("tou_demand")) {
    Result<TouDemandCharges> read = read_tou_demand(*demand);
    if (!read.ok()) return read.error();
    version.tou_demand = std::move(*read);
  }
  if (std::optional<JsonNode> demand = node.member("flat_demand")) {
    Result<FlatDemandCharges> read = read_flat_demand(*demand);
    if (!read.ok()) return read.error();
    version.flat_demand = std::move(*read);
  }
  if (std::optional<JsonNode> ratchet = node.member("ratchet")) {
    Result<DemandRatchet> read = read_ratchet(*ratchet);
    if (!read.ok()) return read.error();
    if (version.flat_demand.periods.empty()) {
      return ratchet->error(
          "a ratchet sets the billing demand of flat_demand charges, and this "
          "version has none");
    }
    version.ratchet = *read;
  }
  Result<std::optional<Decimal>> minimum = optional_nonnegative(node, "minimum_monthly_charge");
  if (!minimum.ok()) return minimum.error();
  version.minimum_monthly_charge = *minimum;
  Result<std::optional<Decimal>> annual = optional_nonnegative(node, "annual_minimum_charge");
  if (!annual.ok()) return annual.error();
  version.annual_minimum_charge = *annual;
  return success();
}

Result<TariffVersion> read_version(const JsonNode& node) {
  RP_TRY(node.expect_object_with_keys(
      {"effective", "label", "fixed_charges", "energy", "tou_demand", "flat_demand", "ratchet",
       "minimum_monthly_charge", "annual_minimum_charge", "riders", "taxes", "holidays"}));
  TariffVersion version;
  std::optional<JsonNode> effective = node.member("effective");
  if (!effective.has_value()) return missing(node, "effective");
  Result<LocalDate> date = effective->as_date();
  if (!date.ok()) return date.error();
  version.effective = *date;
  Result<std::string> label = optional_string(node, "label");
  if (!label.ok()) return label.error();
  version.label = std::move(*label);
  Result<std::vector<FixedCharge>> fixed =
      read_list<FixedCharge>(node, "fixed_charges", read_fixed_charge);
  if (!fixed.ok()) return fixed.error();
  version.fixed_charges = std::move(*fixed);
  RP_TRY(read_charges(node, version));
  Result<std::vector<Rider>> riders = read_list<Rider>(node, "riders", read_rider);
  if (!riders.ok()) return riders.error();
  version.riders = std::move(*riders);
  Result<std::vector<Tax>> taxes = read_list<Tax>(node, "taxes", read_tax);
  if (!taxes.ok()) return taxes.error();
  version.taxes = std::move(*taxes);
  Result<std::vector<LocalDate>> holidays = read_list<LocalDate>(node, "holidays", read_holiday);
  if (!holidays.ok()) return holidays.error();
  std::set<date::sys_days> seen;
  for (std::size_t i = 0; i < holidays->size(); ++i) {
    if (!seen.insert(date::sys_days((*holidays)[i])).second) {
      return node.member("holidays")->item(i).error("listed twice");
    }
  }
  version.holidays = std::move(*holidays);
  return version;
}

Result<void> read_commodity(const JsonNode& root, Tariff& tariff) {
  std::optional<JsonNode> unit = root.member("unit");
  if (!unit.has_value()) return missing(root, "unit");
  Result<UsageUnit> read = read_word(*unit, kUnits);
  if (!read.ok()) return read.error();
  tariff.unit = *read;
  if (std::optional<JsonNode> factor = root.member("therm_factor")) {
    if (tariff.unit != UsageUnit::therm) {
      return factor->error("only a tariff billed in therms converts CCF with a therm factor");
    }
    Result<Decimal> value = factor->as_decimal();
    if (!value.ok()) return value.error();
    if (value->is_negative() || value->is_zero()) return factor->error("must be above zero");
    tariff.therm_factor = *value;
  }
  if (std::optional<JsonNode> sewer = root.member("sewer")) {
    if (tariff.unit != UsageUnit::gal && tariff.unit != UsageUnit::CCF) {
      return sewer->error("sewer is billed on water usage: the unit must be \"gal\" or \"CCF\"");
    }
    RP_TRY(sewer->expect_object_with_keys({"cap_at_winter_average"}));
    SewerCap cap;
    if (std::optional<JsonNode> flag = sewer->member("cap_at_winter_average")) {
      Result<bool> value = flag->as_bool();
      if (!value.ok()) return value.error();
      cap.cap_at_winter_average = *value;
    }
    tariff.sewer = cap;
  }
  return success();
}

Result<Tariff> read_tariff(const JsonNode& root) {
  RP_TRY(root.expect_object_with_keys(
      {"format", "name", "utility", "unit", "therm_factor", "sewer", "versions"}));
  if (std::optional<JsonNode> format = root.member("format")) {
    Result<std::string> name = format->as_string();
    if (!name.ok()) return name.error();
    if (*name != kFormatName) {
      return format->error("\"" + *name + "\" is not \"" + std::string(kFormatName) + "\"");
    }
  }
  Tariff tariff;
  Result<std::string> name = required_string(root, "name");
  if (!name.ok()) return name.error();
  tariff.name = std::move(*name);
  Result<std::string> utility = optional_string(root, "utility");
  if (!utility.ok()) return utility.error();
  tariff.utility = std::move(*utility);
  RP_TRY(read_commodity(root, tariff));
  std::optional<JsonNode> versions = root.member("versions");
  if (!versions.has_value()) return missing(root, "versions");
  Result<std::vector<TariffVersion>> read =
      read_list<TariffVersion>(root, "versions", read_version);
  if (!read.ok()) return read.error();
  if (read->empty()) return versions->error("a tariff needs at least one version");
  for (std::size_t i = 1; i < read->size(); ++i) {
    if ((*read)[i].effective <= (*read)[i - 1].effective) {
      return versions->item(i)
          .member("effective")
          ->error("must be after versions[" + std::to_string(i - 1) + "].effective " +
                  format_local_date((*read)[i - 1].effective) + "; list versions oldest first");
    }
  }
  tariff.versions = std::move(*read);
  return tariff;
}

// ---------------------------------------------------------------------------------------------
// Writing

JsonValue decimal_json(Decimal value) {
  return JsonValue::string(value.to_string());
}

JsonValue string_or_list(const std::vector<std::string>& texts) {
  if (texts.size() == 1) return JsonValue::string(texts[0]);
  JsonValue list = JsonValue::array();
  for (const std::string& text : texts) list.push(JsonValue::string(text));
  return list;
}

// Ascending 0-based months as ranges, a run through December continuing into January written as
// one wrapping range: {0,1,2,3,4,9,10,11} -> "Oct-May"; {0,5,6,11} -> ["Jun-Jul", "Dec-Jan"].
JsonValue months_json(const std::vector<int>& months) {
  std::vector<std::pair<int, int>> runs;  // first and last month of each run
  for (std::size_t i = 0; i < months.size();) {
    std::size_t j = i;
    while (j + 1 < months.size() && months[j + 1] == months[j] + 1) ++j;
    runs.emplace_back(months[i], months[j]);
    i = j + 1;
  }
  if (runs.size() > 1 && runs.front().first == 0 && runs.back().second == 11) {
    runs.back().second = runs.front().second;
    runs.erase(runs.begin());
  }
  std::vector<std::string> ranges;
  for (const auto& [first, last] : runs) {
    std::string range(kMonthNames[static_cast<std::size_t>(first)]);
    if (last != first) range += "-" + std::string(kMonthNames[static_cast<std::size_t>(last)]);
    ranges.push_back(std::move(range));
  }
  return string_or_list(ranges);
}

JsonValue tiers_json(const std::vector<Tier>& tiers) {
  JsonValue list = JsonValue::array();
  for (const Tier& tier : tiers) {
    JsonValue item = JsonValue::object();
    if (tier.max.has_value()) item.add("max", decimal_json(*tier.max));
    item.add("rate", decimal_json(tier.rate));
    if (!tier.adjustment.is_zero()) item.add("adjustment", decimal_json(tier.adjustment));
    list.push(std::move(item));
  }
  return list;
}

// Periods are referred to by name when every period has a distinct, non-empty name.
bool names_are_usable(const std::vector<RatePeriod>& periods) {
  for (std::size_t p = 0; p < periods.size(); ++p) {
    if (periods[p].name.empty()) return false;
    for (std::size_t q = 0; q < p; ++q) {
      if (periods[q].name == periods[p].name) return false;
    }
  }
  return true;
}

JsonValue period_ref_json(std::uint8_t period, const std::vector<RatePeriod>& periods) {
  if (names_are_usable(periods)) return JsonValue::string(periods[period].name);
  return JsonValue::integer(period);
}

// A day as {"default": most common period, "ranges": runs of the others}.
JsonValue day_json(const std::array<std::uint8_t, 24>& day,
                   const std::vector<RatePeriod>& periods) {
  std::map<std::uint8_t, int> hours_of;
  for (std::uint8_t p : day) ++hours_of[p];
  std::uint8_t fallback = day[0];
  for (const auto& [period, count] : hours_of) {
    if (count > hours_of[fallback]) fallback = period;
  }
  std::vector<std::uint8_t> order;  // other periods, by first hour
  std::map<std::uint8_t, std::vector<std::string>> runs;
  for (int h = 0; h < 24;) {
    int end = h;
    while (end < 24 && day[static_cast<std::size_t>(end)] == day[static_cast<std::size_t>(h)])
      ++end;
    const std::uint8_t period = day[static_cast<std::size_t>(h)];
    if (period != fallback) {
      if (runs[period].empty()) order.push_back(period);
      runs[period].push_back(std::to_string(h) + "-" + std::to_string(end));
    }
    h = end;
  }
  JsonValue result = JsonValue::object();
  result.add("default", period_ref_json(fallback, periods));
  if (order.empty()) return result;
  JsonValue ranges = JsonValue::array();
  for (std::uint8_t period : order) {
    JsonValue range = JsonValue::object();
    range.add("period", period_ref_json(period, periods));
    range.add("hours", string_or_list(runs[period]));
    ranges.push(std::move(range));
  }
  result.add("ranges", std::move(ranges));
  return result;
}

JsonValue raw_rows_json(const MonthHourSchedule& schedule) {
  JsonValue rows = JsonValue::array();
  for (const auto& row : schedule) {
    JsonValue hours = JsonValue::array();
    for (std::uint8_t period : row) hours.push(JsonValue::integer(period));
    rows.push(std::move(hours));
  }
  return rows;
}

// Months with the same weekday and weekend rows form a season.
JsonValue schedule_json(const MonthHourSchedule& weekday, const MonthHourSchedule& weekend,
                        const std::vector<RatePeriod>& periods) {
  for (std::size_t m = 0; m < 12; ++m) {
    for (std::size_t h = 0; h < 24; ++h) {
      if (weekday[m][h] >= periods.size() || weekend[m][h] >= periods.size()) {
        JsonValue raw = JsonValue::object();  // not valid; written as is for a person to fix
        raw.add("weekday", raw_rows_json(weekday));
        raw.add("weekend", raw_rows_json(weekend));
        return raw;
      }
    }
  }
  std::vector<std::vector<int>> seasons;  // months of each season, first month first
  for (int m = 0; m < 12; ++m) {
    auto same = [&](const std::vector<int>& season) {
      const auto first = static_cast<std::size_t>(season[0]);
      const auto month = static_cast<std::size_t>(m);
      return weekday[first] == weekday[month] && weekend[first] == weekend[month];
    };
    auto found = std::find_if(seasons.begin(), seasons.end(), same);
    if (found == seasons.end()) {
      seasons.push_back({m});
    } else {
      found->push_back(m);
    }
  }
  JsonValue list = JsonValue::array();
  for (const std::vector<int>& months : seasons) {
    const auto first = static_cast<std::size_t>(months[0]);
    JsonValue season = JsonValue::object();
    season.add("months", months_json(months));
    if (weekday[first] == weekend[first]) {
      season.add("all_days", day_json(weekday[first], periods));
    } else {
      season.add("weekday", day_json(weekday[first], periods));
      season.add("weekend", day_json(weekend[first], periods));
    }
    list.push(std::move(season));
  }
  JsonValue schedule = JsonValue::object();
  schedule.add("seasons", std::move(list));
  return schedule;
}

bool schedule_is_trivial(const MonthHourSchedule& weekday, const MonthHourSchedule& weekend) {
  for (std::size_t m = 0; m < 12; ++m) {
    for (std::size_t h = 0; h < 24; ++h) {
      if (weekday[m][h] != 0 || weekend[m][h] != 0) return false;
    }
  }
  return true;
}

JsonValue periods_json(const std::vector<RatePeriod>& periods) {
  JsonValue list = JsonValue::array();
  for (const RatePeriod& period : periods) {
    JsonValue item = JsonValue::object();
    if (!period.name.empty()) item.add("name", JsonValue::string(period.name));
    item.add("tiers", tiers_json(period.tiers));
    list.push(std::move(item));
  }
  return list;
}

JsonValue time_of_use_json(const std::vector<RatePeriod>& periods, const MonthHourSchedule& weekday,
                           const MonthHourSchedule& weekend, JsonValue charges) {
  charges.add("periods", periods_json(periods));
  if (periods.size() > 1 || !schedule_is_trivial(weekday, weekend)) {
    charges.add("schedule", schedule_json(weekday, weekend, periods));
  }
  return charges;
}

JsonValue flat_demand_json(const FlatDemandCharges& demand) {
  JsonValue list = periods_json(demand.periods);
  const bool all_year_first = demand.periods.size() == 1 &&
                              std::all_of(demand.month_period.begin(), demand.month_period.end(),
                                          [](std::uint8_t p) { return p == 0; });
  if (!all_year_first) {
    for (std::size_t p = 0; p < demand.periods.size(); ++p) {
      std::vector<int> months;
      for (std::size_t m = 0; m < 12; ++m) {
        if (demand.month_period[m] == p) months.push_back(static_cast<int>(m));
      }
      JsonValue& item = list.items[p];
      JsonValue listed = months.empty() ? JsonValue::array() : months_json(months);
      item.members.insert(item.members.begin() + (item.find("name") != nullptr ? 1 : 0),
                          JsonValue::Member{"months", std::move(listed)});
    }
  }
  JsonValue result = JsonValue::object();
  result.add("periods", std::move(list));
  return result;
}

JsonValue fixed_charge_json(const FixedCharge& charge) {
  JsonValue item = JsonValue::object();
  item.add("description", JsonValue::string(charge.description));
  item.add("amount", decimal_json(charge.amount));
  item.add("per", JsonValue::string(charge.basis == FixedChargeBasis::per_day ? "day" : "month"));
  if (charge.meter_size.has_value()) item.add("meter_size", JsonValue::string(*charge.meter_size));
  return item;
}

JsonValue rider_json(const Rider& rider) {
  JsonValue values = JsonValue::array();
  for (const RiderValue& value : rider.values) {
    JsonValue item = JsonValue::object();
    item.add("effective", JsonValue::string(format_local_date(value.effective)));
    item.add("per_unit", decimal_json(value.per_unit));
    values.push(std::move(item));
  }
  JsonValue item = JsonValue::object();
  item.add("description", JsonValue::string(rider.description));
  item.add("values", std::move(values));
  return item;
}

JsonValue tax_json(const Tax& tax) {
  JsonValue item = JsonValue::object();
  item.add("description", JsonValue::string(tax.description));
  if (tax.percent.has_value()) {
    item.add("percent", JsonValue::string(percent_text(*tax.percent)));
    JsonValue kinds = JsonValue::array();
    for (LineKind kind : tax.applies_to)
      kinds.push(JsonValue::string(std::string(word_of(kLineKinds, kind))));
    item.add("applies_to", std::move(kinds));
  } else if (tax.per_unit.has_value()) {
    item.add("per_unit", decimal_json(*tax.per_unit));
  }
  return item;
}

template <typename T, typename Write>
void add_list(JsonValue& owner, const char* key, const std::vector<T>& list, Write write) {
  if (list.empty()) return;
  JsonValue items = JsonValue::array();
  for (const T& item : list) items.push(write(item));
  owner.add(key, std::move(items));
}

void add_charges_json(const TariffVersion& version, JsonValue& item) {
  if (!version.energy.periods.empty()) {
    JsonValue energy = JsonValue::object();
    if (version.energy.tier_basis == TierBasis::daily)
      energy.add("tier_basis", JsonValue::string("daily"));
    item.add("energy", time_of_use_json(version.energy.periods, version.energy.weekday,
                                        version.energy.weekend, std::move(energy)));
  }
  if (!version.tou_demand.periods.empty()) {
    item.add("tou_demand", time_of_use_json(version.tou_demand.periods, version.tou_demand.weekday,
                                            version.tou_demand.weekend, JsonValue::object()));
  }
  if (!version.flat_demand.periods.empty())
    item.add("flat_demand", flat_demand_json(version.flat_demand));
  if (version.ratchet.has_value()) {
    JsonValue ratchet = JsonValue::object();
    ratchet.add("percent", JsonValue::string(percent_text(version.ratchet->percent)));
    ratchet.add("months", JsonValue::integer(version.ratchet->months));
    item.add("ratchet", std::move(ratchet));
  }
  if (version.minimum_monthly_charge.has_value()) {
    item.add("minimum_monthly_charge", decimal_json(*version.minimum_monthly_charge));
  }
  if (version.annual_minimum_charge.has_value()) {
    item.add("annual_minimum_charge", decimal_json(*version.annual_minimum_charge));
  }
}

JsonValue version_json(const TariffVersion& version) {
  JsonValue item = JsonValue::object();
  item.add("effective", JsonValue::string(format_local_date(version.effective)));
  if (!version.label.empty()) item.add("label", JsonValue::string(version.label));
  add_list(item, "fixed_charges", version.fixed_charges, fixed_charge_json);
  add_charges_json(version, item);
  add_list(item, "riders", version.riders, rider_json);
  add_list(item, "taxes", version.taxes, tax_json);
  add_list(item, "holidays", version.holidays,
           [](LocalDate date) { return JsonValue::string(format_local_date(date)); });
  return item;
}

}  // namespace

Result<Tariff> parse_tariff(std::string_view json_text) {
  Result<JsonValue> document = parse_exact_json(json_text, "tariff");
  if (!document.ok()) return document.error();
  return read_tariff(JsonNode(*document, ""));
}

std::string format_tariff(const Tariff& tariff) {
  JsonValue root = JsonValue::object();
  root.add("format", JsonValue::string(std::string(kFormatName)));
  root.add("name", JsonValue::string(tariff.name));
  if (!tariff.utility.empty()) root.add("utility", JsonValue::string(tariff.utility));
  root.add("unit", JsonValue::string(std::string(word_of(kUnits, tariff.unit))));
  if (tariff.therm_factor.has_value()) root.add("therm_factor", decimal_json(*tariff.therm_factor));
  if (tariff.sewer.has_value()) {
    JsonValue sewer = JsonValue::object();
    sewer.add("cap_at_winter_average",
              JsonValue::boolean_value(tariff.sewer->cap_at_winter_average));
    root.add("sewer", std::move(sewer));
  }
  add_list(root, "versions", tariff.versions, version_json);
  return write_pretty_json(root);
}

}  // namespace rp::rating
