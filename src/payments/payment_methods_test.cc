#include "payments/payment_methods.h"

#include <gtest/gtest.h>

namespace rp::payments {
namespace {

const LocalDate kToday{date::year{2026} / 11 / 23};

TEST(CheckCard, AcceptsAValidCardAndKeepsOnlyTheLastFour) {
  auto card = check_card({"4242 4242 4242 4242", 12, 2028, "123"}, kToday);
  ASSERT_TRUE(card.ok()) << card.error().message;
  EXPECT_EQ(card->brand, "visa");
  EXPECT_EQ(card->last_four, "4242");
  EXPECT_EQ(check_card({"5555-5555-5555-4444", 1, 2027, "123"}, kToday)->brand, "mastercard");
  EXPECT_EQ(check_card({"378282246310005", 1, 2027, "1234"}, kToday)->brand, "amex");
}

TEST(CheckCard, NamesWhatIsWrongWithoutRepeatingTheNumber) {
  struct Case {
    CardDetails card;
    const char* field;
  };
  for (const Case& bad : {Case{{"4242424242424241", 12, 2028, "123"}, "card_number"},
                          Case{{"4242", 12, 2028, "123"}, "card_number"},
                          Case{{"4242424242424242", 13, 2028, "123"}, "exp_month"},
                          Case{{"4242424242424242", 10, 2026, "123"}, "exp_year"},
                          Case{{"4242424242424242", 12, 2028, "12a"}, "cvc"}}) {
    auto refused = check_card(bad.card, kToday);
    ASSERT_FALSE(refused.ok()) << bad.field;
    EXPECT_EQ(refused.error().field, bad.field);
    EXPECT_EQ(refused.error().message.find("4242424242"), std::string::npos);
  }
  // A card is good through the end of its expiry month.
  EXPECT_TRUE(check_card({"4242424242424242", 11, 2026, "123"}, kToday).ok());
}

TEST(CheckBankAccount, RoutingNumbersCarryAnAbaCheckDigit) {
  EXPECT_TRUE(aba_routing_number_valid("011000015"));
  EXPECT_TRUE(aba_routing_number_valid("021000021"));
  EXPECT_FALSE(aba_routing_number_valid("021000022"));
  EXPECT_FALSE(aba_routing_number_valid("02100002"));
  EXPECT_TRUE(check_bank_account({"021000021", "000123456789", "checking"}).ok());
  EXPECT_EQ(check_bank_account({"021000022", "000123456789", "checking"}).error().field,
            "routing_number");
  EXPECT_EQ(check_bank_account({"021000021", "12", "checking"}).error().field, "account_number");
  EXPECT_EQ(check_bank_account({"021000021", "000123456789", "brokerage"}).error().field,
            "account_type");
}

}  // namespace
}  // namespace rp::payments
