#include "payments/test_processor.h"

#include <gtest/gtest.h>

namespace rp::payments {
namespace {

const LocalDate kToday{date::year{2026} / 11 / 23};

std::string card_token(TestProcessor& processor, const char* number) {
  auto token = processor.tokenize_card({number, 12, 2028, "123"}, kToday);
  EXPECT_TRUE(token.ok()) << number;
  return token.ok() ? *token : "";
}

TEST(TestProcessor, TokensCarryNoCardNumber) {
  TestProcessor processor;
  const std::string token = card_token(processor, "4242424242424242");
  EXPECT_EQ(token.find("424242424242"), std::string::npos);
  auto info = processor.describe(token);
  ASSERT_TRUE(info.ok());
  EXPECT_EQ(info->label, "Visa •••• 4242");
  EXPECT_EQ(info->method, "card");
  EXPECT_NE(card_token(processor, "4242424242424242"), token);  // a new token each time
  EXPECT_FALSE(processor.describe("tok_live_abc").ok());
}

TEST(TestProcessor, EachTestCardGivesItsOutcome) {
  TestProcessor processor;
  struct Case {
    const char* number;
    ChargeOutcome outcome;
  };
  for (const Case& test : {Case{"4242424242424242", ChargeOutcome::approved},
                           Case{"5555555555554444", ChargeOutcome::approved},
                           Case{"4000000000000002", ChargeOutcome::declined},
                           Case{"4000000000009995", ChargeOutcome::insufficient_funds},
                           Case{"4000000000000119", ChargeOutcome::processor_error},
                           Case{"4000000000000408", ChargeOutcome::timeout}}) {
    ChargeRequest request{"key-1", card_token(processor, test.number), Money::from_cents(5000)};
    ChargeResult result = processor.charge(request);
    EXPECT_EQ(result.outcome, test.outcome) << test.number;
    // Asking again with the same key gives the same answer and the same reference.
    EXPECT_EQ(processor.charge(request).reference, result.reference);
  }
}

TEST(TestProcessor, ATimedOutChargeIsFoundByLookupAndARefusedOneIsNot) {
  TestProcessor processor;
  ChargeRequest timed_out{"key-2", card_token(processor, "4000000000000408"),
                          Money::from_cents(5000)};
  EXPECT_EQ(processor.charge(timed_out).outcome, ChargeOutcome::timeout);
  auto found = processor.lookup(timed_out);
  ASSERT_TRUE(found);
  EXPECT_EQ(found->outcome, ChargeOutcome::approved);
  ChargeRequest declined{"key-3", card_token(processor, "4000000000000002"),
                         Money::from_cents(5000)};
  EXPECT_FALSE(processor.lookup(declined));
}

}  // namespace
}  // namespace rp::payments
