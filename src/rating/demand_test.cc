// Demand charges (demand.h), each with a hand-checked bill.

#include "rating/demand.h"

#include <gtest/gtest.h>

#include "rating/calculator.h"
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
using testing::set_interval;
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

TariffVersion flat_demand(RatePeriod period) {
  TariffVersion v = version_from(day(2020, 1, 1));
  v.flat_demand.periods = {std::move(period)};
  return v;
}

const BillingPeriod kJanuary{day(2026, 1, 1), day(2026, 2, 1)};

TEST(FlatDemand, TheMonthsHighestFifteenMinutesIsThePeak) {
  // 2.5 kWh per 15 minutes is 10 kW; one interval of 12.5 kWh is 50 kW. 50 x 8.00 = 400.00.
  IntervalSeries usage =
      constant_series(los_angeles(), kJanuary.start, kJanuary.end, minutes(15), "2.5");
  set_interval(usage, at_hour(los_angeles(), day(2026, 1, 20), 14) + minutes(30), "12.5");
  const RatedBill bill = rated(rate_intervals(tariff_of({flat_demand(flat_period("", "8.00"))}),
                                              usage, kJanuary, los_angeles()));
  ASSERT_EQ(bill.lines.size(), 1u) << describe(bill);
  EXPECT_EQ(bill.lines[0].kind, LineKind::demand);
  EXPECT_EQ(bill.lines[0].description, "Demand");
  EXPECT_EQ(bill.lines[0].quantity, dec("50"));
  EXPECT_EQ(bill.lines[0].unit, "kW");
  EXPECT_EQ(bill.total, money("400.00"));
  EXPECT_EQ(bill.peak_demand, dec("50"));
}

TEST(FlatDemand, HourlyDataGivesTheHourlyKwhAsKw) {
  // 30 kWh in one hour is 30 kW: 30 x 8.00 = 240.00.
  IntervalSeries usage =
      constant_series(los_angeles(), kJanuary.start, kJanuary.end, minutes(60), "4");
  set_interval(usage, at_hour(los_angeles(), day(2026, 1, 7), 18), "30");
  const RatedBill bill = rated(rate_intervals(tariff_of({flat_demand(flat_period("", "8.00"))}),
                                              usage, kJanuary, los_angeles()));
  EXPECT_EQ(bill.peak_demand, dec("30"));
  EXPECT_EQ(bill.total, money("240.00")) << describe(bill);
}

TEST(FlatDemand, TieredDemandBlocks) {
  // 80 kW: first 50 kW x 10.00 = 500.00, next 30 kW x 8.00 = 240.00. 740.00.
  IntervalSeries usage =
      constant_series(los_angeles(), kJanuary.start, kJanuary.end, minutes(15), "1");
  set_interval(usage, at_hour(los_angeles(), day(2026, 1, 12), 9), "20");
  const Tariff tariff =
      tariff_of({flat_demand(tiered_period("", {{"50", "10.00"}, {"", "8.00"}}))});
  const RatedBill bill = rated(rate_intervals(tariff, usage, kJanuary, los_angeles()));
  ASSERT_EQ(bill.lines.size(), 2u) << describe(bill);
  EXPECT_EQ(bill.lines[0].description, "Demand, tier 1");
  EXPECT_EQ(bill.lines[0].quantity, dec("50"));
  EXPECT_EQ(bill.lines[1].quantity, dec("30"));
  EXPECT_EQ(bill.total, money("740.00"));
}

TEST(FlatDemand, TheBillingMonthHasMostOfThePeriodsDays) {
  EXPECT_EQ(billing_month(day(2026, 1, 20), day(2026, 2, 19)), 1u);  // 12 Jan days, 18 Feb
  EXPECT_EQ(billing_month(day(2026, 1, 15), day(2026, 2, 14)), 0u);  // 17 Jan days, 13 Feb
  EXPECT_EQ(billing_month(day(2026, 1, 17), day(2026, 2, 16)), 0u);  // 15 and 15: the earlier
  EXPECT_EQ(billing_month(day(2026, 12, 10), day(2027, 1, 12)), 11u);
}

