#pragma once
// Merging one incoming interval read into a stored day, at ingest: what happens when a slot is
// read again (a re-sent file, overlapping head-end exports, two formats for the same meter).
//
// Firm reads are actual or edited; VEE's estimates and head-end estimates are soft.
//
//   stored \ incoming   missing    estimated        actual / edited
//   missing             unchanged  stored           stored
//   estimated           unchanged  stored           stored (a read replaces an estimate)
//   actual              unchanged  kept_existing    same value: unchanged;
//                                                   different: disagreed (first kept, finding)
//   edited              unchanged  kept_existing    same value: unchanged; else kept_existing
//
// An incoming value equal to the stored one is `unchanged` whatever its quality, except over an
// estimate, where the stored quality changes (an actual read confirming an estimate is stored).
// A person's edit is kept without a finding: the meter re-sending its raw value is expected after
// staff corrected it. So ingesting the same reads twice changes nothing, and a disagreement is
// never resolved silently in favour of whichever arrived last.

#include <cstdint>
#include <optional>

#include "core/result.h"
#include "mdm/interval_day.h"
#include "mdm/vee_rules.h"

namespace rp::mdm {

enum class MergeOutcome {
  stored,         // the slot now holds the incoming value and quality
  unchanged,      // the slot already held it (or the incoming read carries no value)
  kept_existing,  // the stored value is better evidence; the incoming one is dropped
  disagreed,      // two firm reads differ: the first is kept and a finding reported
};
// "stored", "unchanged", "kept_existing", "disagreed".
const char* merge_outcome_name(MergeOutcome outcome);

struct MergeResult {
  MergeOutcome outcome = MergeOutcome::unchanged;
  std::optional<VeeFinding> finding;  // duplicate_disagrees (needs review) when disagreed
};

// Applies the table above to `slot` of `day`. Changes day.values/quality only on `stored`.
// Errors: invalid_input ("slot") when slot is not in [0, day.slots()).
Result<MergeResult> merge_read(IntervalDay& day, std::int32_t slot, std::int64_t milli_units,
                               Quality quality);

}  // namespace rp::mdm
