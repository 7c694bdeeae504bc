#include "mdm/usage_service.h"

#include "mdm/interval_day_store.h"

namespace rp::mdm {
namespace {

struct UsageChannel {
  ChannelUsage usage;
  std::int64_t channel_id = 0;
};

Result<std::vector<UsageChannel>> channels_of(store::Session& session, const UsageQuery& query) {
  auto exists = session.query_named("accounts/account_id_and_status", {query.account.digits()});
  if (!exists.ok()) return exists.error();
  if (exists->empty()) return not_found("no account has number " + query.account.digits());
  auto rows = session.query_named("mdm/usage_channels_of_account", {query.account.digits()});
  if (!rows.ok()) return rows.error();
  std::vector<UsageChannel> channels;
  for (const store::Row& row : *rows) {
    if (query.service_point_id && row.integer(0) != *query.service_point_id) continue;
    channels.push_back({ChannelUsage{row.integer(0),
                                     row.text(1),
                                     row.text(2),
                                     row.text(4),
                                     row.text(5),
                                     static_cast<std::int32_t>(row.integer(6)),
                                     {}},
                        row.integer(3)});
  }
  if (query.service_point_id && channels.empty()) {
    return not_found("account " + query.account.digits() + " has no metered service point " +
                     std::to_string(*query.service_point_id));
  }
  return channels;
}

}  // namespace

Result<void> check_usage_range(const UsageQuery& query) {
  auto from = date::sys_days(query.from);
  auto to = date::sys_days(query.to);
  if (to <= from)
    return invalid_input("to", "to must be after from (it is the first day not shown)");
  auto days = (to - from).count();
  switch (query.resolution) {
    case Resolution::interval:
      if (days > 93) return invalid_input("to", "interval data is served 93 days at a time");
      break;
    case Resolution::hour:
      if (days > 366) return invalid_input("to", "hourly usage is served a year at a time");
      break;
    case Resolution::day:
    case Resolution::month:
      if (days > 37 * 31) return invalid_input("to", "usage is served 37 months at a time");
      break;
  }
  return success();
}

Result<std::vector<ChannelUsage>> find_usage(store::Database& database, const UtilityZone& zone,
                                             const UsageQuery& query) {
  RP_TRY(check_usage_range(query));
  return database.read<std::vector<ChannelUsage>>(
      [&](store::Session& session) -> Result<std::vector<ChannelUsage>> {
        auto channels = channels_of(session, query);
        if (!channels.ok()) return channels.error();
        auto range = utc_days_covering(zone, query.from, query.to);
        std::vector<ChannelUsage> usage;
        for (UsageChannel& channel : *channels) {
          auto days = load_interval_days(session, channel.channel_id, range.first, range.second);
          if (!days.ok()) return days.error();
          channel.usage.points = sum_usage(*days, zone, query.from, query.to, query.resolution,
                                           channel.usage.interval_minutes);
          usage.push_back(std::move(channel.usage));
        }
        return usage;
      });
}

}  // namespace rp::mdm
