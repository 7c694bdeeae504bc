// A meter exchanged in a billing period: each meter bills its own part, the bill lists both, and
// the next period starts from the new meter's reading, never the old one's.

#include <gtest/gtest.h>

#include "accounts/service_start.h"
#include "billing/bill_run.h"
#include "billing/bill_views.h"
#include "billing/testing/billing_fixture.h"

namespace rp::billing {
namespace {

using store::testing::count;
using store::testing::query;

class MeterExchangeTest : public testing::BillingFixture {
 protected:
  // Takes meter `old_serial` out on `day` and puts `meter` in at the same service point.
  void exchange(const std::string& old_serial, const accounts::NewMeter& meter, const char* day) {
    auto done = test_->write<bool>([&](store::Session& session) -> Result<bool> {
      auto point =
          session.query("SELECT service_point_id FROM meters WHERE serial = :serial", {old_serial});
      RP_TRY(point);
      RP_TRY(session.execute("UPDATE meters SET removed_on = :day WHERE serial = :serial",
                             {std::string(day), old_serial}));
      RP_TRY(accounts::install_meter(session, meter, point->at(0).integer(0), day));
      return true;
    });
    ASSERT_TRUE(done.ok()) << done.error().message;
  }

  void bill(const char* read_date) {
    auto progress = run(3, read_date);
    ASSERT_TRUE(progress.ok()) << read_date << ": " << progress.error().message;
    EXPECT_EQ(progress->problems, 0) << read_date;
    EXPECT_EQ(progress->held, 0) << read_date;
  }
};

accounts::NewMeter water_meter(const std::string& serial) {
  return {serial, "amr", {{"gal", "gal", std::nullopt}}};
}

TEST_F(MeterExchangeTest, ARegisterMeterExchangedMidPeriodBillsBothMetersParts) {
  set_tariffs();
  AccountNumber maria = open("E1000017", true, "1204 Elm St");
  store_intervals("E1000017", "2026-07-01", "2026-11-10", 500);
  store_read("WE1000017", "2026-07-03T17:00:00Z", 10'000);
  store_read("WE1000017", "2026-08-05T17:00:00Z", 16'600);
  bill("2026-08-05");
  // August 20: the old dial reads 19,600 as it comes out; the new one (refurbished) reads 500.
  store_read("WE1000017", "2026-08-20T17:00:00Z", 19'600);
  exchange("WE1000017", water_meter("W9000001"), "2026-08-20");
  store_read("W9000001", "2026-08-20T18:00:00Z", 500);
  store_read("W9000001", "2026-09-03T17:00:00Z", 4'500);
  bill("2026-09-03");
  // 3,000 gallons on the old meter and 4,000 on the new: 7,000, not 4,500 - 16,600 rolled over.
  auto section = query(test_.database(),
                       "SELECT usage_milli, start_read_milli, end_read_milli, meter_serial, "
                       "estimated, meter_legs FROM bill_sections WHERE commodity = 'water' AND "
                       "period_start = '2026-08-05'");
  ASSERT_EQ(section.size(), 1u);
  EXPECT_EQ(section[0].integer(0), 7'000'000);
  EXPECT_EQ(section[0].integer(1), 16'600'000);
  EXPECT_EQ(section[0].integer(2), 4'500'000);
  EXPECT_EQ(section[0].text(3), "W9000001");
  EXPECT_EQ(section[0].integer(4), 0);

  // The bill shows both meters, each with its days and reads.
  auto bill_view = account_bill(test_.database(), maria, 2);
  ASSERT_TRUE(bill_view.ok()) << bill_view.error().message;
  const BillSectionView* water = nullptr;
  for (const BillSectionView& s : bill_view->sections) {
    if (s.commodity == "water") water = &s;
  }
  ASSERT_NE(water, nullptr);
  ASSERT_EQ(water->meters.size(), 2u);
  EXPECT_EQ(water->meters[0].serial, "WE1000017");
  EXPECT_EQ(water->meters[0].from, "2026-08-05");
  EXPECT_EQ(water->meters[0].to, "2026-08-20");
  EXPECT_EQ(water->meters[0].start_read, "16600");
  EXPECT_EQ(water->meters[0].end_read, "19600");
  EXPECT_EQ(water->meters[0].usage, "3000");
  EXPECT_EQ(water->meters[1].serial, "W9000001");
  EXPECT_EQ(water->meters[1].from, "2026-08-20");
  EXPECT_EQ(water->meters[1].to, "2026-09-02");
  EXPECT_EQ(water->meters[1].start_read, "500");
  EXPECT_EQ(water->meters[1].end_read, "4500");
  EXPECT_EQ(water->meters[1].usage, "4000");
  EXPECT_EQ(water->usage, "7000");

  // The next period is the new meter's alone, from its last billed read.
  store_read("W9000001", "2026-10-05T17:00:00Z", 10'000);
  bill("2026-10-05");
  auto october = query(test_.database(),
                       "SELECT usage_milli, start_read_milli, meter_legs FROM bill_sections "
                       "WHERE commodity = 'water' AND period_start = '2026-09-03'");
  ASSERT_EQ(october.size(), 1u);
  EXPECT_EQ(october[0].integer(0), 5'500'000);
  EXPECT_EQ(october[0].integer(1), 4'500'000);
  EXPECT_TRUE(october[0].is_null(2));
}

TEST_F(MeterExchangeTest, AMeterExchangedOnTheReadDateStartsTheNextBillFromItsOwnReading) {
  set_tariffs();
  open("E1000017", true, "1204 Elm St");
  store_intervals("E1000017", "2026-07-01", "2026-11-10", 500);
  store_read("WE1000017", "2026-07-03T17:00:00Z", 10'000);
  store_read("WE1000017", "2026-08-05T17:00:00Z", 16'600);
  bill("2026-08-05");
  store_read("WE1000017", "2026-09-03T17:00:00Z", 23'000);
  exchange("WE1000017", water_meter("W9000002"), "2026-09-03");
  store_read("W9000002", "2026-09-03T18:00:00Z", 0);
  bill("2026-09-03");
  // September's bill is the old meter's to its final read.
  EXPECT_EQ(count(test_.database(),
                  "SELECT usage_milli FROM bill_sections WHERE commodity = 'water' AND "
                  "period_start = '2026-08-05'"),
            6'400'000);
  store_read("W9000002", "2026-10-05T17:00:00Z", 3'000);
  bill("2026-10-05");
  // October's starts at the new meter's 0, not at the old meter's 23,000.
  auto october = query(test_.database(),
                       "SELECT usage_milli, start_read_milli, meter_serial, meter_legs FROM "
                       "bill_sections WHERE commodity = 'water' AND period_start = '2026-09-03'");
  ASSERT_EQ(october.size(), 1u);
  EXPECT_EQ(october[0].integer(0), 3'000'000);
  EXPECT_EQ(october[0].integer(1), 0);
  EXPECT_EQ(october[0].text(2), "W9000002");
  EXPECT_TRUE(october[0].is_null(3));
}

TEST_F(MeterExchangeTest, AnOldMeterWithoutAFinalReadingIsEstimatedAndSaidSo) {
  set_tariffs();
  open("E1000017", true, "1204 Elm St");
  store_intervals("E1000017", "2026-07-01", "2026-11-10", 500);
  store_read("WE1000017", "2026-07-03T17:00:00Z", 10'000);
  store_read("WE1000017", "2026-08-05T17:00:00Z", 16'600);  // 6,600 in 33 days: 200 a day
  bill("2026-08-05");
  exchange("WE1000017", water_meter("W9000003"), "2026-08-20");
  store_read("W9000003", "2026-08-20T18:00:00Z", 0);
  store_read("W9000003", "2026-09-03T17:00:00Z", 2'800);
  bill("2026-09-03");
  // August 5 to 20 is 15 days at 200 a day: 3,000 estimated, and 2,800 read on the new meter.
  auto section = query(test_.database(),
                       "SELECT usage_milli, estimated FROM bill_sections WHERE commodity = "
                       "'water' AND period_start = '2026-08-05'");
  ASSERT_EQ(section.size(), 1u);
  EXPECT_EQ(section[0].integer(0), 5'800'000);
  EXPECT_EQ(section[0].integer(1), 1);
}

TEST_F(MeterExchangeTest, IntervalMetersExchangedMidPeriodAreCutAsOneSeries) {
  set_tariffs();
  open("E1000017", false, "1204 Elm St");
  store_intervals("E1000017", "2026-07-01", "2026-08-19", 500);
  bill("2026-08-05");
  // The old meter reports through August 19 (UTC); the new one, using half as much, from the
  // 20th (UTC), which is 5 PM on the 19th in Los Angeles: every slot of the period is measured.
  exchange("E1000017", {"E9000001", "ami", {{"kWh", "kWh", 15}}}, "2026-08-19");
  store_intervals("E9000001", "2026-08-20", "2026-09-10", 250);
  bill("2026-09-03");
  // August 5 to 19, 5 PM: 14 days and 17 hours at 48 kWh a day (2 kWh an hour) = 706 kWh; the
  // rest of the 29 days (14 days and 7 hours) at 1 kWh an hour = 343 kWh. Measured, not
  // estimated.
  auto section = query(test_.database(),
                       "SELECT usage_milli, estimated, meter_serial, meter_legs FROM "
                       "bill_sections WHERE commodity = 'electric' AND period_start = "
                       "'2026-08-05'");
  ASSERT_EQ(section.size(), 1u);
  EXPECT_EQ(section[0].integer(0), 1'049'000);
  EXPECT_EQ(section[0].integer(1), 0);
  EXPECT_EQ(section[0].text(2), "E9000001");
  EXPECT_NE(section[0].text(3).find("\"serial\":\"E1000017\""), std::string::npos)
      << section[0].text(3);
  EXPECT_NE(section[0].text(3).find("\"usage_milli\":343000"), std::string::npos)
      << section[0].text(3);
}

}  // namespace
}  // namespace rp::billing
