#pragma once
// Every utility setting the product reads, with the rule its value must follow: one table, used
// both when a setting is written (`ratepayer settings set`, which refuses a bad value and changes
// nothing) and when it is read (utility_settings.h: a bad value stored some other way is refused
// with the setting named). A new setting is one row here.
//
// The utility's settings live only in the database (table utility_settings). The configuration
// file holds what belongs to a process (database URL, ports, secrets, paths, mail relay).

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "store/session.h"

namespace rp::store {

enum class SettingKind {
  text,          // 1 to `maximum` characters, no control characters except line breaks
  whole_number,  // from `minimum` to `maximum`
  time_zone,     // an IANA zone the tz database knows; changed only before the first bill
  dates,         // comma-separated YYYY-MM-DD
  digits,        // exactly `maximum` digits
  json_object,   // a JSON object (its fields are checked by the reader)
};

struct SettingRule {
  std::string_view key;  // a key ending in '.' names a family: "vee_rules." + commodity
  SettingKind kind = SettingKind::text;
  std::int64_t minimum = 0;
  std::int64_t maximum = 0;
  std::string_view meaning;  // for `ratepayer settings`
  // What applies while it is not set: the value it acts as (checked against the readers in
  // app/setting_defaults_test.cc), or a description; empty when nothing does.
  std::string_view when_unset;
};

// The rules, in the order `ratepayer settings` lists them.
const std::vector<SettingRule>& setting_rules();

// The rule of `key`, or nullptr for a key no part of the product reads.
const SettingRule* find_setting_rule(std::string_view key);

// Errors: invalid_input naming the key, saying what the value must be.
Result<void> check_setting_value(const SettingRule& rule, std::string_view key,
                                 std::string_view value);

}  // namespace rp::store
