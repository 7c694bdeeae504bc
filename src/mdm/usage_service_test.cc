#include "mdm/usage_service.h"

#include <gtest/gtest.h>

#include "accounts/testing/account_fixtures.h"
#include "core/time.h"
#include "mdm/interval_day_store.h"
#include "store/testing/test_database.h"

namespace rp::mdm {
namespace {

using store::testing::TestDatabase;

const UtilityZone kLosAngeles = *UtilityZone::find("America/Los_Angeles");

LocalDate on(const char* text) {
  return *parse_local_date(text, "d");
}

// Stores a day of 15-minute values for the sample account's electric channel, every slot `value`.
void store_day(store::Database& database, std::int32_t utc_day, std::int64_t value,
               Quality quality = Quality::actual) {
  IntervalDay day = IntervalDay::empty(0, utc_day, 15);
  std::fill(day.values.begin(), day.values.end(), value);
  std::fill(day.quality.begin(), day.quality.end(), quality);
  ASSERT_TRUE(prepare_interval_days(database, utc_day, utc_day).ok());
  auto stored = database.write<std::int64_t>([&](store::Session& session) {
    return session.execute(
        "INSERT INTO interval_days (channel_id, utc_day, interval_minutes, vals, quality, version, "
        "updated_at) SELECT mc.id, :day, 15, :vals, :quality, 1, '2026-11-23T00:00:00Z' "
        "FROM meter_channels mc JOIN meters m ON m.id = mc.meter_id "
        "WHERE m.serial = 'E1000017' AND mc.name = 'kWh'",
        {std::int64_t{utc_day}, pack_values(day.values), pack_quality(day.quality)});
  });
  ASSERT_TRUE(stored.ok()) << stored.error().message;
  ASSERT_EQ(*stored, 1);
}

TEST(UsageService, SumsStoredIntervalsOverLocalDaysAcrossTheFallBackChange) {
  TestDatabase test;
  AccountNumber number = accounts::testing::open_sample_account(test.database());
  auto [first, last] = utc_days_covering(kLosAngeles, on("2026-10-31"), on("2026-11-03"));
  for (std::int32_t day = first; day <= last; ++day) store_day(test.database(), day, 500);

  auto usage = find_usage(test.database(), kLosAngeles,
                          {number, on("2026-10-31"), on("2026-11-03"), Resolution::day, {}});
  ASSERT_TRUE(usage.ok()) << usage.error().message;
  ASSERT_EQ(usage->size(), 1u) << "the water meter is a register, not an interval channel";
  const ChannelUsage& electric = usage->front();
  EXPECT_EQ(electric.meter_serial, "E1000017");
  EXPECT_EQ(electric.unit, "kWh");
  ASSERT_EQ(electric.points.size(), 3u);
  EXPECT_EQ(format_milli_units(electric.points[0].milli_units), "48.000");  // 96 x 0.5
  EXPECT_EQ(format_milli_units(electric.points[1].milli_units), "50.000");  // 100 x 0.5
  EXPECT_EQ(electric.points[1].quality, Quality::actual);
  EXPECT_EQ(format_milli_units(electric.points[2].milli_units), "48.000");
}

TEST(UsageService, DaysWithoutDataAreMissingNotZero) {
  TestDatabase test;
  AccountNumber number = accounts::testing::open_sample_account(test.database());
  auto usage = find_usage(test.database(), kLosAngeles,
                          {number, on("2026-06-01"), on("2026-06-02"), Resolution::hour, {}});
  ASSERT_TRUE(usage.ok()) << usage.error().message;
  ASSERT_EQ(usage->front().points.size(), 24u);
  EXPECT_EQ(usage->front().points[0].quality, Quality::missing);
}

TEST(UsageService, RangesAndAccountsAreChecked) {
  TestDatabase test;
  AccountNumber number = accounts::testing::open_sample_account(test.database());
  auto backwards = find_usage(test.database(), kLosAngeles,
                              {number, on("2026-06-02"), on("2026-06-01"), Resolution::day, {}});
  ASSERT_FALSE(backwards.ok());
  EXPECT_EQ(backwards.error().field, "to");
  auto too_long =
      find_usage(test.database(), kLosAngeles,
                 {number, on("2026-01-01"), on("2026-06-01"), Resolution::interval, {}});
  ASSERT_FALSE(too_long.ok());
  auto unknown = find_usage(test.database(), kLosAngeles,
                            {AccountNumber::from_sequence(4242),
                             on("2026-06-01"),
                             on("2026-06-02"),
                             Resolution::day,
                             {}});
  ASSERT_FALSE(unknown.ok());
  EXPECT_EQ(unknown.error().kind, ErrorKind::not_found);
}

TEST(UsageFormatting, MilliUnitsAreExactDecimalStrings) {
  EXPECT_EQ(format_milli_units(12345), "12.345");
  EXPECT_EQ(format_milli_units(-5), "-0.005");
  EXPECT_EQ(format_milli_units(0), "0.000");
  EXPECT_EQ(format_milli_units(INT64_MIN), "-9223372036854775.808");
}

}  // namespace
}  // namespace rp::mdm
