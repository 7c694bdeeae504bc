// Customers' choices of notices, the history of what was sent, and the unsubscribe link.

#include "notify/notice_choices.h"

#include <gtest/gtest.h>

#include <regex>

#include "accounts/account_events.h"
#include "accounts/testing/account_fixtures.h"
#include "notify/notices.h"
#include "store/testing/test_database.h"

namespace rp::notify {
namespace {

using store::testing::count;
using store::testing::query;

class NoticeChoicesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    number_ = accounts::testing::open_sample_account(test_.database());
    account_ = count(test_.database(), "SELECT id FROM accounts ORDER BY id LIMIT 1");
    ASSERT_TRUE(test_
                    ->write_work([](store::Session& session) -> Result<void> {
                      RP_TRY(session.execute("UPDATE persons SET email = 'maria@example.com'"));
                      RP_TRY(session.execute("UPDATE accounts SET language = 'en'"));
                      return success();
                    })
                    .ok());
    ASSERT_TRUE(start_notices(test_.database()).ok());
  }

  void receipt(const std::string& confirmation) {
    ASSERT_TRUE(test_
                    ->write<std::int64_t>([&](store::Session& session) {
                      return accounts::record_event(
                          session,
                          {account_, "payment.received", "system", "paid",
                           R"({"confirmation": ")" + confirmation + R"(", "amount": "10.00"})"});
                    })
                    .ok());
    auto pass = queue_notices(test_.database(), {.public_url = "https://portal.example.com"});
    ASSERT_TRUE(pass.ok()) << pass.error().message;
  }

  bool email_on(const NoticeChoices& choices, const std::string& kind) {
    for (const NoticeChoice& choice : choices.kinds) {
      if (choice.kind == kind) return choice.email;
    }
    ADD_FAILURE() << "no kind " << kind;
    return false;
  }

  store::testing::TestDatabase test_;
  AccountNumber number_ = AccountNumber::from_sequence(0);
  std::int64_t account_ = 0;
};

TEST_F(NoticeChoicesTest, DefaultsComeFromTheCatalogAndAChangeIsRecordedWithWhoMadeIt) {
  auto choices = notice_choices(test_.database(), number_);
  ASSERT_TRUE(choices.ok()) << choices.error().message;
  EXPECT_TRUE(choices->has_email);
  EXPECT_TRUE(email_on(*choices, "payment.received"));
  EXPECT_EQ(choices->kinds.front().kind, "bill.ready");  // the catalog's order

  auto changed = change_notice_choices(test_.database(), number_,
                                       {{"payment.received", "email", false}}, "customer:7");
  ASSERT_TRUE(changed.ok()) << changed.error().message;
  EXPECT_FALSE(email_on(*changed, "payment.received"));
  auto events = query(test_.database(),
                      "SELECT actor, details FROM account_events WHERE kind = 'notices.changed'");
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].text(0), "customer:7");
  EXPECT_EQ(events[0].text(1), R"({"email":{"payment.received":{"before":true,"after":false}}})");
  // The same again changes nothing and records nothing.
  ASSERT_TRUE(change_notice_choices(test_.database(), number_,
                                    {{"payment.received", "email", false}}, "customer:7")
                  .ok());
  EXPECT_EQ(
      count(test_.database(), "SELECT COUNT(*) FROM account_events WHERE kind = 'notices.changed'"),
      1);
  // And the receipt is no longer sent.
  receipt("P1");
  EXPECT_EQ(count(test_.database(), "SELECT COUNT(*) FROM email_outbox"), 0);
}

TEST_F(NoticeChoicesTest, BadChangesAreRefusedByNameAndChangeNothing) {
  auto refused = [&](std::vector<NoticeChoiceChange> changes, const std::string& field,
                     const std::string& code) {
    auto changed = change_notice_choices(test_.database(), number_, changes, "customer:7");
    ASSERT_FALSE(changed.ok());
    EXPECT_EQ(changed.error().kind, ErrorKind::invalid_input);
    EXPECT_EQ(changed.error().field, field);
    EXPECT_EQ(changed.error().code, code);
  };
  refused({{"payment.received", "email", false}, {"no.such", "email", false}}, "kind", "");
  refused({{"payment.received", "pigeon", false}}, "channel", "");
  refused({{"payment.failed", "email", false}}, "kind", "notice-required");
  ASSERT_TRUE(test_
                  ->write_work([](store::Session& session) -> Result<void> {
                    RP_TRY(session.execute("UPDATE accounts SET paperless = 1"));
                    return success();
                  })
                  .ok());
  refused({{"bill.ready", "email", false}}, "kind", "paperless-needs-bill-email");
  EXPECT_EQ(count(test_.database(), "SELECT COUNT(*) FROM notice_preferences"), 0);
  auto unknown =
      change_notice_choices(test_.database(), AccountNumber::from_sequence(999), {}, "customer:7");
  ASSERT_FALSE(unknown.ok());
  EXPECT_EQ(unknown.error().kind, ErrorKind::not_found);
}

