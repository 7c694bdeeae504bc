#pragma once
// One channel's slots across UTC days, as VEE sees them around the day under VEE: the day itself
// plus the days of its ChannelContext, addressed by position = utc_day x slots per day + slot, so
// gaps, anchors and history can be followed across midnight.

#include <cstdint>
#include <optional>
#include <vector>

#include "mdm/interval_day.h"
#include "mdm/vee_rules.h"

namespace rp::mdm {

enum class SlotState {
  read,     // actual or edited: VEE relies on it
  gap,      // missing, estimated, or on a day that was not loaded inside the loaded span
  outside,  // before reads_expected_from or at/after reads_expected_until: no read is expected
  unknown,  // past the loaded days on a side whose expected bound is unset: reads may yet arrive
};

struct TimelineSlot {
  SlotState state = SlotState::unknown;
  std::int64_t milli_units = 0;  // the stored value (0 for a day that was not loaded)
};

class ChannelTimeline {
 public:
  // Requires `day` to have 1440 / interval_minutes slots of values and quality. Context days of
  // another interval length or shape, and any day with day.utc_day, are ignored. `day` and the
  // context's days must outlive the timeline.
  ChannelTimeline(const IntervalDay& day, const ChannelContext& context);
  ChannelTimeline(const ChannelTimeline&) = delete;
  ChannelTimeline& operator=(const ChannelTimeline&) = delete;

  std::int32_t interval_minutes() const { return interval_minutes_; }
  std::int32_t slots_per_day() const { return slots_per_day_; }
  std::int64_t position(std::int32_t utc_day, std::int32_t slot) const {
    return std::int64_t{utc_day} * slots_per_day_ + slot;
  }

  // The loaded day (the day under VEE or a context day), or nullptr.
  const IntervalDay* day_at(std::int32_t utc_day) const;
  TimelineSlot at(std::int64_t position) const;

 private:
  std::int32_t interval_minutes_;
  std::int32_t slots_per_day_;
  std::int32_t first_day_;                      // the loaded span [first_day_, first_day_ + size)
  std::vector<const IntervalDay*> days_;        // by utc_day - first_day_; nullptr = not loaded
  std::optional<std::int64_t> first_expected_;  // first position inside the expected span
  std::optional<std::int64_t> end_expected_;    // first position after it
};

}  // namespace rp::mdm
