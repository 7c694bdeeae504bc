#pragma once
// A customer's high-usage thresholds and what the usage watch found on the account
// (usage_alerts.h): the portal's alert settings (and staff's, on the customer's request), the Home
// page's alerts, and closing a possible leak once it is fixed or checked. The staff's leak queue
// lists every open leak alert.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/account_number.h"
#include "core/money.h"
#include "core/result.h"
#include "store/database.h"

namespace rp::notify {

inline constexpr std::int64_t kLargestThresholdCents = 100'000'00;  // $100,000
inline constexpr std::int64_t kLargestThresholdPercent = 1000;

// What a customer chose; none: no threshold on that basis.
struct ThresholdChoice {
  std::optional<Money> amount;                    // the period's bill, $1 to $100,000
  std::optional<std::int64_t> last_bill_percent;  // 1 to 1000
  std::optional<std::int64_t> last_year_percent;
};

struct UsageAlertSeen {
  std::int64_t id = 0;
  std::string basis;
  std::string period_start;
  std::string found_on;
  Money so_far;
  Money projected;
  bool estimated = false;
};

struct LeakAlertSeen {
  std::int64_t id = 0;
  std::string account_number;  // the queue's rows
  std::string customer;
  std::string commodity;
  std::string meter;
  std::string unit;
  std::string kind;  // continuous_flow | burst | high_read
  std::string found_on;
  std::optional<std::int64_t> least_per_hour_milli;
  std::int64_t use_per_day_milli = 0;
  std::optional<std::int64_t> usual_per_day_milli;
  std::string status;  // open | closed
  std::string closed_by;
  std::string closed_at;
  std::string resolution;
  std::string created_at;
};

struct AccountAlerts {
  ThresholdChoice thresholds;
  std::vector<UsageAlertSeen> usage;  // the latest 12, newest first
  std::vector<LeakAlertSeen> leaks;   // open, and closed in the past 30 days; newest first
};

// Errors: not_found for an unknown account.
Result<AccountAlerts> account_alerts(store::Database& database, const AccountNumber& account);

// Replaces the account's thresholds with `choice`: a basis whose value changed gets a new
// threshold (so it may alert again this period), one left out is removed. One
// "thresholds.changed" event by `actor` when anything changed. Errors: not_found; invalid_input
// naming the field ("amount", "last_bill_percent", "last_year_percent") out of range.
Result<AccountAlerts> set_thresholds(store::Database& database, const AccountNumber& account,
                                     const ThresholdChoice& choice, const std::string& actor);

// Closes the account's open leak alert `id` with `resolution` (1-500 characters), recorded as a
// "leak.closed" event by `actor`. Errors: not_found (no such alert on the account); conflict
// (already closed, code "leak-closed"); invalid_input ("resolution").
Result<LeakAlertSeen> close_leak_alert(store::Database& database, const AccountNumber& account,
                                       std::int64_t id, const std::string& resolution,
                                       const std::string& actor);

struct LeakQueuePage {
  std::vector<LeakAlertSeen> alerts;  // oldest first
  std::optional<std::int64_t> next_after;
};

// The staff's queue: alerts with `status` ("open" or "closed") after id `after`.
// Errors: invalid_input ("status").
Result<LeakQueuePage> leak_queue(store::Database& database, const std::string& status,
                                 std::int64_t after, std::size_t limit);

}  // namespace rp::notify
