// Paperless bills and contact details, as the customer sets them.

#include "accounts/account_preferences.h"

#include <gtest/gtest.h>

#include "accounts/testing/account_fixtures.h"
#include "store/testing/test_database.h"

namespace rp::accounts {
namespace {

using store::testing::count;

TEST(AccountPreferences, PaperlessNeedsAnEmailAndEachRealChangeIsOneEvent) {
  store::testing::TestDatabase test;
  AccountNumber maria = testing::open_sample_account(test.database());
  auto before = find_preferences(test.database(), maria);
  ASSERT_TRUE(before.ok()) << before.error().message;
  EXPECT_FALSE(before->paperless);
  EXPECT_FALSE(before->budget);
  const std::int64_t events = count(test.database(), "SELECT COUNT(*) FROM account_events");

  // With the email cleared, paperless is refused and nothing changes.
  ASSERT_TRUE(
      change_preferences(test.database(), maria, {std::nullopt, "", std::nullopt, "c"}).ok());
  auto refused =
      change_preferences(test.database(), maria, {true, std::nullopt, std::nullopt, "c"});
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().field, "paperless");

  auto changed = change_preferences(test.database(), maria,
                                    {true, " Maria@Example.com ", "(541) 555-0134", "customer"});
  ASSERT_TRUE(changed.ok()) << changed.error().message;
  EXPECT_TRUE(changed->paperless);
  EXPECT_EQ(changed->email, "maria@example.com");
  EXPECT_EQ(changed->phone, "5415550134");
  auto again = find_preferences(test.database(), maria);
  EXPECT_TRUE(again->paperless);
  EXPECT_EQ(again->phone, "5415550134");
  auto summaries = store::testing::query(
      test.database(), "SELECT summary FROM account_events WHERE kind = 'preferences.changed'");
  ASSERT_EQ(summaries.size(), 2u);  // the email cleared, then everything set
  EXPECT_EQ(summaries[0].text(0), "Changed contact email.");
  EXPECT_EQ(summaries[1].text(0), "Changed paperless bills on, contact email, contact phone.");
  // The audit trail keeps each change with what it was before and after.
  auto audited = store::testing::query(
      test.database(),
      "SELECT actor, target, details FROM audit_records WHERE action = 'preferences.changed' "
      "ORDER BY id");
  ASSERT_EQ(audited.size(), 2u);
  EXPECT_EQ(audited[1].text("actor"), "customer");
  EXPECT_EQ(audited[1].text("target"), "account:" + maria.digits());
  EXPECT_EQ(audited[1].text("details"),
            R"({"summary":"Changed paperless bills on, contact email, contact phone.","event":)"
            R"({"paperless":{"before":false,"after":true},)"
            R"("email":{"before":"","after":"maria@example.com"},)"
            R"("phone":{"before":"+15415550100","after":"5415550134"}}})");
  // The same values again record nothing.
  ASSERT_TRUE(change_preferences(test.database(), maria,
                                 {true, "maria@example.com", "541-555-0134", "customer"})
                  .ok());
  EXPECT_EQ(count(test.database(), "SELECT COUNT(*) FROM account_events"), events + 2);
}

TEST(AccountPreferences, BadContactDetailsAreNamedAndChangeNothing) {
  store::testing::TestDatabase test;
  AccountNumber maria = testing::open_sample_account(test.database());
  auto email =
      change_preferences(test.database(), maria, {std::nullopt, "maria@", std::nullopt, "c"});
  ASSERT_FALSE(email.ok());
  EXPECT_EQ(email.error().field, "email");
  auto phone =
      change_preferences(test.database(), maria, {true, "maria@example.com", "555-0134", "c"});
  ASSERT_FALSE(phone.ok());
  EXPECT_EQ(phone.error().field, "phone");
  EXPECT_FALSE(find_preferences(test.database(), maria)->paperless);
  EXPECT_EQ(us_phone_digits("+1 541 555 0134"), "5415550134");
  EXPECT_EQ(us_phone_digits("541.555.0134"), "5415550134");
  EXPECT_FALSE(us_phone_digits("015 555 0134"));
  EXPECT_FALSE(us_phone_digits("541-555-013x"));
  auto unknown = find_preferences(test.database(), AccountNumber::from_sequence(99));
  ASSERT_FALSE(unknown.ok());
  EXPECT_EQ(unknown.error().kind, ErrorKind::not_found);
}

}  // namespace
}  // namespace rp::accounts
