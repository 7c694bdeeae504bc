#include "billing/line_explanation.h"

#include <gtest/gtest.h>

namespace rp::billing {
namespace {

TEST(LineExplanation, UsageLineShowsQuantityRateAndTheStoredAmount) {
  EXPECT_EQ(explain_line("827.371", "kWh", "0.1085", Money::from_cents(8977)),
            "827.371 kWh × $0.1085 per kWh = $89.77");
}

TEST(LineExplanation, CountedUnitsArePlural) {
  EXPECT_EQ(explain_line("29", "day", "0.366666667", Money::from_cents(1063)),
            "29 days × $0.366666667 per day = $10.63");
  EXPECT_EQ(explain_line("1", "month", "12.5", Money::from_cents(1250)),
            "1 month × $12.5 per month = $12.50");
}

TEST(LineExplanation, PercentageTaxNamesItsBase) {
  EXPECT_EQ(explain_line("123.45", "$", "0.05", Money::from_cents(617)), "5% of $123.45 = $6.17");
  EXPECT_EQ(explain_line("2000", "$", "0.0725", Money::from_cents(14500)),
            "7.25% of $2,000.00 = $145.00");
}

TEST(LineExplanation, LineWithoutQuantityIsItsAmount) {
  EXPECT_EQ(explain_line("", "", "", Money::from_cents(1200)), "$12.00");
}

TEST(DollarsText, GroupsThousandsAndSignsCredits) {
  EXPECT_EQ(dollars_text(Money::from_cents(123456789)), "$1,234,567.89");
  EXPECT_EQ(dollars_text(Money::from_cents(-1200)), "-$12.00");
  EXPECT_EQ(dollars_text(Money::from_cents(99999)), "$999.99");
  EXPECT_EQ(dollars_text(Money::from_cents(100000)), "$1,000.00");
  EXPECT_EQ(dollars_text(Money()), "$0.00");
}

}  // namespace
}  // namespace rp::billing
