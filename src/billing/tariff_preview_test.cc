#include "billing/tariff_preview.h"

#include <gtest/gtest.h>

#include "billing/testing/billing_fixture.h"
#include "rating/tariff_format.h"

namespace rp::billing {
namespace {

using store::testing::count;

// The test electric tariff with a second version: 0.55 a day and 0.11 a kWh from `effective`.
rating::Tariff with_new_rates(const std::string& effective) {
  return *rating::parse_tariff(
      R"({"format": "ratepayer-tariff/1", "name": "Test electric", "unit": "kWh",
  "versions": [{"effective": "2020-01-01",
    "fixed_charges": [{"description": "Basic charge", "amount": "0.50", "per": "day"}],
    "energy": {"periods": [{"name": "Energy", "tiers": [{"rate": "0.10"}]}]}},
   {"effective": ")" +
      effective + R"(", "label": "2027 rates",
    "fixed_charges": [{"description": "Basic charge", "amount": "0.55", "per": "day"}],
    "energy": {"periods": [{"name": "Energy", "tiers": [{"rate": "0.11"}]}]}}]})");
}

class TariffPreviewTest : public testing::BillingFixture {};

TEST_F(TariffPreviewTest, TheLatestBillsAreRatedAgainAtTheNewVersionBesideWhatTheyCharged) {
  two_accounts_billed_to_october();
  ASSERT_FALSE(HasFailure());
  const std::int64_t events = count(test_.database(), "SELECT COUNT(*) FROM account_events");

  auto preview = preview_tariff(test_.database(), "E-RES", with_new_rates("2026-10-05"), 25);
  ASSERT_TRUE(preview.ok()) << preview.error().message;
  EXPECT_FALSE(preview->refused);
  EXPECT_EQ(preview->version_label, "2027 rates");
  EXPECT_EQ(format_local_date(preview->version_effective), "2026-10-05");
  // One bill per agreement: October's, September 3 to October 4 (32 days of 48 kWh).
  ASSERT_EQ(preview->bills.size(), 2u);
  for (const TariffPreviewBill& bill : preview->bills) {
    EXPECT_EQ(format_local_date(bill.period.start), "2026-09-03");
    EXPECT_EQ(format_local_date(bill.period.end), "2026-10-05");
    EXPECT_TRUE(bill.interval);
    EXPECT_EQ(bill.usage_milli, 1'536'000);
    EXPECT_EQ(bill.billed.cents(), 32 * 50 + 15'360);
    ASSERT_TRUE(bill.current && bill.proposed) << bill.problem;
    EXPECT_EQ(*bill.current, bill.billed);
    EXPECT_EQ(bill.proposed->cents(), 32 * 55 + 16'896);
  }
  EXPECT_EQ(preview->rated, 2);
  EXPECT_EQ(preview->current_total.cents(), 2 * (32 * 50 + 15'360));
  EXPECT_EQ(preview->proposed_total.cents(), 2 * (32 * 55 + 16'896));
  // Newest bills first, and the sample is cut where asked.
  EXPECT_GT(preview->bills[0].bill_number, preview->bills[1].bill_number);
  auto one = preview_tariff(test_.database(), "E-RES", with_new_rates("2026-10-05"), 1);
  ASSERT_TRUE(one.ok());
  ASSERT_EQ(one->bills.size(), 1u);
  EXPECT_EQ(one->bills[0].bill_number, preview->bills[0].bill_number);
  // Nothing was written.
  EXPECT_EQ(count(test_.database(), "SELECT COUNT(*) FROM account_events"), events);
  EXPECT_EQ(
      count(test_.database(), "SELECT COUNT(*) FROM rate_plans WHERE tariff LIKE '%2027 rates%'"),
      0);
}

TEST_F(TariffPreviewTest, IntervalsCorrectedSinceTheBillShowInTheCurrentFigure) {
  two_accounts_billed_to_october();
  ASSERT_FALSE(HasFailure());
  // One UTC day of October's period corrected from 48 kWh to 96 kWh.
  correct_intervals("E1000017", "2026-09-10", "2026-09-10", 1'000);
  auto preview = preview_tariff(test_.database(), "E-RES", with_new_rates("2026-10-05"), 25);
  ASSERT_TRUE(preview.ok()) << preview.error().message;
  int corrected = 0;
  for (const TariffPreviewBill& bill : preview->bills) {
    ASSERT_TRUE(bill.current) << bill.problem;
    if (*bill.current != bill.billed) {
      ++corrected;
      EXPECT_EQ(bill.current->cents() - bill.billed.cents(), 480);  // 48 kWh more at 0.10
    }
  }
  EXPECT_EQ(corrected, 1);
}

TEST_F(TariffPreviewTest, ATariffStoringWouldRefuseIsStillPreviewedWithTheReason) {
  two_accounts_billed_to_october();
  ASSERT_FALSE(HasFailure());
  auto retroactive = preview_tariff(test_.database(), "E-RES", with_new_rates("2026-10-01"), 25);
  ASSERT_TRUE(retroactive.ok()) << retroactive.error().message;
  ASSERT_TRUE(retroactive->refused);
  EXPECT_EQ(retroactive->refused->kind, ErrorKind::conflict);
  EXPECT_NE(retroactive->refused->message.find("billed through 2026-10-04"), std::string::npos);
  EXPECT_EQ(retroactive->bills.size(), 2u);
  auto gallons =
      preview_tariff(test_.database(), "E-RES", *rating::parse_tariff(testing::kWater), 25);
  ASSERT_TRUE(gallons.ok());
  ASSERT_TRUE(gallons->refused);
  EXPECT_EQ(gallons->refused->field, "tariff");
}

TEST_F(TariffPreviewTest, BadRequestsAreNamed) {
  set_tariffs();
  const rating::Tariff tariff = with_new_rates("2026-10-05");
  EXPECT_EQ(preview_tariff(test_.database(), "E-XYZ", tariff, 25).error().kind,
            ErrorKind::not_found);
  EXPECT_EQ(preview_tariff(test_.database(), "E-RES", tariff, 0).error().field, "sample");
  EXPECT_EQ(preview_tariff(test_.database(), "E-RES", tariff, kLargestTariffPreviewSample + 1)
                .error()
                .field,
            "sample");
  // A plan with no bills yet has nothing to sample.
  auto empty = preview_tariff(test_.database(), "E-RES", tariff, 25);
  ASSERT_TRUE(empty.ok());
  EXPECT_TRUE(empty->bills.empty());
  EXPECT_EQ(empty->rated, 0);
}

}  // namespace
}  // namespace rp::billing
