#pragma once
// VEE (validate, estimate, edit) vocabulary: the configurable rules, the per-channel context the
// ingest service loads, and the findings VEE reports. Pure values; no I/O. docs/vee.md explains
// every rule with worked examples.
//
// Arithmetic is exact: values are int64 milli-units (reading.h), products and ratios are computed
// in __int128, and every division that yields a value rounds half away from zero (2.5 -> 3,
// -2.5 -> -3). Percentages and factors are integers (percent, basis points); no floating point.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "mdm/interval_day.h"

namespace rp::mdm {

// Rules for one utility and commodity. Durations are in minutes so one set of rules serves 5-, 15-,
// 30- and 60-minute channels; each is turned into whole slots by flooring (60 min of 15-minute
// data = 4 slots; 60 min of 60-minute data = 1 slot). Defaults are the electric rules; see
// default_vee_rules() for water and gas.
struct VeeRules {
  // Gaps (runs of missing slots, across midnight too). A gap of at most this many minutes with an
  // actual read on both sides is filled by linear interpolation.
  std::int32_t max_interpolation_minutes = 60;
  // Longer gaps, up to this length, are filled from the channel's history: the same UTC weekday
  // and slot over the last `history_weeks` weeks, scaled to the level of the surrounding reads.
  std::int32_t max_history_fill_minutes = 3 * 24 * 60;
  std::int32_t history_weeks = 4;
  // A slot's history profile needs at least this many of those weeks to hold a read at that slot.
  std::int32_t history_min_weeks = 2;
  // How far on each side of a gap the scaling reads are taken from.
  std::int32_t scaling_window_minutes = 60;

  // Spikes against the channel's own history: a read above spike_factor_percent % of the recent
  // `spike_percentile`th percentile AND above the floor. The recent window is the last
  // `spike_history_days` days; the check is skipped until it holds spike_min_history_hours of
  // reads.
  std::int32_t spike_factor_percent = 1000;  // 10x
  std::int32_t spike_percentile = 95;
  std::int64_t spike_floor_milli_per_hour = 10'000;  // 10 kWh/h
  std::int32_t spike_history_days = 28;
  std::int32_t spike_min_history_hours = 7 * 24;
  // The service's physical maximum when the channel does not state its own (ChannelContext).
  std::int64_t default_physical_max_milli_per_hour = 200'000;  // 200 kWh/h, residential electric

  // This many consecutive UTC days with reads that are all zero on an active service is reported.
  std::int32_t zero_consumption_days = 3;
  // More than this much consumption in a day on an inactive (or vacant) service is reported.
  std::int64_t inactive_allowance_milli_per_day = 1'000;  // 1 kWh

  // Interval sum vs register difference: a mismatch beyond the larger of the two tolerances is
  // reported. Basis points: 200 = 2%.
  std::int32_t register_mismatch_tolerance_bp = 200;
  std::int64_t register_mismatch_tolerance_milli = 1'000;  // 1 unit
};

// The defaults for a commodity ("electric", "water", "gas", "sewer"); units are kWh, gallons and
// CCF (sewer meters measure water and get the water rules). Errors: invalid_input ("commodity") for
// any other name.
Result<VeeRules> default_vee_rules(std::string_view commodity);

// Errors: invalid_input naming the first field that is out of range (negative durations, fewer
// history weeks than history_min_weeks, a percentile outside 1..100, ...).
Result<void> check_vee_rules(const VeeRules& rules);

// What the ingest service loads for one channel besides the day under VEE.
struct ChannelContext {
  bool service_active = true;  // a service agreement is active on the channel's service point
  bool delivered = true;       // consumption delivered to the customer (false: export / net)
  // The channel's physical maximum (meter and service size); 0 = the rules' default.
  std::int64_t physical_max_milli_per_hour = 0;
  // Other days of the same channel, same interval length, any order; each is placed by its utc_day
  // (a day of another interval length, or the day under VEE itself, is ignored). Load
  // history_days_needed() days before and following_days_needed() after. A day absent from the
  // span covered by the loaded days counts as all missing; beyond it, see reads_expected_*.
  std::vector<const IntervalDay*> history;
  std::vector<const IntervalDay*> following;
  // The span in which reads are expected (meter installation; "now" less the head-end's delivery
  // lag), seconds since epoch; a slot is inside when it starts in [from, until). Slots outside
  // are never gaps. Unset = unknown: a gap that reaches past the loaded days on that side is
  // *open* (reads may still arrive) and is left as it is, without a finding.
  std::optional<std::int64_t> reads_expected_from;
  std::optional<std::int64_t> reads_expected_until;
  // The recent percentile for the spike check (recent_percentile()), when the caller computed it
  // once for many days of the channel; unset = computed from `history`.
  std::optional<std::int64_t> recent_percentile_milli;
};

// How many days before the day under VEE the context should hold: enough for the history profile
// of every slot of the longest fillable gap and its scaling window, the zero-consumption run and
// the spike window.
std::int32_t history_days_needed(const VeeRules& rules);
// How many days after it: enough to see the far end of the longest fillable gap.
std::int32_t following_days_needed(const VeeRules& rules);

enum class VeeRule {
  gap_interpolated,      // informational: a short gap filled linearly
  gap_from_history,      // informational: a longer gap filled from history
  gap_too_long,          // review: longer than max_history_fill_minutes; left missing
  gap_no_history,        // review: fillable length but no history (or anchors) to fill it
  spike_history,         // review: far above the channel's recent percentile
  spike_physical_max,    // review: above what the service can physically deliver
  negative_consumption,  // review: a negative read on a delivered channel
  zero_consumption,      // review: N days of zero on an active service
  consumption_on_inactive_service,  // review
  duplicate_disagrees,         // review: a slot read twice with different values; the first kept
  register_rollover,           // informational: the dial wrapped; consumption computed across it
  register_reversal,           // review: the register went backwards
  interval_register_mismatch,  // review: interval sum != register difference beyond tolerance
};

// The stable snake_case name stored in vee_exceptions.rule ("gap_too_long").
const char* vee_rule_name(VeeRule rule);
// The inverse of vee_rule_name; false for an unknown name.
bool parse_vee_rule(std::string_view name, VeeRule& rule);

// One thing VEE noticed. Slots are 0-based within the day under VEE, inclusive; register findings
// are not about slots and carry -1, -1. `evidence` is a sentence for staff with the values and
// thresholds that triggered the rule. needs_review findings go to the exception queue; the others
// are kept as the record of what VEE did.
struct VeeFinding {
  VeeRule rule = VeeRule::gap_too_long;
  std::int32_t first_slot = -1;
  std::int32_t last_slot = -1;
  std::string evidence;
  bool needs_review = false;
};

}  // namespace rp::mdm
