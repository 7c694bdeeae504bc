#include "rating/tiers.h"

#include <gtest/gtest.h>

#include "rating/testing/tariff_fixtures.h"

namespace rp::rating {
namespace {

using testing::dec;

std::vector<Decimal> decs(std::initializer_list<const char*> texts) {
  std::vector<Decimal> values;
  for (const char* text : texts) values.push_back(dec(text));
  return values;
}

TEST(SplitIntoTiers, FillsEachBlockUpToItsBound) {
  EXPECT_EQ(split_into_tiers(dec("800"), decs({"500"})).value(), decs({"500", "300"}));
  EXPECT_EQ(split_into_tiers(dec("300"), decs({"500"})).value(), decs({"300", "0"}));
  EXPECT_EQ(split_into_tiers(dec("1200"), decs({"500", "1000"})).value(),
            decs({"500", "500", "200"}));
  EXPECT_EQ(split_into_tiers(dec("0"), decs({"500", "1000"})).value(), decs({"0", "0", "0"}));
  EXPECT_EQ(split_into_tiers(dec("42.5"), {}).value(), decs({"42.5"}));
}

TEST(SplitIntoTiers, RejectsDescendingBounds) {
  const auto result = split_into_tiers(dec("800"), decs({"500", "400"}));
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().field, "tariff");
}

TEST(AllocateProRata, EachPeriodTakesItsShareOfEveryTier) {
  // The worked example in tiers.h: on-peak 200 of 800 kWh, tiers of the total (500, 300).
  EXPECT_EQ(allocate_pro_rata(dec("200"), dec("800"), decs({"500", "300"})), decs({"125", "75"}));
  EXPECT_EQ(allocate_pro_rata(dec("600"), dec("800"), decs({"500", "300"})), decs({"375", "225"}));
}

TEST(AllocateProRata, CumulativeRoundingKeepsTheSumExact) {
  // 1 x 1/3 = 0.333333333; 1 x 2/3 = 0.666666667 -> 0.333333334; the last takes 1 - 0.666666667.
  const auto shares = allocate_pro_rata(dec("1"), dec("3"), decs({"1", "1", "1"}));
  EXPECT_EQ(shares, decs({"0.333333333", "0.333333334", "0.333333333"}));
}

TEST(AllocateProRata, AZeroTotalPutsTheShareInTheFirstTier) {
  EXPECT_EQ(allocate_pro_rata(dec("0"), dec("0"), decs({"0", "0"})), decs({"0", "0"}));
}

}  // namespace
}  // namespace rp::rating
