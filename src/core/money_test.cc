#include "core/money.h"

#include <cstdint>
#include <limits>

#include <gtest/gtest.h>

namespace rp {
namespace {

constexpr int64_t kMax = std::numeric_limits<int64_t>::max();
constexpr int64_t kMin = std::numeric_limits<int64_t>::min();

int64_t cents_of(std::string_view text) {
  Result<Money> money = Money::parse(text);
  EXPECT_TRUE(money.ok()) << text << ": " << money.error().message;
  return money.ok() ? money->cents() : -999'999;
}

Error parse_error(std::string_view text) {
  Result<Money> money = Money::parse(text);
  EXPECT_FALSE(money.ok()) << text << " parsed as " << money->to_string();
  return money.ok() ? Error{} : money.error();
}

TEST(MoneyParse, AcceptsDollarsAndCents) {
  EXPECT_EQ(cents_of("123.45"), 12345);
  EXPECT_EQ(cents_of("0.05"), 5);
  EXPECT_EQ(cents_of("-0.05"), -5);
  EXPECT_EQ(cents_of("7"), 700);
  EXPECT_EQ(cents_of("7.5"), 750);
  EXPECT_EQ(cents_of("-7.5"), -750);
  EXPECT_EQ(cents_of("0"), 0);
  EXPECT_EQ(cents_of("-0.00"), 0);
  EXPECT_EQ(cents_of("007.10"), 710);
}

TEST(MoneyParse, AcceptsTheFullInt64Range) {
  EXPECT_EQ(cents_of("92233720368547758.07"), kMax);
  EXPECT_EQ(cents_of("-92233720368547758.08"), kMin);
}

TEST(MoneyParse, RejectsThousandsSeparatorsSayingSo) {
  Error error = parse_error("1,234.56");
  EXPECT_EQ(error.kind, ErrorKind::invalid_input);
  EXPECT_EQ(error.field, "amount");
  EXPECT_NE(error.message.find("thousands separators"), std::string::npos) << error.message;
  EXPECT_NE(error.message.find("1,234.56"), std::string::npos) << error.message;
}

TEST(MoneyParse, RejectsFractionsOfACentRatherThanRounding) {
  Error error = parse_error("1.005");
  EXPECT_EQ(error.field, "amount");
  EXPECT_NE(error.message.find("more than 2 digits"), std::string::npos) << error.message;
}

TEST(MoneyParse, RejectsEmptyAndGarbage) {
  EXPECT_NE(parse_error("").message.find("is empty"), std::string::npos);
  for (const char* text : {"abc", "12a", "$12", "+5", " 5", "5 ", "1.2.3", "-", ".5", "5.", "--5",
                           "1e3", "0x10", "NaN"}) {
    Error error = parse_error(text);
    EXPECT_EQ(error.kind, ErrorKind::invalid_input) << text;
    EXPECT_EQ(error.field, "amount") << text;
  }
}

TEST(MoneyParse, RejectsOverflowBothWays) {
  EXPECT_NE(parse_error("92233720368547758.08").message.find("too large"), std::string::npos);
  EXPECT_NE(parse_error("-92233720368547758.09").message.find("too large"), std::string::npos);
  EXPECT_NE(parse_error("99999999999999999999999").message.find("too large"), std::string::npos);
}

TEST(MoneyParse, NamesTheFieldItWasGiven) {
  Result<Money> money = Money::parse("ten", "payment_amount");
  ASSERT_FALSE(money.ok());
  EXPECT_EQ(money.error().field, "payment_amount");
  EXPECT_EQ(money.error().message.rfind("payment_amount \"ten\"", 0), 0u) << money.error().message;
}

TEST(MoneyToString, AlwaysTwoDigitsAndASignOnlyWhenNegative) {
  EXPECT_EQ(Money::from_cents(12345).to_string(), "123.45");
  EXPECT_EQ(Money::from_cents(-5).to_string(), "-0.05");
  EXPECT_EQ(Money::from_cents(0).to_string(), "0.00");
  EXPECT_EQ(Money().to_string(), "0.00");
  EXPECT_EQ(Money::from_cents(-100).to_string(), "-1.00");
  EXPECT_EQ(Money::from_cents(kMax).to_string(), "92233720368547758.07");
  EXPECT_EQ(Money::from_cents(kMin).to_string(), "-92233720368547758.08");
}

TEST(MoneyToString, RoundTripsThroughParse) {
  for (int64_t cents : {int64_t{0}, int64_t{1}, int64_t{-1}, int64_t{99}, int64_t{-100},
                        int64_t{123456789}, kMax, kMin}) {
    EXPECT_EQ(cents_of(Money::from_cents(cents).to_string()), cents);
  }
}

TEST(MoneyArithmetic, CheckedOperationsAreExact) {
  const Money bill = Money::from_cents(12345);
  const Money payment = Money::from_cents(-20000);
  EXPECT_EQ(bill.checked_add(payment)->cents(), -7655);
  EXPECT_EQ(bill.checked_sub(payment)->cents(), 32345);
  EXPECT_EQ(payment.checked_negate()->cents(), 20000);
  EXPECT_EQ(bill.checked_multiply(3)->cents(), 37035);
  EXPECT_EQ(bill.checked_multiply(-2)->cents(), -24690);
}

TEST(MoneyArithmetic, AddingOneCentToTheMaximumOverflows) {
  Result<Money> sum = Money::from_cents(kMax).checked_add(Money::from_cents(1));
  ASSERT_FALSE(sum.ok());
  EXPECT_EQ(sum.error().kind, ErrorKind::overflow);
  EXPECT_TRUE(Money::from_cents(kMin).checked_add(Money::from_cents(-1)).error().kind ==
              ErrorKind::overflow);
}

TEST(MoneyArithmetic, SubtractNegateAndMultiplyDetectOverflow) {
  EXPECT_EQ(Money::from_cents(kMin).checked_sub(Money::from_cents(1)).error().kind,
            ErrorKind::overflow);
  EXPECT_EQ(Money::from_cents(kMax).checked_sub(Money::from_cents(-1)).error().kind,
            ErrorKind::overflow);
  EXPECT_EQ(Money::from_cents(kMin).checked_negate().error().kind, ErrorKind::overflow);
  EXPECT_EQ(Money::from_cents(kMax).checked_negate()->cents(), -kMax);
  EXPECT_EQ(Money::from_cents(kMax / 2 + 1).checked_multiply(2).error().kind, ErrorKind::overflow);
  EXPECT_EQ(Money::from_cents(100).checked_multiply(kMax).error().kind, ErrorKind::overflow);
  EXPECT_EQ(Money::from_cents(-1).checked_multiply(kMin).error().kind, ErrorKind::overflow);
}

TEST(MoneyArithmetic, PlainOperatorsForSmallValues) {
  Money balance = Money::from_cents(1000);
  balance += Money::from_cents(250);
  balance -= Money::from_cents(2000);
  EXPECT_EQ(balance, Money::from_cents(-750));
  EXPECT_EQ(balance + Money::from_cents(750), Money());
  EXPECT_EQ(balance - Money::from_cents(1), Money::from_cents(-751));
  EXPECT_EQ(-balance, Money::from_cents(750));
}

TEST(MoneyCompare, OrdersByAmountAndReportsSign) {
  EXPECT_LT(Money::from_cents(-1), Money());
  EXPECT_GT(Money::from_cents(100), Money::from_cents(99));
  EXPECT_EQ(Money::from_cents(5), Money::from_cents(5));
  EXPECT_NE(Money::from_cents(5), Money::from_cents(-5));
  EXPECT_TRUE(Money().is_zero());
  EXPECT_FALSE(Money().is_negative());
  EXPECT_TRUE(Money::from_cents(-1).is_negative());
  EXPECT_FALSE(Money::from_cents(1).is_zero());
}

}  // namespace
}  // namespace rp