TEST(FlatDemand, TheMonthStructureFollowsTheBillingMonth) {
  // Summer (June-September) 15.00/kW, otherwise 5.00. A flat 10 kW.
  // 05-20 -> 06-19 is mostly June: 10 x 15.00 = 150.00; 01-20 -> 02-19 is February: 50.00.
  TariffVersion v = flat_demand(flat_period("Winter", "5.00"));
  v.flat_demand.periods.push_back(flat_period("Summer", "15.00"));
  for (unsigned m = 5; m <= 8; ++m) v.flat_demand.month_period[m] = 1;
  const BillingPeriod summer{day(2026, 5, 20), day(2026, 6, 19)};
  const BillingPeriod winter{day(2026, 1, 20), day(2026, 2, 19)};
  for (const auto& [period, name, total] : {std::tuple{summer, "Demand, Summer", "150.00"},
                                            std::tuple{winter, "Demand, Winter", "50.00"}}) {
    const IntervalSeries usage =
        constant_series(los_angeles(), period.start, period.end, minutes(60), "10");
    const RatedBill bill = rated(rate_intervals(tariff_of({v}), usage, period, los_angeles()));
    ASSERT_EQ(bill.lines.size(), 1u) << describe(bill);
    EXPECT_EQ(bill.lines[0].description, name);
    EXPECT_EQ(bill.total, money(total));
  }
}

TEST(TouDemand, EachPeriodIsChargedOnItsOwnPeak) {
  // On-peak demand 16:00-21:00 weekdays. Baseline 10 kW; Tuesday 06-02 17:00 reaches 40 kW
  // (10 kWh in 15 minutes); Saturday 06-06 17:00 reaches 60 kW, which is off-peak on a weekend.
  // On-peak 40 x 12.00 = 480.00; off-peak 60 x 2.00 = 120.00. 600.00.
  TariffVersion v = version_from(day(2020, 1, 1));
  v.tou_demand.periods = {flat_period("Off-peak", "2.00"), flat_period("On-peak", "12.00")};
  testing::set_hours(v.tou_demand.weekday, 16, 21, 1);
  const BillingPeriod june{day(2026, 6, 1), day(2026, 7, 1)};
  IntervalSeries usage = constant_series(los_angeles(), june.start, june.end, minutes(15), "2.5");
  set_interval(usage, at_hour(los_angeles(), day(2026, 6, 2), 17), "10");
  set_interval(usage, at_hour(los_angeles(), day(2026, 6, 6), 17), "15");
  const RatedBill bill = rated(rate_intervals(tariff_of({v}), usage, june, los_angeles()));
  ASSERT_EQ(bill.lines.size(), 2u) << describe(bill);
  EXPECT_EQ(line_with(bill, "Demand, On-peak")->quantity, dec("40"));
  EXPECT_EQ(line_with(bill, "Demand, Off-peak")->quantity, dec("60"));
  EXPECT_EQ(bill.total, money("600.00"));
  EXPECT_EQ(bill.peak_demand, dec("60"));
}

// Prior monthly peaks, most recent last: the oldest (150 kW) is 12 months back.
std::vector<Decimal> prior_year() {
  std::vector<Decimal> peaks;
  for (const char* kw :
       {"150", "120", "90", "80", "70", "60", "50", "40", "30", "30", "30", "30"}) {
    peaks.push_back(dec(kw));
  }
  return peaks;
}

RatedBill rate_with_ratchet(int months, std::string_view peak_kwh_in_an_hour) {
  TariffVersion v = flat_demand(flat_period("", "10.00"));
  v.ratchet = DemandRatchet{dec("0.8"), months};
  IntervalSeries usage =
      constant_series(los_angeles(), kJanuary.start, kJanuary.end, minutes(60), "1");
  set_interval(usage, at_hour(los_angeles(), day(2026, 1, 8), 15), peak_kwh_in_an_hour);
  AccountFacts facts;
  facts.prior_monthly_peaks = prior_year();
  return rated(rate_intervals(tariff_of({v}), usage, kJanuary, los_angeles(), facts));
}

TEST(Ratchet, BillingDemandIsAPercentOfTheHighestRecentPeak) {
  // Last 11 months: highest 120 kW; 80% = 96 kW > this month's 50. 96 x 10.00 = 960.00.
  const RatedBill bill = rate_with_ratchet(11, "50");
  ASSERT_EQ(bill.lines.size(), 1u) << describe(bill);
  EXPECT_EQ(bill.lines[0].description, "Demand (ratchet: 80% of 120 kW)");
  EXPECT_EQ(bill.lines[0].quantity, dec("96"));
  EXPECT_EQ(bill.total, money("960.00"));
  EXPECT_EQ(bill.peak_demand, dec("50"));  // the metered peak, not the billing demand
}

