#include "mdm/vee_checks.h"

#include <algorithm>

#include "mdm/vee_support.h"

namespace rp::mdm {
namespace {

using vee_detail::format_position;

// Appends one finding (needing review) per run of adjacent flagged slots; `describe(first, last)`
// gives its evidence.
template <typename Describe>
void add_runs(const std::vector<bool>& flagged, VeeRule rule, const Describe& describe,
              std::vector<VeeFinding>& findings) {
  auto slots = static_cast<std::int32_t>(flagged.size());
  for (std::int32_t first = 0; first < slots; ++first) {
    if (!flagged[static_cast<std::size_t>(first)]) continue;
    std::int32_t last = first;
    while (last + 1 < slots && flagged[static_cast<std::size_t>(last + 1)]) ++last;
    findings.push_back(VeeFinding{rule, first, last, describe(first, last), true});
    first = last;
  }
}

// "3 reads from 2026-11-23T14:00:00Z to 2026-11-23T14:45:00Z"
std::string describe_run(const IntervalDay& day, std::int32_t first, std::int32_t last) {
  std::int64_t base = std::int64_t{day.utc_day} * vee_detail::slots_per_day(day.interval_minutes);
  std::int32_t count = last - first + 1;
  return std::to_string(count) + (count == 1 ? " read" : " reads") + " from " +
         format_position(base + first, day.interval_minutes) + " to " +
         format_position(base + last + 1, day.interval_minutes);
}

std::int64_t extreme(const IntervalDay& day, std::int32_t first, std::int32_t last, bool largest) {
  auto begin = day.values.begin() + first;
  auto end = day.values.begin() + last + 1;
  return largest ? *std::max_element(begin, end) : *std::min_element(begin, end);
}

// per_hour x interval_minutes / 60, rounded half away from zero (for evidence only).
std::string per_interval(std::int64_t per_hour, std::int32_t interval_minutes) {
  return format_milli_units(static_cast<std::int64_t>(
      vee_detail::divide_round_half_away(static_cast<__int128>(per_hour) * interval_minutes, 60)));
}

bool is_zero_day(const IntervalDay* day) {
  if (day == nullptr) return false;
  bool any_read = false;
  for (std::size_t slot = 0; slot < day->values.size(); ++slot) {
    if (day->quality[slot] != Quality::actual) continue;
    if (day->values[slot] != 0) return false;
    any_read = true;
  }
  return any_read;
}

std::string date_of(std::int32_t utc_day) {
  return format_position(std::int64_t{utc_day} * 24, 60).substr(0, 10);
}

}  // namespace

void check_negative(const IntervalDay& day, const ChannelContext& context,
                    std::vector<VeeFinding>& findings) {
  if (!context.delivered) return;
  std::vector<bool> negative(day.slots());
  for (std::size_t slot = 0; slot < day.slots(); ++slot)
    negative[slot] = day.quality[slot] == Quality::actual && day.values[slot] < 0;
  auto describe = [&day](std::int32_t first, std::int32_t last) {
    return describe_run(day, first, last) + " below zero on a delivered channel; lowest " +
           format_milli_units(extreme(day, first, last, false));
  };
  add_runs(negative, VeeRule::negative_consumption, describe, findings);
}

std::int64_t physical_max_per_hour(const VeeRules& rules, const ChannelContext& context) {
  return context.physical_max_milli_per_hour > 0 ? context.physical_max_milli_per_hour
                                                 : rules.default_physical_max_milli_per_hour;
}

void check_spikes(const VeeRules& rules, const IntervalDay& day, const ChannelContext& context,
                  std::vector<VeeFinding>& findings) {
  const std::int32_t minutes = day.interval_minutes;
  const std::int64_t max_per_hour = physical_max_per_hour(rules, context);
  const std::optional<std::int64_t> percentile =
      context.recent_percentile_milli
          ? context.recent_percentile_milli
          : recent_percentile(rules, day.utc_day, minutes, context.history);
  std::vector<bool> physical(day.slots());
  std::vector<bool> spike(day.slots());
  for (std::size_t slot = 0; slot < day.slots(); ++slot) {
    if (day.quality[slot] != Quality::actual) continue;
    __int128 value = day.values[slot];
    if (value * 60 > static_cast<__int128>(max_per_hour) * minutes) {
      physical[slot] = true;
    } else if (percentile) {
      spike[slot] = value * 100 > static_cast<__int128>(rules.spike_factor_percent) * *percentile &&
                    value * 60 > static_cast<__int128>(rules.spike_floor_milli_per_hour) * minutes;
    }
  }
  auto describe_physical = [&](std::int32_t first, std::int32_t last) {
    return describe_run(day, first, last) + " above the physical maximum of " +
           per_interval(max_per_hour, minutes) + " per interval (" +
           format_milli_units(max_per_hour) + " per hour); largest " +
           format_milli_units(extreme(day, first, last, true));
  };
  add_runs(physical, VeeRule::spike_physical_max, describe_physical, findings);
  auto describe_spike = [&](std::int32_t first, std::int32_t last) {
    auto threshold = static_cast<std::int64_t>(vee_detail::divide_round_half_away(
        static_cast<__int128>(rules.spike_factor_percent) * percentile.value_or(0), 100));
    return describe_run(day, first, last) + " above " + std::to_string(rules.spike_factor_percent) +
           "% of the recent " + std::to_string(rules.spike_percentile) + "th percentile " +
           format_milli_units(percentile.value_or(0)) + " (threshold " +
           format_milli_units(threshold) + ") and above the floor of " +
           per_interval(rules.spike_floor_milli_per_hour, minutes) + " per interval; largest " +
           format_milli_units(extreme(day, first, last, true));
  };
  add_runs(spike, VeeRule::spike_history, describe_spike, findings);
}

std::optional<std::int64_t> recent_percentile(const VeeRules& rules, std::int32_t utc_day,
                                              std::int32_t interval_minutes,
                                              const std::vector<const IntervalDay*>& history) {
  std::vector<std::int64_t> values;
  for (const IntervalDay* day : history) {
    if (day == nullptr || day->interval_minutes != interval_minutes || day->utc_day >= utc_day ||
        day->utc_day < utc_day - rules.spike_history_days)
      continue;
    for (std::size_t slot = 0; slot < day->values.size() && slot < day->quality.size(); ++slot) {
      if (vee_detail::is_read(day->quality[slot])) values.push_back(day->values[slot]);
    }
  }
  auto count = static_cast<std::int64_t>(values.size());
  if (count == 0 || count * interval_minutes < std::int64_t{rules.spike_min_history_hours} * 60)
    return std::nullopt;
  std::int64_t rank = (rules.spike_percentile * count + 99) / 100;  // 1-based, ceil
  auto nth = values.begin() + (rank - 1);
  std::nth_element(values.begin(), nth, values.end());
  return *nth;
}

void check_zero_consumption(const VeeRules& rules, const ChannelTimeline& timeline,
                            const IntervalDay& day, const ChannelContext& context,
                            std::vector<VeeFinding>& findings) {
  if (!context.service_active || !context.delivered || !is_zero_day(&day)) return;
  std::int32_t first = day.utc_day;
  std::int32_t last = day.utc_day;
  while (is_zero_day(timeline.day_at(first - 1))) --first;
  while (is_zero_day(timeline.day_at(last + 1))) ++last;
  std::int32_t run = last - first + 1;
  if (run < rules.zero_consumption_days) return;
  findings.push_back(VeeFinding{
      VeeRule::zero_consumption, 0, static_cast<std::int32_t>(day.slots()) - 1,
      "no consumption on " + std::to_string(run) + " consecutive days (" + date_of(first) + " to " +
          date_of(last) + ") on an active service; reported from " +
          std::to_string(rules.zero_consumption_days) + " days",
      true});
}

void check_inactive_service(const VeeRules& rules, const IntervalDay& day,
                            const ChannelContext& context, std::vector<VeeFinding>& findings) {
  if (context.service_active || !context.delivered) return;
  __int128 total = 0;
  std::int32_t first = -1;
  std::int32_t last = -1;
  for (std::size_t slot = 0; slot < day.slots(); ++slot) {
    if (day.quality[slot] != Quality::actual) continue;
    total += day.values[slot];
    if (day.values[slot] > 0) {
      if (first < 0) first = static_cast<std::int32_t>(slot);
      last = static_cast<std::int32_t>(slot);
    }
  }
  if (total <= rules.inactive_allowance_milli_per_day) return;
  std::string used = vee_detail::fits_int64(total)
                         ? format_milli_units(static_cast<std::int64_t>(total))
                         : "more than the allowance";
  findings.push_back(VeeFinding{
      VeeRule::consumption_on_inactive_service, first, last,
      used + " used on " + date_of(day.utc_day) + " with no active service agreement (allowance " +
          format_milli_units(rules.inactive_allowance_milli_per_day) + " per day)",
      true});
}

}  // namespace rp::mdm
