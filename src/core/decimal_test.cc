#include "core/decimal.h"

#include <cstdint>
#include <limits>

#include <gtest/gtest.h>

namespace rp {
namespace {

constexpr int64_t kMax = std::numeric_limits<int64_t>::max();
constexpr int64_t kMin = std::numeric_limits<int64_t>::min();

Decimal dec(std::string_view text) {
  Result<Decimal> value = Decimal::parse(text);
  EXPECT_TRUE(value.ok()) << text << ": " << value.error().message;
  return value.ok() ? *value : Decimal();
}

int64_t cents(Result<Money> money) {
  EXPECT_TRUE(money.ok()) << money.error().message;
  return money.ok() ? money->cents() : -999'999;
}

TEST(DecimalParse, ReadsUpToNineFractionalDigitsExactly) {
  EXPECT_EQ(dec("0.123456").raw(), 123'456'000);
  EXPECT_EQ(dec("-12").raw(), -12'000'000'000);
  EXPECT_EQ(dec("0.000000001").raw(), 1);
  EXPECT_EQ(dec("-0.000000001").raw(), -1);
  EXPECT_EQ(dec("9223372036.854775807").raw(), kMax);
  EXPECT_EQ(dec("-9223372036.854775808").raw(), kMin);
}

TEST(DecimalParse, RejectsExponentsTooManyDigitsAndGarbageNamingTheField) {
  Result<Decimal> exponent = Decimal::parse("1e3", "rate");
  ASSERT_FALSE(exponent.ok());
  EXPECT_EQ(exponent.error().kind, ErrorKind::invalid_input);
  EXPECT_EQ(exponent.error().field, "rate");
  EXPECT_NE(exponent.error().message.find("exponent"), std::string::npos);

  Result<Decimal> too_precise = Decimal::parse("0.1234567891");
  ASSERT_FALSE(too_precise.ok());
  EXPECT_EQ(too_precise.error().field, "value");
  EXPECT_NE(too_precise.error().message.find("more than 9 digits"), std::string::npos);

  for (const char* text : {"", "abc", "1.", ".1", "+1", "1,000", "1.2.3", "9223372036.854775808",
                           "-9223372036.854775809", "99999999999"}) {
    EXPECT_FALSE(Decimal::parse(text).ok()) << text;
  }
}

TEST(DecimalToString, ShortestExactText) {
  EXPECT_EQ(dec("0.1").to_string(), "0.1");
  EXPECT_EQ(dec("0.100000000").to_string(), "0.1");
  EXPECT_EQ(dec("12").to_string(), "12");
  EXPECT_EQ(dec("12.000").to_string(), "12");
  EXPECT_EQ(Decimal::from_raw(-1).to_string(), "-0.000000001");
  EXPECT_EQ(Decimal().to_string(), "0");
  EXPECT_EQ(Decimal::from_raw(kMin).to_string(), "-9223372036.854775808");
}

TEST(DecimalToString, FixedDigitsRoundHalfAwayFromZero) {
  EXPECT_EQ(dec("2.345").to_string(2), "2.35");
  EXPECT_EQ(dec("-2.345").to_string(2), "-2.35");
  EXPECT_EQ(dec("2.344999999").to_string(2), "2.34");
  EXPECT_EQ(dec("0.5").to_string(0), "1");
  EXPECT_EQ(dec("-0.5").to_string(0), "-1");
  EXPECT_EQ(dec("12").to_string(3), "12.000");
  EXPECT_EQ(dec("-0.001").to_string(2), "0.00");
  EXPECT_EQ(dec("0.123456789").to_string(9), "0.123456789");
  EXPECT_EQ(Decimal::from_raw(kMax).to_string(0), "9223372037");
}

TEST(DecimalConstruct, FromUnitsChecksRange) {
  EXPECT_EQ(Decimal::from_units(-3)->raw(), -3'000'000'000);
  EXPECT_EQ(Decimal::from_units(9'223'372'036)->raw(), 9'223'372'036'000'000'000);
  EXPECT_EQ(Decimal::from_units(9'223'372'037).error().kind, ErrorKind::overflow);
  EXPECT_EQ(Decimal::from_units(kMin).error().kind, ErrorKind::overflow);
  EXPECT_EQ(Decimal::from_raw(42).raw(), 42);
}

TEST(DecimalArithmetic, AddAndSubtractExactlyWithOverflowChecks) {
  EXPECT_EQ(*dec("0.1").checked_add(dec("0.2")), dec("0.3"));
  EXPECT_EQ(*dec("0.1").checked_sub(dec("0.35")), dec("-0.25"));
  EXPECT_EQ(Decimal::from_raw(kMax).checked_add(Decimal::from_raw(1)).error().kind,
            ErrorKind::overflow);
  EXPECT_EQ(Decimal::from_raw(kMin).checked_sub(Decimal::from_raw(1)).error().kind,
            ErrorKind::overflow);
}

TEST(DecimalArithmetic, MultiplyRoundsOnceHalfAwayFromZero) {
  EXPECT_EQ(*dec("1.5").checked_multiply(dec("-2")), dec("-3"));
  EXPECT_EQ(*dec("123.456").checked_multiply(dec("0.1125")), dec("13.88880"));
  // 0.000000005 x 0.1 = 0.0000000005 exactly: half a billionth rounds away from zero.
  EXPECT_EQ(*dec("0.000000005").checked_multiply(dec("0.1")), Decimal::from_raw(1));
  EXPECT_EQ(*dec("-0.000000005").checked_multiply(dec("0.1")), Decimal::from_raw(-1));
  EXPECT_EQ(*dec("0.000000004").checked_multiply(dec("0.1")), Decimal());
  // Operands whose raw product exceeds int64 still multiply exactly through 128 bits.
  EXPECT_EQ(*dec("3000000000").checked_multiply(dec("0.000000003")), dec("9"));
}

TEST(DecimalArithmetic, HugeMultiplyOverflows) {
  Result<Decimal> product = dec("100000").checked_multiply(dec("100000"));
  ASSERT_FALSE(product.ok());
  EXPECT_EQ(product.error().kind, ErrorKind::overflow);
  EXPECT_EQ(Decimal::from_raw(kMax).checked_multiply(dec("-2")).error().kind, ErrorKind::overflow);
  EXPECT_EQ(Decimal::from_raw(kMin).checked_multiply(dec("-1")).error().kind, ErrorKind::overflow);
}

TEST(DecimalArithmetic, DivideRoundsHalfAwayFromZero) {
  EXPECT_EQ(*dec("1").checked_divide(dec("3")), dec("0.333333333"));
  EXPECT_EQ(*dec("2").checked_divide(dec("3")), dec("0.666666667"));
  EXPECT_EQ(*dec("-2").checked_divide(dec("3")), dec("-0.666666667"));
  EXPECT_EQ(*dec("2").checked_divide(dec("-3")), dec("-0.666666667"));
  EXPECT_EQ(*dec("-10").checked_divide(dec("-4")), dec("2.5"));
  // 0.000000001 / 2 = 0.0000000005: a half rounds away from zero on both signs.
  EXPECT_EQ(*Decimal::from_raw(1).checked_divide(dec("2")), Decimal::from_raw(1));
  EXPECT_EQ(*Decimal::from_raw(-1).checked_divide(dec("2")), Decimal::from_raw(-1));
}

TEST(DecimalArithmetic, DivideByZeroIsInvalidInputAndTinyDivisorsOverflow) {
  Result<Decimal> quotient = dec("5").checked_divide(Decimal());
  ASSERT_FALSE(quotient.ok());
  EXPECT_EQ(quotient.error().kind, ErrorKind::invalid_input);
  EXPECT_EQ(quotient.error().field, "divisor");
  EXPECT_EQ(dec("10").checked_divide(Decimal::from_raw(1)).error().kind, ErrorKind::overflow);
}

TEST(DecimalRounding, ToCentsHalfAwayFromZero) {
  EXPECT_EQ(cents(dec("0.005").round_to_cents()), 1);
  EXPECT_EQ(cents(dec("-0.005").round_to_cents()), -1);
  EXPECT_EQ(cents(dec("0.0049999").round_to_cents()), 0);
  EXPECT_EQ(cents(dec("-0.0049999").round_to_cents()), 0);
  EXPECT_EQ(cents(dec("123.454999999").round_to_cents()), 12345);
  EXPECT_EQ(cents(dec("123.455").round_to_cents()), 12346);
  EXPECT_EQ(cents(dec("-123.455").round_to_cents()), -12346);
  EXPECT_EQ(cents(Decimal::from_raw(kMin).round_to_cents()), -922'337'203'685);
}

TEST(DecimalRounding, RoundToDigits) {
  EXPECT_EQ(*dec("1.23456").round(3), dec("1.235"));
  EXPECT_EQ(*dec("-1.23456").round(3), dec("-1.235"));
  EXPECT_EQ(*dec("1.2344").round(3), dec("1.234"));
  EXPECT_EQ(*dec("2.5").round(0), dec("3"));
  EXPECT_EQ(*dec("-2.5").round(0), dec("-3"));
  EXPECT_EQ(*dec("0.123456789").round(9), dec("0.123456789"));
  EXPECT_EQ(Decimal::from_raw(kMax).round(0).error().kind, ErrorKind::overflow);
}

TEST(DecimalCompare, OrdersByValue) {
  EXPECT_LT(dec("-0.000000001"), Decimal());
  EXPECT_GT(dec("0.11"), dec("0.1"));
  EXPECT_EQ(dec("1.50"), dec("1.5"));
  EXPECT_TRUE(Decimal().is_zero());
  EXPECT_TRUE(dec("-1").is_negative());
  EXPECT_FALSE(dec("1").is_negative());
}

TEST(Extend, BillLineIsTheExactProductRoundedOnceToTheCent) {
  EXPECT_EQ(cents(extend(dec("123.456"), dec("0.1125"))), 1389);  // 13.88880
  EXPECT_EQ(cents(extend(dec("1000"), dec("0.123455"))), 12346);  // 123.455 exactly -> up
  EXPECT_EQ(cents(extend(dec("-1000"), dec("0.123455"))), -12346);
  EXPECT_EQ(cents(extend(dec("0.05"), dec("0.1"))), 1);    // 0.005
  EXPECT_EQ(cents(extend(dec("-0.05"), dec("0.1"))), -1);  // -0.005
  EXPECT_EQ(cents(extend(dec("0.049999999"), dec("0.1"))), 0);
}

TEST(Extend, DoesNotRoundTheRateOrTheProductBeforeCents) {
  // 0.5 x 0.009999999 = 0.0049999995 exactly. Rounding the product to 9 digits first would give
  // 0.005000000 and then a cent; the exact product rounds once, to zero.
  EXPECT_EQ(cents(dec("0.5").checked_multiply(dec("0.009999999"))->round_to_cents()), 1);
  EXPECT_EQ(cents(extend(dec("0.5"), dec("0.009999999"))), 0);
}

TEST(Extend, AmountTooLargeForMoneyOverflows) {
  // The product itself is 8.5e19 dollars, beyond Money's 9.2e16.
  Result<Money> line = extend(Decimal::from_raw(kMax), Decimal::from_raw(kMax));
  ASSERT_FALSE(line.ok());
  EXPECT_EQ(line.error().kind, ErrorKind::overflow);
  EXPECT_EQ(extend(Decimal::from_raw(kMin), Decimal::from_raw(kMin)).error().kind,
            ErrorKind::overflow);
  // A product beyond any Decimal still extends exactly when it fits in Money.
  EXPECT_EQ(cents(extend(dec("9000000000"), dec("1000000"))), 900'000'000'000'000'000);
}

}  // namespace
}  // namespace rp