TEST(Ratchet, LooksBackOnlyTheConfiguredMonths) {
  // 12 months reaches the 150 kW peak: 80% = 120 kW x 10.00 = 1200.00.
  EXPECT_EQ(rate_with_ratchet(12, "50").total, money("1200.00"));
  // No look-back: the metered 50 kW.
  EXPECT_EQ(rate_with_ratchet(0, "50").total, money("500.00"));
}

TEST(Ratchet, AHigherPeakThisMonthWins) {
  // 100 kW > 96 kW: 100 x 10.00 = 1000.00, no ratchet note.
  const RatedBill bill = rate_with_ratchet(11, "100");
  EXPECT_EQ(bill.lines.at(0).description, "Demand");
  EXPECT_EQ(bill.total, money("1000.00"));
}

TEST(Ratchet, OverTwelveMonthsTheOnePeakHoldsUntilItAgesOut) {
  // January 2026 peaks at 200 kW, every later month at 50 kW; 80% over 11 months, 10.00/kW.
  // Jan 2026: no history, 200 kW = 2000.00. Feb-Dec 2026: 80% x 200 = 160 kW = 1600.00.
  // Jan 2027: the last 11 months (Feb-Dec) peaked at 50, 80% = 40 < 50: 50 kW = 500.00.
  TariffVersion v = flat_demand(flat_period("", "10.00"));
  v.ratchet = DemandRatchet{dec("0.8"), 11};
  const Tariff tariff = tariff_of({v});
  AccountFacts facts;
  for (int m = 0; m < 13; ++m) {
    const LocalDate start = testing::add_months_to(day(2026, 1, 1), m);
    const BillingPeriod month{start, testing::add_months_to(start, 1)};
    const std::string peak = m == 0 ? "200" : "50";
    IntervalSeries usage = constant_series(los_angeles(), month.start, month.end, minutes(60), "5");
    set_interval(usage, at_hour(los_angeles(), testing::add_days_to(month.start, 9), 14), peak);
    const RatedBill bill = rated(rate_intervals(tariff, usage, month, los_angeles(), facts));
    const char* expected = m == 0 ? "2000.00" : (m < 12 ? "1600.00" : "500.00");
    EXPECT_EQ(bill.total, money(expected)) << "month " << m << "\n" << describe(bill);
    facts.prior_monthly_peaks.push_back(bill.peak_demand);
  }
}

TEST(Ratchet, NeedsAFlatDemandCharge) {
  TariffVersion v = version_from(day(2020, 1, 1));
  v.tou_demand.periods = {flat_period("", "5")};
  v.ratchet = DemandRatchet{dec("0.8"), 11};
  const IntervalSeries usage =
      constant_series(los_angeles(), kJanuary.start, kJanuary.end, minutes(60), "1");
  const auto result = rate_intervals(tariff_of({v}), usage, kJanuary, los_angeles());
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().field, "tariff");
  EXPECT_NE(result.error().message.find("ratchet"), std::string::npos);
}

TEST(DemandAcrossARateChange, EachPartPaysItsShareOfDays) {
  // 10.00/kW in both versions, new version from 01-16, 50 kW peaks in both parts.
  // Part 1: rate 10 x 15/31 = 4.838709677; 50 x 4.838709677 = 241.93548385 -> 241.94.
  // Part 2: rate 10 x 16/31 = 5.161290323; 50 x 5.161290323 = 258.06451615 -> 258.06.
  // 500.00: one month of demand, not two.
  TariffVersion before = flat_demand(flat_period("", "10.00"));
  before.label = "2025 rates";
  TariffVersion after = before;
  after.effective = day(2026, 1, 16);
  after.label = "2026 rates";
  IntervalSeries usage =
      constant_series(los_angeles(), kJanuary.start, kJanuary.end, minutes(60), "1");
  set_interval(usage, at_hour(los_angeles(), day(2026, 1, 5), 12), "50");
  set_interval(usage, at_hour(los_angeles(), day(2026, 1, 25), 12), "50");
  const RatedBill bill =
      rated(rate_intervals(tariff_of({before, after}), usage, kJanuary, los_angeles()));
  ASSERT_EQ(bill.lines.size(), 2u) << describe(bill);
  EXPECT_EQ(bill.lines[0].description, "Demand (2025 rates, 15 of 31 days)");
  EXPECT_EQ(bill.lines[0].rate, dec("4.838709677"));
  EXPECT_EQ(bill.lines[0].amount, money("241.94"));
  EXPECT_EQ(bill.lines[1].rate, dec("5.161290323"));
  EXPECT_EQ(bill.lines[1].amount, money("258.06"));
  EXPECT_EQ(bill.total, money("500.00"));
}

}  // namespace
}  // namespace rp::rating
