#include "payments/saved_methods.h"

#include <gtest/gtest.h>

#include "accounts/testing/account_fixtures.h"
#include "core/testing/client_keys.h"
#include "payments/payment_intake.h"
#include "payments/test_processor.h"
#include "payments/testing/payment_processors.h"
#include "store/testing/test_database.h"

namespace rp::payments {
namespace {

const LocalDate kToday{date::year{2026} / 11 / 23};

class SavedMethodsTest : public ::testing::Test {
 protected:
  SavedMethodsTest() : account_(accounts::testing::open_sample_account(test_.database())) {}

  std::string card(const char* number) {
    return *processor_.tokenize_card({number, 12, 2028, "123"}, kToday);
  }

  store::testing::TestDatabase test_;
  AccountNumber account_;
  TestProcessor processor_;
};

TEST_F(SavedMethodsTest, ACustomerSavesCardsPaysWithOneAndRemovesIt) {
  auto visa = save_payment_method(test_.database(), processor_, account_, card("4242424242424242"),
                                  false, "customer:1");
  ASSERT_TRUE(visa.ok()) << visa.error().message;
  EXPECT_TRUE(visa->is_default);  // the first saved
  testing::TestPaymentProcessors processors(test_.database());
  const std::string bank = processors.bank(test_.database(), "000123456789");
  auto checking = save_payment_method(test_.database(), processors.processors(), account_, bank,
                                      true, "customer:1");
  ASSERT_TRUE(checking.ok()) << checking.error().message;
  auto saved = saved_payment_methods(test_.database(), account_, "customer:1");
  ASSERT_TRUE(saved.ok());
  ASSERT_EQ(saved->size(), 2u);
  EXPECT_EQ((*saved)[0].label, "Checking •••• 6789");  // the new default comes first
  EXPECT_TRUE((*saved)[0].is_default);
  EXPECT_FALSE((*saved)[1].is_default);

  auto token = saved_method_token(test_.database(), account_, visa->id, "customer:1");
  ASSERT_TRUE(token.ok());
  auto paid = submit_payment(test_.database(), processor_,
                             {account_, Money::from_cents(12'00), *token, PaymentChannel::web,
                              rp::testing::client_key("k1"), "customer"});
  ASSERT_TRUE(paid.ok());
  EXPECT_EQ(paid->method_label, "Visa •••• 4242");

  ASSERT_TRUE(remove_payment_method(test_.database(), account_, visa->id, "customer:1").ok());
  EXPECT_EQ(saved_payment_methods(test_.database(), account_, "customer:1")->size(), 1u);
  EXPECT_FALSE(saved_method_token(test_.database(), account_, visa->id, "customer:1").ok());
  auto again = remove_payment_method(test_.database(), account_, visa->id, "customer:1");
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.error().kind, ErrorKind::not_found);
}

TEST_F(SavedMethodsTest, AForgedTokenOrAnotherAccountsMethodIsRefused) {
  auto forged =
      save_payment_method(test_.database(), processor_, account_, "tok_x", false, "customer:1");
  ASSERT_FALSE(forged.ok());
  EXPECT_EQ(forged.error().field, "token");
  AccountNumber other = accounts::testing::open_sample_account(
      test_.database(), {"Ana Ruiz", "9 Fir St", "97477", "E9000017", false});
  auto theirs = save_payment_method(test_.database(), processor_, other, card("4242424242424242"),
                                    false, "customer:1");
  ASSERT_TRUE(theirs.ok());
  EXPECT_FALSE(saved_method_token(test_.database(), account_, theirs->id, "customer:1").ok());
  EXPECT_FALSE(remove_payment_method(test_.database(), account_, theirs->id, "customer:1").ok());
  EXPECT_EQ(saved_payment_methods(test_.database(), other, "customer:1")->size(), 1u);
}

TEST_F(SavedMethodsTest, AMethodBelongsToTheLoginThatSavedItNotToOthersHoldingTheAccount) {
  auto marias = save_payment_method(test_.database(), processor_, account_,
                                    card("4242424242424242"), false, "customer:1");
  ASSERT_TRUE(marias.ok());
  EXPECT_TRUE(marias->is_default);
  // A second login on the same account: sees nothing of Maria's, cannot pay with or remove it.
  EXPECT_TRUE(saved_payment_methods(test_.database(), account_, "customer:2")->empty());
  auto used = saved_method_token(test_.database(), account_, marias->id, "customer:2");
  ASSERT_FALSE(used.ok());
  EXPECT_EQ(used.error().kind, ErrorKind::not_found);
  EXPECT_FALSE(remove_payment_method(test_.database(), account_, marias->id, "customer:2").ok());
  // Its own first method is its own default; Maria's stays hers.
  auto his = save_payment_method(test_.database(), processor_, account_, card("5555555555554444"),
                                 false, "customer:2");
  ASSERT_TRUE(his.ok());
  EXPECT_TRUE(his->is_default);
  EXPECT_TRUE(saved_payment_methods(test_.database(), account_, "customer:1")->at(0).is_default);
  // Staff (a phone payment with the customer's say-so) see both.
  EXPECT_EQ(saved_payment_methods(test_.database(), account_, "staff:token")->size(), 2u);
  EXPECT_TRUE(saved_method_token(test_.database(), account_, marias->id, "staff:token").ok());
}

}  // namespace
}  // namespace rp::payments
