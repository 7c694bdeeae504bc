#include "billing/bill_checks.h"

#include <gtest/gtest.h>

namespace rp::billing {
namespace {

Money dollars(std::int64_t amount) {
  return Money::from_cents(amount * 100);
}

// A draft of `total` over 30 days with 900 kWh, after three 30-day bills of $100.
DraftFacts draft_of(Money total) {
  DraftFacts draft;
  draft.total = total;
  draft.days = 30;
  draft.usage_milli = 900'000;
  draft.recent_totals = {dollars(100), dollars(90), dollars(110)};
  draft.recent_days = {30, 30, 30};
  return draft;
}

std::vector<std::string> reasons(const std::vector<BillHold>& holds) {
  std::vector<std::string> names;
  for (const BillHold& hold : holds) names.push_back(hold_reason_name(hold.reason));
  return names;
}

TEST(BillChecks, AnOrdinaryBillPasses) {
  EXPECT_TRUE(check_bill({}, draft_of(dollars(120))).empty());
}

TEST(BillChecks, HighAndLowAgainstTheAgreementsOwnMedianPerDay) {
  BillCheckRules rules;
  EXPECT_TRUE(check_bill(rules, draft_of(dollars(250))).empty());  // exactly 250%: not above
  auto high = check_bill(rules, draft_of(Money::from_cents(250'01)));
  ASSERT_EQ(reasons(high), std::vector<std::string>{"high_bill"});
  EXPECT_NE(
      high[0].evidence.find("$8.33 a day against a typical $3.33 a day over the last 3 bills"),
      std::string::npos)
      << high[0].evidence;
  EXPECT_EQ(reasons(check_bill(rules, draft_of(dollars(30)))),
            std::vector<std::string>{"low_bill"});
  EXPECT_TRUE(check_bill(rules, draft_of(Money::from_cents(30'01))).empty());
}

TEST(BillChecks, PerDaySoLongerPeriodsAreNotHighBills) {
  // $110 over 33 days after 30-day bills of $100 is the same use per day: no hold.
  DraftFacts draft = draft_of(dollars(110));
  draft.days = 33;
  EXPECT_TRUE(check_bill({}, draft).empty());
}

TEST(BillChecks, SmallBillsAndShortHistoriesAreNotCompared) {
  DraftFacts small = draft_of(dollars(15));
  small.recent_totals = {dollars(2), dollars(2), dollars(2)};
  EXPECT_TRUE(check_bill({}, small).empty());
  DraftFacts new_customer = draft_of(dollars(900));
  new_customer.recent_totals.resize(2);
  new_customer.recent_days.resize(2);
  EXPECT_TRUE(check_bill({}, new_customer).empty());
}

TEST(BillChecks, UsageFarAboveSimilarCustomers) {
  DraftFacts draft = draft_of(dollars(120));
  draft.neighbours = summarise_neighbours(std::vector<std::int64_t>(10, 7'000));  // 7 kWh a day
  draft.usage_milli = 30 * 28'000;                                                // exactly 400%
  EXPECT_TRUE(check_bill({}, draft).empty());
  draft.usage_milli = 30 * 28'000 + 1;
  EXPECT_EQ(reasons(check_bill({}, draft)), std::vector<std::string>{"high_vs_neighbours"});
  draft.neighbours.count = 9;  // too few to compare
  EXPECT_TRUE(check_bill({}, draft).empty());
}

TEST(BillChecks, ZeroUsageNegativeTotalsAndOddPeriods) {
  DraftFacts zero = draft_of(dollars(100));
  zero.usage_milli = 0;
  EXPECT_EQ(reasons(check_bill({}, zero)), std::vector<std::string>{"zero_usage"});
  zero.metered = false;  // a flat-rate service
  EXPECT_TRUE(check_bill({}, zero).empty());
  DraftFacts credit = draft_of(Money::from_cents(-12'50));
  credit.recent_totals.clear();
  credit.recent_days.clear();
  auto holds = check_bill({}, credit);
  ASSERT_EQ(reasons(holds), std::vector<std::string>{"negative_total"});
  EXPECT_EQ(holds[0].evidence, "the bill would credit $12.50");
  DraftFacts short_period = draft_of(dollars(100));
  short_period.days = 24;
  short_period.recent_totals.clear();
  short_period.recent_days.clear();
  EXPECT_EQ(reasons(check_bill({}, short_period)), std::vector<std::string>{"short_period"});
  short_period.days = 37;
  EXPECT_EQ(reasons(check_bill({}, short_period)), std::vector<std::string>{"long_period"});
}

TEST(BillChecks, ABillInLineWithTheSamePeriodLastYearIsNotHeldForTheSeason) {
  // A summer irrigation bill: three times the recent (spring) bills, but like last summer's.
  DraftFacts draft = draft_of(dollars(90));
  draft.recent_totals = {dollars(30), dollars(30), dollars(30)};
  draft.recent_days = {30, 30, 30};
  EXPECT_EQ(reasons(check_bill({}, draft)), std::vector<std::string>{"high_bill"});
  draft.last_year_total = dollars(80);
  draft.last_year_days = 30;
  EXPECT_TRUE(check_bill({}, draft).empty());
  draft.last_year_total = dollars(20);  // far above last summer's too
  EXPECT_EQ(reasons(check_bill({}, draft)), std::vector<std::string>{"high_bill"});
}

TEST(BillChecks, AShortPeriodFromAMoveInOrMoveOutIsExpected) {
  DraftFacts draft = draft_of(dollars(40));
  draft.days = 12;
  EXPECT_EQ(reasons(check_bill({}, draft)), std::vector<std::string>{"short_period"});
  draft.partial_service = true;
  EXPECT_TRUE(check_bill({}, draft).empty());
}

}  // namespace
}  // namespace rp::billing
