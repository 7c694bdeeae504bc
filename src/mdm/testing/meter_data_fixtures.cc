#include "mdm/testing/meter_data_fixtures.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "mdm/interval_day_store.h"

namespace rp::mdm::testing {
namespace {

Instant at_seconds(std::int64_t seconds) {
  return Instant{std::chrono::seconds{seconds}};
}

IngestOptions options_at(std::int64_t now_seconds) {
  IngestOptions options;
  options.now = at_seconds(now_seconds);
  return options;
}

}  // namespace

// After the test days: everything in early November 2026 has ended.
IngestOptions late_options() {
  return options_at((kNov2 + 20) * kDay);
}

std::string instant(std::int64_t seconds) {
  return format_instant(at_seconds(seconds));
}

// Reads CSV rows for meter E1000017 kWh: one row per slot of `day` from `first` to `last`
// (inclusive), each `value` (text), skipping the slots in `skip`.
std::string day_rows(std::int32_t day, const std::string& value, int first, int last,
                     std::vector<int> skip) {
  std::string rows;
  for (int slot = first; slot <= last; ++slot) {
    if (std::find(skip.begin(), skip.end(), slot) != skip.end()) continue;
    rows += "E1000017,kWh," + instant(day * kDay + slot * 900) + "," + value + ",A\n";
  }
  return rows;
}

Result<IngestReport> ingest_csv(store::Database& database, const std::string& text,
                                IngestOptions options, const std::string& name) {
  IngestSource source{name, ReadFormat::csv, text, ""};
  return ingest_reads(database, los_angeles(), source, options);
}

std::int64_t channel_id(store::Database& database, const std::string& serial,
                        const std::string& channel) {
  auto id = database.read<std::int64_t>([&](store::Session& session) -> Result<std::int64_t> {
    auto rows = session.query(
        "SELECT mc.id FROM meter_channels mc JOIN meters m ON m.id = mc.meter_id "
        "WHERE m.serial = :serial AND mc.name = :name",
        {serial, channel});
    if (!rows.ok()) return rows.error();
    if (rows->empty()) return not_found("channel");
    return rows->front().integer("id");
  });
  EXPECT_TRUE(id.ok());
  return id.ok() ? *id : 0;
}

std::optional<IntervalDay> stored_day(store::Database& database, std::int32_t utc_day) {
  std::int64_t channel = channel_id(database, "E1000017", "kWh");
  auto days = database.read<std::vector<IntervalDay>>([&](store::Session& session) {
    return load_interval_days(session, channel, utc_day, utc_day);
  });
  EXPECT_TRUE(days.ok());
  if (!days.ok() || days->empty()) return std::nullopt;
  return days->front();
}

}  // namespace rp::mdm::testing
