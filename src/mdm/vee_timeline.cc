#include "mdm/vee_timeline.h"
#include "core/assert.h"

#include <algorithm>

#include "mdm/vee_support.h"

namespace rp::mdm {
namespace {

// ceil(a / b) for b > 0, any sign of a.
std::int64_t divide_ceil(std::int64_t a, std::int64_t b) {
  std::int64_t quotient = a / b;
  return (a % b != 0 && a > 0) ? quotient + 1 : quotient;
}

// floor(a / b) for b > 0, any sign of a.
std::int64_t divide_floor(std::int64_t a, std::int64_t b) {
  std::int64_t quotient = a / b;
  return (a % b != 0 && a < 0) ? quotient - 1 : quotient;
}

bool same_shape(const IntervalDay& day, std::int32_t interval_minutes) {
  auto slots = static_cast<std::size_t>(vee_detail::slots_per_day(interval_minutes));
  return day.interval_minutes == interval_minutes && day.values.size() == slots &&
         day.quality.size() == slots;
}

}  // namespace

ChannelTimeline::ChannelTimeline(const IntervalDay& day, const ChannelContext& context)
    : interval_minutes_(day.interval_minutes),
      slots_per_day_(vee_detail::slots_per_day(day.interval_minutes)),
      first_day_(day.utc_day) {
  RP_ASSERT(1440 % interval_minutes_ == 0 && same_shape(day, interval_minutes_),
            "the day has this timeline's shape");
  std::vector<const IntervalDay*> usable{&day};
  for (const auto* list : {&context.history, &context.following}) {
    for (const IntervalDay* other : *list) {
      if (other != nullptr && other->utc_day != day.utc_day &&
          same_shape(*other, interval_minutes_))
        usable.push_back(other);
    }
  }
  auto [low, high] = std::minmax_element(
      usable.begin(), usable.end(),
      [](const IntervalDay* a, const IntervalDay* b) { return a->utc_day < b->utc_day; });
  first_day_ = (*low)->utc_day;
  days_.assign(static_cast<std::size_t>((*high)->utc_day - first_day_ + 1), nullptr);
  for (const IntervalDay* d : usable) {
    auto& entry = days_[static_cast<std::size_t>(d->utc_day - first_day_)];
    if (entry == nullptr) entry = d;  // the day under VEE comes first and wins
  }
  std::int64_t interval_seconds = std::int64_t{interval_minutes_} * 60;
  if (context.reads_expected_from)
    first_expected_ = divide_ceil(*context.reads_expected_from, interval_seconds);
  if (context.reads_expected_until)
    end_expected_ = divide_ceil(*context.reads_expected_until, interval_seconds);
}

const IntervalDay* ChannelTimeline::day_at(std::int32_t utc_day) const {
  std::int64_t index = std::int64_t{utc_day} - first_day_;
  if (index < 0 || index >= static_cast<std::int64_t>(days_.size())) return nullptr;
  return days_[static_cast<std::size_t>(index)];
}

TimelineSlot ChannelTimeline::at(std::int64_t position) const {
  if (first_expected_ && position < *first_expected_) return {SlotState::outside, 0};
  if (end_expected_ && position >= *end_expected_) return {SlotState::outside, 0};
  std::int64_t utc_day = divide_floor(position, slots_per_day_);
  std::int64_t index = utc_day - first_day_;
  if (index < 0) return {first_expected_ ? SlotState::gap : SlotState::unknown, 0};
  if (index >= static_cast<std::int64_t>(days_.size()))
    return {end_expected_ ? SlotState::gap : SlotState::unknown, 0};
  const IntervalDay* day = days_[static_cast<std::size_t>(index)];
  if (day == nullptr) return {SlotState::gap, 0};
  auto slot = static_cast<std::size_t>(position - utc_day * slots_per_day_);
  SlotState state = vee_detail::is_read(day->quality[slot]) ? SlotState::read : SlotState::gap;
  return {state, day->values[slot]};
}

}  // namespace rp::mdm
