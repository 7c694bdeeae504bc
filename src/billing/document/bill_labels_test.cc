#include "billing/document/bill_labels.h"

#include <gtest/gtest.h>

namespace rp::billing::document {
namespace {

using date::August;
using date::September;

const BillLabels& english = bill_labels("en");
const BillLabels& spanish = bill_labels("es");

TEST(BillLabels, MoneyHasADollarSignThousandsSeparatorsAndALeadingMinus) {
  EXPECT_EQ(format_money(Money::from_cents(123'45)), "$123.45");
  EXPECT_EQ(format_money(Money::from_cents(1'234'56)), "$1,234.56");
  EXPECT_EQ(format_money(Money::from_cents(1'234'567'89)), "$1,234,567.89");
  EXPECT_EQ(format_money(Money::from_cents(-12'00)), "-$12.00");
  EXPECT_EQ(format_money(Money::from_cents(-5)), "-$0.05");
  EXPECT_EQ(format_money(Money{}), "$0.00");
}

TEST(BillLabels, CountsAreGroupedInThousands) {
  EXPECT_EQ(format_count(0), "0");
  EXPECT_EQ(format_count(999), "999");
  EXPECT_EQ(format_count(12'345), "12,345");
  EXPECT_EQ(format_count(-1'000'000), "-1,000,000");
}

TEST(BillLabels, QuantitiesReadAsACustomerReadsThem) {
  EXPECT_EQ(format_quantity("1204.500", "gal"), "1,205");
  EXPECT_EQ(format_quantity("827.371000", "kWh"), "827.4");
  EXPECT_EQ(format_quantity("12", "kWh"), "12.0");
  EXPECT_EQ(format_quantity("31", "day"), "31");
  EXPECT_EQ(format_quantity("1.000000000", "month"), "1");
  EXPECT_EQ(format_quantity("123.456", "$"), "$123.46");
  EXPECT_EQ(format_quantity("2.125", "lamp"), "2.13");
  EXPECT_EQ(format_quantity("-0.04", "kWh"), "0.0");
  EXPECT_EQ(format_quantity("n/a", "kWh"), "n/a");
}

TEST(BillLabels, RatesArePricesWithAtMostFiveDecimals) {
  EXPECT_EQ(format_rate("0.108500", "kWh"), "$0.1085");
  EXPECT_EQ(format_rate("0.370967742", "day"), "$0.37097");  // a prorated daily charge
  EXPECT_EQ(format_rate("12.5", "month"), "$12.50");
  EXPECT_EQ(format_rate("0.000300", "kWh"), "$0.0003");
  EXPECT_EQ(format_rate("0.0525", "$"), "5.25%");
  EXPECT_EQ(format_rate("0.052512500", "$"), "5.251%");
}

TEST(BillLabels, DatesFollowTheLanguage) {
  const LocalDate date = date::year{2026} / September / 15;
  EXPECT_EQ(format_date(date, english), "Sep 15, 2026");
  EXPECT_EQ(format_date(date, spanish), "15 sep 2026");
}

TEST(BillLabels, APeriodPrintsItsLastDayNotTheExclusiveEnd) {
  const LocalDate start = date::year{2026} / August / 15;
  const LocalDate end = date::year{2026} / September / 15;
  EXPECT_EQ(format_period(start, end, english), "Aug 15, 2026 \u2013 Sep 14, 2026");
  EXPECT_EQ(format_period(start, end, spanish), "15 ago 2026 \u2013 14 sep 2026");
  EXPECT_EQ(format_day_count(start, end, english), "31 days");
  EXPECT_EQ(format_day_count(start, end, spanish), "31 días");
  // A final bill for the day service started: one day.
  EXPECT_EQ(format_day_count(start, plus_days(start, 1), english), "1 day");
  EXPECT_EQ(format_day_count(start, plus_days(start, 1), spanish), "1 día");
}

TEST(BillLabels, UnknownLanguagesAreEnglish) {
  EXPECT_EQ(bill_labels("fr").amount_due, "Amount due");
  EXPECT_EQ(bill_labels("").amount_due, "Amount due");
  EXPECT_EQ(spanish.amount_due, "Importe a pagar");
}

TEST(BillLabels, CommoditiesAndUnitWordsAreTranslated) {
  EXPECT_EQ(commodity_name("electric", english), "Electric");
  EXPECT_EQ(commodity_name("electric", spanish), "Electricidad");
  EXPECT_EQ(commodity_name("sewer", spanish), "Alcantarillado");
  EXPECT_EQ(commodity_name("steam", spanish), "Steam");  // not ours to translate: shown as given
  EXPECT_EQ(unit_name("day", spanish), "días");
  EXPECT_EQ(unit_name("kWh", spanish), "kWh");
}

}  // namespace
}  // namespace rp::billing::document
