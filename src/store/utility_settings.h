#pragma once
// The utility's settings (table utility_settings: key -> text value), read and written inside a
// caller's transaction. Every key and the rule its value follows is in setting_rules.h; a value is
// checked when it is written and again when it is read.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/result.h"
#include "core/time.h"
#include "store/session.h"

namespace rp::store {

inline constexpr std::string_view kDefaultUtilityName = "Ratepayer Demo Utility";
inline constexpr std::string_view kDefaultTimeZone = "America/Los_Angeles";

// The value of `key`, or none when it is not set.
Result<std::optional<std::string>> utility_setting(Session& session, const std::string& key);

// The utility's IANA time zone (setting 'time_zone'; kDefaultTimeZone when not set), in which
// its calendar runs: "today", bill periods, due dates. Errors: invalid_input for an unknown zone.
Result<UtilityZone> utility_zone(Session& session);

// The utility's name as customers see it (setting 'name'; kDefaultUtilityName when not set).
Result<std::string> utility_name(Session& session);

// The value of `key` as a whole number within its rule's range (setting_rules.h), or none when
// it is not set. Requires: `key` has a whole-number rule. Errors: invalid_input naming the key:
// "setting late_fee_grace_days: 'x' is not a whole number from 0 to 60".
Result<std::optional<std::int64_t>> whole_number_setting(Session& session, std::string_view key);

// Every setting stored, by key.
Result<std::vector<std::pair<std::string, std::string>>> all_utility_settings(Session& session);

// Sets `key` to `value` after checking it (setting_rules.h) and records a
// "utility.setting_changed" event with `actor` and the old and new values. Setting a value to
// what it is changes nothing. The time zone is refused once a bill exists: bill periods and due
// dates already computed in the old zone would disagree with everything after. Errors:
// invalid_input naming the key (unknown key, bad value), conflict for the time zone with bills.
Result<void> change_utility_setting(Session& session, std::string_view key, std::string_view value,
                                    const std::string& actor);

}  // namespace rp::store
