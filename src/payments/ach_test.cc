// Bank payments: the vault, validation on first use, and returns.

#include <gtest/gtest.h>

#include <sys/stat.h>

#include <filesystem>
#include <fstream>

#include "core/testing/client_keys.h"

#include "accounts/testing/account_fixtures.h"
#include "payments/payment_intake.h"
#include "payments/payment_returns.h"
#include "payments/testing/payment_processors.h"
#include "store/testing/test_database.h"

namespace rp::payments {
namespace {

using store::testing::count;
using store::testing::query;

class AchTest : public ::testing::Test {
 protected:
  AchTest()
      : account_(accounts::testing::open_sample_account(test_.database())),
        processors_(test_.database()) {}

  Result<PaymentView> pay(std::int64_t cents, const std::string& token, const std::string& key) {
    return submit_payment(test_.database(), processors_.processors(),
                          {account_, Money::from_cents(cents), token, PaymentChannel::web,
                           rp::testing::client_key(key), "customer"});
  }

  Result<ReturnedPayment> give_back(const std::string& confirmation, const std::string& code) {
    PaymentReturnRequest request;
    request.confirmation = confirmation;
    request.return_code = code;
    request.actor = "staff:ana";
    return return_payment(test_.database(), request);
  }

  void set_fee(const char* cents) {
    ASSERT_TRUE(test_
                    ->write<std::int64_t>([&](store::Session& session) {
                      return session.execute(
                          "INSERT INTO utility_settings (key, value) VALUES "
                          "('returned_payment_fee_cents', :value)",
                          {std::string(cents)});
                    })
                    .ok());
  }

  std::int64_t balance() {
    return count(test_.database(),
                 "SELECT CAST(COALESCE(SUM(amount_cents), 0) AS BIGINT) FROM ledger_entries");
  }

  std::string validation_of(const std::string& token) {
    auto rows = query(test_.database(),
                      "SELECT validation FROM bank_accounts WHERE token = '" + token + "'");
    return rows.empty() ? "" : rows[0].text(0);
  }

