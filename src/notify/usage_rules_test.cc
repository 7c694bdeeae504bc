// The usage watch's rules: thresholds crossed and possible leaks, pure over what it reads.

#include "notify/usage_rules.h"

#include <gtest/gtest.h>

#include "notify/usage_quantity.h"

namespace rp::notify {
namespace {

LocalDate on(const char* text) {
  return *parse_local_date(text, "date");
}

// An account 10 days into a 30-day period with $60.00 so far (projected $180.00).
billing::AccountWatch account_so_far(std::int32_t days = 10, std::int64_t cents = 6000) {
  billing::AccountWatch account;
  billing::PeriodToDate& to_date = account.to_date;
  to_date.period = {on("2026-11-05"),
                    LocalDate(date::sys_days(on("2026-11-05")) + date::days(days))};
  to_date.days_so_far = days;
  to_date.days_in_period = 30;
  to_date.charges_so_far = Money::from_cents(cents);
  to_date.projected_charges = billing::project_charges(to_date.charges_so_far, days, 30);
  billing::ServiceToDate electric;
  electric.commodity = "electric";
  to_date.services.push_back(electric);
  return account;
}

UsageThreshold amount(std::int64_t cents) {
  return {1, UsageThreshold::Basis::amount, Money::from_cents(cents), 0};
}

TEST(UsageThresholds, AnAmountIsCrossedByTheProjectionAfterAWeekOrByTheChargesSoFar) {
  auto crossed = crossing(amount(15000), account_so_far());
  ASSERT_TRUE(crossed);
  EXPECT_EQ(crossed->projected.cents(), 18000);
  EXPECT_EQ(crossed->so_far.cents(), 6000);
  EXPECT_FALSE(crossed->estimated);
  EXPECT_FALSE(crossing(amount(18001), account_so_far()));  // heading for 180.00 only

  // Six days in, a projection is not trusted, but charges already past the amount are.
  EXPECT_FALSE(crossing(amount(15000), account_so_far(6, 3600)));
  EXPECT_TRUE(crossing(amount(3600), account_so_far(6, 3600)));
  EXPECT_FALSE(crossing(amount(3601), account_so_far(6, 3600)));
}

TEST(UsageThresholds, NothingIsCrossedWithoutARatedPeriod) {
  billing::AccountWatch account = account_so_far();
  account.to_date.problem = "rate plan W-RES has no tariff";
  EXPECT_FALSE(crossing(amount(100), account));
  account = account_so_far();
  account.to_date.services.clear();
  EXPECT_FALSE(crossing(amount(100), account));
}

TEST(UsageThresholds, APercentIsCrossedPerDayAgainstTheBillComparedWith) {
  billing::AccountWatch account = account_so_far();  // $6.00 a day
  UsageThreshold twenty{2, UsageThreshold::Basis::last_bill, {}, 20};
  EXPECT_FALSE(crossing(twenty, account));                              // no bill yet
  account.last_bill = billing::BillCost{Money::from_cents(15000), 30};  // $5.00 a day
  auto crossed = crossing(twenty, account);
  ASSERT_TRUE(crossed);
  EXPECT_EQ(crossed->change_percent, 20);
  ASSERT_TRUE(crossed->compared_with);
  EXPECT_EQ(crossed->compared_with->charges.cents(), 15000);
  EXPECT_FALSE(crossing({2, UsageThreshold::Basis::last_bill, {}, 21}, account));

  UsageThreshold last_year{3, UsageThreshold::Basis::last_year, {}, 50};
  EXPECT_FALSE(crossing(last_year, account));                           // no bill a year ago
  account.last_year = billing::BillCost{Money::from_cents(12000), 30};  // $4.00 a day: +50%
  EXPECT_EQ(crossing(last_year, account)->change_percent, 50);

  // Only after a week, and an estimate says so.
  billing::AccountWatch early = account_so_far(6, 3600);
  early.last_bill = account.last_bill;
  EXPECT_FALSE(crossing(twenty, early));
  account.to_date.services[0].estimated = true;
  EXPECT_TRUE(crossing(twenty, account)->estimated);
}

// A water meter's day of 96 quarter hours, each `milli` gallons, all actual.
billing::MeterWatch water_day(std::int64_t milli) {
  billing::MeterWatch meter;
  meter.commodity = "water";
  meter.unit = "gal";
  meter.meter = "W1000017";
  billing::MeterDay day;
  day.date = on("2026-11-19");
  day.values.assign(96, milli);
  day.quality.assign(96, mdm::Quality::actual);
  meter.day = day;
  return meter;
}

TEST(Leaks, WaterThatNeverStopsForAWholeMeasuredDayIsContinuousFlow) {
  const LeakSettings settings;
  billing::MeterWatch meter = water_day(500);  // half a gallon a quarter hour: 2 gal/h
  auto leak = find_leak(meter, settings, on("2026-11-20"));
  ASSERT_TRUE(leak);
  EXPECT_EQ(leak->kind, LeakFinding::Kind::continuous_flow);
  EXPECT_EQ(leak->least_per_hour_milli, 2000);
  EXPECT_EQ(leak->use_per_day_milli, 48'000);
  EXPECT_EQ(format_local_date(leak->found_on), "2026-11-19");

  meter.day->values[40] = 250;  // one quarter hour at 1 gal/h: at the least flow, not above it
  EXPECT_FALSE(find_leak(meter, settings, on("2026-11-20")));
  meter.day->values[40] = 251;
  EXPECT_TRUE(find_leak(meter, settings, on("2026-11-20")));
}

TEST(Leaks, AnEstimatedOrMissingIntervalIsNeverEvidenceOfFlow) {
  const LeakSettings settings;
  for (mdm::Quality quality :
       {mdm::Quality::estimated, mdm::Quality::edited, mdm::Quality::missing}) {
    billing::MeterWatch meter = water_day(500);
    meter.day->quality[10] = quality;
    EXPECT_FALSE(find_leak(meter, settings, on("2026-11-20")));
  }
  // Estimated intervals alone never make a burst either: only measured ones count.
  billing::MeterWatch meter = water_day(0);
  meter.usual_per_day_milli = 100'000;
  for (std::size_t slot = 0; slot < 96; ++slot) {
    meter.day->values[slot] = 10'000;  // 960 gallons, all estimated
    meter.day->quality[slot] = mdm::Quality::estimated;
  }
  EXPECT_FALSE(find_leak(meter, settings, on("2026-11-20")));
}

TEST(Leaks, ADayFarAboveTheUsualIsABurst) {
  LeakSettings settings;
  billing::MeterWatch meter = water_day(0);
  meter.day->values[30] = 300'000;  // 300 gallons in a quarter hour, then nothing
  EXPECT_FALSE(find_leak(meter, settings, on("2026-11-20")));  // no usual to compare with
  meter.usual_per_day_milli = 100'000;
  auto leak = find_leak(meter, settings, on("2026-11-20"));
  ASSERT_TRUE(leak);
  EXPECT_EQ(leak->kind, LeakFinding::Kind::burst);
  EXPECT_EQ(leak->use_per_day_milli, 300'000);
  meter.usual_per_day_milli = 100'001;
  EXPECT_FALSE(find_leak(meter, settings, on("2026-11-20")));

  // Gas: no continuous-flow check unless the utility sets a least flow.
  billing::MeterWatch gas = water_day(500);
  gas.commodity = "gas";
  gas.unit = "therm";
  EXPECT_FALSE(find_leak(gas, settings, on("2026-11-20")));
  settings.gas_least_flow_milli = 100;
  EXPECT_TRUE(find_leak(gas, settings, on("2026-11-20")));
}

TEST(Leaks, ARecentMeasuredReadFarAboveTheUsualIsAHighRead) {
  const LeakSettings settings;
  billing::MeterWatch meter;
  meter.commodity = "water";
  meter.unit = "gal";
  meter.latest_read =
      billing::BilledRead{{on("2026-10-16"), on("2026-11-16")}, 31 * 400'000, false};
  meter.usual_per_day_milli = 200'000;
  auto leak = find_leak(meter, settings, on("2026-11-20"));
  ASSERT_TRUE(leak);
  EXPECT_EQ(leak->kind, LeakFinding::Kind::high_read);
  EXPECT_EQ(leak->use_per_day_milli, 400'000);
  EXPECT_EQ(format_local_date(leak->found_on), "2026-11-16");

  EXPECT_FALSE(find_leak(meter, settings, on("2026-11-24")));  // old news by then
  meter.latest_read->estimated = true;
  EXPECT_FALSE(find_leak(meter, settings, on("2026-11-20")));
  meter.latest_read->estimated = false;
  meter.usual_per_day_milli = 200'001;
  EXPECT_FALSE(find_leak(meter, settings, on("2026-11-20")));
}

TEST(UsageQuantity, WritesThousandthsWithTheUnitSoItNeverReadsAsMoney) {
  EXPECT_EQ(quantity_text(2400, "gal"), "2.4 gal");
  EXPECT_EQ(quantity_text(50, "therm"), "0.05 therm");
  EXPECT_EQ(quantity_text(310'000, "gal"), "310 gal");
  EXPECT_EQ(quantity_text(-1500, "kWh"), "-1.5 kWh");
}

}  // namespace
}  // namespace rp::notify
