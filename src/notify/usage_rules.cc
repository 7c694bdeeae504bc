#include "notify/usage_rules.h"

#include <algorithm>

#include "billing/bill_cycle.h"
#include "core/fixed_point.h"

namespace rp::notify {
namespace {

std::int64_t divide_rounded(std::int64_t a, std::int64_t b) {
  return static_cast<std::int64_t>(fixed_point::divide_round_half_away(a, b));
}

bool any_estimated(const billing::PeriodToDate& to_date) {
  return std::any_of(to_date.services.begin(), to_date.services.end(),
                     [](const billing::ServiceToDate& service) { return service.estimated; });
}

std::optional<LeakFinding> interval_leak(const billing::MeterWatch& meter,
                                         const LeakSettings& settings) {
  const billing::MeterDay& day = *meter.day;
  const std::int64_t least_flow =
      meter.commodity == "gas" ? settings.gas_least_flow_milli : settings.water_least_flow_milli;
  const std::int64_t per_hour = 60 / std::max(1, day.interval_minutes);
  std::int64_t measured = 0;
  bool all_measured = !day.values.empty();
  std::optional<std::int64_t> least;
  for (std::size_t slot = 0; slot < day.values.size(); ++slot) {
    if (day.quality[slot] != mdm::Quality::actual) {
      all_measured = false;
      continue;
    }
    measured += day.values[slot];
    const std::int64_t flow = day.values[slot] * per_hour;
    least = std::min(least.value_or(flow), flow);
  }
  LeakFinding finding;
  finding.found_on = day.date;
  finding.use_per_day_milli = measured;
  finding.usual_per_day_milli = meter.usual_per_day_milli;
  if (least_flow > 0 && all_measured && least && *least > least_flow) {
    finding.kind = LeakFinding::Kind::continuous_flow;
    finding.least_per_hour_milli = least;
    return finding;
  }
  if (meter.usual_per_day_milli && *meter.usual_per_day_milli > 0 &&
      measured * 100 >= *meter.usual_per_day_milli * settings.burst_percent) {
    finding.kind = LeakFinding::Kind::burst;
    return finding;
  }
  return std::nullopt;
}

std::optional<LeakFinding> read_leak(const billing::MeterWatch& meter, const LeakSettings& settings,
                                     LocalDate today) {
  const billing::BilledRead& read = *meter.latest_read;
  const std::int32_t days = billing::days_in(read.period);
  const auto age = (date::sys_days(today) - date::sys_days(read.period.end)).count();
  if (read.estimated || days <= 0 || age < 0 || age > kReadNewsDays) return std::nullopt;
  if (!meter.usual_per_day_milli || *meter.usual_per_day_milli <= 0) return std::nullopt;
  const std::int64_t per_day = read.usage_milli / days;
  if (per_day * 100 < *meter.usual_per_day_milli * settings.read_percent) return std::nullopt;
  LeakFinding finding;
  finding.kind = LeakFinding::Kind::high_read;
  finding.found_on = read.period.end;
  finding.use_per_day_milli = per_day;
  finding.usual_per_day_milli = meter.usual_per_day_milli;
  return finding;
}

}  // namespace

std::string basis_name(UsageThreshold::Basis basis) {
  switch (basis) {
    case UsageThreshold::Basis::amount:
      return "amount";
    case UsageThreshold::Basis::last_bill:
      return "last_bill";
    case UsageThreshold::Basis::last_year:
      return "last_year";
  }
  return "amount";
}

std::string kind_name(LeakFinding::Kind kind) {
  switch (kind) {
    case LeakFinding::Kind::continuous_flow:
      return "continuous_flow";
    case LeakFinding::Kind::burst:
      return "burst";
    case LeakFinding::Kind::high_read:
      return "high_read";
  }
  return "burst";
}

std::optional<ThresholdCrossing> crossing(const UsageThreshold& threshold,
                                          const billing::AccountWatch& account) {
  const billing::PeriodToDate& to_date = account.to_date;
  if (!to_date.problem.empty() || to_date.services.empty() || to_date.days_so_far <= 0) {
    return std::nullopt;
  }
  ThresholdCrossing crossed;
  crossed.so_far = to_date.charges_so_far;
  crossed.projected = to_date.projected_charges.value_or(to_date.charges_so_far);
  crossed.estimated = any_estimated(to_date);
  const bool enough_days = to_date.days_so_far >= kLeastDaysToProject;
  if (threshold.basis == UsageThreshold::Basis::amount) {
    if (threshold.amount.cents() <= 0) return std::nullopt;
    const bool over = crossed.so_far.cents() >= threshold.amount.cents();
    const bool heading_over = enough_days && crossed.projected.cents() >= threshold.amount.cents();
    if (!over && !heading_over) return std::nullopt;
    return crossed;
  }
  const std::optional<billing::BillCost>& compared =
      threshold.basis == UsageThreshold::Basis::last_bill ? account.last_bill : account.last_year;
  if (!enough_days || !compared || compared->days <= 0 || compared->charges.cents() <= 0 ||
      threshold.percent <= 0) {
    return std::nullopt;
  }
  // so_far / days_so_far >= compared / compared_days x (100 + percent) / 100, in whole cents.
  const std::int64_t now = crossed.so_far.cents() * compared->days;
  const std::int64_t before = compared->charges.cents() * to_date.days_so_far;
  if (now * 100 < before * (100 + threshold.percent)) return std::nullopt;
  crossed.compared_with = compared;
  crossed.change_percent = divide_rounded((now - before) * 100, before);
  return crossed;
}

std::optional<LeakFinding> find_leak(const billing::MeterWatch& meter, const LeakSettings& settings,
                                     LocalDate today) {
  if (meter.day) return interval_leak(meter, settings);
  if (meter.latest_read) return read_leak(meter, settings, today);
  return std::nullopt;
}

}  // namespace rp::notify
