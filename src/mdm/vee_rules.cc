#include "mdm/vee_rules.h"

#include <algorithm>
#include <array>
#include <utility>

namespace rp::mdm {
namespace {

constexpr std::array<std::pair<VeeRule, const char*>, 13> kRuleNames{{
    {VeeRule::gap_interpolated, "gap_interpolated"},
    {VeeRule::gap_from_history, "gap_from_history"},
    {VeeRule::gap_too_long, "gap_too_long"},
    {VeeRule::gap_no_history, "gap_no_history"},
    {VeeRule::spike_history, "spike_history"},
    {VeeRule::spike_physical_max, "spike_physical_max"},
    {VeeRule::negative_consumption, "negative_consumption"},
    {VeeRule::zero_consumption, "zero_consumption"},
    {VeeRule::consumption_on_inactive_service, "consumption_on_inactive_service"},
    {VeeRule::duplicate_disagrees, "duplicate_disagrees"},
    {VeeRule::register_rollover, "register_rollover"},
    {VeeRule::register_reversal, "register_reversal"},
    {VeeRule::interval_register_mismatch, "interval_register_mismatch"},
}};

// Whole days needed to cover `minutes` starting anywhere in a day.
std::int32_t days_spanned(std::int32_t minutes) {
  return (minutes + 1439) / 1440;
}

Result<void> require(bool ok, const char* field, const char* message) {
  if (ok) return success();
  return invalid_input(field, message);
}

}  // namespace

Result<VeeRules> default_vee_rules(std::string_view commodity) {
  VeeRules rules;  // electric, kWh
  if (commodity == "electric") return rules;
  if (commodity == "water" || commodity == "sewer") {       // gallons
    rules.spike_floor_milli_per_hour = 100'000;             // 100 gal/h
    rules.default_physical_max_milli_per_hour = 1'200'000;  // 20 gal/min: a 5/8" meter
    rules.zero_consumption_days = 7;
    rules.inactive_allowance_milli_per_day = 10'000;  // 10 gal
    return rules;
  }
  if (commodity == "gas") {                             // CCF
    rules.spike_floor_milli_per_hour = 1'000;           // 1 CCF/h
    rules.default_physical_max_milli_per_hour = 2'500;  // 250 ft3/h: a residential meter
    rules.zero_consumption_days = 30;  // heating-only customers use nothing for weeks in summer
    rules.inactive_allowance_milli_per_day = 1'000;  // 1 CCF
    return rules;
  }
  return invalid_input("commodity", "unknown commodity '" + std::string(commodity) +
                                        "': expected electric, water, gas or sewer");
}

Result<void> check_vee_rules(const VeeRules& r) {
  RP_TRY(require(r.max_interpolation_minutes >= 0, "max_interpolation_minutes",
                 "must be 0 or more minutes"));
  RP_TRY(require(r.max_history_fill_minutes >= r.max_interpolation_minutes,
                 "max_history_fill_minutes", "must be at least max_interpolation_minutes"));
  RP_TRY(require(r.max_history_fill_minutes <= 31 * 1440, "max_history_fill_minutes",
                 "must be at most 31 days"));
  RP_TRY(require(r.history_min_weeks >= 1, "history_min_weeks", "must be at least 1"));
  RP_TRY(require(r.history_weeks >= r.history_min_weeks && r.history_weeks <= 52, "history_weeks",
                 "must be between history_min_weeks and 52"));
  RP_TRY(require(r.scaling_window_minutes >= 0 && r.scaling_window_minutes <= 1440,
                 "scaling_window_minutes", "must be between 0 and 1440 minutes"));
  RP_TRY(require(r.spike_factor_percent >= 100, "spike_factor_percent", "must be at least 100"));
  RP_TRY(require(r.spike_percentile >= 1 && r.spike_percentile <= 100, "spike_percentile",
                 "must be between 1 and 100"));
  RP_TRY(require(r.spike_floor_milli_per_hour >= 0, "spike_floor_milli_per_hour",
                 "must not be negative"));
  RP_TRY(require(r.spike_history_days >= 1 && r.spike_history_days <= 366, "spike_history_days",
                 "must be between 1 and 366"));
  RP_TRY(
      require(r.spike_min_history_hours >= 0, "spike_min_history_hours", "must not be negative"));
  RP_TRY(require(r.default_physical_max_milli_per_hour > 0, "default_physical_max_milli_per_hour",
                 "must be positive"));
  RP_TRY(require(r.zero_consumption_days >= 1 && r.zero_consumption_days <= 366,
                 "zero_consumption_days", "must be between 1 and 366"));
  RP_TRY(require(r.inactive_allowance_milli_per_day >= 0, "inactive_allowance_milli_per_day",
                 "must not be negative"));
  RP_TRY(require(r.register_mismatch_tolerance_bp >= 0, "register_mismatch_tolerance_bp",
                 "must not be negative"));
  return require(r.register_mismatch_tolerance_milli >= 0, "register_mismatch_tolerance_milli",
                 "must not be negative");
}

std::int32_t history_days_needed(const VeeRules& rules) {
  std::int32_t gap_reach =
      days_spanned(rules.max_history_fill_minutes + rules.scaling_window_minutes);
  return std::max({7 * rules.history_weeks + gap_reach, rules.zero_consumption_days - 1,
                   rules.spike_history_days});
}

std::int32_t following_days_needed(const VeeRules& rules) {
  return std::max(days_spanned(rules.max_history_fill_minutes + rules.scaling_window_minutes),
                  rules.zero_consumption_days - 1);
}

const char* vee_rule_name(VeeRule rule) {
  for (const auto& [value, name] : kRuleNames) {
    if (value == rule) return name;
  }
  return "unknown";
}

bool parse_vee_rule(std::string_view name, VeeRule& rule) {
  for (const auto& [value, text] : kRuleNames) {
    if (name == text) {
      rule = value;
      return true;
    }
  }
  return false;
}

}  // namespace rp::mdm
