#include "mdm/usage_service.h"

#include <gtest/gtest.h>

#include "accounts/service_start.h"
#include "accounts/service_stop.h"
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
  ASSERT_EQ(usage->channels.size(), 1u) << "the water meter is a register: it has no days";
  const ChannelUsage& electric = usage->channels.front();
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
  ASSERT_EQ(usage->channels.front().points.size(), 24u);
  EXPECT_EQ(usage->channels.front().points[0].quality, Quality::missing);
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

// Stores an accepted register read of the sample account's water meter (W E1000017, gallons).
void store_read(store::Database& database, const char* taken_at, std::int64_t gallons,
                const char* source = "amr") {
  auto stored = database.write<std::int64_t>([&](store::Session& session) {
    return session.execute(
        "INSERT INTO register_reads (channel_id, taken_at, milli_units, source, status, "
        "created_at) SELECT mc.id, :at, :milli, :source, 'accepted', :created FROM meter_channels "
        "mc "
        "JOIN meters m ON m.id = mc.meter_id WHERE m.serial = 'WE1000017' AND mc.name = 'gal'",
        {std::string(taken_at), gallons * 1000, std::string(source), std::string(taken_at)});
  });
  ASSERT_TRUE(stored.ok()) << stored.error().message;
  ASSERT_EQ(*stored, 1);
}

TEST(UsageService, ARegisterMeterShowsItsReadPeriodsAndMonthsButNoDays) {
  TestDatabase test;
  AccountNumber number = accounts::testing::open_sample_account(test.database());
  store_read(test.database(), "2026-01-05T17:00:00Z", 9'999'000);
  store_read(test.database(), "2026-02-04T17:00:00Z", 2'100);  // the 7-digit dial rolled over
  store_read(test.database(), "2026-03-06T17:00:00Z", 5'100, "estimated");

  auto periods =
      find_usage(test.database(), kLosAngeles,
                 {number, on("2026-01-01"), on("2026-04-01"), Resolution::read_period, {}});
  ASSERT_TRUE(periods.ok()) << periods.error().message;
  EXPECT_EQ(periods->resolutions,
            (std::vector<Resolution>{Resolution::interval, Resolution::hour, Resolution::day,
                                     Resolution::read_period, Resolution::month}));
  ASSERT_EQ(periods->channels.size(), 1u) << "the electric meter has intervals, not reads";
  const ChannelUsage& water = periods->channels.front();
  EXPECT_TRUE(water.is_register());
  EXPECT_EQ(water.unit, "gal");
  ASSERT_EQ(water.read_periods.size(), 2u);
  EXPECT_EQ(water.read_periods[0].start, on("2026-01-05"));
  EXPECT_EQ(water.read_periods[0].end, on("2026-02-04"));
  EXPECT_EQ(water.read_periods[0].milli_units, 3'100'000);
  EXPECT_FALSE(water.read_periods[0].estimated);
  EXPECT_EQ(water.read_periods[1].milli_units, 3'000'000);
  EXPECT_TRUE(water.read_periods[1].estimated);

  auto months = find_usage(test.database(), kLosAngeles,
                           {number, on("2026-01-01"), on("2026-04-01"), Resolution::month, {}});
  ASSERT_TRUE(months.ok()) << months.error().message;
  ASSERT_EQ(months->channels.size(), 2u);  // electric (intervals) and water (reads)
  const ChannelUsage& by_month = months->channels.back();
  ASSERT_EQ(by_month.months.size(), 3u);
  std::int64_t total = 0;
  for (const MonthFromReads& month : by_month.months) total += month.milli_units;
  EXPECT_EQ(total, 6'100'000);
  EXPECT_EQ(by_month.months[0].days_covered, 27);  // January 5 to 31
  EXPECT_TRUE(by_month.months[2].estimated);

  auto days = find_usage(test.database(), kLosAngeles,
                         {number, on("2026-01-01"), on("2026-02-01"), Resolution::day, {}});
  ASSERT_TRUE(days.ok());
  EXPECT_EQ(days->channels.size(), 1u);
  EXPECT_TRUE(days->channels.front().points.size() == 31u);
}

// A customer sees the usage of their own days on a meter only: not the one who moved out before
// them, not the one who moved in after.
TEST(UsageService, EachCustomerSeesOnlyTheDaysTheyHadTheService) {
  TestDatabase test;
  AccountNumber maria = accounts::testing::open_sample_account(test.database());
  auto [first, last] = utc_days_covering(kLosAngeles, on("2026-10-28"), on("2026-11-08"));
  for (std::int32_t day = first; day <= last; ++day) store_day(test.database(), day, 500);
  ASSERT_TRUE(accounts::stop_service(test.database(), maria, {"2026-11-01", "staff:test"}).ok());
  auto ben = accounts::open_account(
      test.database(), accounts::testing::sample_new_account("Ben Ortiz"), "staff:test");
  ASSERT_TRUE(ben.ok()) << ben.error().message;
  auto started = test->write<std::int64_t>([&](store::Session& session) -> Result<std::int64_t> {
    auto ids = session.query(
        "SELECT a.id AS account, sp.id AS point, rp.id AS plan FROM accounts a, "
        "service_points sp, rate_plans rp WHERE a.number = :number AND "
        "sp.commodity = 'electric' AND rp.code = 'E-RES'",
        {ben->digits()});
    RP_TRY(ids);
    return accounts::start_at_service_point(session, ids->at(0).integer("account"),
                                            ids->at(0).integer("point"), ids->at(0).integer("plan"),
                                            "2026-11-02", "staff:test");
  });
  ASSERT_TRUE(started.ok()) << started.error().message;

  auto days_of = [&](const AccountNumber& account) {
    auto usage = find_usage(test.database(), kLosAngeles,
                            {account, on("2026-10-30"), on("2026-11-05"), Resolution::day, {}});
    EXPECT_TRUE(usage.ok()) << usage.error().message;
    std::vector<std::string> days;
    for (const ChannelUsage& channel : usage->channels) {
      if (channel.unit != "kWh") continue;
      for (const UsagePoint& point : channel.points) {
        days.push_back(format_local_date(kLosAngeles.local_date(point.start)));
      }
    }
    return days;
  };
  EXPECT_EQ(days_of(maria), (std::vector<std::string>{"2026-10-30", "2026-10-31", "2026-11-01"}));
  EXPECT_EQ(days_of(*ben), (std::vector<std::string>{"2026-11-02", "2026-11-03", "2026-11-04"}));
}

TEST(UsageFormatting, MilliUnitsAreExactDecimalStrings) {
  EXPECT_EQ(format_milli_units(12345), "12.345");
  EXPECT_EQ(format_milli_units(-5), "-0.005");
  EXPECT_EQ(format_milli_units(0), "0.000");
  EXPECT_EQ(format_milli_units(INT64_MIN), "-9223372036854775.808");
}

}  // namespace
}  // namespace rp::mdm
