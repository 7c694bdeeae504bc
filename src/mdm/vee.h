#pragma once
// VEE (validate, estimate, edit) for one channel's UTC day: the pure core the ingest service calls
// after storing new reads. The service loads the day, the days around it (ChannelContext) and
// the rules for the utility and commodity, calls validate_and_estimate, then stores the returned
// day (a new version when it changed) and the findings (needs_review ones in the exception queue).
// No I/O, no clock, no floating point; the same inputs always give the same output.
//
// Rules, defaults and worked examples: docs/vee.md. The pieces:
//   vee_rules.h     VeeRules, ChannelContext, VeeRule, VeeFinding
//   vee_checks.h    negative, spikes (physical maximum, history), zero days, inactive service
//   vee_estimate.h  gaps: interpolation, history fill, too long
//   vee_merge.h     a slot read twice (duplicates that disagree), at ingest
//   vee_register.h  register reads: rollover, reversal, interval sum vs register difference
//
// Days are UTC days, the unit of storage; a local 23- or 25-hour day only matters when usage is
// summed for people (usage_series.h). Weekdays for history are UTC weekdays: the same UTC slot 7
// days earlier is the same local weekday and time except across a daylight-saving change, when it
// is one hour off for the days after it (accepted: the scale to surrounding reads absorbs most of
// it).

#include <cstdint>
#include <vector>

#include "mdm/interval_day.h"
#include "mdm/vee_rules.h"

namespace rp::mdm {

struct VeeResult {
  IntervalDay day;                   // the day after estimation (version unchanged)
  std::vector<VeeFinding> findings;  // in slot order; validations before gaps on a tie
  std::int32_t estimated_slots = 0;  // slots this run set to estimated (re-estimates included)
};

// Validates the actual reads of `day` (check_negative, check_spikes, check_zero_consumption,
// check_inactive_service) and fills its gaps (estimate_gaps). Requires `day` to have
// 1440 / interval_minutes slots of values and quality (interval 5, 15, 30 or 60) and `rules` to
// pass check_vee_rules. Guarantees: actual and edited slots are returned unchanged; only missing
// and estimated slots change; running it again on its own output with the same context returns
// the same day.
VeeResult validate_and_estimate(const VeeRules& rules, IntervalDay day,
                                const ChannelContext& context);

}  // namespace rp::mdm
