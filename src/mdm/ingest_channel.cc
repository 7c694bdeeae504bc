#include "mdm/ingest_channel.h"

#include "mdm/read_fields.h"

namespace rp::mdm {
namespace {

std::string commodity_of_unit(const std::string& unit) {
  if (unit == "gal") return "water";
  if (unit == "CCF" || unit == "therm") return "gas";
  return "electric";
}

Result<std::optional<std::int64_t>> day_bound(const UtilityZone& zone, const store::Row& row,
                                              std::string_view column, bool end_of_day) {
  if (row.is_null(column)) return std::optional<std::int64_t>{};
  auto date = parse_local_date(row.text(column), "installed_on");
  if (!date.ok()) return internal_error("stored meter date: " + date.error().message);
  Instant bound = end_of_day ? zone.end_of_day(*date) : zone.start_of_day(*date);
  return std::optional<std::int64_t>{bound.time_since_epoch().count()};
}

}  // namespace

bool IngestChannel::delivered() const {
  return !channel_name.ends_with("-received");
}

Result<IngestChannel> find_ingest_channel(store::Session& session, const UtilityZone& zone,
                                          const ChannelKey& key) {
  IngestChannel channel;
  channel.meter_serial = key.meter_serial;
  channel.channel_name = key.channel;
  auto rows = session.query_named("mdm/ingest_channel", {key.meter_serial, key.channel});
  if (!rows.ok()) return rows.error();
  if (rows->empty()) {
    auto meter = session.query_named("mdm/meter_id_by_serial", {key.meter_serial});
    if (!meter.ok()) return meter.error();
    channel.problem = meter->empty() ? "unknown meter " + quoted_excerpt(key.meter_serial)
                                     : "meter " + key.meter_serial + " has no channel " +
                                           quoted_excerpt(key.channel);
    return channel;
  }
  const store::Row& row = rows->front();
  channel.channel_id = row.integer("channel_id");
  channel.meter_id = row.integer("meter_id");
  channel.service_point_id = row.integer("service_point_id");
  channel.unit = row.text("unit");
  channel.interval_minutes = static_cast<std::int32_t>(row.integer("interval_minutes"));
  channel.dial_digits = static_cast<std::int32_t>(row.integer("dial_digits"));
  auto from = day_bound(zone, row, "installed_on", false);
  if (!from.ok()) return from.error();
  auto until = day_bound(zone, row, "removed_on", true);
  if (!until.ok()) return until.error();
  channel.installed_from = *from;
  channel.removed_until = *until;
  channel.commodity =
      row.is_null("commodity") ? commodity_of_unit(channel.unit) : row.text("commodity");
  if (channel.service_point_id != 0) {
    auto spans = session.query_named("mdm/agreements_of_service_point", {channel.service_point_id});
    if (!spans.ok()) return spans.error();
    for (const store::Row& span : *spans) {
      channel.agreements.push_back({span.text("start_date"), span.text("end_date")});
    }
  }
  return channel;
}

std::string interval_value_problem(const IngestChannel& channel, std::int32_t stated_seconds,
                                   const IntervalValue& value, std::int64_t now) {
  if (!channel.found()) return channel.problem;
  const std::string& name = channel.meter_serial;
  if (channel.interval_minutes == 0) {
    return "channel " + channel.channel_name + " of meter " + name +
           " takes register reads, not interval values (send them as a register CSV)";
  }
  std::int64_t length = std::int64_t{channel.interval_minutes} * 60;
  if (stated_seconds != 0 && stated_seconds != length) {
    return "interval length " + std::to_string(stated_seconds) + " s does not match channel " +
           channel.channel_name + " of meter " + name + ", which records " +
           std::to_string(channel.interval_minutes) + "-minute intervals";
  }
  std::int64_t offset = value.start % length;
  if (offset != 0) {
    return "interval_start " + format_instant(Instant{std::chrono::seconds{value.start}}) +
           " is not on a " + std::to_string(channel.interval_minutes) +
           "-minute boundary of channel " + channel.channel_name + " of meter " + name;
  }
  if (value.start + length > now) {
    return "interval starting " + format_instant(Instant{std::chrono::seconds{value.start}}) +
           " has not ended yet (a future timestamp)";
  }
  if (channel.installed_from && value.start < *channel.installed_from) {
    return "interval starting " + format_instant(Instant{std::chrono::seconds{value.start}}) +
           " is before meter " + name + " was installed";
  }
  if (channel.removed_until && value.start >= *channel.removed_until) {
    return "interval starting " + format_instant(Instant{std::chrono::seconds{value.start}}) +
           " is after meter " + name + " was removed";
  }
  return {};
}

bool service_active_on(const IngestChannel& channel, const UtilityZone& zone,
                       std::int32_t utc_day) {
  Instant midday{std::chrono::seconds{std::int64_t{utc_day} * 86400 + 43200}};
  std::string local = format_local_date(zone.local_date(midday));
  for (const AgreementSpan& span : channel.agreements) {
    if (span.start_date <= local && (span.end_date.empty() || local <= span.end_date)) return true;
  }
  return false;
}

std::int32_t dial_digits_of(const IngestChannel& channel) {
  if (channel.dial_digits > 0) return channel.dial_digits;
  return channel.unit == "gal" ? 7 : 5;
}

}  // namespace rp::mdm
