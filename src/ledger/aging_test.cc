#include "ledger/aging.h"

#include <gtest/gtest.h>

namespace rp::ledger {
namespace {

using namespace date::literals;

Money dollars(std::int64_t amount) {
  return Money::from_cents(amount * 100);
}

TEST(Aging, CreditsPayTheOldestChargesFirst) {
  LocalDate as_of = 2026_y / 11 / 23;
  std::vector<AgingEntry> entries = {
      {dollars(100), 2026_y / 7 / 20},   // 126 days past due
      {dollars(90), 2026_y / 8 / 20},    // 95
      {dollars(80), 2026_y / 9 / 20},    // 64
      {dollars(70), 2026_y / 10 / 20},   // 34
      {dollars(60), 2026_y / 11 / 20},   // 3
      {dollars(-150), 2026_y / 11 / 1},  // a payment
  };
  AgingBuckets buckets = age_balance(entries, as_of);
  EXPECT_EQ(buckets.days_90_plus, dollars(40));  // $100 paid, $90 - $50 left
  EXPECT_EQ(buckets.days_60, dollars(80));
  EXPECT_EQ(buckets.days_30, dollars(70));
  EXPECT_EQ(buckets.current, dollars(60));
  EXPECT_EQ(buckets.credit, Money{});
  EXPECT_EQ(buckets.total(), dollars(250));
}

TEST(Aging, BucketEdgesAreThirtySixtyAndNinetyDays) {
  LocalDate as_of = 2026_y / 12 / 31;
  auto single = [&](LocalDate due) { return age_balance({{dollars(1), due}}, as_of); };
  EXPECT_EQ(single(2026_y / 12 / 2).current, dollars(1));       // 29 days
  EXPECT_EQ(single(2026_y / 12 / 1).days_30, dollars(1));       // 30
  EXPECT_EQ(single(2026_y / 11 / 1).days_60, dollars(1));       // 60
  EXPECT_EQ(single(2026_y / 10 / 2).days_90_plus, dollars(1));  // 90
  EXPECT_EQ(single(2027_y / 1 / 15).current, dollars(1));       // not yet due
}

TEST(Aging, AnOverpaymentIsACreditBalance) {
  AgingBuckets buckets = age_balance(
      {{dollars(40), 2026_y / 10 / 1}, {dollars(-100), 2026_y / 10 / 5}}, 2026_y / 11 / 23);
  EXPECT_EQ(buckets.days_30, Money{});
  EXPECT_EQ(buckets.credit, dollars(-60));
  EXPECT_EQ(buckets.total(), dollars(-60));
}

TEST(Aging, TheBucketsAlwaysSumToTheBalance) {
  // A deterministic mix of charges and credits: total() equals the plain sum every time.
  std::uint64_t state = 7;
  auto next = [&state] {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    return state >> 33;
  };
  for (int trial = 0; trial < 200; ++trial) {
    std::vector<AgingEntry> entries;
    Money sum;
    for (int i = 0; i < 12; ++i) {
      auto cents = static_cast<std::int64_t>(next() % 20000) - 6000;
      LocalDate due = LocalDate(date::sys_days(2026_y / 1 / 1) + date::days(next() % 330));
      entries.push_back({Money::from_cents(cents), due});
      sum += Money::from_cents(cents);
    }
    EXPECT_EQ(age_balance(entries, 2026_y / 11 / 23).total(), sum) << trial;
  }
}

}  // namespace
}  // namespace rp::ledger
