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

TEST(TestProcessor, OnlyTokensItSignedAreTaken) {
  TestProcessor processor;
  const std::string declined = card_token(processor, "4000000000000002");
  ASSERT_TRUE(declined.starts_with("tok_test_decline_"));
  // Edited to name the approving scenario, with its signature kept: refused, and never charged.
  std::string edited = declined;
  edited.replace(0, std::string("tok_test_decline").size(), "tok_test_approve");
  // Made up in the old unsigned shape, or signed by another processor's key.
  TestProcessor other;
  for (const std::string& forged :
       {edited, std::string("tok_test_approve_card_visa_4242_0123456789abcdef"),
        std::string("tok_test_approve_card_visa_4242_forged"),
        card_token(other, "4242424242424242"), declined + "0",
        declined.substr(0, declined.size() - 1)}) {
    auto described = processor.describe(forged);
    ASSERT_FALSE(described.ok()) << forged;
    EXPECT_EQ(described.error().field, "token");
    EXPECT_NE(processor.charge({"key-4", forged, Money::from_cents(1)}).outcome,
              ChargeOutcome::approved)
        << forged;
  }
}

TEST(TestProcessor, TokensOutliveARestartUnderTheSameKey) {
  TestProcessor::SigningKey key{};
  key.fill(7);
  TestProcessor before(key);
  const std::string token = card_token(before, "4242424242424242");
  TestProcessor after(key);
  EXPECT_TRUE(after.describe(token).ok());
}

TEST(NoCardProcessor, RefusesEveryCardAsUnavailableAndChargesNothing) {
  TestProcessor issuer;
  const std::string token = card_token(issuer, "4242424242424242");
  NoCardProcessor none;
  auto described = none.describe(token);
  ASSERT_FALSE(described.ok());
  EXPECT_EQ(described.error().kind, ErrorKind::unavailable);
  EXPECT_EQ(described.error().code, "card-payments-unavailable");
  EXPECT_NE(none.charge({"key-5", token, Money::from_cents(1)}).outcome, ChargeOutcome::approved);
}

}  // namespace
}  // namespace rp::payments
