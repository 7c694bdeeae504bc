#pragma once
// A utility's own VEE rules: overrides of the commodity defaults, written as a JSON object whose
// members are VeeRules fields by name, stored in utility_settings under "vee_rules.<commodity>":
//
//   {"max_interpolation_minutes": 120, "zero_consumption_days": 5}
//
// Every member must name a field and hold an integer; the result must pass check_vee_rules.

#include <string_view>

#include "core/result.h"
#include "mdm/vee_rules.h"

namespace rp::mdm {

// Errors: invalid_input naming the member ("vee_rules.zero_consumption_days") for an unknown
// field, a value that is not an integer, or a rule out of range; "vee_rules" for text that is not
// a JSON object.
Result<VeeRules> apply_vee_rule_overrides(VeeRules rules, std::string_view json_text);

}  // namespace rp::mdm
