#pragma once
// The daily usage watch: once a day, at or after the utility's 'usage_alerts_hour' (local, default
// 6, after the night's meter data has arrived), every account's open period and water and gas
// meters are read (billing/usage_watch.h) and judged by the rules of usage_rules.h. What is found
// is recorded by "system:usage-alerts" as account events the notices pipeline turns into notices
// (kinds usage.high and leak.suspected):
//
// - a threshold crossed: a usage_alerts row, once per threshold per bill period, and one
//   "usage.high" event;
// - a possible leak: a leak_alerts row, open until the customer or staff close it (it shows on the
//   customer's Home and in the staff's leak queue), and one "leak.suspected" event (water) or
//   "leak.gas_suspected" (gas: a safety notice, sent whatever the hour, that cannot be turned off).
//   A service point with a leak alert open, or one closed in the past kLeakQuietDays days, gets no
//   new one.
//
// A second run the same day, or a second server, records nothing more: both tables' keys say
// what was found already.

#include <cstdint>

#include "core/result.h"
#include "core/time.h"
#include "notify/usage_rules.h"
#include "store/database.h"

namespace rp::notify {

inline constexpr int kLeakQuietDays = 7;

struct UsageAlertsRun {
  std::int64_t accounts = 0;  // accounts read
  std::int64_t meters = 0;    // water and gas meters judged for leaks
  std::int64_t thresholds = 0;
  std::int64_t high_usage = 0;  // alerts recorded
  std::int64_t leaks = 0;
};

// Errors: the database's, or a bad stored setting (named); what earlier chunks recorded stays.
Result<UsageAlertsRun> run_usage_alerts(store::Database& database, LocalDate today);

// The leak settings stored (defaults where not set). Errors: a bad stored setting.
Result<LeakSettings> leak_settings(store::Session& session);

}  // namespace rp::notify
