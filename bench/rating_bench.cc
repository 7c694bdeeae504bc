// rating_bench: how many account-months of 15-minute interval data one core rates per second on a
// realistic commercial tariff (TOU energy with tiers, TOU demand, flat demand with a ratchet, a
// customer charge, a fuel adjustment rider that changes mid-month and a percent tax). Rates the
// same account-month repeatedly for ~2 seconds on one thread and prints one JSON object:
//   {"benchmark":"rate_account_month","intervals":2976,"account_months_per_second":...,
//    "ns_per_interval":...}
// Usage: rating_bench [seconds]   (default 2)

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "rating/calculator.h"
#include "rating/testing/tariff_fixtures.h"

namespace {

using namespace rp;
using namespace rp::rating;
using rp::rating::testing::day;
using rp::rating::testing::dec;
using rp::rating::testing::set_hours;
using rp::rating::testing::tiered_period;

// Energy periods: 0 summer off-peak, 1 summer mid-peak, 2 summer on-peak, 3 winter off-peak,
// 4 winter mid-peak; summer is June-September, on-peak 16-21 weekdays, mid-peak 12-16 and 21-23.
TariffVersion commercial_tou_version() {
  TariffVersion v = testing::version_from(day(2026, 1, 1), "2026 rates");
  v.fixed_charges.push_back({"Customer charge", dec("45.00"), FixedChargeBasis::per_month, {}});
  v.energy.periods = {tiered_period("Summer off-peak", {{"20000", "0.0912"}, {"", "0.1015"}}),
                      tiered_period("Summer mid-peak", {{"20000", "0.1431"}, {"", "0.1532"}}),
                      tiered_period("Summer on-peak", {{"20000", "0.2874"}, {"", "0.3012"}}),
                      tiered_period("Winter off-peak", {{"20000", "0.0855"}, {"", "0.0950"}}),
                      tiered_period("Winter mid-peak", {{"20000", "0.1203"}, {"", "0.1301"}})};
  for (unsigned m = 0; m < 12; ++m) {
    const bool summer = m >= 5 && m <= 8;
    v.energy.weekday[m].fill(summer ? 0 : 3);
    v.energy.weekend[m].fill(summer ? 0 : 3);
    for (int h = 12; h < 23; ++h) {
      const bool on_peak = summer && h >= 16 && h < 21;
      v.energy.weekday[m][static_cast<std::size_t>(h)] = on_peak ? 2 : (summer ? 1 : 4);
    }
  }
  v.tou_demand.periods = {testing::flat_period("Off-peak demand", "0"),
                          testing::flat_period("Mid-peak demand", "4.12"),
                          tiered_period("On-peak demand", {{"200", "18.40"}, {"", "16.90"}})};
  set_hours(v.tou_demand.weekday, 12, 23, 1);
  set_hours(v.tou_demand.weekday, 16, 21, 2);
  v.flat_demand.periods = {testing::flat_period("Facilities", "14.25")};
  v.ratchet = DemandRatchet{dec("0.8"), 11};
  v.riders.push_back({"Fuel cost adjustment",
                      {{day(2026, 1, 1), dec("0.00412")}, {day(2026, 7, 16), dec("0.00398")}}});
  v.taxes.push_back({"Utility users tax",
                     dec("0.05"),
                     std::nullopt,
                     {LineKind::energy, LineKind::demand, LineKind::fixed, LineKind::rider}});
  v.holidays = {day(2026, 7, 3), day(2026, 9, 7)};
  return v;
}

// July 2026 in Los Angeles: 31 days x 96 = 2,976 intervals of a plausible load shape (kWh).
IntervalSeries july_load(const UtilityZone& zone) {
  IntervalSeries usage = testing::constant_series(zone, day(2026, 7, 1), day(2026, 8, 1),
                                                  std::chrono::minutes(15), "0");
  std::uint64_t state = 20261123;
  for (std::size_t i = 0; i < usage.values.size(); ++i) {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    const std::int64_t hour = static_cast<std::int64_t>(i / 4 % 24);
    const std::int64_t base = (hour >= 8 && hour < 20) ? 40'000 : 15'000;  // thousandths of kWh
    const std::int64_t noise = static_cast<std::int64_t>(state >> 54);     // 0..1023
    usage.values[i] = Decimal::from_raw((base + noise * 8) * 1'000'000);
  }
  return usage;
}

}  // namespace

int main(int argc, char** argv) {
  const double seconds = argc > 1 ? std::atof(argv[1]) : 2.0;
  const UtilityZone zone = testing::zone("America/Los_Angeles");
  const Tariff tariff = testing::tariff_of({commercial_tou_version()});
  const IntervalSeries usage = july_load(zone);
  const BillingPeriod period{day(2026, 7, 1), day(2026, 8, 1)};
  AccountFacts facts;
  facts.prior_monthly_peaks = {dec("210"), dec("195"), dec("188"), dec("230"),
                               dec("240"), dec("226"), dec("199"), dec("205"),
                               dec("212"), dec("221"), dec("219"), dec("233")};

  Result<RatedBill> first = rate_intervals(tariff, usage, period, zone, facts);
  if (!first.ok()) {
    std::fprintf(stderr, "rating failed: %s\n", first.error().message.c_str());
    return 1;
  }
  std::fprintf(stderr, "%s", testing::describe(*first).c_str());

  using Clock = std::chrono::steady_clock;
  const auto budget = std::chrono::duration<double>(seconds);
  const auto started = Clock::now();
  std::int64_t rated = 0;
  std::int64_t checksum = 0;
  while (Clock::now() - started < budget) {
    for (int i = 0; i < 100; ++i) {
      Result<RatedBill> bill = rate_intervals(tariff, usage, period, zone, facts);
      checksum += bill->total.cents();
    }
    rated += 100;
  }
  const double elapsed = std::chrono::duration<double>(Clock::now() - started).count();
  if (checksum != rated * first->total.cents()) {
    std::fprintf(stderr, "rating was not repeatable\n");
    return 1;
  }
  const double per_second = static_cast<double>(rated) / elapsed;
  std::printf(
      "{\"benchmark\":\"rate_account_month\",\"intervals\":%zu,\"account_months_per_second\":%.0f,"
      "\"ns_per_interval\":%.2f}\n",
      usage.values.size(), per_second, 1e9 / per_second / static_cast<double>(usage.values.size()));
  return 0;
}
