#include "rating/interval_totals.h"

#include <algorithm>
#include <array>
#include <optional>

#include "rating/proration.h"

namespace rp::rating {
namespace {

constexpr std::array<std::uint8_t, 24> kNoPeriods{};

// What one pass over a run of intervals yields.
struct RunScan {
  std::uint64_t sum = 0;  // exact when every value is in [0, kMaxIntervalValueRaw]
  std::int64_t max = 0;
  std::int64_t sign_bits = 0;  // negative when any value was
};

// The loop every interval goes through, in four independent lanes so that the running maximum
// (a compare and a conditional move per value) does not serialise the loop. Unsigned sums never
// invoke undefined behaviour; the caller's per-day range check makes them exact.
inline void scan(const Decimal* values, std::int64_t count, RunScan& scan) {
  std::uint64_t sum0 = 0, sum1 = 0, sum2 = 0, sum3 = 0;
  std::int64_t max0 = 0, max1 = 0, max2 = 0, max3 = 0;
  std::int64_t signs0 = 0, signs1 = 0, signs2 = 0, signs3 = 0;
  std::int64_t i = 0;
  for (; i + 4 <= count; i += 4) {
    const std::int64_t v0 = values[i].raw();
    const std::int64_t v1 = values[i + 1].raw();
    const std::int64_t v2 = values[i + 2].raw();
    const std::int64_t v3 = values[i + 3].raw();
    sum0 += static_cast<std::uint64_t>(v0);
    sum1 += static_cast<std::uint64_t>(v1);
    sum2 += static_cast<std::uint64_t>(v2);
    sum3 += static_cast<std::uint64_t>(v3);
    max0 = std::max(max0, v0);
    max1 = std::max(max1, v1);
    max2 = std::max(max2, v2);
    max3 = std::max(max3, v3);
    signs0 |= v0;
    signs1 |= v1;
    signs2 |= v2;
    signs3 |= v3;
  }
  for (; i < count; ++i) {
    const std::int64_t value = values[i].raw();
    sum0 += static_cast<std::uint64_t>(value);
    max0 = std::max(max0, value);
    signs0 |= value;
  }
  scan.sum = sum0 + sum1 + sum2 + sum3;
  scan.max = std::max(std::max(max0, max1), std::max(max2, max3));
  scan.sign_bits = signs0 | signs1 | signs2 | signs3;
}

// The merged hour runs of each (month, day type), built when first needed.
class RunTable {
 public:
  explicit RunTable(const TariffVersion& version) : version_(version) {}

  const DayRuns& runs(const DayIntervals& day, bool holiday) {
    const auto month = static_cast<unsigned>(day.date.month()) - 1;
    const bool weekend = holiday || day_type(day.epoch_day) == DayType::weekend;
    std::optional<DayRuns>& slot = table_[month * 2 + (weekend ? 1 : 0)];
    if (!slot) slot = build(month, weekend);
    return *slot;
  }

 private:
  DayRuns build(unsigned month, bool weekend) const {
    const EnergyCharges& energy = version_.energy;
    const TouDemandCharges& demand = version_.tou_demand;
    const auto& energy_row =
        energy.periods.empty() ? kNoPeriods : (weekend ? energy.weekend : energy.weekday)[month];
    const auto& demand_row =
        demand.periods.empty() ? kNoPeriods : (weekend ? demand.weekend : demand.weekday)[month];
    return merge_hours(energy_row, demand_row);
  }

