#pragma once
// Small builders for rating tests: decimals from text, dates, schedules, one-version tariffs and
// evenly filled interval series. Header-only; used by the rating tests and the benchmark.

#include <chrono>
#include <cstdint>
#include <cstdlib>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/decimal.h"
#include "core/time.h"
#include "rating/bill_lines.h"
#include "rating/tariff.h"
#include "rating/usage.h"

namespace rp::rating::testing {

// The decimal written in `text`; aborts the test binary on a typo (a fixture must be right).
inline Decimal dec(std::string_view text) {
  Result<Decimal> value = Decimal::parse(text);
  if (!value.ok()) std::abort();
  return *value;
}

inline LocalDate day(int year, unsigned month, unsigned day_of_month) {
  return date::year(year) / date::month(month) / date::day(day_of_month);
}

inline UtilityZone zone(std::string_view name) {
  Result<UtilityZone> found = UtilityZone::find(name);
  if (!found.ok()) std::abort();
  return *found;
}

// One tier, unbounded.
inline RatePeriod flat_period(std::string name, std::string_view rate) {
  return RatePeriod{std::move(name), {Tier{std::nullopt, dec(rate), Decimal()}}};
}

// Tiers given as (upper bound or "" for none, rate).
inline RatePeriod tiered_period(std::string name,
                                std::vector<std::pair<std::string, std::string>> tiers) {
  RatePeriod period{std::move(name), {}};
  for (const auto& [max, rate] : tiers) {
    period.tiers.push_back(
        Tier{max.empty() ? std::nullopt : std::optional<Decimal>(dec(max)), dec(rate), Decimal()});
  }
  return period;
}

// Every month, hours [from_hour, to_hour) of `schedule` map to `period`.
inline void set_hours(MonthHourSchedule& schedule, int from_hour, int to_hour,
                      std::uint8_t period) {
  for (auto& month : schedule) {
    for (int h = from_hour; h < to_hour; ++h) month[static_cast<std::size_t>(h)] = period;
  }
}

// Months [first_month, last_month] (1-based) of `schedule`, all hours, map to `period`.
inline void set_months(MonthHourSchedule& schedule, unsigned first_month, unsigned last_month,
                       std::uint8_t period) {
  for (unsigned m = first_month; m <= last_month; ++m) schedule[m - 1].fill(period);
}

inline TariffVersion version_from(LocalDate effective, std::string label = {}) {
  TariffVersion version;
  version.effective = effective;
  version.label = std::move(label);
  return version;
}

inline Tariff tariff_of(std::vector<TariffVersion> versions, UsageUnit unit = UsageUnit::kWh) {
  Tariff tariff;
  tariff.name = "Test tariff";
  tariff.utility = "Test utility";
  tariff.unit = unit;
  tariff.versions = std::move(versions);
  return tariff;
}

// A series covering the local days [from, to) in `zone`, every interval holding `value`.
inline IntervalSeries constant_series(const UtilityZone& zone, LocalDate from, LocalDate to,
                                      std::chrono::minutes interval, std::string_view value) {
  IntervalSeries series;
  series.start = zone.start_of_day(from);
  series.interval = interval;
  const auto count = (zone.start_of_day(to) - series.start) / interval;
  series.values.assign(static_cast<std::size_t>(count), dec(value));
  return series;
}

// Sets the interval starting at `at` (which must be in the series) to `value`.
inline void set_interval(IntervalSeries& series, Instant at, std::string_view value) {
  series.values.at(static_cast<std::size_t>((at - series.start) / series.interval)) = dec(value);
}

// `start` plus `months` calendar months (same day of the month; tests use the 1st).
inline LocalDate add_months_to(LocalDate start, int months) {
  return LocalDate((start.year() / start.month() + date::months(months)) / start.day());
}

inline LocalDate add_days_to(LocalDate start, int days) {
  return LocalDate(date::sys_days(start) + date::days(days));
}

// The first line whose description contains `text`, or nullptr.
inline const BillLine* line_with(const RatedBill& bill, std::string_view text) {
  for (const BillLine& line : bill.lines) {
    if (line.description.find(text) != std::string::npos) return &line;
  }
  return nullptr;
}

// The local instant `hour` hours after the start of `date` (on days without a DST change: the
// wall-clock hour).
inline Instant at_hour(const UtilityZone& zone, LocalDate date, int hour) {
  return zone.start_of_day(date) + std::chrono::hours(hour);
}

// The lines of a bill as text, one per line, for test failure messages.
inline std::string describe(const RatedBill& bill) {
  std::string text;
  for (const BillLine& line : bill.lines) {
    text += std::string(line_kind_name(line.kind)) + " | " + line.description + " | " +
            line.quantity.to_string() + " " + line.unit + " x " + line.rate.to_string() + " = " +
            line.amount.to_string() + "\n";
  }
  return text + "total " + bill.total.to_string() + "\n";
}

}  // namespace rp::rating::testing