  store::testing::TestDatabase test_;
  AccountNumber account_;
  testing::TestPaymentProcessors processors_;
};

TEST_F(AchTest, TheVaultSealsTheAccountNumberAndOpensItWithItsKeyOnly) {
  const std::string token = processors_.bank(test_.database(), "000123456789");
  EXPECT_TRUE(is_bank_token(token));
  auto stored = query(test_.database(),
                      "SELECT routing_number, account_sealed, last_four, account_type, "
                      "validation FROM bank_accounts");
  ASSERT_EQ(stored.size(), 1u);
  EXPECT_EQ(stored[0].text(0), "021000021");
  EXPECT_EQ(stored[0].text(1).find("123456789"), std::string::npos);
  EXPECT_EQ(stored[0].text(2), "6789");
  EXPECT_EQ(stored[0].text(4), "unvalidated");

  auto opened = test_->read<BankAccount>([&](store::Session& session) {
    return open_bank_account(session, processors_.ach().key(), token);
  });
  ASSERT_TRUE(opened.ok()) << opened.error().message;
  EXPECT_EQ(opened->account_number, "000123456789");
  EXPECT_EQ(opened->label(), "Checking •••• 6789");

  auto other_key = test_->read<BankAccount>([&](store::Session& session) {
    return open_bank_account(session, VaultKey::generate(), token);
  });
  ASSERT_FALSE(other_key.ok());
  EXPECT_EQ(other_key.error().kind, ErrorKind::internal);
  auto unknown = test_->read<BankAccount>([&](store::Session& session) {
    return open_bank_account(session, processors_.ach().key(),
                             "ach_00000000000000000000000000000000");
  });
  ASSERT_FALSE(unknown.ok());
  EXPECT_EQ(unknown.error().field, "token");
}

TEST_F(AchTest, ABadBankAccountIsRefusedAndNothingIsStored) {
  auto bad_routing = store_bank_account(test_.database(), processors_.ach().key(),
                                        {"021000022", "000123456789", "checking"}, "");
  ASSERT_FALSE(bad_routing.ok());
  EXPECT_EQ(bad_routing.error().field, "routing_number");
  auto bad_type = store_bank_account(test_.database(), processors_.ach().key(),
                                     {"021000021", "000123456789", "brokerage"}, "");
  EXPECT_EQ(bad_type.error().field, "account_type");
  EXPECT_EQ(bad_type.error().message.find("123456789"), std::string::npos);
  auto long_name =
      store_bank_account(test_.database(), processors_.ach().key(),
                         {"021000021", "000123456789", "checking"}, std::string(101, 'x'));
  EXPECT_EQ(long_name.error().field, "holder_name");
  EXPECT_EQ(long_name.error().code, "holder-name-too-long");
  EXPECT_EQ(count(test_.database(), "SELECT COUNT(*) FROM bank_accounts"), 0);
}

TEST_F(AchTest, TheNameOnTheAccountIsCountedInCharactersNotBytes) {
  std::string accented;
  for (int i = 0; i < 100; ++i) accented += "\u00f1";  // 100 characters, 200 bytes
  auto stored = store_bank_account(test_.database(), processors_.ach().key(),
                                   {"021000021", "000123456789", "checking"}, accented);
  EXPECT_TRUE(stored.ok()) << stored.error().message;
  auto one_more = store_bank_account(test_.database(), processors_.ach().key(),
                                     {"021000021", "000123456789", "checking"}, accented + "a");
  ASSERT_FALSE(one_more.ok());
  EXPECT_EQ(one_more.error().field, "holder_name");
}

TEST_F(AchTest, TheVaultKeyFileIsMadeOnceReadableByItsOwnerOnly) {
  const std::string folder = ::testing::TempDir() + "/vault-" + std::to_string(::getpid());
  const std::string path = folder + "/keys/vault.key";
  auto made = load_or_create_vault_key(path);
  ASSERT_TRUE(made.ok()) << made.error().message;
  struct stat info {};
  ASSERT_EQ(::stat(path.c_str(), &info), 0);
  EXPECT_EQ(info.st_mode & 0777, 0600u);
  auto again = load_or_create_vault_key(path);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->to_hex(), made->to_hex());
  std::ofstream(path, std::ios::trunc) << "not a key\n";
  auto broken = load_or_create_vault_key(path);
  ASSERT_FALSE(broken.ok());
  EXPECT_EQ(broken.error().field, "vault_key_file");
  std::filesystem::remove_all(folder);
}

TEST_F(AchTest, AFirstBankPaymentValidatesTheAccountOnceThenPostsAtOnce) {
  const std::string token = processors_.bank(test_.database(), "000123456789");
  auto first = pay(60'00, token, "bank-1");
  ASSERT_TRUE(first.ok()) << first.error().message;
  EXPECT_EQ(first->status, PaymentStatus::posted);
  EXPECT_EQ(first->method, "bank");
  EXPECT_EQ(first->method_label, "Checking •••• 6789");
  EXPECT_EQ(validation_of(token), "valid");
  EXPECT_EQ(balance(), -60'00);
  auto second = pay(10'00, token, "bank-2");
  ASSERT_TRUE(second.ok());
  EXPECT_EQ(second->status, PaymentStatus::posted);
  EXPECT_EQ(count(test_.database(),
                  "SELECT COUNT(*) FROM bank_accounts WHERE validated_at "
                  "IS NOT NULL"),
            1);
}

TEST_F(AchTest, AnAccountThatFailsValidationIsDeclinedNowAndLater) {
  const std::string token = processors_.bank(test_.database(), "000000000003");
  auto refused = pay(60'00, token, "bank-1");
  ASSERT_TRUE(refused.ok()) << refused.error().message;
  EXPECT_EQ(refused->status, PaymentStatus::failed);
  EXPECT_EQ(refused->failure_reason,
            "the bank account could not be verified: no account with this number at the bank");
  EXPECT_EQ(validation_of(token), "invalid");
  auto again = pay(60'00, token, "bank-2");
  EXPECT_EQ(again->status, PaymentStatus::failed);
  EXPECT_EQ(balance(), 0);
  const std::string closed = processors_.bank(test_.database(), "000000000004");
  EXPECT_EQ(pay(5'00, closed, "bank-3")->failure_reason,
            "the bank account could not be verified: the account is closed");
}

TEST_F(AchTest, AValidatorThatCannotAnswerRecordsNothing) {
  const std::string token = processors_.bank(test_.database(), "000000000119");
  auto failed = pay(60'00, token, "bank-1");
  ASSERT_TRUE(failed.ok());
  EXPECT_EQ(failed->status, PaymentStatus::failed);
  EXPECT_EQ(validation_of(token), "unvalidated");  // asked again next time
}

TEST_F(AchTest, AReturnReversesThePaymentChargesTheFeeAndTellsTheCustomer) {
  set_fee("2500");
  const std::string token = processors_.bank(test_.database(), "000123456789");
  auto paid = pay(60'00, token, "bank-1");
  ASSERT_TRUE(paid.ok());
  auto returned = give_back(paid->confirmation, "R01");
  ASSERT_TRUE(returned.ok()) << returned.error().message;
  EXPECT_EQ(returned->payment.status, PaymentStatus::returned);
  EXPECT_EQ(returned->reason, "insufficient funds");
  EXPECT_EQ(returned->fee, Money::from_cents(25'00));
  EXPECT_FALSE(returned->already_returned);
  EXPECT_EQ(balance(), 25'00);  // the payment undone, the fee owed

  auto entries = query(test_.database(),
                       "SELECT kind, amount_cents, reference, reverses_entry_id FROM "
                       "ledger_entries ORDER BY id");
  ASSERT_EQ(entries.size(), 3u);
  EXPECT_EQ(entries[1].text(0), "reversal");
  EXPECT_EQ(entries[1].integer(1), 60'00);
  EXPECT_EQ(entries[1].integer(3), count(test_.database(), "SELECT ledger_entry_id FROM payments"));
  EXPECT_EQ(entries[2].text(0), "fee");
  EXPECT_EQ(entries[2].integer(1), 25'00);
  auto event = query(test_.database(),
                     "SELECT summary, details FROM account_events WHERE kind = "
                     "'payment.returned'");
  ASSERT_EQ(event.size(), 1u);
  EXPECT_NE(event[0].text(0).find("insufficient funds"), std::string::npos);
  EXPECT_NE(event[0].text(0).find("$25.00"), std::string::npos);
  EXPECT_NE(event[0].text(1).find("\"return_code\":\"R01\""), std::string::npos);
  EXPECT_EQ(validation_of(token), "valid");  // R01 does not close the account to debits

  auto again = give_back(paid->confirmation, "R01");
  ASSERT_TRUE(again.ok());
  EXPECT_TRUE(again->already_returned);
  EXPECT_EQ(balance(), 25'00);
  auto other_code = give_back(paid->confirmation, "R02");
  ASSERT_FALSE(other_code.ok());
  EXPECT_EQ(other_code.error().kind, ErrorKind::conflict);
}

TEST_F(AchTest, AClosedAccountReturnStopsTheAccountBeingDebitedAgain) {
  const std::string token = processors_.bank(test_.database(), "000123456789");
  auto paid = pay(60'00, token, "bank-1");
  auto returned = give_back(paid->confirmation, "R02");
  ASSERT_TRUE(returned.ok()) << returned.error().message;
  EXPECT_EQ(returned->fee, Money());  // no fee set
  EXPECT_EQ(balance(), 0);
  EXPECT_EQ(validation_of(token), "invalid");
  auto next = pay(60'00, token, "bank-2");
  EXPECT_EQ(next->status, PaymentStatus::failed);
  EXPECT_NE(next->failure_reason.find("R02"), std::string::npos);
}

TEST_F(AchTest, OnlyPostedBankOrCheckPaymentsComeBack) {
  auto card = pay(20'00, processors_.card("4242424242424242"), "card-1");
  auto by_card = give_back(card->confirmation, "R01");
  ASSERT_FALSE(by_card.ok());
  EXPECT_EQ(by_card.error().kind, ErrorKind::conflict);
  auto failed = pay(20'00, processors_.bank(test_.database(), "000000000003"), "bank-1");
  auto not_posted = give_back(failed->confirmation, "R01");
  ASSERT_FALSE(not_posted.ok());
  EXPECT_EQ(not_posted.error().kind, ErrorKind::conflict);
  auto unknown = give_back("P999999999", "R01");
  EXPECT_EQ(unknown.error().kind, ErrorKind::not_found);
  auto bad_code = give_back(card->confirmation, "R99");
  EXPECT_EQ(bad_code.error().field, "return_code");
  set_fee("100001");  // above the largest fee
  const std::string token = processors_.bank(test_.database(), "000123456789");
  auto paid = pay(60'00, token, "bank-2");
  auto refused = give_back(paid->confirmation, "R01");
  ASSERT_FALSE(refused.ok());
  EXPECT_NE(refused.error().message.find("returned_payment_fee_cents"), std::string::npos);
  EXPECT_EQ(count(test_.database(), "SELECT COUNT(*) FROM payments WHERE status = 'returned'"), 0);
  EXPECT_EQ(balance(), -80'00);
}

}  // namespace
}  // namespace rp::payments
