#include "payments/saved_methods.h"

#include <gtest/gtest.h>

#include "accounts/testing/account_fixtures.h"
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
  auto visa =
      save_payment_method(test_.database(), processor_, account_, card("4242424242424242"), false);
  ASSERT_TRUE(visa.ok()) << visa.error().message;
  EXPECT_TRUE(visa->is_default);  // the first saved
  testing::TestPaymentProcessors processors(test_.database());
  const std::string bank = processors.bank(test_.database(), "000123456789");
  auto checking =
      save_payment_method(test_.database(), processors.processors(), account_, bank, true);
  ASSERT_TRUE(checking.ok()) << checking.error().message;
  auto saved = saved_payment_methods(test_.database(), account_);
  ASSERT_TRUE(saved.ok());
  ASSERT_EQ(saved->size(), 2u);
  EXPECT_EQ((*saved)[0].label, "Checking •••• 6789");  // the new default comes first
  EXPECT_TRUE((*saved)[0].is_default);
  EXPECT_FALSE((*saved)[1].is_default);

  auto token = saved_method_token(test_.database(), account_, visa->id);
  ASSERT_TRUE(token.ok());
  auto paid = submit_payment(test_.database(), processor_,
                             {account_, Money::from_cents(12'00), *token, "web", "k1", "customer"});
  ASSERT_TRUE(paid.ok());
  EXPECT_EQ(paid->method_label, "Visa •••• 4242");

  ASSERT_TRUE(remove_payment_method(test_.database(), account_, visa->id).ok());
  EXPECT_EQ(saved_payment_methods(test_.database(), account_)->size(), 1u);
  EXPECT_FALSE(saved_method_token(test_.database(), account_, visa->id).ok());
  auto again = remove_payment_method(test_.database(), account_, visa->id);
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.error().kind, ErrorKind::not_found);
}

TEST_F(SavedMethodsTest, AForgedTokenOrAnotherAccountsMethodIsRefused) {
  auto forged = save_payment_method(test_.database(), processor_, account_, "tok_x", false);
  ASSERT_FALSE(forged.ok());
  EXPECT_EQ(forged.error().field, "token");
  AccountNumber other = accounts::testing::open_sample_account(
      test_.database(), {"Ana Ruiz", "9 Fir St", "97477", "E9000017", false});
  auto theirs =
      save_payment_method(test_.database(), processor_, other, card("4242424242424242"), false);
  ASSERT_TRUE(theirs.ok());
  EXPECT_FALSE(saved_method_token(test_.database(), account_, theirs->id).ok());
  EXPECT_FALSE(remove_payment_method(test_.database(), account_, theirs->id).ok());
  EXPECT_EQ(saved_payment_methods(test_.database(), other)->size(), 1u);
}

}  // namespace
}  // namespace rp::payments
