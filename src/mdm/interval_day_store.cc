#include "mdm/interval_day_store.h"

#include "store/bulk_insert.h"

namespace rp::mdm {
namespace {

const store::BulkTable kIntervalDays{
    "interval_days",
    {"channel_id", "utc_day", "interval_minutes", "vals", "quality", "version", "updated_at"}};

}  // namespace

Result<std::vector<IntervalDay>> load_interval_days(store::Session& session,
                                                    std::int64_t channel_id, std::int32_t first_day,
                                                    std::int32_t last_day) {
  auto rows = session.query_named("mdm/interval_days_of_channel",
                                  {channel_id, std::int64_t{first_day}, std::int64_t{last_day}});
  if (!rows.ok()) return rows.error();
  std::vector<IntervalDay> days;
  days.reserve(rows->size());
  for (const store::Row& row : *rows) {
    IntervalDay day;
    day.channel_id = channel_id;
    day.utc_day = static_cast<std::int32_t>(row.integer("utc_day"));
    day.interval_minutes = static_cast<std::int32_t>(row.integer("interval_minutes"));
    day.version = static_cast<std::int32_t>(row.integer("version"));
    std::string where =
        "interval day " + std::to_string(day.utc_day) + " of channel " + std::to_string(channel_id);
    if (day.interval_minutes <= 0 || 1440 % day.interval_minutes != 0) {
      return internal_error(where + " has interval " + std::to_string(day.interval_minutes));
    }
    std::size_t slots = static_cast<std::size_t>(1440 / day.interval_minutes);
    auto values = unpack_values(row.text("vals"), slots);
    if (!values.ok()) return internal_error(where + ": " + values.error().message);
    auto quality = unpack_quality(row.text("quality"), slots);
    if (!quality.ok()) return internal_error(where + ": " + quality.error().message);
    day.values = std::move(*values);
    day.quality = std::move(*quality);
    days.push_back(std::move(day));
  }
  return days;
}

Result<void> prepare_interval_days(store::Database& database, std::int32_t first_day,
                                   std::int32_t last_day) {
  if (database.engine() != store::Engine::postgresql) return success();
  return database.write_work([&](store::Session& session) -> Result<void> {
    auto made = session.query_named("mdm/ensure_interval_days_partitions",
                                    {std::int64_t{first_day}, std::int64_t{last_day}});
    if (!made.ok()) return made.error();
    return success();
  });
}

Result<void> insert_interval_days(store::Session& session,
                                  const std::vector<const IntervalDay*>& days,
                                  std::string_view updated_at) {
  std::vector<store::Params> rows;
  rows.reserve(days.size());
  for (const IntervalDay* day : days) {
    rows.push_back({day->channel_id, std::int64_t{day->utc_day},
                    std::int64_t{day->interval_minutes}, pack_values(day->values),
                    pack_quality(day->quality), std::int64_t{1}, std::string(updated_at)});
  }
  return store::bulk_insert(session, kIntervalDays, rows);
}

Result<void> replace_interval_day(store::Session& session, const IntervalDay& previous,
                                  const IntervalDay& updated, const Replacement& replacement) {
  store::Params key_and_version{previous.channel_id, std::int64_t{previous.utc_day},
                                std::int64_t{previous.version}};
  auto kept = session.execute_named("mdm/keep_interval_day_version",
                                    {replacement.at, replacement.by, replacement.reason,
                                     key_and_version[0], key_and_version[1], key_and_version[2]});
  if (!kept.ok()) return kept.error();
  auto replaced = session.execute_named(
      "mdm/replace_interval_day",
      {pack_values(updated.values), pack_quality(updated.quality), replacement.at,
       key_and_version[0], key_and_version[1], key_and_version[2]});
  if (!replaced.ok()) return replaced.error();
  if (*kept != 1 || *replaced != 1) {
    return conflict("interval day " + std::to_string(previous.utc_day) + " of channel " +
                    std::to_string(previous.channel_id) + " changed since version " +
                    std::to_string(previous.version) + " was read; read it again and retry");
  }
  return success();
}

}  // namespace rp::mdm
