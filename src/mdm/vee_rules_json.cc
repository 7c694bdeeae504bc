#include "mdm/vee_rules_json.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <limits>
#include <string>
#include <utility>

namespace rp::mdm {
namespace {

template <typename Field>
using Member = std::pair<const char*, Field VeeRules::*>;

constexpr Member<std::int32_t> kIntFields[] = {
    {"max_interpolation_minutes", &VeeRules::max_interpolation_minutes},
    {"max_history_fill_minutes", &VeeRules::max_history_fill_minutes},
    {"history_weeks", &VeeRules::history_weeks},
    {"history_min_weeks", &VeeRules::history_min_weeks},
    {"scaling_window_minutes", &VeeRules::scaling_window_minutes},
    {"spike_factor_percent", &VeeRules::spike_factor_percent},
    {"spike_percentile", &VeeRules::spike_percentile},
    {"spike_history_days", &VeeRules::spike_history_days},
    {"spike_min_history_hours", &VeeRules::spike_min_history_hours},
    {"zero_consumption_days", &VeeRules::zero_consumption_days},
    {"register_mismatch_tolerance_bp", &VeeRules::register_mismatch_tolerance_bp},
};
constexpr Member<std::int64_t> kLongFields[] = {
    {"spike_floor_milli_per_hour", &VeeRules::spike_floor_milli_per_hour},
    {"default_physical_max_milli_per_hour", &VeeRules::default_physical_max_milli_per_hour},
    {"inactive_allowance_milli_per_day", &VeeRules::inactive_allowance_milli_per_day},
    {"register_mismatch_tolerance_milli", &VeeRules::register_mismatch_tolerance_milli},
};

template <typename Field>
bool set_member(VeeRules& rules, const Member<Field>* begin, const Member<Field>* end,
                const std::string& name, std::int64_t value, bool& in_range) {
  for (const Member<Field>* member = begin; member != end; ++member) {
    if (name != member->first) continue;
    in_range =
        value >= std::numeric_limits<Field>::min() && value <= std::numeric_limits<Field>::max();
    if (in_range) rules.*(member->second) = static_cast<Field>(value);
    return true;
  }
  return false;
}

}  // namespace

Result<VeeRules> apply_vee_rule_overrides(VeeRules rules, std::string_view json_text) {
  nlohmann::json overrides = nlohmann::json::parse(json_text, nullptr, false);
  if (overrides.is_discarded() || !overrides.is_object()) {
    return invalid_input("vee_rules", "VEE rules must be a JSON object of rule names and integers");
  }
  for (const auto& [name, value] : overrides.items()) {
    std::string field = "vee_rules." + name;
    if (!value.is_number_integer()) return invalid_input(field, field + " must be an integer");
    std::int64_t number = value.is_number_unsigned() && value.get<std::uint64_t>() > INT64_MAX
                              ? INT64_MAX
                              : value.get<std::int64_t>();
    bool in_range = true;
    bool known =
        set_member(rules, std::begin(kIntFields), std::end(kIntFields), name, number, in_range) ||
        set_member(rules, std::begin(kLongFields), std::end(kLongFields), name, number, in_range);
    if (!known) return invalid_input(field, "there is no VEE rule named " + name);
    if (!in_range) return invalid_input(field, field + " is out of range");
  }
  auto checked = check_vee_rules(rules);
  if (!checked.ok()) {
    Error error = checked.error();
    return invalid_input("vee_rules." + error.field, error.message);
  }
  return rules;
}

}  // namespace rp::mdm
