#include "core/fixed_point.h"

#include <gtest/gtest.h>

namespace rp::fixed_point {
namespace {

TEST(FixedPoint, DividesRoundingHalfAwayFromZeroOnBothSigns) {
  EXPECT_EQ(divide_round_half_away(25, 10), 3);
  EXPECT_EQ(divide_round_half_away(-25, 10), -3);
  EXPECT_EQ(divide_round_half_away(25, -10), -3);
  EXPECT_EQ(divide_round_half_away(-25, -10), 3);
  EXPECT_EQ(divide_round_half_away(24, 10), 2);
  EXPECT_EQ(divide_round_half_away(-24, 10), -2);
  EXPECT_EQ(divide_round_half_away(26, 10), 3);
  EXPECT_EQ(divide_round_half_away(-26, 10), -3);
  EXPECT_EQ(divide_round_half_away(1, 3), 0);
  EXPECT_EQ(divide_round_half_away(2, 3), 1);
  EXPECT_EQ(divide_round_half_away(-2, 3), -1);
  EXPECT_EQ(divide_round_half_away(0, 7), 0);
}

TEST(FixedPoint, ParsesScaledWithoutRounding) {
  EXPECT_EQ(*parse_scaled("1.5", 3), 1500);
  EXPECT_EQ(*parse_scaled("-0.001", 3), -1);
  EXPECT_FALSE(parse_scaled("0.0001", 3).ok());
}

TEST(FixedPoint, FormatsFixedOrTrimmed) {
  EXPECT_EQ(format_scaled(1500, 3, false), "1.500");
  EXPECT_EQ(format_scaled(1500, 3, true), "1.5");
  EXPECT_EQ(format_scaled(2000, 3, true), "2");
  EXPECT_EQ(format_scaled(-1, 3, true), "-0.001");
  EXPECT_EQ(format_scaled(0, 3, true), "0");
  EXPECT_EQ(format_scaled(42, 0, false), "42");
}

}  // namespace
}  // namespace rp::fixed_point
