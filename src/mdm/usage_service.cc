#include "mdm/usage_service.h"

#include "mdm/ingest_channel.h"
#include "mdm/interval_day_store.h"

namespace rp::mdm {
namespace {

// How far before `from` to look for the read that starts the first period: longer than any
// read cycle a utility keeps (a quarterly read, a missed one).
constexpr date::days kReadLookBack{200};

struct UsageChannel {
  ChannelUsage usage;
  std::int64_t channel_id = 0;
  std::int32_t dial_digits = 5;
  // The account's days on the service: [served_from, served_to). Usage outside them is another
  // customer's (the one before moved out, the one after moved in) and is never shown.
  LocalDate served_from;
  std::optional<LocalDate> served_to;
};

// The query narrowed to the days the account had the channel's service; empty (from == to) when
// none of the asked days are its.
UsageQuery served_part(const UsageQuery& query, const UsageChannel& channel) {
  UsageQuery part = query;
  if (date::sys_days(part.from) < date::sys_days(channel.served_from)) {
    part.from = channel.served_from;
  }
  if (channel.served_to && date::sys_days(*channel.served_to) < date::sys_days(part.to)) {
    part.to = *channel.served_to;
  }
  if (date::sys_days(part.to) < date::sys_days(part.from)) part.to = part.from;
  return part;
}

Result<std::vector<UsageChannel>> channels_of(store::Session& session, const UsageQuery& query) {
  auto exists = session.query_named("accounts/account_id_and_status", {query.account.digits()});
  if (!exists.ok()) return exists.error();
  if (exists->empty()) return not_found("no account has number " + query.account.digits());
  auto rows = session.query_named("mdm/usage_channels_of_account", {query.account.digits()});
  RP_TRY(rows);
  std::vector<UsageChannel> channels;
  for (const store::Row& row : *rows) {
    if (query.service_point_id && row.integer("service_point_id") != *query.service_point_id)
      continue;
    UsageChannel channel;
    channel.usage.service_point_id = row.integer("service_point_id");
    channel.usage.commodity = row.text("commodity");
    channel.usage.meter_serial = row.text("serial");
    channel.channel_id = row.integer("channel_id");
    channel.usage.channel = row.text("name");
    channel.usage.unit = row.text("unit");
    channel.usage.interval_minutes = static_cast<std::int32_t>(row.integer("interval_minutes"));
    auto started = parse_local_date(row.text("start_date"), "start_date");
    RP_TRY(started);
    channel.served_from = *started;
    if (!row.is_null("end_date")) {
      auto ended = parse_local_date(row.text("end_date"), "end_date");
      RP_TRY(ended);
      channel.served_to = LocalDate(date::sys_days(*ended) + date::days(1));
    }
    if (channel.usage.is_register()) {
      IngestChannel dial;
      dial.unit = channel.usage.unit;
      dial.dial_digits = static_cast<std::int32_t>(row.integer("dial_digits"));
      channel.dial_digits = dial_digits_of(dial);
    }
    channels.push_back(std::move(channel));
  }
  if (query.service_point_id && channels.empty()) {
    return not_found("account " + query.account.digits() + " has no metered service point " +
                     std::to_string(*query.service_point_id));
  }
  return channels;
}

std::vector<Resolution> resolutions_of(const std::vector<UsageChannel>& channels) {
  bool interval = false;
  bool reads = false;
  for (const UsageChannel& channel : channels) {
    (channel.usage.is_register() ? reads : interval) = true;
  }
  std::vector<Resolution> offered;
  if (interval)
    offered.insert(offered.end(), {Resolution::interval, Resolution::hour, Resolution::day});
  if (reads) offered.push_back(Resolution::read_period);
  if (interval || reads) offered.push_back(Resolution::month);
  return offered;
}

Result<void> fill_register(store::Session& session, const UtilityZone& zone,
                           const UsageQuery& query, UsageChannel& channel) {
  const Instant from = zone.start_of_day(LocalDate(date::sys_days(query.from) - kReadLookBack));
  const Instant to = zone.start_of_day(LocalDate(date::sys_days(query.to) + kReadLookBack));
  auto rows = session.query_named("mdm/accepted_register_reads",
                                  {channel.channel_id, format_instant(from), format_instant(to)});
  RP_TRY(rows);
  std::vector<StoredRegisterRead> reads;
  for (const store::Row& row : *rows) {
    auto taken = parse_instant(row.text("taken_at"), "taken_at");
    RP_TRY(taken);
    reads.push_back({*taken, row.integer("milli_units"), row.text("source") == "estimated"});
  }
  std::vector<ReadPeriod> periods = read_periods(reads, zone, channel.dial_digits);
  // A period begun before the account's service is partly another customer's use.
  std::erase_if(periods, [&](const ReadPeriod& period) {
    return date::sys_days(period.start) < date::sys_days(channel.served_from);
  });
  if (query.resolution == Resolution::month) {
    channel.usage.months = spread_by_month(periods, query.from, query.to);
    return success();
  }
  for (const ReadPeriod& period : periods) {
    if (period.end > query.from && period.start < query.to) {
      channel.usage.read_periods.push_back(period);
    }
  }
  return success();
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
    case Resolution::read_period:
      if (days > 37 * 31) return invalid_input("to", "usage is served 37 months at a time");
      break;
  }
  return success();
}

Result<AccountUsage> find_usage(store::Database& database, const UtilityZone& zone,
                                const UsageQuery& query) {
  RP_TRY(check_usage_range(query));
  return database.read<AccountUsage>([&](store::Session& session) -> Result<AccountUsage> {
    auto channels = channels_of(session, query);
    RP_TRY(channels);
    AccountUsage usage;
    usage.resolutions = resolutions_of(*channels);
    auto range = utc_days_covering(zone, query.from, query.to);
    for (UsageChannel& channel : *channels) {
      const UsageQuery served = served_part(query, channel);
      const bool none_served = served.from == served.to;
      if (channel.usage.is_register()) {
        if (query.resolution != Resolution::month && query.resolution != Resolution::read_period) {
          continue;
        }
        if (!none_served) RP_TRY(fill_register(session, zone, served, channel));
      } else {
        if (query.resolution == Resolution::read_period) continue;
        if (!none_served) {
          auto days = load_interval_days(session, channel.channel_id, range.first, range.second);
          RP_TRY(days);
          channel.usage.points = sum_usage(*days, zone, served.from, served.to, query.resolution,
                                           channel.usage.interval_minutes);
        }
      }
      usage.channels.push_back(std::move(channel.usage));
    }
    return usage;
  });
}

}  // namespace rp::mdm