  const TariffVersion& version_;
  std::array<std::optional<DayRuns>, 24> table_;
};

// Whether each day of `days` is one of the version's holidays.
std::vector<bool> holiday_flags(std::span<const DayIntervals> days,
                                const std::vector<LocalDate>& holidays) {
  std::vector<bool> flags(days.size(), false);
  if (days.empty()) return flags;
  for (const LocalDate& holiday : holidays) {
    const int index = days_between(days.front().date, holiday);
    if (index >= 0 && static_cast<std::size_t>(index) < days.size()) {
      flags[static_cast<std::size_t>(index)] = true;
    }
  }
  return flags;
}

Error bad_value(const IntervalSeries& usage, const DayIntervals& day) {
  const auto begin = usage.values.begin() + day.first;
  const auto bad = std::find_if(begin, begin + day.count(), [](Decimal v) {
    return v.is_negative() || v.raw() > kMaxIntervalValueRaw;
  });
  const auto index = bad - usage.values.begin();
  const std::string when = format_instant(usage.start + usage.interval * index);
  if (bad->is_negative()) {
    return invalid_input("usage", "interval " + std::to_string(index) + " (" + when + ") is " +
                                      bad->to_string() +
                                      "; usage cannot be negative (rate delivered and received "
                                      "energy separately)");
  }
  return invalid_input("usage", "interval " + std::to_string(index) + " (" + when + ") is " +
                                    bad->to_string() + ", more than 9000000 per interval");
}

Result<Decimal> narrow(__int128 raw) {
  if (raw > INT64_MAX) return overflow("usage in one period of the bill does not fit in a decimal");
  return Decimal::from_raw(static_cast<std::int64_t>(raw));
}

// The accumulators of one part: raw sums per energy period, raw maxima per demand period.
struct Accumulators {
  std::vector<__int128> energy;
  std::vector<std::int64_t> demand_max;
  std::vector<std::int64_t> daily;
};

// Converts the raw accumulators into Decimals: sums checked, maxima to kW (x 60 / minutes: the
// interval is 5, 15, 30 or 60 minutes, so the factor is a whole 12, 4, 2 or 1).
Result<IntervalTotals> finish(const Accumulators& acc, std::chrono::minutes interval) {
  IntervalTotals totals;
  for (__int128 sum : acc.energy) {
    Result<Decimal> value = narrow(sum);
    if (!value.ok()) return value.error();
    totals.energy.push_back(*value);
  }
  const std::int64_t per_hour = 60 / interval.count();
  for (std::int64_t max : acc.demand_max) {
    totals.demand_peak.push_back(Decimal::from_raw(max * per_hour));  // <= 1.08e17, fits
    totals.peak = std::max(totals.peak, totals.demand_peak.back());
  }
  totals.daily.reserve(acc.daily.size());
  for (std::int64_t sum : acc.daily) totals.daily.push_back(Decimal::from_raw(sum));
  return totals;
}

}  // namespace

Result<IntervalTotals> total_intervals(const IntervalSeries& usage,
                                       std::span<const DayIntervals> days,
                                       const TariffVersion& version) {
  Accumulators acc;
  acc.energy.assign(std::max<std::size_t>(1, version.energy.periods.size()), 0);
  acc.demand_max.assign(std::max<std::size_t>(1, version.tou_demand.periods.size()), 0);
  acc.daily.reserve(days.size());
  RunTable table(version);
  const std::vector<bool> holidays = holiday_flags(days, version.holidays);
  const Decimal* values = usage.values.data();

  for (std::size_t d = 0; d < days.size(); ++d) {
    const DayIntervals& day = days[d];
    const DayRuns& runs = table.runs(day, holidays[d]);
    std::int64_t day_max = 0;
    std::int64_t day_signs = 0;
    std::uint64_t day_sum = 0;
    for (int r = 0; r < runs.count; ++r) {
      const HourRun& run = runs.runs[static_cast<std::size_t>(r)];
      const std::int32_t begin = day.hour_start[run.begin_hour];
      RunScan result;
      scan(values + day.first + begin, day.hour_start[run.end_hour] - begin, result);
      acc.energy[run.energy_period] += result.sum;
      std::int64_t& demand = acc.demand_max[run.demand_period];
      demand = std::max(demand, result.max);
      day_max = std::max(day_max, result.max);
      day_signs |= result.sign_bits;
      day_sum += result.sum;
    }
    if (day_signs < 0 || day_max > kMaxIntervalValueRaw) return bad_value(usage, day);
    acc.daily.push_back(static_cast<std::int64_t>(day_sum));
  }
  return finish(acc, usage.interval);
}

}  // namespace rp::rating
