#pragma once
// Validation: the checks validate_and_estimate (vee.h) runs on the reads of the day under VEE.
// Each appends findings; none changes a value (staff decide: accept, edit or estimate). Adjacent
// slots that break the same rule make one finding. Only actual reads are checked: estimated values
// are VEE's own and edited ones were set by a person.

#include <cstdint>
#include <optional>
#include <vector>

#include "mdm/interval_day.h"
#include "mdm/vee_rules.h"
#include "mdm/vee_timeline.h"

namespace rp::mdm {

// negative_consumption: an actual read below zero on a delivered channel (a net or export channel
// may run backwards and is not checked).
void check_negative(const IntervalDay& day, const ChannelContext& context,
                    std::vector<VeeFinding>& findings);

// The channel's physical maximum per hour: the context's when set, else the rules' default.
std::int64_t physical_max_per_hour(const VeeRules& rules, const ChannelContext& context);

// spike_physical_max: an actual read v with v x 60 > max_per_hour x interval_minutes (above what
// the service can deliver in the interval; 200 kWh/h allows 50.000 kWh in 15 minutes).
// spike_history (only for reads that pass the physical check, and only when a recent percentile
// is known): v x 100 > spike_factor_percent x percentile AND v x 60 > floor_per_hour x
// interval_minutes. With the defaults and a percentile of 0.800 kWh, 8.000 is allowed and 8.001
// is a spike, provided it is also above 2.500 (10 kWh/h in 15 minutes).
void check_spikes(const VeeRules& rules, const IntervalDay& day, const ChannelContext& context,
                  std::vector<VeeFinding>& findings);

// The recent percentile of the channel's reads for the spike check: the actual and edited values of
// the `history` days in [utc_day - spike_history_days, utc_day) of the same interval length, by
// nearest rank (the value at 1-based rank ceil(spike_percentile x count / 100) in ascending
// order). nullopt when they cover less than spike_min_history_hours. The ingest service may
// compute it once per channel and batch and pass it in ChannelContext::recent_percentile_milli.
std::optional<std::int64_t> recent_percentile(const VeeRules& rules, std::int32_t utc_day,
                                              std::int32_t interval_minutes,
                                              const std::vector<const IntervalDay*>& history);

// zero_consumption: the day has actual reads, all zero, on an active delivered service, and it
// belongs to a run of at least zero_consumption_days such days among the loaded days (earlier and
// later, so the run is found whichever of its days arrives last). One finding covering the whole
// day, on every day of the run that VEE processes; evidence names the run.
void check_zero_consumption(const VeeRules& rules, const ChannelTimeline& timeline,
                            const IntervalDay& day, const ChannelContext& context,
                            std::vector<VeeFinding>& findings);

// consumption_on_inactive_service: on an inactive (vacant) delivered service, the day's actual
// reads sum to more than inactive_allowance_milli_per_day. One finding from the first to the last
// slot with a positive read.
void check_inactive_service(const VeeRules& rules, const IntervalDay& day,
                            const ChannelContext& context, std::vector<VeeFinding>& findings);

}  // namespace rp::mdm
