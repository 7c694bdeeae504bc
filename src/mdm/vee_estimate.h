#pragma once
// Estimation: filling the gaps of the day under VEE (validate_and_estimate in vee.h calls this;
// the pieces are public for tests and for staff-requested estimates).
//
// A gap is a run of slots that are missing or were estimated by an earlier VEE run (so re-running
// VEE after late reads arrive recomputes its own estimates; a person's values are `edited` and
// are kept). Gaps are followed across midnight into the context's days. For each gap touching the
// day, by its whole length n (in slots, across days):
//
//  * open (reaches past the loaded days where reads may still arrive): left as it is, no finding;
//  * longer than max_history_fill_minutes: the day's part is set missing (value 0), finding
//    gap_too_long (needs review);
//  * n <= max_interpolation_minutes / interval, with a read on both sides: linear interpolation
//    between the read before (L) and the read after (R). Slot k of the gap (k = 1..n) gets
//        round_half_away((L x (n + 1 - k) + R x k) / (n + 1))
//    e.g. L = 0.100, R = 0.200, n = 2: (100 x 2 + 200) / 3 = 133.33 -> 0.133, then 0.167.
//  * otherwise from history, when every slot of the day's part has a profile: see
//    history_profile() and history_scale(); else the day's part is set missing, finding
//    gap_no_history (needs review).
// Estimated slots get Quality::estimated and an informational finding (gap_interpolated or
// gap_from_history) that says how.

#include <cstdint>
#include <optional>
#include <vector>

#include "mdm/interval_day.h"
#include "mdm/vee_rules.h"
#include "mdm/vee_timeline.h"

namespace rp::mdm {

struct Gap {
  std::int64_t first = 0;  // positions (vee_timeline.h), inclusive; as far as they were followed
  std::int64_t last = 0;
  std::optional<std::int64_t> read_before;  // the read just before `first`, when there is one
  std::optional<std::int64_t> read_after;   // the read just after `last`, when there is one
  bool open = false;                        // a side reaches unknown slots (reads may still arrive)
  bool too_long = false;  // longer than the rules' history-fill limit (not followed further)
  std::int64_t length() const { return last - first + 1; }
};

// The gaps touching `utc_day`, in slot order. Each is followed outward until a read, an outside
// slot, an unknown slot, or one slot past the history-fill limit.
std::vector<Gap> find_gaps(const VeeRules& rules, const ChannelTimeline& timeline,
                           std::int32_t utc_day);

// Linear interpolation of slot k (1..n) of an n-slot gap between reads `before` and `after`
// (formula above). Requires 1 <= k <= n.
std::int64_t interpolate(std::int64_t before, std::int64_t after, std::int64_t k, std::int64_t n);

// The history profile of a position: the average, rounded half away from zero, of the reads at
// the same slot 7, 14, ..., 7 x history_weeks days earlier; nullopt when fewer than
// history_min_weeks of those days hold a read there.
std::optional<std::int64_t> history_profile(const VeeRules& rules, const ChannelTimeline& timeline,
                                            std::int64_t position);

// The scale of a history fill: the reads in the scaling window on each side of the gap (up to
// scaling_window_minutes of consecutive reads) that have a profile, as two sums. The estimate of a
// gap slot with profile P is round_half_away(P x read_sum / profile_sum) when profile_sum > 0 and
// read_sum >= 0, else P unscaled.
struct HistoryScale {
  std::int64_t read_sum = 0;
  std::int64_t profile_sum = 0;
  std::int32_t reads = 0;  // how many window reads contributed
  bool scaled() const { return profile_sum > 0 && read_sum >= 0; }
  std::int64_t apply(std::int64_t profile) const;
};
HistoryScale history_scale(const VeeRules& rules, const ChannelTimeline& timeline, const Gap& gap);

// Fills (or reports) every gap of `day`, which must be the timeline's day or a copy of it (the
// timeline is read, `day` is written). Appends one finding per gap acted on; returns the number of
// slots set to estimated.
std::int32_t estimate_gaps(const VeeRules& rules, const ChannelTimeline& timeline, IntervalDay& day,
                           std::vector<VeeFinding>& findings);

}  // namespace rp::mdm
