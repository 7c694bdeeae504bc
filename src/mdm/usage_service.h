#pragma once
// Reading an account's usage for the portal's charts: the channels of the meters at the account's
// service points. Interval channels are summed in the utility's time zone (usage_series.h) at
// interval, hour, day or month resolution; register channels (read by hand or by an AMR drive-by)
// give their read periods, or those spread by month (read_periods.h). A channel shows only at the
// resolutions it has; the answer names the resolutions the account's meters offer.

#include <optional>
#include <string>
#include <vector>

#include "core/account_number.h"
#include "core/time.h"
#include "mdm/read_periods.h"
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
  std::int32_t interval_minutes = 15;  // 0 for a register channel
  std::vector<UsagePoint> points;      // interval channels
  // Register channels: at read_period, the periods that overlap [from, to); at month, the months
  // of [from, to) they cover.
  std::vector<ReadPeriod> read_periods;
  std::vector<MonthFromReads> months;
  bool is_register() const { return interval_minutes == 0; }
};

struct AccountUsage {
  // What the account's meters offer, finest first: interval, hour and day with an interval
  // meter; read_period with a register meter; month with either.
  std::vector<Resolution> resolutions;
  std::vector<ChannelUsage> channels;  // those that have the resolution asked for
};

// The longest range each resolution may ask for, so one response stays a sensible size:
// interval 93 days, hour 366 days, day, month and read_period 37 months.
Result<void> check_usage_range(const UsageQuery& query);

// Errors: invalid_input naming "from", "to" or "resolution"; not_found for an unknown account or a
// service point the account does not hold.
Result<AccountUsage> find_usage(store::Database& database, const UtilityZone& zone,
                                const UsageQuery& query);

}  // namespace rp::mdm
