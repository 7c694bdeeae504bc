#include "mdm/vee_merge.h"

#include "mdm/vee_support.h"

namespace rp::mdm {
namespace {

bool is_firm(Quality quality) {
  return vee_detail::is_read(quality);
}

VeeFinding disagreement(const IntervalDay& day, std::int32_t slot, std::int64_t incoming,
                        Quality quality) {
  std::int64_t position =
      std::int64_t{day.utc_day} * vee_detail::slots_per_day(day.interval_minutes) + slot;
  auto index = static_cast<std::size_t>(slot);
  return VeeFinding{
      VeeRule::duplicate_disagrees, slot, slot,
      "interval " + vee_detail::format_position(position, day.interval_minutes) +
          " read twice with different values: " + format_milli_units(day.values[index]) + " (" +
          quality_name(day.quality[index]) + ", kept) then " + format_milli_units(incoming) + " (" +
          quality_name(quality) + ", not stored)",
      true};
}

}  // namespace

const char* merge_outcome_name(MergeOutcome outcome) {
  switch (outcome) {
    case MergeOutcome::stored:
      return "stored";
    case MergeOutcome::unchanged:
      return "unchanged";
    case MergeOutcome::kept_existing:
      return "kept_existing";
    case MergeOutcome::disagreed:
      return "disagreed";
  }
  return "unknown";
}

Result<MergeResult> merge_read(IntervalDay& day, std::int32_t slot, std::int64_t milli_units,
                               Quality quality) {
  if (slot < 0 || static_cast<std::size_t>(slot) >= day.slots() ||
      day.quality.size() != day.slots()) {
    return invalid_input("slot", "slot " + std::to_string(slot) + " is not in the day's " +
                                     std::to_string(day.slots()) + " intervals");
  }
  auto index = static_cast<std::size_t>(slot);
  Quality stored = day.quality[index];
  if (quality == Quality::missing) return MergeResult{MergeOutcome::unchanged, {}};
  if (vee_detail::is_gap(stored)) {
    if (stored == quality && day.values[index] == milli_units)
      return MergeResult{MergeOutcome::unchanged, {}};
    day.values[index] = milli_units;
    day.quality[index] = quality;
    return MergeResult{MergeOutcome::stored, {}};
  }
  if (day.values[index] == milli_units) return MergeResult{MergeOutcome::unchanged, {}};
  if (stored == Quality::actual && is_firm(quality))
    return MergeResult{MergeOutcome::disagreed, disagreement(day, slot, milli_units, quality)};
  return MergeResult{MergeOutcome::kept_existing, {}};
}

}  // namespace rp::mdm
