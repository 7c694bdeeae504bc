// Riders, the minimum charge, taxes, and water, sewer and gas tariffs (charges.h), each with a
// hand-checked bill.

#include "rating/charges.h"

#include <gtest/gtest.h>

#include "rating/calculator.h"
#include "rating/testing/tariff_fixtures.h"

namespace rp::rating {
namespace {

using std::chrono::minutes;
using testing::constant_series;
using testing::day;
using testing::dec;
using testing::describe;
using testing::flat_period;
using testing::line_with;
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

const BillingPeriod kJanuary{day(2026, 1, 1), day(2026, 2, 1)};
const BillingPeriod kMarch{day(2026, 3, 1), day(2026, 4, 1)};

// Customer charge 5.00 a month, energy 0.10/kWh, minimum 10.00.
TariffVersion with_minimum() {
  TariffVersion v = version_from(day(2020, 1, 1));
  v.fixed_charges.push_back({"Customer charge", dec("5.00"), FixedChargeBasis::per_month, {}});
  v.energy.periods = {flat_period("", "0.10")};
  v.minimum_monthly_charge = dec("10.00");
  return v;
}

TEST(MinimumCharge, MakesUpTheDifference) {
  // 5.00 + 10 kWh x 0.10 = 6.00 < 10.00: a minimum line of 4.00. Total 10.00.
  const RatedBill bill = rated(rate_total(tariff_of({with_minimum()}), dec("10"), kJanuary));
  const BillLine* minimum = line_with(bill, "Minimum charge");
  ASSERT_NE(minimum, nullptr) << describe(bill);
  EXPECT_EQ(minimum->kind, LineKind::minimum);
  EXPECT_EQ(minimum->description, "Minimum charge 10.00 less charges of 6.00");
  EXPECT_EQ(minimum->amount, money("4.00"));
  EXPECT_EQ(bill.total, money("10.00"));
}

TEST(MinimumCharge, NoLineWhenChargesReachIt) {
  // 5.00 + 100 x 0.10 = 15.00.
  const RatedBill bill = rated(rate_total(tariff_of({with_minimum()}), dec("100"), kJanuary));
  EXPECT_EQ(line_with(bill, "Minimum"), nullptr) << describe(bill);
  EXPECT_EQ(bill.total, money("15.00"));
}

TEST(MinimumCharge, IsProratedLikeAMonthlyCharge) {
  // 22 of 31 days: minimum 22 x (10/31 = 0.322580645) = 7.09677419 -> 7.10; customer charge
  // 22 x (5/31 = 0.161290323) = 3.548387106 -> 3.55; no usage. Minimum line 3.55; total 7.10.
  const RatedBill bill =
      rated(rate_total(tariff_of({with_minimum()}), dec("0"), {day(2026, 1, 10), day(2026, 2, 1)}));
  EXPECT_EQ(line_with(bill, "Minimum")->amount, money("3.55")) << describe(bill);
  EXPECT_EQ(bill.total, money("7.10"));
}

TEST(AnnualMinimum, TheTrueUpMakesUpTheYearsShortfall) {
  // Annual minimum 1200.00; 1000.00 billed over the year: a line of 1 x 200.00.
  TariffVersion v = with_minimum();
  v.annual_minimum_charge = dec("1200");
  const auto line = annual_minimum_true_up(v, money("1000.00"));
  ASSERT_TRUE(line.ok()) << line.error().message;
  ASSERT_TRUE(line->has_value());
  EXPECT_EQ((*line)->kind, LineKind::minimum);
  EXPECT_EQ((*line)->description, "Annual minimum charge 1200.00 less charges of 1000.00");
  EXPECT_EQ((*line)->amount, money("200.00"));
  // Charges at or above the minimum, or no annual minimum: no line.
  EXPECT_FALSE(annual_minimum_true_up(v, money("1200.00"))->has_value());
  EXPECT_FALSE(annual_minimum_true_up(with_minimum(), money("10.00"))->has_value());
}

// Fuel adjustment 0.01/kWh from 2026-01-01, 0.02 from 2026-03-15.
TariffVersion with_fuel_adjustment() {
  TariffVersion v = version_from(day(2020, 1, 1));
  v.riders.push_back(
      {"Fuel adjustment", {{day(2026, 1, 1), dec("0.01")}, {day(2026, 3, 15), dec("0.02")}}});
  return v;
}

TEST(Riders, AValueChangeSplitsTheUsageByDay) {
  // March 2026 in Los Angeles at 1 kWh an hour: 03-01..03-14 have 14 x 24 - 1 = 335 hours (03-08
  // is 23 hours), 03-15..03-31 have 17 x 24 = 408. 335 x 0.01 = 3.35; 408 x 0.02 = 8.16. 11.51.
  const IntervalSeries usage =
      constant_series(los_angeles(), kMarch.start, kMarch.end, minutes(60), "1");
  const RatedBill bill =
      rated(rate_intervals(tariff_of({with_fuel_adjustment()}), usage, kMarch, los_angeles()));
  ASSERT_EQ(bill.lines.size(), 2u) << describe(bill);
  EXPECT_EQ(bill.lines[0].kind, LineKind::rider);
  EXPECT_EQ(bill.lines[0].description, "Fuel adjustment from 2026-03-01");
  EXPECT_EQ(bill.lines[0].quantity, dec("335"));
  EXPECT_EQ(bill.lines[1].description, "Fuel adjustment from 2026-03-15");
  EXPECT_EQ(bill.lines[1].quantity, dec("408"));
  EXPECT_EQ(bill.total, money("11.51"));
}

TEST(Riders, OneValueForTheWholePeriodIsOneLine) {
  // January: 744 kWh x 0.01 = 7.44.
  const IntervalSeries usage =
      constant_series(los_angeles(), kJanuary.start, kJanuary.end, minutes(60), "1");
  const RatedBill bill =
      rated(rate_intervals(tariff_of({with_fuel_adjustment()}), usage, kJanuary, los_angeles()));
  ASSERT_EQ(bill.lines.size(), 1u) << describe(bill);
  EXPECT_EQ(bill.lines[0].description, "Fuel adjustment");
  EXPECT_EQ(bill.total, money("7.44"));
}

TEST(Riders, UsageBeforeTheFirstValueIsNotCharged) {
  // Only the 0.02 value (from 03-15): 408 x 0.02 = 8.16.
  TariffVersion v = with_fuel_adjustment();
  v.riders[0].values.erase(v.riders[0].values.begin());
  const IntervalSeries usage =
      constant_series(los_angeles(), kMarch.start, kMarch.end, minutes(60), "1");
  const RatedBill bill = rated(rate_intervals(tariff_of({v}), usage, kMarch, los_angeles()));
  ASSERT_EQ(bill.lines.size(), 1u) << describe(bill);
  EXPECT_EQ(bill.lines[0].description, "Fuel adjustment from 2026-03-15");
  EXPECT_EQ(bill.total, money("8.16"));
}

TEST(Riders, ARegisterTotalIsSpreadEvenlyOverTheDays) {
  // 743 kWh over 31 days: the first 14 days get 743 x 14/31 = 335.548387097 x 0.01 = 3.36; the
  // rest 407.451612903 x 0.02 = 8.14903225806 -> 8.15. 11.51.
  const RatedBill bill = rated(rate_total(tariff_of({with_fuel_adjustment()}), dec("743"), kMarch));
  ASSERT_EQ(bill.lines.size(), 2u) << describe(bill);
  EXPECT_EQ(bill.lines[0].quantity, dec("335.548387097"));
  EXPECT_EQ(bill.lines[1].quantity, dec("407.451612903"));
  EXPECT_EQ(bill.total, money("11.51"));
}

// Customer charge 10.00; energy 0.10/kWh.
TariffVersion taxed() {
  TariffVersion v = version_from(day(2020, 1, 1));
  v.fixed_charges.push_back({"Customer charge", dec("10.00"), FixedChargeBasis::per_month, {}});
  v.energy.periods = {flat_period("", "0.10")};
  return v;
}

TEST(Taxes, APercentOfTheChosenKindsOfLines) {
  // 10.00 + 100 x 0.10 = 20.00. 5% of energy and fixed: 20.00 x 0.05 = 1.00; 8% of energy only:
  // 10.00 x 0.08 = 0.80. Total 21.80.
  TariffVersion v = taxed();
  v.taxes.push_back({"Sales tax", dec("0.05"), std::nullopt, {LineKind::energy, LineKind::fixed}});
  v.taxes.push_back({"Energy tax", dec("0.08"), std::nullopt, {LineKind::energy}});
  const RatedBill bill = rated(rate_total(tariff_of({v}), dec("100"), kJanuary));
  const BillLine* sales = line_with(bill, "Sales tax");
  ASSERT_NE(sales, nullptr) << describe(bill);
  EXPECT_EQ(sales->kind, LineKind::tax);
  EXPECT_EQ(sales->quantity, dec("20"));
  EXPECT_EQ(sales->unit, "$");
  EXPECT_EQ(sales->rate, dec("0.05"));
  EXPECT_EQ(sales->amount, money("1.00"));
  EXPECT_EQ(line_with(bill, "Energy tax")->amount, money("0.80"));
  EXPECT_EQ(bill.total, money("21.80"));
}

TEST(Taxes, PerUnitOfUsage) {
  // 100 kWh x 0.003 = 0.30; total 20.30.
  TariffVersion v = taxed();
  v.taxes.push_back({"Energy surcharge", std::nullopt, dec("0.003"), {}});
  const RatedBill bill = rated(rate_total(tariff_of({v}), dec("100"), kJanuary));
  EXPECT_EQ(line_with(bill, "Energy surcharge")->quantity, dec("100")) << describe(bill);
  EXPECT_EQ(line_with(bill, "Energy surcharge")->unit, "kWh");
  EXPECT_EQ(bill.total, money("20.30"));
}

TEST(Taxes, ATaxOnEarlierTaxesWhenListed) {
  // 5% of energy: 10.00 x 0.05 = 0.50; 10% of taxes: 0.50 x 0.10 = 0.05. Total 20.55.
  TariffVersion v = taxed();
  v.taxes.push_back({"State tax", dec("0.05"), std::nullopt, {LineKind::energy}});
  v.taxes.push_back({"Tax on tax", dec("0.10"), std::nullopt, {LineKind::tax}});
  EXPECT_EQ(rated(rate_total(tariff_of({v}), dec("100"), kJanuary)).total, money("20.55"));
}

TEST(Taxes, TaxExemptAccountsGetNoTaxLines) {
  TariffVersion v = taxed();
  v.taxes.push_back({"Sales tax", dec("0.05"), std::nullopt, {LineKind::energy, LineKind::fixed}});
  v.taxes.push_back({"Energy surcharge", std::nullopt, dec("0.003"), {}});
  AccountFacts exempt;
  exempt.tax_exempt = true;
  const RatedBill bill = rated(rate_total(tariff_of({v}), dec("100"), kJanuary, exempt));
  for (const BillLine& line : bill.lines) EXPECT_NE(line.kind, LineKind::tax) << describe(bill);
  EXPECT_EQ(bill.total, money("20.00"));
}

TEST(Taxes, NeedExactlyOneOfPercentAndPerUnit) {
  TariffVersion v = taxed();
  v.taxes.push_back({"Confused tax", dec("0.05"), dec("0.01"), {}});
  const auto result = rate_total(tariff_of({v}), dec("100"), kJanuary);
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().field, "tariff");
}

TEST(Water, TieredGallonsAndAMeterSizeCharge) {
  // 5,000 gal x 0.004 = 20.00; 2,500 x 0.006 = 15.00; 5/8" meter 12.00. 47.00.
  TariffVersion v = version_from(day(2020, 1, 1));
  v.energy.periods = {tiered_period("", {{"5000", "0.004"}, {"", "0.006"}})};
  v.fixed_charges = {{"Meter charge", dec("12.00"), FixedChargeBasis::per_month, "5/8"},
                     {"Meter charge", dec("19.00"), FixedChargeBasis::per_month, "1"}};
  AccountFacts facts;
  facts.meter_size = "5/8";
  const RatedBill bill =
      rated(rate_total(tariff_of({v}, UsageUnit::gal), dec("7500"), kJanuary, facts));
  ASSERT_EQ(bill.lines.size(), 3u) << describe(bill);
  EXPECT_EQ(bill.lines[1].description, "Usage, tier 1");
  EXPECT_EQ(bill.lines[1].unit, "gal");
  EXPECT_EQ(bill.total, money("47.00"));
}

// Sewer at 4.50 per CCF of water, capped at the winter average.
Tariff sewer() {
  TariffVersion v = version_from(day(2020, 1, 1));
  v.energy.periods = {flat_period("", "4.50")};
  Tariff tariff = tariff_of({v}, UsageUnit::CCF);
  tariff.sewer = SewerCap{};
  return tariff;
}

TEST(Sewer, BilledOnWaterUsageCappedAtTheWinterAverage) {
  AccountFacts facts;
  facts.winter_average = dec("6");
  // 10 CCF capped at 6: 6 x 4.50 = 27.00. Usage still reports the 10 CCF metered.
  const RatedBill capped = rated(rate_total(sewer(), dec("10"), kJanuary, facts));
  EXPECT_EQ(capped.lines.at(0).quantity, dec("6"));
  EXPECT_EQ(capped.total, money("27.00"));
  EXPECT_EQ(capped.usage_total, dec("10"));
  // 4 CCF is under the cap: 4 x 4.50 = 18.00.
  EXPECT_EQ(rated(rate_total(sewer(), dec("4"), kJanuary, facts)).total, money("18.00"));
  // No winter average yet (a new customer): actual usage, 10 x 4.50 = 45.00.
  EXPECT_EQ(rated(rate_total(sewer(), dec("10"), kJanuary)).total, money("45.00"));
}

TEST(Sewer, TheCapIsProratedForAPartialPeriod) {
  // 22 of 31 days: cap 6 x 22/31 = 4.258064516; x 4.50 = 19.161290322 -> 19.16.
  AccountFacts facts;
  facts.winter_average = dec("6");
  const RatedBill bill =
      rated(rate_total(sewer(), dec("10"), {day(2026, 1, 10), day(2026, 2, 1)}, facts));
  EXPECT_EQ(bill.lines.at(0).quantity, dec("4.258064516"));
  EXPECT_EQ(bill.total, money("19.16"));
}

Tariff gas_in_therms() {
  TariffVersion v = version_from(day(2020, 1, 1));
  v.energy.periods = {flat_period("", "1.20")};
  Tariff tariff = tariff_of({v}, UsageUnit::therm);
  tariff.therm_factor = dec("1.037");
  return tariff;
}

TEST(Gas, ThermsAreCcfTimesTheThermFactor) {
  // 50 CCF x 1.037 = 51.85 therms x 1.20 = 62.22.
  const RatedBill bill = rated(rate_total(gas_in_therms(), dec("50"), kJanuary));
  ASSERT_EQ(bill.lines.size(), 1u) << describe(bill);
  EXPECT_EQ(bill.lines[0].quantity, dec("51.85"));
  EXPECT_EQ(bill.lines[0].unit, "therm");
  EXPECT_EQ(bill.usage_total, dec("51.85"));
  EXPECT_EQ(bill.total, money("62.22"));
}

TEST(Gas, IntervalDataInCcfToo) {
  // 744 hours x 0.1 CCF = 74.4 CCF x 1.037 = 77.1528 therms x 1.20 = 92.58336 -> 92.58.
  const IntervalSeries usage =
      constant_series(los_angeles(), kJanuary.start, kJanuary.end, minutes(60), "0.1");
  const RatedBill bill = rated(rate_intervals(gas_in_therms(), usage, kJanuary, los_angeles()));
  EXPECT_EQ(bill.usage_total, dec("77.1528"));
  EXPECT_EQ(bill.total, money("92.58")) << describe(bill);
}

TEST(Gas, AThermFactorNeedsAThermTariff) {
  Tariff tariff = gas_in_therms();
  tariff.unit = UsageUnit::CCF;
  const auto result = rate_total(tariff, dec("50"), kJanuary);
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().field, "tariff");
}

}  // namespace
}  // namespace rp::rating
