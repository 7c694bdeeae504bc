#pragma once
// Reading an account's usage for the portal's charts and for billing: the interval channels of the
// meters at the account's service points, summed in the utility's time zone (usage_series.h).

#include <optional>
#include <string>
#include <vector>

#include "core/account_number.h"
#include "core/time.h"
#include "mdm/usage_series.h"
#include "store/database.h"

namespace rp::mdm {

struct UsageQuery {
  AccountNumber account;
  LocalDate from;  // first local day
  LocalDate to;    // first local day NOT included
  Resolution resolution = Resolution::day;
  std::optional<std::int64_t> service_point_id;  // only this service point's meters
};

struct ChannelUsage {
  std::int64_t service_point_id = 0;
  std::string commodity;
  std::string meter_serial;
  std::string channel;
  std::string unit;
  std::int32_t interval_minutes = 15;
  std::vector<UsagePoint> points;
};

// The longest range each resolution may ask for, so one response stays a sensible size:
// interval 93 days, hour 366 days, day and month 37 months.
Result<void> check_usage_range(const UsageQuery& query);

// Errors: invalid_input naming "from", "to" or "resolution"; not_found for an unknown account or a
// service point the account does not hold.
Result<std::vector<ChannelUsage>> find_usage(store::Database& database, const UtilityZone& zone,
                                             const UsageQuery& query);

}  // namespace rp::mdm
