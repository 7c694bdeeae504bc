#include "billing/period_to_date.h"

#include <gtest/gtest.h>

#include "billing/bill_views.h"
#include "billing/testing/billing_fixture.h"

namespace rp::billing {
namespace {

using store::testing::count;
using testing::on;

// Noon in Los Angeles on `day`.
Instant noon_on(const char* day) {
  return UtilityZone::find("America/Los_Angeles")->start_of_day(on(day)) + std::chrono::hours(12);
}

class PeriodToDateTest : public testing::BillingFixture {
 protected:
  Result<PeriodToDate> so_far(const AccountNumber& account, const char* day) {
    return period_to_date(test_.database(), account, noon_on(day));
  }
};

TEST(CompareWithLastBill, MeasuredUsageHalfAgainAsHighPerDayAfterAWeekIsHighUsage) {
  ServiceToDate service;
  service.basis = ServiceToDate::Basis::interval;
  service.period = {on("2026-11-04"), on("2026-11-11")};  // 7 days
  service.usage_milli = 7 * 36'000;
  service.last_bill_per_day_milli = 24'000;
  compare_with_last_bill(service);
  EXPECT_EQ(service.per_day_milli, 36'000);
  EXPECT_EQ(service.change_percent, 50);
  EXPECT_TRUE(service.high_usage);

  service.usage_milli = 7 * 35'900;  // 49.6%: rounds to 50 in the change, but is not half again
  compare_with_last_bill(service);
  EXPECT_EQ(service.change_percent, 50);
  EXPECT_FALSE(service.high_usage);

  service.usage_milli = 6 * 90'000;  // far higher, but only 6 days
  service.period = {on("2026-11-04"), on("2026-11-10")};
  compare_with_last_bill(service);
  EXPECT_EQ(service.change_percent, 275);
  EXPECT_FALSE(service.high_usage);

  service.usage_milli = 6 * 12'000;  // lower usage is a negative change
  compare_with_last_bill(service);
  EXPECT_EQ(service.change_percent, -50);
  EXPECT_FALSE(service.high_usage);
}

TEST(CompareWithLastBill, EstimatedOrUncomparableUsageIsNeverCompared) {
  ServiceToDate service;
  service.basis = ServiceToDate::Basis::register_reads;  // usage so far is past use per day
  service.period = {on("2026-11-04"), on("2026-11-24")};
  service.usage_milli = 20 * 90'000;
  service.last_bill_per_day_milli = 10'000;
  compare_with_last_bill(service);
  EXPECT_EQ(service.per_day_milli, 90'000);
  EXPECT_FALSE(service.change_percent);
  EXPECT_FALSE(service.high_usage);

  service.basis = ServiceToDate::Basis::interval;
  service.last_bill_per_day_milli.reset();  // no bill yet
  compare_with_last_bill(service);
  EXPECT_FALSE(service.change_percent);
  service.last_bill_per_day_milli = 0;  // nothing used last time
  compare_with_last_bill(service);
  EXPECT_FALSE(service.change_percent);

  service.period = {on("2026-11-04"), on("2026-11-04")};  // no day yet
  compare_with_last_bill(service);
  EXPECT_FALSE(service.per_day_milli);
  EXPECT_FALSE(service.high_usage);
}

TEST(ProjectCharges, ScalesToThePeriodRoundingHalfAwayFromZero) {
  EXPECT_EQ(project_charges(Money::from_cents(1000), 10, 30)->cents(), 3000);
  EXPECT_EQ(project_charges(Money::from_cents(1001), 3, 29)->cents(), 9676);  // 9,676.33
  EXPECT_EQ(project_charges(Money::from_cents(1), 2, 3)->cents(), 2);         // 1.5 rounds up
  EXPECT_EQ(project_charges(Money::from_cents(-1), 2, 3)->cents(), -2);
  // Never less than so far (a period already past its read date), nothing without a day.
  EXPECT_EQ(project_charges(Money::from_cents(500), 31, 30)->cents(), 500);
  EXPECT_FALSE(project_charges(Money::from_cents(500), 0, 30));
}

TEST_F(PeriodToDateTest, OnTheReadDayTheOpenPeriodCostsExactlyWhatItsBillWill) {
  auto [maria, ben] = two_accounts_billed_to_october();
  ASSERT_FALSE(HasFailure());
  auto before_run = so_far(maria, "2026-11-04");
  ASSERT_TRUE(before_run.ok()) << before_run.error().message;
  EXPECT_EQ(format_local_date(before_run->period.start), "2026-10-05");
  EXPECT_EQ(format_local_date(before_run->period.end), "2026-11-04");
  EXPECT_EQ(format_local_date(before_run->next_read_date), "2026-11-04");
  EXPECT_EQ(before_run->days_so_far, 30);
  EXPECT_EQ(before_run->days_in_period, 30);
  EXPECT_EQ(before_run->charges_so_far.cents(), 15'920);  // 30 days, 1,442 kWh
  EXPECT_EQ(before_run->projected_charges, before_run->charges_so_far);
  ASSERT_EQ(before_run->services.size(), 1u);
  const ServiceToDate& electric = before_run->services[0];
  EXPECT_EQ(electric.commodity, "electric");
  EXPECT_EQ(electric.unit, "kWh");
  EXPECT_EQ(electric.meter, "E1000017");
  EXPECT_EQ(electric.basis, ServiceToDate::Basis::interval);
  EXPECT_EQ(electric.usage_milli, 1'442'000);
  EXPECT_FALSE(electric.estimated);
  EXPECT_EQ(electric.change_percent, 0);
  ASSERT_TRUE(before_run->last_bill);
  EXPECT_EQ(before_run->last_bill->days, 32);  // Sep 3 to Oct 5
  EXPECT_FALSE(before_run->high_usage);
  const std::int64_t bills_before = count(test_.database(), "SELECT COUNT(*) FROM bills");
  EXPECT_EQ(count(test_.database(), "SELECT COUNT(*) FROM bills"), bills_before);  // wrote nothing

  ASSERT_TRUE(run(3, "2026-11-04").ok());
  auto november = account_bills(test_.database(), maria, BillPage{0, 1});
  ASSERT_TRUE(november.ok());
  EXPECT_EQ(november->at(0).charges, before_run->charges_so_far);

  // Once billed, the new period has no day yet: nothing so far, nothing projected.
  auto after_run = so_far(maria, "2026-11-04");
  ASSERT_TRUE(after_run.ok());
  EXPECT_EQ(after_run->days_so_far, 0);
  EXPECT_TRUE(after_run->services.empty());
  EXPECT_EQ(after_run->charges_so_far.cents(), 0);
  EXPECT_FALSE(after_run->projected_charges);
  EXPECT_EQ(format_local_date(after_run->next_read_date), "2026-12-03");
  EXPECT_EQ(after_run->days_in_period, 29);
  ASSERT_TRUE(after_run->last_bill);
  EXPECT_EQ(after_run->last_bill->number, november->at(0).number);
}

TEST_F(PeriodToDateTest, PartWayThroughThePeriodItCountsTheDaysSoFarAndProjectsTheRest) {
  auto [maria, ben] = two_accounts_billed_to_october();
  ASSERT_FALSE(HasFailure());
  // Ten days into November's period (Oct 5 - Nov 4): 10 days of 48 kWh.
  auto part = so_far(maria, "2026-10-15");
  ASSERT_TRUE(part.ok()) << part.error().message;
  EXPECT_EQ(part->days_so_far, 10);
  EXPECT_EQ(part->days_in_period, 30);
  EXPECT_EQ(format_local_date(part->next_read_date), "2026-11-04");
  ASSERT_EQ(part->services.size(), 1u);
  EXPECT_EQ(part->services[0].usage_milli, 480'000);
  EXPECT_EQ(part->charges_so_far.cents(), 10 * 50 + 4'800);
  EXPECT_EQ(part->projected_charges->cents(), 3 * (10 * 50 + 4'800));
  EXPECT_EQ(part->services[0].per_day_milli, 48'000);
}

TEST_F(PeriodToDateTest, UsingTenTimesAsMuchRaisesTheAlertOnlyAfterAWeek) {
  // From October 5 the second account uses ten times as much as before.
  auto [maria, ben] = two_accounts_billed_to_october(5'000);
  ASSERT_FALSE(HasFailure());
  auto six_days = so_far(ben, "2026-10-11");
  ASSERT_TRUE(six_days.ok()) << six_days.error().message;
  ASSERT_EQ(six_days->services.size(), 1u);
  EXPECT_GT(*six_days->services[0].change_percent, 800);
  EXPECT_FALSE(six_days->high_usage);
  auto week = so_far(ben, "2026-10-12");
  ASSERT_TRUE(week.ok());
  EXPECT_TRUE(week->services[0].high_usage);
  EXPECT_TRUE(week->high_usage);
  auto steady = so_far(maria, "2026-10-12");
  ASSERT_TRUE(steady.ok());
  EXPECT_FALSE(steady->high_usage);
}

TEST_F(PeriodToDateTest, AnUnknownAccountIsNotFound) {
  set_tariffs();
  auto unknown = so_far(AccountNumber::from_sequence(99), "2026-11-04");
  ASSERT_FALSE(unknown.ok());
  EXPECT_EQ(unknown.error().kind, ErrorKind::not_found);
}

}  // namespace
}  // namespace rp::billing
