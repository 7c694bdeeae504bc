#pragma once
// Register (cumulative dial) reads: consumption between two reads of the same channel, with the
// dial's rollover, reversals, the physical maximum, and the interval sum cross-check.
//
// A dial with d whole-unit digits wraps at 10^d units (a 5-digit dial reads 0 to 99,999.999 and
// then 0 again). When the current read is below the previous one, the consumption across a wrap
// would be  current + 10^d - previous. That is a rollover (accepted, informational finding) when
// it is both below half the dial (10^d / 2) and within the physical maximum for the elapsed time;
// otherwise the register went backwards: a reversal (needs review, no consumption).
//   99,980 -> 00,015 on a 5-digit dial, 30 days apart: 15 + 100,000 - 99,980 = 35 units, rollover.
//   50,000 -> 49,990 on a 5-digit dial: 99,990 units would be more than half the dial, reversal.
//
// Reads are in the channel's unit before any meter multiplier; apply the multiplier to the
// consumption, not to the dial.

#include <cstdint>
#include <optional>
#include <vector>

#include "core/result.h"
#include "mdm/reading.h"
#include "mdm/vee_rules.h"

namespace rp::mdm {

struct RegisterCheckOptions {
  // The channel's physical maximum per hour; 0 = the rules' default.
  std::int64_t physical_max_milli_per_hour = 0;
  // The sum of the channel's interval values over [previous.taken_at, current.taken_at), when the
  // meter also records intervals and all of them are present (the caller knows which apply).
  std::optional<std::int64_t> interval_sum_milli;
};

struct RegisterCheck {
  std::optional<std::int64_t> consumption_milli;  // nullopt after a reversal
  std::vector<VeeFinding> findings;  // slots -1, -1 (register findings are not about slots)
};

// Consumption and findings for `current` after `previous`:
//  * register_rollover (informational) or register_reversal (needs review), as above;
//  * spike_physical_max (needs review): consumption x 3600 > max_per_hour x elapsed seconds;
//  * interval_register_mismatch (needs review): |interval_sum - consumption| exceeds both
//    register_mismatch_tolerance_bp of the consumption and register_mismatch_tolerance_milli
//    (defaults: 100.000 vs 102.000 is within 2%; 10.000 vs 11.000 is within 1 unit; 10.000 vs
//    11.001 is a mismatch).
// Errors: invalid_input naming "dial_digits" (not 1..12), "key" (reads of different channels),
// "taken_at" (current not after previous) or "milli_units" (a read outside the dial's range).
Result<RegisterCheck> check_register(const VeeRules& rules, const RegisterRead& previous,
                                     const RegisterRead& current, std::int32_t dial_digits,
                                     const RegisterCheckOptions& options = {});

}  // namespace rp::mdm
