// The calculator's features, each with a hand-checked bill: fixed charges and proration, tiers,
// time of use (including the 2026 daylight-saving days in America/Los_Angeles), rate versions and
// the errors. Demand is in demand_test.cc; riders, minimums, taxes, water and gas in
// charges_test.cc; randomized properties in calculator_property_test.cc.

#include "rating/calculator.h"

#include <gtest/gtest.h>

#include "rating/testing/tariff_fixtures.h"

namespace rp::rating {
namespace {

using std::chrono::minutes;
using testing::at_hour;
using testing::constant_series;
using testing::day;
using testing::dec;
using testing::describe;
using testing::flat_period;
using testing::line_with;
using testing::set_hours;
using testing::tariff_of;
using testing::tiered_period;
using testing::version_from;

const UtilityZone& los_angeles() {
  static const UtilityZone zone = testing::zone("America/Los_Angeles");
  return zone;
}

RatedBill rated(Result<RatedBill> result) {
  EXPECT_TRUE(result.ok()) << result.error().message;
  return result.ok() ? std::move(result).value() : RatedBill{};
}

Money money(std::string_view text) {
  return Money::parse(text).value();
}

TariffVersion with_customer_charge(std::string_view amount) {
  TariffVersion v = version_from(day(2020, 1, 1));
  v.fixed_charges.push_back({"Customer charge", dec(amount), FixedChargeBasis::per_month, {}});
  return v;
}

TariffVersion flat_energy(std::string_view rate) {
  TariffVersion v = version_from(day(2020, 1, 1));
  v.energy.periods = {flat_period("", rate)};
  return v;
}

// --- Fixed charges and proration (proration.h) ---

TEST(FixedCharges, AWholeMonthPaysTheMonthlyCharge) {
  const Tariff tariff = tariff_of({with_customer_charge("12.00")});
  const RatedBill bill = rated(rate_total(tariff, dec("0"), {day(2026, 1, 1), day(2026, 2, 1)}));
  ASSERT_EQ(bill.lines.size(), 1u) << describe(bill);
  EXPECT_EQ(bill.lines[0].kind, LineKind::fixed);
  EXPECT_EQ(bill.lines[0].description, "Customer charge");
  EXPECT_EQ(bill.lines[0].quantity, dec("1"));
  EXPECT_EQ(bill.lines[0].unit, "month");
  EXPECT_EQ(bill.total, money("12.00"));
}

TEST(FixedCharges, AMoveInPaysDaysOverDaysInTheMonth) {
  // 2026-01-10 -> 02-01: 22 days of a 31-day month. Daily rate 12 / 31 = 0.387096774(19..)
  // rounded to 9 digits; 22 x 0.387096774 = 8.516129028 -> 8.52.
  const Tariff tariff = tariff_of({with_customer_charge("12.00")});
  const RatedBill bill = rated(rate_total(tariff, dec("0"), {day(2026, 1, 10), day(2026, 2, 1)}));
  ASSERT_EQ(bill.lines.size(), 1u) << describe(bill);
  EXPECT_EQ(bill.lines[0].description, "Customer charge, 22 of 31 days");
  EXPECT_EQ(bill.lines[0].quantity, dec("22"));
  EXPECT_EQ(bill.lines[0].unit, "day");
  EXPECT_EQ(bill.lines[0].rate, dec("0.387096774"));
  EXPECT_EQ(bill.total, money("8.52"));
}

TEST(FixedCharges, AMoveOutInFebruaryPaysDaysOfTwentyEight) {
  // 02-01 -> 02-15: 14 x (12 / 28 = 0.428571429) = 6.000000006 -> 6.00.
  const Tariff tariff = tariff_of({with_customer_charge("12.00")});
  const RatedBill bill = rated(rate_total(tariff, dec("0"), {day(2026, 2, 1), day(2026, 2, 15)}));
  EXPECT_EQ(bill.total, money("6.00")) << describe(bill);
}

TEST(FixedCharges, ALongReadCyclePaysAMonthPlusTheExtraDays) {
  // 01-15 -> 02-16: one anniversary month, then 1 day of [02-15, 03-15) (28 days):
  // 12.00 + 1 x 0.428571429 = 12.00 + 0.43 = 12.43.
  const Tariff tariff = tariff_of({with_customer_charge("12.00")});
  const RatedBill bill = rated(rate_total(tariff, dec("0"), {day(2026, 1, 15), day(2026, 2, 16)}));
  ASSERT_EQ(bill.lines.size(), 2u) << describe(bill);
  EXPECT_EQ(bill.lines[0].amount, money("12.00"));
  EXPECT_EQ(bill.lines[1].description, "Customer charge, 1 of 28 days");
  EXPECT_EQ(bill.lines[1].amount, money("0.43"));
  EXPECT_EQ(bill.total, money("12.43"));
}

TEST(FixedCharges, PerDayChargesAreDaysTimesTheAmount) {
  TariffVersion v = version_from(day(2020, 1, 1));
  v.fixed_charges.push_back({"Service charge", dec("0.50"), FixedChargeBasis::per_day, {}});
  const RatedBill bill =
      rated(rate_total(tariff_of({v}), dec("0"), {day(2026, 1, 10), day(2026, 2, 1)}));
  ASSERT_EQ(bill.lines.size(), 1u);
  EXPECT_EQ(bill.lines[0].quantity, dec("22"));
  EXPECT_EQ(bill.lines[0].unit, "day");
  EXPECT_EQ(bill.total, money("11.00"));  // 22 x 0.50
}

TEST(FixedCharges, MeterSizeChargesApplyOnlyToThatMeterSize) {
  TariffVersion v = version_from(day(2020, 1, 1));
  v.fixed_charges = {{"Meter charge 5/8\"", dec("15.00"), FixedChargeBasis::per_month, "5/8"},
                     {"Meter charge 1\"", dec("22.50"), FixedChargeBasis::per_month, "1"},
                     {"Billing charge", dec("3.00"), FixedChargeBasis::per_month, {}}};
  const BillingPeriod january{day(2026, 1, 1), day(2026, 2, 1)};
  AccountFacts one_inch;
  one_inch.meter_size = "1";
  EXPECT_EQ(rated(rate_total(tariff_of({v}), dec("0"), january, one_inch)).total,
            money("25.50"));  // 22.50 + 3.00
  AccountFacts small;
  small.meter_size = "5/8";
  EXPECT_EQ(rated(rate_total(tariff_of({v}), dec("0"), january, small)).total,
            money("18.00"));  // 15.00 + 3.00
}

// --- Energy tiers ---

TEST(EnergyTiers, InclingBlocksChargeEachBlockAtItsRate) {
  // 500 x 0.10 = 50.00, then 300 x 0.15 = 45.00: 95.00.
  TariffVersion v = version_from(day(2020, 1, 1));
  v.energy.periods = {tiered_period("", {{"500", "0.10"}, {"", "0.15"}})};
  const RatedBill bill =
      rated(rate_total(tariff_of({v}), dec("800"), {day(2026, 1, 1), day(2026, 2, 1)}));
  ASSERT_EQ(bill.lines.size(), 2u) << describe(bill);
  EXPECT_EQ(bill.lines[0].description, "Energy, tier 1");
  EXPECT_EQ(bill.lines[0].quantity, dec("500"));
  EXPECT_EQ(bill.lines[0].amount, money("50.00"));
  EXPECT_EQ(bill.lines[1].description, "Energy, tier 2");
  EXPECT_EQ(bill.lines[1].quantity, dec("300"));
  EXPECT_EQ(bill.lines[1].amount, money("45.00"));
  EXPECT_EQ(bill.total, money("95.00"));
  EXPECT_EQ(bill.usage_total, dec("800"));
}

TEST(EnergyTiers, DecliningBlocksToo) {
  // 1000 x 0.12 = 120.00, 500 x 0.08 = 40.00: 160.00.
  TariffVersion v = version_from(day(2020, 1, 1));
  v.energy.periods = {tiered_period("", {{"1000", "0.12"}, {"", "0.08"}})};
  EXPECT_EQ(
      rated(rate_total(tariff_of({v}), dec("1500"), {day(2026, 1, 1), day(2026, 2, 1)})).total,
      money("160.00"));
}

TEST(EnergyTiers, DailyBoundsAreTheLimitTimesTheDaysInThePeriod) {
  // 10 kWh/day x 31 days = 310: 310 x 0.10 = 31.00, 90 x 0.20 = 18.00: 49.00.
  TariffVersion v = version_from(day(2020, 1, 1));
  v.energy.periods = {tiered_period("", {{"10", "0.10"}, {"", "0.20"}})};
  v.energy.tier_basis = TierBasis::daily;
  const RatedBill bill =
      rated(rate_total(tariff_of({v}), dec("400"), {day(2026, 1, 1), day(2026, 2, 1)}));
  EXPECT_EQ(bill.lines.at(0).quantity, dec("310"));
  EXPECT_EQ(bill.total, money("49.00")) << describe(bill);
}

TEST(EnergyTiers, MonthlyBoundsAreProratedForAPartialPeriod) {
  // 22 of 31 days: bound 500 x 22 / 31 = 354.838709677. 354.838709677 x 0.10 = 35.4838709677
  // -> 35.48; (400 - 354.838709677) = 45.161290323 x 0.15 = 6.77419354845 -> 6.77. 42.25.
  TariffVersion v = version_from(day(2020, 1, 1));
  v.energy.periods = {tiered_period("", {{"500", "0.10"}, {"", "0.15"}})};
  const RatedBill bill =
      rated(rate_total(tariff_of({v}), dec("400"), {day(2026, 1, 10), day(2026, 2, 1)}));
  ASSERT_EQ(bill.lines.size(), 2u) << describe(bill);
  EXPECT_EQ(bill.lines[0].quantity, dec("354.838709677"));
  EXPECT_EQ(bill.lines[1].quantity, dec("45.161290323"));
  EXPECT_EQ(bill.total, money("42.25"));
}

TEST(EnergyTiers, TheAdjustmentIsAddedToTheRate) {
  // 100 x (0.10 + 0.0235) = 12.35.
  TariffVersion v = version_from(day(2020, 1, 1));
  v.energy.periods = {RatePeriod{"", {Tier{std::nullopt, dec("0.10"), dec("0.0235")}}}};
  const RatedBill bill =
      rated(rate_total(tariff_of({v}), dec("100"), {day(2026, 1, 1), day(2026, 2, 1)}));
  EXPECT_EQ(bill.lines.at(0).rate, dec("0.1235"));
  EXPECT_EQ(bill.total, money("12.35"));
}

TEST(EnergyTiers, EachLineIsQuantityTimesRateRoundedOnceHalfAwayFromZero) {
  // 123.456 x 0.1125 = 13.888800 -> 13.89; 0.044 x 0.1125 = 0.00495 -> 0.00 (no carried error).
  const Tariff tariff = tariff_of({flat_energy("0.1125")});
  EXPECT_EQ(rated(rate_total(tariff, dec("123.456"), {day(2026, 1, 1), day(2026, 2, 1)})).total,
            money("13.89"));
  EXPECT_EQ(rated(rate_total(tariff, dec("0.044"), {day(2026, 1, 1), day(2026, 2, 1)})).total,
            money("0.00"));
  // 0.4 x 0.1125 = 0.045 exactly -> 0.05 (half away from zero).
  EXPECT_EQ(rated(rate_total(tariff, dec("0.4"), {day(2026, 1, 1), day(2026, 2, 1)})).total,
            money("0.05"));
}

// --- Time of use ---

// Period 0 "Off-peak" all hours; period 1 "On-peak" 16:00-21:00 on weekdays.
TariffVersion summer_tou(std::string_view off_peak, std::string_view on_peak) {
  TariffVersion v = version_from(day(2020, 1, 1));
  v.energy.periods = {flat_period("Off-peak", off_peak), flat_period("On-peak", on_peak)};
  set_hours(v.energy.weekday, 16, 21, 1);
  return v;
}

TEST(TimeOfUse, WeekdayOnPeakHoursAndWeekendsOffPeak) {
  // June 2026 starts on a Monday: 22 weekdays, 8 weekend days. 1 kWh every hour:
  // on-peak 22 x 5 = 110 kWh x 0.40 = 44.00; off-peak 720 - 110 = 610 x 0.20 = 122.00. 166.00.
  const Tariff tariff = tariff_of({summer_tou("0.20", "0.40")});
  const BillingPeriod june{day(2026, 6, 1), day(2026, 7, 1)};
  const IntervalSeries usage =
      constant_series(los_angeles(), june.start, june.end, minutes(60), "1");
  const RatedBill bill = rated(rate_intervals(tariff, usage, june, los_angeles()));
  ASSERT_NE(line_with(bill, "On-peak"), nullptr) << describe(bill);
  EXPECT_EQ(line_with(bill, "On-peak")->quantity, dec("110"));
  EXPECT_EQ(line_with(bill, "Off-peak")->quantity, dec("610"));
  EXPECT_EQ(line_with(bill, "On-peak")->description, "Energy, On-peak");
  EXPECT_EQ(bill.total, money("166.00"));
}

TEST(TimeOfUse, HolidaysUseTheWeekendSchedule) {
  // Friday 2026-06-19 as a holiday: 21 weekdays. On-peak 105 x 0.40 = 42.00; off-peak 615 x
  // 0.20 = 123.00. 165.00.
  TariffVersion v = summer_tou("0.20", "0.40");
  v.holidays = {day(2026, 6, 19), day(2026, 12, 25)};
  const BillingPeriod june{day(2026, 6, 1), day(2026, 7, 1)};
  const IntervalSeries usage =
      constant_series(los_angeles(), june.start, june.end, minutes(60), "1");
  const RatedBill bill = rated(rate_intervals(tariff_of({v}), usage, june, los_angeles()));
  EXPECT_EQ(line_with(bill, "On-peak")->quantity, dec("105")) << describe(bill);
  EXPECT_EQ(bill.total, money("165.00"));
}

TEST(TimeOfUse, SeasonsFollowTheMonthOfEachDay) {
  // Winter (period 0, 0.10) in May, summer (period 1, 0.20) from June. 05-17 -> 06-16 with 1 kWh
  // an hour: 15 May days = 360 kWh x 0.10 = 36.00; 15 June days = 360 x 0.20 = 72.00. 108.00.
  TariffVersion v = version_from(day(2020, 1, 1));
  v.energy.periods = {flat_period("Winter", "0.10"), flat_period("Summer", "0.20")};
  testing::set_months(v.energy.weekday, 6, 9, 1);
  testing::set_months(v.energy.weekend, 6, 9, 1);
  const BillingPeriod period{day(2026, 5, 17), day(2026, 6, 16)};
  const IntervalSeries usage =
      constant_series(los_angeles(), period.start, period.end, minutes(60), "1");
  const RatedBill bill = rated(rate_intervals(tariff_of({v}), usage, period, los_angeles()));
  EXPECT_EQ(line_with(bill, "Winter")->quantity, dec("360")) << describe(bill);
  EXPECT_EQ(line_with(bill, "Summer")->quantity, dec("360"));
  EXPECT_EQ(bill.total, money("108.00"));
}

TEST(TimeOfUse, TiersApplyToTheTotalAndEachPeriodTakesItsShare) {
  // The worked example of tiers.h: on-peak 200 kWh, off-peak 600; tier 1 up to 500 kWh.
  // On-peak: 125 x 0.20 = 25.00, 75 x 0.30 = 22.50; off-peak: 375 x 0.10 = 37.50, 225 x 0.15 =
  // 33.75. 118.75.
  TariffVersion v = version_from(day(2020, 1, 1));
  v.energy.periods = {tiered_period("Off-peak", {{"500", "0.10"}, {"", "0.15"}}),
                      tiered_period("On-peak", {{"500", "0.20"}, {"", "0.30"}})};
  set_hours(v.energy.weekday, 16, 21, 1);
  const BillingPeriod june{day(2026, 6, 1), day(2026, 7, 1)};
  IntervalSeries usage = constant_series(los_angeles(), june.start, june.end, minutes(60), "0");
  testing::set_interval(usage, at_hour(los_angeles(), day(2026, 6, 2), 17), "200");
  testing::set_interval(usage, at_hour(los_angeles(), day(2026, 6, 2), 3), "600");
  const RatedBill bill = rated(rate_intervals(tariff_of({v}), usage, june, los_angeles()));
  ASSERT_EQ(bill.lines.size(), 4u) << describe(bill);
  EXPECT_EQ(line_with(bill, "On-peak, tier 1")->quantity, dec("125"));
  EXPECT_EQ(line_with(bill, "On-peak, tier 2")->quantity, dec("75"));
  EXPECT_EQ(line_with(bill, "Off-peak, tier 1")->quantity, dec("375"));
  EXPECT_EQ(line_with(bill, "Off-peak, tier 2")->quantity, dec("225"));
  EXPECT_EQ(bill.total, money("118.75"));
}

TEST(TimeOfUse, ProRataSharesRoundCumulativelySoEachPeriodKeepsItsUsage) {
  // On-peak 1 kWh, off-peak 2 kWh, tier 1 up to 1 kWh: tiers of the total (1, 2).
  // On-peak tier 1 = 1 x 1/3 = 0.333333333, tier 2 = 1 - 0.333333333 = 0.666666667;
  // off-peak tier 1 = 2 x 1/3 = 0.666666667, tier 2 = 2 - 0.666666667 = 1.333333333.
  // Amounts at 0.30 / 0.60: 0.0999999999 -> 0.10, 0.4000000002 -> 0.40, 0.2000000001 -> 0.20,
  // 0.7999999998 -> 0.80. 1.50.
  TariffVersion v = version_from(day(2020, 1, 1));
  v.energy.periods = {tiered_period("Off-peak", {{"1", "0.30"}, {"", "0.60"}}),
                      tiered_period("On-peak", {{"1", "0.30"}, {"", "0.60"}})};
  set_hours(v.energy.weekday, 16, 21, 1);
  const BillingPeriod june{day(2026, 6, 1), day(2026, 7, 1)};
  IntervalSeries usage = constant_series(los_angeles(), june.start, june.end, minutes(60), "0");
  testing::set_interval(usage, at_hour(los_angeles(), day(2026, 6, 2), 17), "1");
  testing::set_interval(usage, at_hour(los_angeles(), day(2026, 6, 2), 3), "2");
  const RatedBill bill = rated(rate_intervals(tariff_of({v}), usage, june, los_angeles()));
  EXPECT_EQ(line_with(bill, "On-peak, tier 1")->quantity, dec("0.333333333")) << describe(bill);
  EXPECT_EQ(line_with(bill, "On-peak, tier 2")->quantity, dec("0.666666667"));
  EXPECT_EQ(line_with(bill, "Off-peak, tier 1")->quantity, dec("0.666666667"));
  EXPECT_EQ(line_with(bill, "Off-peak, tier 2")->quantity, dec("1.333333333"));
  EXPECT_EQ(bill.total, money("1.50"));
}

// --- Daylight saving (America/Los_Angeles, 2026) ---

// Every day: "Night" 00:00-02:00 (0.10), "Early" 02:00-07:00 (0.15), "Day" 07:00-24:00 (0.20).
Tariff night_early_day() {
  TariffVersion v = version_from(day(2020, 1, 1));
  v.energy.periods = {flat_period("Night", "0.10"), flat_period("Early", "0.15"),
                      flat_period("Day", "0.20")};
  for (MonthHourSchedule* s : {&v.energy.weekday, &v.energy.weekend}) {
    set_hours(*s, 2, 7, 1);
    set_hours(*s, 7, 24, 2);
  }
  return tariff_of({v});
}

struct PeriodKwh {
  std::string night, early, day, total;
};

void expect_hours(const RatedBill& bill, const PeriodKwh& kwh, std::string_view total) {
  ASSERT_NE(line_with(bill, "Night"), nullptr) << describe(bill);
  EXPECT_EQ(line_with(bill, "Night")->quantity, dec(kwh.night)) << describe(bill);
  EXPECT_EQ(line_with(bill, "Early")->quantity, dec(kwh.early)) << describe(bill);
  EXPECT_EQ(line_with(bill, "Day")->quantity, dec(kwh.day)) << describe(bill);
  EXPECT_EQ(bill.usage_total, dec(kwh.total));
  EXPECT_EQ(bill.total, money(total));
}

TEST(DaylightSaving, March8HasTwentyThreeHoursAndNoHourTwo) {
  // 02:00 PST jumps to 03:00 PDT: Night 2 h, Early 4 h (03-07), Day 17 h; 23 kWh at 1 kWh/h.
  // 2 x 0.10 + 4 x 0.15 + 17 x 0.20 = 0.20 + 0.60 + 3.40 = 4.20.
  const BillingPeriod day8{day(2026, 3, 8), day(2026, 3, 9)};
  for (const auto& [interval, kwh] :
       {std::pair{minutes(60), "1"}, std::pair{minutes(15), "0.25"}}) {
    const IntervalSeries usage =
        constant_series(los_angeles(), day8.start, day8.end, interval, kwh);
    expect_hours(rated(rate_intervals(night_early_day(), usage, day8, los_angeles())),
                 {"2", "4", "17", "23"}, "4.20");
  }
}

TEST(DaylightSaving, November1HasTwentyFiveHoursAndTheRepeatedHourIsHourOne) {
  // 01:00-02:00 happens twice, both Night: Night 3 h, Early 5 h, Day 17 h; 25 kWh.
  // 3 x 0.10 + 5 x 0.15 + 17 x 0.20 = 0.30 + 0.75 + 3.40 = 4.45.
  const BillingPeriod day1{day(2026, 11, 1), day(2026, 11, 2)};
  for (const auto& [interval, kwh] :
       {std::pair{minutes(60), "1"}, std::pair{minutes(15), "0.25"}}) {
    const IntervalSeries usage =
        constant_series(los_angeles(), day1.start, day1.end, interval, kwh);
    expect_hours(rated(rate_intervals(night_early_day(), usage, day1, los_angeles())),
                 {"3", "5", "17", "25"}, "4.45");
  }
}

TEST(DaylightSaving, TheSecondOneOClockIsStillNight) {
  // Only the four 15-minute intervals of 01:00-02:00 PST (09:00-10:00 UTC) use energy, 1 kWh
  // each: all Night, 4 x 0.10 = 0.40. Were the repeated hour counted as hour 2 it would be Early.
  const BillingPeriod day1{day(2026, 11, 1), day(2026, 11, 2)};
  IntervalSeries usage = constant_series(los_angeles(), day1.start, day1.end, minutes(15), "0");
  const Instant pst_one = date::sys_days(day(2026, 11, 1)) + std::chrono::hours(9);
  for (int q = 0; q < 4; ++q) testing::set_interval(usage, pst_one + minutes(15 * q), "1");
  const RatedBill bill = rated(rate_intervals(night_early_day(), usage, day1, los_angeles()));
  ASSERT_EQ(bill.lines.size(), 1u) << describe(bill);
  EXPECT_EQ(bill.lines[0].description, "Energy, Night");
  EXPECT_EQ(bill.total, money("0.40"));
}

TEST(DaylightSaving, WholeMonthsOfMarchAndNovemberCountEveryHourOnce) {
  // March: 743 h. Night 31 x 2 = 62, Early 31 x 5 - 1 = 154, Day 31 x 17 = 527:
  // 6.20 + 23.10 + 105.40 = 134.70. November: 721 h. Night 30 x 2 + 1 = 61, Early 150, Day 510:
  // 6.10 + 22.50 + 102.00 = 130.60.
  const BillingPeriod march{day(2026, 3, 1), day(2026, 4, 1)};
  const BillingPeriod november{day(2026, 11, 1), day(2026, 12, 1)};
  for (const auto& [interval, kwh] :
       {std::pair{minutes(60), "1"}, std::pair{minutes(15), "0.25"}}) {
    const IntervalSeries in_march =
        constant_series(los_angeles(), march.start, march.end, interval, kwh);
    expect_hours(rated(rate_intervals(night_early_day(), in_march, march, los_angeles())),
                 {"62", "154", "527", "743"}, "134.70");
    const IntervalSeries in_november =
        constant_series(los_angeles(), november.start, november.end, interval, kwh);
    expect_hours(rated(rate_intervals(night_early_day(), in_november, november, los_angeles())),
                 {"61", "150", "510", "721"}, "130.60");
  }
}

TEST(DaylightSaving, FiveMinuteDataOnTheShortDay) {
  // 23 h x 12 intervals of 0.5 kWh = 6 kWh an hour: Night 12, Early 24, Day 102:
  // 1.20 + 3.60 + 20.40 = 25.20.
  const BillingPeriod day8{day(2026, 3, 8), day(2026, 3, 9)};
  const IntervalSeries usage =
      constant_series(los_angeles(), day8.start, day8.end, minutes(5), "0.5");
  expect_hours(rated(rate_intervals(night_early_day(), usage, day8, los_angeles())),
               {"12", "24", "102", "138"}, "25.20");
}

// --- Rate versions ---

Tariff january_rate_case() {
  TariffVersion old_rates = version_from(day(2025, 1, 1), "2026 rates");
  old_rates.fixed_charges.push_back(
      {"Customer charge", dec("10.00"), FixedChargeBasis::per_month, {}});
  old_rates.energy.periods = {flat_period("", "0.10")};
  TariffVersion new_rates = version_from(day(2026, 1, 16), "2026 rate case");
  new_rates.fixed_charges.push_back(
      {"Customer charge", dec("12.00"), FixedChargeBasis::per_month, {}});
  new_rates.energy.periods = {flat_period("", "0.12")};
  return tariff_of({old_rates, new_rates});
}

TEST(RateVersions, APeriodSpanningARateChangeIsSplitByDays) {
  // January 2026, 1 kWh an hour, new rates from 01-16.
  // 01-01..01-15 (15 days, 360 kWh): customer 15 x (10/31 = 0.322580645) = 4.838709675 -> 4.84;
  //   energy 360 x 0.10 = 36.00.
  // 01-16..01-31 (16 days, 384 kWh): customer 16 x (12/31 = 0.387096774) = 6.193548384 -> 6.19;
  //   energy 384 x 0.12 = 46.08.
  // Total 93.11.
  const BillingPeriod january{day(2026, 1, 1), day(2026, 2, 1)};
  const IntervalSeries usage =
      constant_series(los_angeles(), january.start, january.end, minutes(60), "1");
  const RatedBill bill = rated(rate_intervals(january_rate_case(), usage, january, los_angeles()));
  ASSERT_EQ(bill.lines.size(), 4u) << describe(bill);
  EXPECT_EQ(bill.lines[0].description, "Customer charge, 15 of 31 days (2026 rates)");
  EXPECT_EQ(bill.lines[0].amount, money("4.84"));
  EXPECT_EQ(bill.lines[1].description, "Energy (2026 rates)");
  EXPECT_EQ(bill.lines[1].quantity, dec("360"));
  EXPECT_EQ(bill.lines[1].amount, money("36.00"));
  EXPECT_EQ(bill.lines[2].description, "Customer charge, 16 of 31 days (2026 rate case)");
  EXPECT_EQ(bill.lines[2].amount, money("6.19"));
  EXPECT_EQ(bill.lines[3].quantity, dec("384"));
  EXPECT_EQ(bill.lines[3].amount, money("46.08"));
  EXPECT_EQ(bill.total, money("93.11"));
  EXPECT_EQ(bill.usage_total, dec("744"));
}

TEST(RateVersions, TierBoundsAreProratedByEachPartsDays) {
  // Tier 1 up to 500 kWh/month in both versions; tier 2 at 0.15 then 0.18.
  // Part 1: bound 500 x 15/31 = 241.935483871; 360 kWh: 241.935483871 x 0.10 = 24.19,
  //   118.064516129 x 0.15 = 17.71.
  // Part 2: bound 500 x 16/31 = 258.064516129; 384 kWh: 258.064516129 x 0.12 = 30.97,
  //   125.935483871 x 0.18 = 22.67.
  // Total 24.19 + 17.71 + 30.97 + 22.67 = 95.54.
  Tariff tariff = january_rate_case();
  tariff.versions[0].fixed_charges.clear();
  tariff.versions[1].fixed_charges.clear();
  tariff.versions[0].energy.periods = {tiered_period("", {{"500", "0.10"}, {"", "0.15"}})};
  tariff.versions[1].energy.periods = {tiered_period("", {{"500", "0.12"}, {"", "0.18"}})};
  const BillingPeriod january{day(2026, 1, 1), day(2026, 2, 1)};
  const IntervalSeries usage =
      constant_series(los_angeles(), january.start, january.end, minutes(60), "1");
  const RatedBill bill = rated(rate_intervals(tariff, usage, january, los_angeles()));
  ASSERT_EQ(bill.lines.size(), 4u) << describe(bill);
  EXPECT_EQ(bill.lines[0].quantity, dec("241.935483871"));
  EXPECT_EQ(bill.lines[2].quantity, dec("258.064516129"));
  EXPECT_EQ(bill.total, money("95.54"));
}

TEST(RateVersions, ARegisterTotalIsSplitByDays) {
  // 744 kWh over January: 744 x 15/31 = 360 at 0.10 = 36.00 and 384 at 0.12 = 46.08; customer
  // charges as in the interval case (4.84 + 6.19). 93.11.
  const RatedBill bill =
      rated(rate_total(january_rate_case(), dec("744"), {day(2026, 1, 1), day(2026, 2, 1)}));
  EXPECT_EQ(bill.total, money("93.11")) << describe(bill);
}

TEST(RateVersions, OneVersionInForceMeansNoLabels) {
  const RatedBill bill =
      rated(rate_total(january_rate_case(), dec("100"), {day(2026, 2, 1), day(2026, 3, 1)}));
  ASSERT_EQ(bill.lines.size(), 2u) << describe(bill);
  EXPECT_EQ(bill.lines[0].description, "Customer charge");
  EXPECT_EQ(bill.lines[1].description, "Energy");
  EXPECT_EQ(bill.total, money("24.00"));  // 12.00 + 100 x 0.12
}

TEST(RateVersions, APeriodBeforeTheFirstVersionIsRejected) {
  const auto result =
      rate_total(january_rate_case(), dec("100"), {day(2024, 12, 1), day(2025, 1, 1)});
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().field, "tariff");
  EXPECT_NE(result.error().message.find("2024-12-01"), std::string::npos) << result.error().message;
}

// --- Bad input ---

TEST(BadInput, IntervalsMustBeFiveFifteenThirtyOrSixtyMinutes) {
  const BillingPeriod january{day(2026, 1, 1), day(2026, 1, 2)};
  IntervalSeries usage =
      constant_series(los_angeles(), january.start, january.end, minutes(60), "1");
  usage.interval = minutes(7);
  const auto result =
      rate_intervals(tariff_of({flat_energy("0.1")}), usage, january, los_angeles());
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().field, "usage");
}

