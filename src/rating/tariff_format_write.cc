// Writing a tariff file (rating/tariff_format.h): decimals as strings, schedules in the compact
// season form, fields that hold their defaults left out.
#include "rating/tariff_format.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <utility>
#include <vector>

#include "rating/tariff_format_parts.h"

namespace rp::rating {

using namespace tariff_file;  // the format's shared pieces (tariff_format_parts.h)

namespace {

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
