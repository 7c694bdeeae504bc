#include "mdm/vee.h"

#include <algorithm>

#include "mdm/vee_checks.h"
#include "mdm/vee_estimate.h"
#include "mdm/vee_timeline.h"

namespace rp::mdm {

VeeResult validate_and_estimate(const VeeRules& rules, IntervalDay day,
                                const ChannelContext& context) {
  VeeResult result{day, {}, 0};
  ChannelTimeline timeline(day, context);  // reads the input; estimates go to result.day
  check_negative(day, context, result.findings);
  check_spikes(rules, day, context, result.findings);
  check_zero_consumption(rules, timeline, day, context, result.findings);
  check_inactive_service(rules, day, context, result.findings);
  result.estimated_slots = estimate_gaps(rules, timeline, result.day, result.findings);
  std::stable_sort(
      result.findings.begin(), result.findings.end(),
      [](const VeeFinding& a, const VeeFinding& b) { return a.first_slot < b.first_slot; });
  return result;
}

}  // namespace rp::mdm
