// Properties of every bill, checked on randomized tariffs and usage (fixed seeds, so a failure
// reproduces): the total is the sum of the lines; each line is quantity x rate rounded once;
// energy quantities add up to the usage; and with inclining tiers more usage never lowers the bill.

#include <gtest/gtest.h>

#include <random>

#include "rating/calculator.h"
#include "rating/testing/tariff_fixtures.h"

namespace rp::rating {
namespace {

using std::chrono::minutes;
using testing::day;
using testing::describe;

class Random {
 public:
  explicit Random(std::uint64_t seed) : engine_(seed) {}
  int between(int low, int high) {  // inclusive
    return std::uniform_int_distribution<int>(low, high)(engine_);
  }
  // A decimal in [low, high] thousandths, e.g. thousandths(50, 500) is 0.050..0.500.
  Decimal thousandths(int low, int high) {
    return Decimal::from_raw(static_cast<std::int64_t>(between(low, high)) * 1'000'000);
  }

 private:
  std::mt19937_64 engine_;
};

// 1-3 tiers with ascending bounds; each tier's price at least the previous one's (inclining),
// every price >= 0.05.
RatePeriod inclining_period(Random& random, int tier_count) {
  RatePeriod period{"P", {}};
  std::int64_t bound = 0;
  Decimal price = random.thousandths(50, 200);
  for (int k = 0; k < tier_count; ++k) {
    std::optional<Decimal> max;
    if (k + 1 < tier_count) {
      bound += random.between(100, 1500);
      max = *Decimal::from_units(bound);
    }
    period.tiers.push_back(Tier{max, price, random.thousandths(0, 20)});
    price = Decimal::from_raw(price.raw() + random.thousandths(0, 100).raw());
  }
  return period;
}

void randomize(MonthHourSchedule& schedule, Random& random, int periods) {
  for (auto& month : schedule) {
    for (auto& hour : month) hour = static_cast<std::uint8_t>(random.between(0, periods - 1));
  }
}

TariffVersion random_version(Random& random) {
  TariffVersion v = testing::version_from(day(2020, 1, 1));
  v.fixed_charges.push_back(
      {"Customer charge", random.thousandths(0, 40000), FixedChargeBasis::per_month, {}});
  const int energy_periods = random.between(1, 3);
  for (int p = 0; p < energy_periods; ++p) {
    v.energy.periods.push_back(inclining_period(random, random.between(1, 3)));
    v.energy.periods.back().name = "Energy period " + std::to_string(p);
  }
  randomize(v.energy.weekday, random, energy_periods);
  randomize(v.energy.weekend, random, energy_periods);
  v.energy.tier_basis = random.between(0, 1) ? TierBasis::daily : TierBasis::monthly;
  if (random.between(0, 1)) {
    v.tou_demand.periods = {inclining_period(random, 2), inclining_period(random, 1)};
    v.tou_demand.periods[1].name = "Demand peak";
    randomize(v.tou_demand.weekday, random, 2);
  }
  if (random.between(0, 1)) {
    v.flat_demand.periods = {inclining_period(random, random.between(1, 2))};
    v.ratchet = DemandRatchet{random.thousandths(0, 1000), random.between(0, 12)};
  }
  v.riders.push_back({"Fuel adjustment",
                      {{day(2026, 1, 1), random.thousandths(0, 30)},
                       {day(2026, 1, 1 + random.between(1, 360)), random.thousandths(0, 30)}}});
  std::sort(v.riders[0].values.begin(), v.riders[0].values.end(),
            [](const RiderValue& a, const RiderValue& b) { return a.effective < b.effective; });
  v.taxes.push_back({"Tax",
                     random.thousandths(0, 100),
                     std::nullopt,
                     {LineKind::energy, LineKind::demand, LineKind::fixed, LineKind::rider}});
  v.minimum_monthly_charge = random.thousandths(0, 60000);
  return v;
}

struct Case {
  Tariff tariff;
  BillingPeriod period;
  IntervalSeries usage;
  AccountFacts facts;
};

Case random_case(Random& random, const UtilityZone& zone) {
  Case c;
  c.tariff = testing::tariff_of({random_version(random)});
  const LocalDate start = testing::add_days_to(day(2026, 1, 1), random.between(0, 364));
  c.period = {start, testing::add_days_to(start, random.between(1, 35))};
  const minutes interval = random.between(0, 1) ? minutes(15) : minutes(60);
  c.usage = testing::constant_series(zone, c.period.start, c.period.end, interval, "0");
  for (Decimal& value : c.usage.values) value = random.thousandths(0, 4000);
  for (int m = 0; m < random.between(0, 14); ++m) {
    c.facts.prior_monthly_peaks.push_back(random.thousandths(0, 40000));
  }
  return c;
}

TEST(BillProperties, TotalIsTheSumOfLinesAndEachLineIsQuantityTimesRate) {
  Random random(20261123);
  const UtilityZone zone = testing::zone("America/Los_Angeles");
  for (int i = 0; i < 300; ++i) {
    const Case c = random_case(random, zone);
    const Result<RatedBill> bill = rate_intervals(c.tariff, c.usage, c.period, zone, c.facts);
    ASSERT_TRUE(bill.ok()) << "case " << i << ": " << bill.error().message;
    Money sum;
    Decimal energy;
    for (const BillLine& line : bill->lines) {
      sum += line.amount;
      EXPECT_EQ(line.amount, extend(line.quantity, line.rate).value())
          << "case " << i << ": " << line.description;
      if (line.kind == LineKind::energy) energy = *energy.checked_add(line.quantity);
    }
    EXPECT_EQ(bill->total, sum) << "case " << i << "\n" << describe(*bill);
    EXPECT_EQ(energy, bill->usage_total) << "case " << i << "\n" << describe(*bill);
  }
}

// Adding 10 kWh to one interval raises the exact (unrounded) charges by at least 10 x 0.05 =
// 0.50, since every price is >= 0.05 and with inclining tiers a period's average price never
// falls as the total grows (tiers.h). Rounding each line moves the total by < 0.005 per line,
// and these bills have fewer than 50 lines, so the rounded total cannot fall either.
TEST(BillProperties, WithIncliningTiersMoreUsageNeverLowersTheBill) {
  Random random(4242);
  const UtilityZone zone = testing::zone("America/Los_Angeles");
  for (int i = 0; i < 200; ++i) {
    Case c = random_case(random, zone);
    c.tariff.versions[0].minimum_monthly_charge.reset();  // a minimum flattens, never lowers
    const Result<RatedBill> before = rate_intervals(c.tariff, c.usage, c.period, zone, c.facts);
    ASSERT_TRUE(before.ok()) << before.error().message;
    const int first =
        static_cast<int>((zone.start_of_day(c.period.start) - c.usage.start) / c.usage.interval);
    Decimal& value = c.usage.values.at(static_cast<std::size_t>(
        random.between(first, static_cast<int>(c.usage.values.size()) - 1)));
    value = Decimal::from_raw(value.raw() + 10 * Decimal::kScale);
    const Result<RatedBill> after = rate_intervals(c.tariff, c.usage, c.period, zone, c.facts);
    ASSERT_TRUE(after.ok()) << after.error().message;
    EXPECT_GE(after->total, before->total) << "case " << i << "\nbefore\n"
                                           << describe(*before) << "after\n"
                                           << describe(*after);
  }
}

TEST(BillProperties, ARegisterTotalBillNeverFallsAsUsageRises) {
  Random random(77);
  for (int i = 0; i < 50; ++i) {
    TariffVersion v = testing::version_from(day(2020, 1, 1));
    v.energy.periods = {inclining_period(random, random.between(1, 4))};
    const Tariff tariff = testing::tariff_of({v});
    const BillingPeriod period{day(2026, 4, 1), day(2026, 5, 1)};
    Money previous;
    for (int kwh = 0; kwh <= 6000; kwh += 7) {
      const Result<RatedBill> bill = rate_total(tariff, *Decimal::from_units(kwh), period);
      ASSERT_TRUE(bill.ok()) << bill.error().message;
      EXPECT_GE(bill->total, previous) << "tariff " << i << " at " << kwh << " kWh";
      previous = bill->total;
    }
  }
}

}  // namespace
}  // namespace rp::rating
