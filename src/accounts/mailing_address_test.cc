#include "accounts/mailing_address.h"

#include <gtest/gtest.h>

#include "accounts/account_preferences.h"
#include "accounts/account_service.h"
#include "accounts/testing/account_fixtures.h"
#include "store/testing/test_database.h"

namespace rp::accounts {
namespace {

using store::testing::count;
using store::testing::query;

class MailingAddressTest : public ::testing::Test {
 protected:
  Result<MailingAddressChanged> change(const Address& address) {
    return change_mailing_address(test_.database(), account_, {address, "staff:5"});
  }

  store::testing::TestDatabase test_;
  AccountNumber account_ = testing::open_sample_account(test_.database());
  const Address moved_{"88 Laurel Hill Dr", "Unit 3", "Eugene", "OR", "97405"};
};

TEST_F(MailingAddressTest, TheNewAddressIsKeptRecordedWithBeforeAndAfterAndTheCustomerIsEmailed) {
  auto changed = change(moved_);
  ASSERT_TRUE(changed.ok()) << changed.error().message;
  EXPECT_TRUE(changed->changed);
  EXPECT_EQ(changed->before.line1, "1204 Elm St");
  EXPECT_EQ(changed->notified, "email");
  auto detail = find_account_detail(test_.database(), account_);
  ASSERT_TRUE(detail.ok());
  EXPECT_EQ(detail->mailing_address.line1, "88 Laurel Hill Dr");
  EXPECT_EQ(detail->mailing_address.line2, "Unit 3");
  auto events = query(test_.database(),
                      "SELECT actor, summary FROM account_events WHERE kind = "
                      "'mailing_address.changed'");
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].text("actor"), "staff:5");
  EXPECT_EQ(events[0].text("summary"),
            "Mailing address changed from 1204 Elm St, Springfield, OR 97477 to 88 Laurel Hill "
            "Dr, Unit 3, Eugene, OR 97405; the customer was told by email");
  auto mail = query(test_.database(), "SELECT to_address, subject, body FROM email_outbox");
  ASSERT_EQ(mail.size(), 1u);
  EXPECT_EQ(mail[0].text("to_address"), "maria@example.com");
  // The sample account is in Spanish.
  EXPECT_NE(mail[0].text("body").find("88 Laurel Hill Dr\nUnit 3\nEugene, OR 97405"),
            std::string::npos);
  EXPECT_NE(mail[0].text("body").find("llámenos"), std::string::npos);
  // Staff find the account by its new address.
  auto found = search_accounts(test_.database(), {"laurel hill", 20, 0});
  ASSERT_TRUE(found.ok());
  ASSERT_EQ(found->hits.size(), 1u);

  auto again = change(moved_);
  ASSERT_TRUE(again.ok());
  EXPECT_FALSE(again->changed);
  EXPECT_EQ(count(test_.database(),
                  "SELECT COUNT(*) FROM account_events WHERE kind = 'mailing_address.changed'"),
            1);
  EXPECT_EQ(count(test_.database(), "SELECT COUNT(*) FROM email_outbox"), 1);
}

TEST_F(MailingAddressTest, WithNoEmailOnFileALetterGoesToTheOldAddress) {
  ASSERT_TRUE(
      change_preferences(
          test_.database(), account_,
          {.paperless = std::nullopt, .email = "", .phone = std::nullopt, .actor = "staff:5"})
          .ok());
  auto changed = change(moved_);
  ASSERT_TRUE(changed.ok()) << changed.error().message;
  EXPECT_EQ(changed->notified, "letter");
  auto letters = query(test_.database(), "SELECT kind, address FROM letters");
  ASSERT_EQ(letters.size(), 1u);
  EXPECT_EQ(letters[0].text("kind"), "mailing-address-changed");
  EXPECT_EQ(letters[0].text("address"), "1204 Elm St\nSpringfield, OR 97477");
}

TEST_F(MailingAddressTest, ABadAddressIsRefusedNamingTheFieldAndChangesNothing) {
  for (auto [address, field] :
       {std::pair{Address{"", "", "Eugene", "OR", "97405"}, "mailing_address.line1"},
        {Address{"1 A St", "", "Eugene", "Oregon", "97405"}, "mailing_address.state"},
        {Address{"1 A St", "", "Eugene", "ZZ", "97405"}, "mailing_address.state"},
        {Address{"1 A St", "", "Eugene", "OR", "974"}, "mailing_address.zip"},
        {Address{"1 A St", "", "", "OR", "97405"}, "mailing_address.city"},
        {Address{"1 A St", std::string(201, 'x'), "Eugene", "OR", "97405"},
         "mailing_address.line2"}}) {
    auto refused = change(address);
    ASSERT_FALSE(refused.ok()) << field;
    EXPECT_EQ(refused.error().field, field);
  }
  EXPECT_EQ(count(test_.database(),
                  "SELECT COUNT(*) FROM account_events WHERE kind = 'mailing_address.changed'"),
            0);
}

}  // namespace
}  // namespace rp::accounts
