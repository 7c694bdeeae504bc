#include "billing/amount_owed.h"

#include <gtest/gtest.h>

namespace rp::billing {
namespace {

LocalDate day(const char* text) {
  return *parse_local_date(text, "day");
}
Money dollars(std::int64_t cents) {
  return Money::from_cents(cents);
}

SentBillFacts bill_of(std::int64_t amount_due, const char* due_on) {
  SentBillFacts bill;
  bill.number = 1042;
  bill.bill_date = LocalDate(date::sys_days(day(due_on)) - date::days(21));
  bill.due_on = day(due_on);
  bill.amount_due = dollars(amount_due);
  bill.charges = dollars(amount_due);
  bill.balance_through_bill = dollars(amount_due);
  return bill;
}

Money sum_of(const std::vector<OwedReason>& reasons) {
  Money total;
  for (const OwedReason& reason : reasons) total = total + reason.amount;
  return total;
}

TEST(AmountOwed, AnUnpaidBillIsOwedByItsDueDate) {
  OwedFacts facts{dollars(120'00), bill_of(120'00, "2026-11-20"), {}, std::nullopt};
  const AmountOwed owed = decide_amount_owed(facts, day("2026-11-10"));
  EXPECT_EQ(owed.now, dollars(120'00));
  EXPECT_EQ(owed.past_due, Money());
  ASSERT_TRUE(owed.due_on);
  EXPECT_EQ(*owed.due_on, day("2026-11-20"));
  ASSERT_EQ(owed.reasons.size(), 1u);
  EXPECT_EQ(owed.reasons[0].kind, "bill");
  EXPECT_EQ(owed.reasons[0].bill_number, 1042);
}

TEST(AmountOwed, WhatTheBillCarriedForwardUnpaidIsPastDueAndItsChargesAreDueByItsDate) {
  // The bill asks $180.00: $100.00 of new charges and $80.00 left unpaid from the bill before.
  SentBillFacts bill = bill_of(180'00, "2026-12-18");
  bill.charges = dollars(100'00);
  OwedFacts facts{dollars(180'00), bill, {}, std::nullopt};
  const AmountOwed owed = decide_amount_owed(facts, day("2026-12-01"));
  EXPECT_EQ(owed.now, dollars(180'00));
  EXPECT_EQ(owed.past_due, dollars(80'00));
  ASSERT_TRUE(owed.due_on);
  EXPECT_EQ(*owed.due_on, day("2026-12-18"));

  // A payment pays what is past due first.
  facts.since_bill.push_back({"payment", dollars(-90'00), day("2026-12-02")});
  facts.balance = dollars(90'00);
  const AmountOwed paid = decide_amount_owed(facts, day("2026-12-03"));
  EXPECT_EQ(paid.now, dollars(90'00));
  EXPECT_EQ(paid.past_due, Money());
  EXPECT_EQ(*paid.due_on, day("2026-12-18"));
}

TEST(AmountOwed, ALateFeeAfterTheBillIsOwedNowAndNamed) {
  // The bill asked $100.00; a $5.00 late fee was posted after it. Paying the bill's amount alone
  // would leave the fee owed, so the answer is the whole $105.00, with the fee as a reason.
  OwedFacts facts{dollars(105'00),
                  bill_of(100'00, "2026-11-20"),
                  {{"late_fee", dollars(5'00), day("2026-11-26")}},
                  std::nullopt};
  const AmountOwed owed = decide_amount_owed(facts, day("2026-12-01"));
  EXPECT_EQ(owed.now, dollars(105'00));
  EXPECT_EQ(owed.past_due, dollars(100'00));
  EXPECT_FALSE(owed.due_on);  // the bill is past due; the fee comes with the next bill
  ASSERT_EQ(owed.reasons.size(), 2u);
  EXPECT_EQ(owed.reasons[1].kind, "late_fee");
  EXPECT_EQ(owed.reasons[1].amount, dollars(5'00));
  EXPECT_EQ(sum_of(owed.reasons), owed.now);
}

TEST(AmountOwed, PaymentsPayTheEarliestDueFirst) {
  OwedFacts facts{dollars(45'00),
                  bill_of(100'00, "2026-11-20"),
                  {{"late_fee", dollars(5'00), day("2026-11-26")},
                   {"payment", dollars(-60'00), day("2026-11-28")}},
                  std::nullopt};
  const AmountOwed owed = decide_amount_owed(facts, day("2026-12-01"));
  EXPECT_EQ(owed.now, dollars(45'00));
  EXPECT_EQ(owed.past_due, dollars(40'00));
  ASSERT_EQ(owed.reasons.size(), 3u);
  EXPECT_EQ(owed.reasons[2].kind, "paid");
  EXPECT_EQ(owed.reasons[2].amount, dollars(-60'00));
  EXPECT_EQ(sum_of(owed.reasons), owed.now);
}

TEST(AmountOwed, AnArrangementLeavesOnlyTheDownPaymentOwedAndNothingPastDue) {
  // $200.00 past due; the arrangement asks $50.00 by December 8 and moves $150.00 to later bills.
  OwedFacts facts{dollars(200'00), bill_of(200'00, "2026-11-20"), {}, std::nullopt};
  facts.new_arrangement =
      NewArrangementFacts{dollars(200'00), dollars(50'00), day("2026-12-08"), day("2026-12-01")};
  const AmountOwed owed = decide_amount_owed(facts, day("2026-12-01"));
  EXPECT_EQ(owed.now, dollars(50'00));
  EXPECT_EQ(owed.past_due, Money());
  ASSERT_TRUE(owed.due_on);
  EXPECT_EQ(*owed.due_on, day("2026-12-08"));
  EXPECT_EQ(owed.deferred, dollars(150'00));
  ASSERT_EQ(owed.reasons.size(), 2u);
  EXPECT_EQ(owed.reasons[1].kind, "arranged");
  EXPECT_EQ(owed.reasons[1].amount, dollars(-150'00));
}

TEST(AmountOwed, AMissedDownPaymentIsPastDue) {
  OwedFacts facts{dollars(180'00), bill_of(200'00, "2026-11-20"), {}, std::nullopt};
  facts.since_bill.push_back({"payment", dollars(-20'00), day("2026-12-02"), true});
  facts.new_arrangement =
      NewArrangementFacts{dollars(200'00), dollars(50'00), day("2026-12-08"), day("2026-12-01")};
  const AmountOwed owed = decide_amount_owed(facts, day("2026-12-09"));
  EXPECT_EQ(owed.now, dollars(30'00));
  EXPECT_EQ(owed.past_due, dollars(30'00));
  EXPECT_EQ(sum_of(owed.reasons), owed.now);
}

TEST(AmountOwed, ABillNotYetDueStaysOwedBesideANewArrangement) {
  // Arranged while the latest bill ($80.00) was not yet due: the arrangement took the $120.00
  // past due before it; the bill is still owed by its due date.
  SentBillFacts bill = bill_of(200'00, "2026-12-15");
  bill.charges = dollars(80'00);
  OwedFacts facts{dollars(200'00), bill, {}, std::nullopt};
  facts.new_arrangement =
      NewArrangementFacts{dollars(120'00), dollars(30'00), day("2026-12-08"), day("2026-12-01")};
  const AmountOwed owed = decide_amount_owed(facts, day("2026-12-01"));
  EXPECT_EQ(owed.now, dollars(110'00));
  EXPECT_EQ(owed.past_due, Money());
  ASSERT_TRUE(owed.due_on);
  EXPECT_EQ(*owed.due_on, day("2026-12-08"));
  EXPECT_EQ(sum_of(owed.reasons), owed.now);
}

TEST(AmountOwed, BudgetBillingDefersWhatTheBillDidNotAsk) {
  SentBillFacts bill = bill_of(90'00, "2026-11-20");
  bill.deferred = dollars(35'00);
  bill.balance_through_bill = dollars(125'00);
  OwedFacts facts{dollars(125'00), bill, {}, std::nullopt};
  const AmountOwed owed = decide_amount_owed(facts, day("2026-11-10"));
  EXPECT_EQ(owed.now, dollars(90'00));
  EXPECT_EQ(owed.deferred, dollars(35'00));
  EXPECT_EQ(sum_of(owed.reasons), owed.now);
}

TEST(AmountOwed, ACreditOwesNothing) {
  OwedFacts facts{dollars(-12'50),
                  bill_of(40'00, "2026-11-20"),
                  {{"payment", dollars(-52'50), day("2026-11-15")}},
                  std::nullopt};
  const AmountOwed owed = decide_amount_owed(facts, day("2026-12-01"));
  EXPECT_EQ(owed.now, Money());
  EXPECT_EQ(owed.past_due, Money());
  EXPECT_FALSE(owed.due_on);
  EXPECT_EQ(owed.credit, dollars(12'50));
  EXPECT_EQ(sum_of(owed.reasons), dollars(-12'50));
}

TEST(AmountOwed, WithoutABillEveryChargeIsOwedNow) {
  OwedFacts facts{
      dollars(75'00), std::nullopt, {{"deposit", dollars(75'00), day("2026-11-02")}}, std::nullopt};
  const AmountOwed owed = decide_amount_owed(facts, day("2026-11-10"));
  EXPECT_EQ(owed.now, dollars(75'00));
  EXPECT_EQ(owed.past_due, Money());
  EXPECT_FALSE(owed.due_on);
  ASSERT_EQ(owed.reasons.size(), 1u);
  EXPECT_EQ(owed.reasons[0].kind, "deposit");
}

TEST(AmountOwed, ADifferenceBetweenTheBillAndTheLedgerIsShownNotHidden) {
  SentBillFacts bill = bill_of(100'00, "2026-11-20");
  bill.balance_through_bill = dollars(104'00);  // $4.00 posted between the figures and release
  OwedFacts facts{dollars(104'00), bill, {}, std::nullopt};
  const AmountOwed owed = decide_amount_owed(facts, day("2026-11-10"));
  EXPECT_EQ(owed.now, dollars(104'00));
  ASSERT_EQ(owed.reasons.size(), 2u);
  EXPECT_EQ(owed.reasons[1].kind, "earlier");
  EXPECT_EQ(owed.reasons[1].amount, dollars(4'00));
}

}  // namespace
}  // namespace rp::billing
