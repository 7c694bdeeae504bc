#pragma once
// The utility's settings (table utility_settings: key -> text value), read inside a caller's
// transaction. Each capability documents its keys (docs/configuration.md, docs/billing.md).

#include <cstdint>
#include <optional>
#include <string>

#include "core/result.h"
#include "core/time.h"
#include "store/session.h"

namespace rp::store {

// The value of `key`, or none when it is not set.
Result<std::optional<std::string>> utility_setting(Session& session, const std::string& key);

// The utility's IANA time zone (setting 'time_zone'; America/Los_Angeles when not set), in which
// its calendar runs: "today", bill periods, due dates. Errors: invalid_input for an unknown zone.
Result<UtilityZone> utility_zone(Session& session);

// The value of `key` as a whole number in [minimum, maximum], or none when it is not set.
// Errors: invalid_input naming the key: "setting late_fee_grace_days: 'x' is not a whole number
// from 0 to 60".
Result<std::optional<std::int64_t>> whole_number_setting(Session& session, const std::string& key,
                                                         std::int64_t minimum,
                                                         std::int64_t maximum);

}  // namespace rp::store