TEST_F(NoticeChoicesTest, TheHistoryShowsWhatWasSentMaskedAndHowItWent) {
  receipt("P1");
  receipt("P2");
  auto sent = notices_sent(test_.database(), number_, 0, 10);
  ASSERT_TRUE(sent.ok()) << sent.error().message;
  ASSERT_EQ(sent->size(), 2u);
  EXPECT_EQ(sent->at(0).kind, "payment.received");
  EXPECT_EQ(sent->at(0).recipient, "m•••@example.com");
  EXPECT_EQ(sent->at(0).status, "waiting");
  EXPECT_EQ(sent->at(0).subject, "Payment received: $10.00");
  auto older = notices_sent(test_.database(), number_, sent->at(0).id, 10);
  ASSERT_TRUE(older.ok());
  ASSERT_EQ(older->size(), 1u);
  EXPECT_EQ(older->at(0).id, sent->at(1).id);
  EXPECT_FALSE(notices_sent(test_.database(), number_, 0, 0).ok());
}

TEST_F(NoticeChoicesTest, TheUnsubscribeLinkStopsThatKindWithoutSigningIn) {
  receipt("P1");
  auto mail = query(test_.database(), "SELECT body, unsubscribe_url FROM email_outbox");
  ASSERT_EQ(mail.size(), 1u);
  std::smatch found;
  const std::string header = mail[0].text(1);
  ASSERT_TRUE(std::regex_search(header, found, std::regex("token=([A-Za-z0-9_-]+)"))) << header;
  const std::string token = found[1];
  EXPECT_NE(mail[0].text(0).find("https://portal.example.com/unsubscribe?token=" + token),
            std::string::npos);

  auto target = unsubscribe_target(test_.database(), token);
  ASSERT_TRUE(target.ok()) << target.error().message;
  EXPECT_EQ(target->kind, "payment.received");
  EXPECT_TRUE(target->enabled);
  EXPECT_EQ(target->account, "*" + number_.digits().substr(number_.digits().size() - 4));
  auto done = unsubscribe(test_.database(), token);
  ASSERT_TRUE(done.ok()) << done.error().message;
  EXPECT_FALSE(done->enabled);
  auto again = unsubscribe(test_.database(), token);  // a second click
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(count(test_.database(),
                  "SELECT COUNT(*) FROM account_events WHERE kind = 'notices.changed' AND actor "
                  "LIKE 'unsubscribe-link:notice-%'"),
            1);
  EXPECT_FALSE(email_on(*notice_choices(test_.database(), number_), "payment.received"));
  auto forged = unsubscribe(test_.database(), token + "x");
  ASSERT_FALSE(forged.ok());
  EXPECT_EQ(forged.error().kind, ErrorKind::not_found);
}

TEST_F(NoticeChoicesTest, TransactionalNoticesCarryNoUnsubscribeLink) {
  ASSERT_TRUE(test_
                  ->write<std::int64_t>([&](store::Session& session) {
                    return accounts::record_event(
                        session, {account_, "payment.failed", "system", "failed",
                                  R"({"amount": "10.00", "reason": "card declined"})"});
                  })
                  .ok());
  ASSERT_TRUE(queue_notices(test_.database(), {}).ok());
  auto mail = query(test_.database(), "SELECT body, unsubscribe_url FROM email_outbox");
  ASSERT_EQ(mail.size(), 1u);
  EXPECT_EQ(mail[0].text(1), "");
  EXPECT_EQ(mail[0].text(0).find("unsubscribe"), std::string::npos);
}

}  // namespace
}  // namespace rp::notify
