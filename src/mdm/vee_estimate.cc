#include "mdm/vee_estimate.h"

#include <algorithm>

#include "mdm/vee_support.h"

namespace rp::mdm {
namespace {

using vee_detail::format_minutes;
using vee_detail::format_position;

std::int64_t slots_in(std::int32_t minutes, const ChannelTimeline& timeline) {
  return minutes / timeline.interval_minutes();
}

// Extends `gap` one side at a time until a read, an outside or unknown slot, or the limit.
void follow(const ChannelTimeline& timeline, std::int64_t limit, Gap& gap) {
  while (gap.length() <= limit) {
    TimelineSlot slot = timeline.at(gap.first - 1);
    if (slot.state == SlotState::gap) {
      --gap.first;
      continue;
    }
    if (slot.state == SlotState::read) gap.read_before = gap.first - 1;
    if (slot.state == SlotState::unknown) gap.open = true;
    break;
  }
  while (gap.length() <= limit) {
    TimelineSlot slot = timeline.at(gap.last + 1);
    if (slot.state == SlotState::gap) {
      ++gap.last;
      continue;
    }
    if (slot.state == SlotState::read) gap.read_after = gap.last + 1;
    if (slot.state == SlotState::unknown) gap.open = true;
    break;
  }
  gap.too_long = gap.length() > limit;
}

// "4 missing intervals from 2026-11-22T23:30:00Z to 2026-11-23T00:30:00Z"
std::string describe(const Gap& gap, const ChannelTimeline& timeline) {
  std::int32_t minutes = timeline.interval_minutes();
  std::string count = std::to_string(gap.length());
  return count + (gap.length() == 1 ? " missing interval" : " missing intervals") + " from " +
         format_position(gap.first, minutes) + " to " + format_position(gap.last + 1, minutes);
}

struct DayPart {
  std::int32_t first_slot;
  std::int32_t last_slot;
  std::int64_t base;  // position of slot 0
};

DayPart day_part(const Gap& gap, const ChannelTimeline& timeline, const IntervalDay& day) {
  std::int64_t base = timeline.position(day.utc_day, 0);
  std::int64_t first = std::max(gap.first, base);
  std::int64_t last = std::min(gap.last, base + timeline.slots_per_day() - 1);
  return {static_cast<std::int32_t>(first - base), static_cast<std::int32_t>(last - base), base};
}

void set_missing(IntervalDay& day, const DayPart& part) {
  for (std::int32_t slot = part.first_slot; slot <= part.last_slot; ++slot) {
    day.values[static_cast<std::size_t>(slot)] = 0;
    day.quality[static_cast<std::size_t>(slot)] = Quality::missing;
  }
}

void set_estimate(IntervalDay& day, std::int32_t slot, std::int64_t value) {
  day.values[static_cast<std::size_t>(slot)] = value;
  day.quality[static_cast<std::size_t>(slot)] = Quality::estimated;
}

VeeFinding finding(VeeRule rule, const DayPart& part, std::string evidence, bool review) {
  return VeeFinding{rule, part.first_slot, part.last_slot, std::move(evidence), review};
}

VeeFinding report_too_long(const VeeRules& rules, const ChannelTimeline& timeline, const Gap& gap,
                           const DayPart& part) {
  std::int32_t minutes = timeline.interval_minutes();
  std::string limit = format_minutes(rules.max_history_fill_minutes);
  return finding(VeeRule::gap_too_long, part,
                 "more than " + limit + " without reads (at least " +
                     format_position(gap.first, minutes) + " to " +
                     format_position(gap.last + 1, minutes) + "); gaps longer than " + limit +
                     " are not estimated: left missing",
                 true);
}

std::int32_t interpolate_gap(const ChannelTimeline& timeline, const Gap& gap, const DayPart& part,
                             IntervalDay& day, std::vector<VeeFinding>& findings) {
  std::int64_t before = timeline.at(*gap.read_before).milli_units;
  std::int64_t after = timeline.at(*gap.read_after).milli_units;
  for (std::int32_t slot = part.first_slot; slot <= part.last_slot; ++slot) {
    std::int64_t k = part.base + slot - *gap.read_before;
    set_estimate(day, slot, interpolate(before, after, k, gap.length()));
  }
  findings.push_back(finding(VeeRule::gap_interpolated, part,
                             describe(gap, timeline) + " interpolated linearly between " +
                                 format_milli_units(before) + " and " + format_milli_units(after),
                             false));
  return part.last_slot - part.first_slot + 1;
}

std::string scale_text(const HistoryScale& scale) {
  if (!scale.scaled()) return "unscaled (no surrounding reads with history to scale by)";
  auto per_mille = static_cast<std::int64_t>(vee_detail::divide_round_half_away(
      static_cast<__int128>(scale.read_sum) * 1000, scale.profile_sum));
  return "scaled to " + std::to_string(per_mille / 10) + "." + std::to_string(per_mille % 10) +
         "% by " + std::to_string(scale.reads) + " surrounding reads (" +
         format_milli_units(scale.read_sum) + " read vs " + format_milli_units(scale.profile_sum) +
         " in history)";
}

std::int32_t fill_from_history(const VeeRules& rules, const ChannelTimeline& timeline,
                               const Gap& gap, const DayPart& part, IntervalDay& day,
                               std::vector<VeeFinding>& findings) {
  std::vector<std::int64_t> profiles;
  for (std::int32_t slot = part.first_slot; slot <= part.last_slot; ++slot) {
    auto profile = history_profile(rules, timeline, part.base + slot);
    if (!profile) {
      set_missing(day, part);
      findings.push_back(finding(
          VeeRule::gap_no_history, part,
          describe(gap, timeline) +
              ": too little history to estimate (reads at the same weekday "
              "and time are needed in " +
              std::to_string(rules.history_min_weeks) + " of the last " +
              std::to_string(rules.history_weeks) + " weeks" +
              (gap.read_before && gap.read_after ? ""
                                                 : ", and a read on both sides to interpolate") +
              "): left missing",
          true));
      return 0;
    }
    profiles.push_back(*profile);
  }
  HistoryScale scale = history_scale(rules, timeline, gap);
  for (std::int32_t slot = part.first_slot; slot <= part.last_slot; ++slot)
    set_estimate(day, slot,
                 scale.apply(profiles[static_cast<std::size_t>(slot - part.first_slot)]));
  findings.push_back(finding(VeeRule::gap_from_history, part,
                             describe(gap, timeline) +
                                 " estimated from the same weekday and time "
                                 "over the last " +
                                 std::to_string(rules.history_weeks) + " weeks, " +
                                 scale_text(scale),
                             false));
  return part.last_slot - part.first_slot + 1;
}

}  // namespace

std::vector<Gap> find_gaps(const VeeRules& rules, const ChannelTimeline& timeline,
                           std::int32_t utc_day) {
  std::vector<Gap> gaps;
  std::int64_t limit = slots_in(rules.max_history_fill_minutes, timeline);
  std::int64_t base = timeline.position(utc_day, 0);
  std::int64_t end = base + timeline.slots_per_day();
  for (std::int64_t position = base; position < end; ++position) {
    if (timeline.at(position).state != SlotState::gap) continue;
    Gap gap;
    gap.first = gap.last = position;
    while (gap.last + 1 < end && timeline.at(gap.last + 1).state == SlotState::gap) ++gap.last;
    position = gap.last;
    follow(timeline, limit, gap);
    gaps.push_back(gap);
  }
  return gaps;
}

std::int64_t interpolate(std::int64_t before, std::int64_t after, std::int64_t k, std::int64_t n) {
  __int128 weighted =
      static_cast<__int128>(before) * (n + 1 - k) + static_cast<__int128>(after) * k;
  // A weighted average of two int64 values lies between them, so it fits.
  return static_cast<std::int64_t>(vee_detail::divide_round_half_away(weighted, n + 1));
}

std::optional<std::int64_t> history_profile(const VeeRules& rules, const ChannelTimeline& timeline,
                                            std::int64_t position) {
  __int128 sum = 0;
  std::int32_t weeks = 0;
  for (std::int32_t week = 1; week <= rules.history_weeks; ++week) {
    std::int64_t earlier = position - std::int64_t{7} * week * timeline.slots_per_day();
    TimelineSlot slot = timeline.at(earlier);
    // Only loaded days count: an unloaded one is no evidence of what the channel used then.
    if (slot.state != SlotState::read) continue;
    sum += slot.milli_units;
    ++weeks;
  }
  if (weeks < rules.history_min_weeks || weeks == 0) return std::nullopt;
  return static_cast<std::int64_t>(vee_detail::divide_round_half_away(sum, weeks));
}

std::int64_t HistoryScale::apply(std::int64_t profile) const {
  if (!scaled()) return profile;
  __int128 value =
      vee_detail::divide_round_half_away(static_cast<__int128>(profile) * read_sum, profile_sum);
  return vee_detail::fits_int64(value) ? static_cast<std::int64_t>(value) : profile;
}

HistoryScale history_scale(const VeeRules& rules, const ChannelTimeline& timeline, const Gap& gap) {
  HistoryScale scale;
  __int128 read_sum = 0;
  __int128 profile_sum = 0;
  std::int64_t window = slots_in(rules.scaling_window_minutes, timeline);
  for (std::int64_t step : {std::int64_t{-1}, std::int64_t{1}}) {
    std::int64_t position = step < 0 ? gap.first - 1 : gap.last + 1;
    for (std::int64_t taken = 0; taken < window; ++taken, position += step) {
      TimelineSlot slot = timeline.at(position);
      if (slot.state != SlotState::read) break;
      auto profile = history_profile(rules, timeline, position);
      if (!profile) continue;
      read_sum += slot.milli_units;
      profile_sum += *profile;
      ++scale.reads;
    }
  }
  if (!vee_detail::fits_int64(read_sum) || !vee_detail::fits_int64(profile_sum)) return {};
  scale.read_sum = static_cast<std::int64_t>(read_sum);
  scale.profile_sum = static_cast<std::int64_t>(profile_sum);
  return scale;
}

std::int32_t estimate_gaps(const VeeRules& rules, const ChannelTimeline& timeline, IntervalDay& day,
                           std::vector<VeeFinding>& findings) {
  std::int32_t estimated = 0;
  std::int64_t interpolation_limit = slots_in(rules.max_interpolation_minutes, timeline);
  for (const Gap& gap : find_gaps(rules, timeline, day.utc_day)) {
    DayPart part = day_part(gap, timeline, day);
    if (gap.too_long) {
      set_missing(day, part);
      findings.push_back(report_too_long(rules, timeline, gap, part));
    } else if (gap.open) {
      continue;  // reads may still arrive; VEE runs again when they do
    } else if (gap.length() <= interpolation_limit && gap.read_before && gap.read_after) {
      estimated += interpolate_gap(timeline, gap, part, day, findings);
    } else {
      estimated += fill_from_history(rules, timeline, gap, part, day, findings);
    }
  }
  return estimated;
}

}  // namespace rp::mdm