TEST(BadInput, NegativeUsageNamesTheInterval) {
  const BillingPeriod january{day(2026, 1, 1), day(2026, 1, 2)};
  IntervalSeries usage =
      constant_series(los_angeles(), january.start, january.end, minutes(60), "1");
  usage.values[5] = dec("-0.5");
  const auto result =
      rate_intervals(tariff_of({flat_energy("0.1")}), usage, january, los_angeles());
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().field, "usage");
  EXPECT_NE(result.error().message.find("interval 5 (2026-01-01T13:00:00Z)"), std::string::npos)
      << result.error().message;
}

TEST(BadInput, UsageThatDoesNotCoverThePeriodIsRejected) {
  const BillingPeriod january{day(2026, 1, 1), day(2026, 2, 1)};
  const IntervalSeries usage =
      constant_series(los_angeles(), january.start, day(2026, 1, 31), minutes(60), "1");
  const auto result =
      rate_intervals(tariff_of({flat_energy("0.1")}), usage, january, los_angeles());
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().field, "usage");
}

TEST(BadInput, ARegisterTotalCannotRateTimeOfUseOrDemand) {
  const BillingPeriod june{day(2026, 6, 1), day(2026, 7, 1)};
  const auto tou = rate_total(tariff_of({summer_tou("0.2", "0.4")}), dec("100"), june);
  ASSERT_FALSE(tou.ok());
  EXPECT_EQ(tou.error().field, "usage");
  EXPECT_NE(tou.error().message.find("time-of-use"), std::string::npos);
  TariffVersion demand = flat_energy("0.1");
  demand.flat_demand.periods = {flat_period("", "10")};
  const auto with_demand = rate_total(tariff_of({demand}), dec("100"), june);
  ASSERT_FALSE(with_demand.ok());
  EXPECT_NE(with_demand.error().message.find("demand"), std::string::npos);
  EXPECT_EQ(rate_total(tariff_of({flat_energy("0.1")}), dec("-1"), june).error().field, "usage");
}

TEST(BadInput, AScheduleNamingAMissingPeriodIsRejected) {
  TariffVersion v = summer_tou("0.2", "0.4");
  v.energy.weekend[6][12] = 2;  // only periods 0 and 1 exist
  const BillingPeriod june{day(2026, 6, 1), day(2026, 7, 1)};
  const IntervalSeries usage =
      constant_series(los_angeles(), june.start, june.end, minutes(60), "1");
  const auto result = rate_intervals(tariff_of({v}), usage, june, los_angeles());
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().field, "tariff");
  EXPECT_NE(result.error().message.find("month 7"), std::string::npos) << result.error().message;
}

TEST(BadInput, APeriodMustEndAfterItStarts) {
  const auto result =
      rate_total(tariff_of({flat_energy("0.1")}), dec("1"), {day(2026, 2, 1), day(2026, 2, 1)});
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().field, "period");
}

}  // namespace
}  // namespace rp::rating
