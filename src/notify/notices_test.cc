// The notice pipeline: account events -> catalog -> preferences -> templates -> outbox, once.

#include "notify/notices.h"

#include <gtest/gtest.h>

#include <thread>

#include "accounts/account_events.h"
#include "accounts/testing/account_fixtures.h"
#include "notify/notice_templates.h"
#include "store/testing/test_database.h"
#include "store/utility_settings.h"

namespace rp::notify {
namespace {

using store::testing::count;
using store::testing::query;

class NoticesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    accounts::testing::open_sample_account(test_.database());
    account_ = count(test_.database(), "SELECT id FROM accounts ORDER BY id LIMIT 1");
    number_ = query(test_.database(),
                    "SELECT number FROM accounts WHERE id = " + std::to_string(account_))[0]
                  .text(0);
    set_contact("maria@example.com", "en");
    ASSERT_TRUE(test_
                    ->write_work([](store::Session& session) {
                      return store::change_utility_setting(session, "name", "Elm City Utilities",
                                                           "staff:test");
                    })
                    .ok());
    ASSERT_TRUE(start_notices(test_.database()).ok());
  }

  void set_contact(const std::string& email, const std::string& language) {
    ASSERT_TRUE(test_
                    ->write_work([&](store::Session& session) -> Result<void> {
                      RP_TRY(
                          session.execute("UPDATE accounts SET language = :language", {language}));
                      RP_TRY(session.execute("UPDATE persons SET email = :email", {email}));
                      return success();
                    })
                    .ok());
  }

  void record(const std::string& kind, const std::string& details) {
    auto recorded = test_->write<std::int64_t>([&](store::Session& session) {
      return accounts::record_event(session, {account_, kind, "system", "test event", details});
    });
    ASSERT_TRUE(recorded.ok()) << recorded.error().message;
  }

  NoticePass pass() {
    auto done = queue_notices(test_.database(), settings_);
    EXPECT_TRUE(done.ok()) << done.error().message;
    return done.ok() ? *done : NoticePass{};
  }

  store::Rows mail() {
    return query(test_.database(),
                 "SELECT to_address, subject, body, html_body, message_key FROM email_outbox "
                 "ORDER BY id");
  }

  store::testing::TestDatabase test_;
  NoticeSettings settings_{.public_url = "https://portal.example.com"};
  std::int64_t account_ = 0;
  std::string number_;
};

TEST_F(NoticesTest, APaymentReceivedSendsOneReceiptWithItsConfirmation) {
  record("payment.received",
         R"({"payment_id": 7, "confirmation": "P000000075", "amount": "52.10",
             "channel": "web", "method": "Visa •••• 4242", "balance_after": "0.00"})");
  EXPECT_EQ(pass().emails, 1);
  auto sent = mail();
  ASSERT_EQ(sent.size(), 1u);
  EXPECT_EQ(sent[0].text(0), "maria@example.com");
  EXPECT_EQ(sent[0].text(1), "Payment received: $52.10");
  const std::string body = sent[0].text(2);
  EXPECT_NE(body.find("Confirmation number: P000000075"), std::string::npos) << body;
  EXPECT_NE(body.find("Paid with: Visa •••• 4242"), std::string::npos) << body;
  EXPECT_NE(body.find("Balance after this payment: $0.00"), std::string::npos) << body;
  EXPECT_NE(body.find("account *" + number_.substr(number_.size() - 4)), std::string::npos);
  EXPECT_NE(body.find("Choose what we send you in Settings: https://portal.example.com/settings"),
            std::string::npos)
      << body;
  EXPECT_NE(sent[0].text(3).find("<p>Confirmation number: P000000075<br>"), std::string::npos)
      << sent[0].text(3);
  EXPECT_FALSE(sent[0].text(4).empty());  // one Message-ID on every attempt
  EXPECT_EQ(count(test_.database(),
                  "SELECT COUNT(*) FROM notices WHERE kind = 'payment.received' AND channel = "
                  "'email' AND recipient = 'maria@example.com'"),
            1);
  // Exactly once, across passes and restarts.
  EXPECT_EQ(pass().emails, 0);
  ASSERT_TRUE(start_notices(test_.database()).ok());
  EXPECT_EQ(pass().emails, 0);
  EXPECT_EQ(mail().size(), 1u);
}

TEST_F(NoticesTest, SpanishAccountsGetSpanishNotices) {
  set_contact("maria@example.com", "es");
  record("payment.received",
         R"({"confirmation": "P000000075", "amount": "1204.00", "method": "Cheque 1001"})");
  EXPECT_EQ(pass().emails, 1);
  auto sent = mail();
  ASSERT_EQ(sent.size(), 1u);
  EXPECT_EQ(sent[0].text(1), "Pago recibido: $1204.00");
  EXPECT_NE(sent[0].text(2).find("Número de confirmación: P000000075"), std::string::npos);
  EXPECT_NE(sent[0].text(3).find("<html lang=\"es\">"), std::string::npos);
}

TEST_F(NoticesTest, ACustomerMayTurnOffAReceiptButNotATransactionalNotice) {
  ASSERT_TRUE(test_
                  ->write_work([&](store::Session& session) -> Result<void> {
                    for (const char* kind : {"payment.received", "payment.failed"}) {
                      RP_TRY(session.execute(
                          "INSERT INTO notice_preferences (account_id, kind, channel, enabled, "
                          "changed_at, changed_by) VALUES (:account, :kind, 'email', 0, "
                          "'2026-11-01T00:00:00Z', 'customer:1')",
                          {account_, std::string(kind)}));
                    }
                    return success();
                  })
                  .ok());
  record("payment.received", R"({"confirmation": "P000000075", "amount": "52.10"})");
  record("payment.failed", R"({"confirmation": "P000000083", "amount": "52.10",
                               "method": "Visa •••• 0002", "reason": "card declined"})");
  EXPECT_EQ(pass().emails, 1);
  auto sent = mail();
  ASSERT_EQ(sent.size(), 1u);
  EXPECT_EQ(sent[0].text(1), "Your payment of $52.10 did not go through");
  EXPECT_NE(sent[0].text(2).find("did not go through: card declined."), std::string::npos)
      << sent[0].text(2);
  EXPECT_NE(sent[0].text(2).find("cannot be turned off"), std::string::npos);
}

TEST_F(NoticesTest, AChangedContactEmailIsToldToTheNewAndTheOldAddress) {
  set_contact("new@example.com", "en");
  record("preferences.changed",
         R"({"email": {"before": "old@example.com", "after": "new@example.com"}})");
  record("preferences.changed", R"({"paperless": {"before": false, "after": true}})");
  EXPECT_EQ(pass().emails, 2);  // the paperless change alone tells no one
  auto sent = mail();
  ASSERT_EQ(sent.size(), 2u);
  EXPECT_EQ(sent[0].text(0), "new@example.com");
  EXPECT_EQ(sent[1].text(0), "old@example.com");
  EXPECT_NE(sent[1].text(2).find("were changed: email now new@example.com."), std::string::npos)
      << sent[1].text(2);
  EXPECT_NE(sent[0].text(4), sent[1].text(4));
}

TEST_F(NoticesTest, AnArrangementNoticeSaysItsDownPaymentAndInstallments) {
  ASSERT_TRUE(test_
                  ->write_work([&](store::Session& session) -> Result<void> {
                    RP_TRY(session.execute(
                        "INSERT INTO payment_arrangements (id, account_id, status, past_due_cents, "
                        "down_payment_cents, installment_count, installment_cents, "
                        "last_installment_cents, down_payment_due_on, created_on, created_at, "
                        "created_by) VALUES (77, :account, 'active', 30000, 6000, 4, 6000, "
                        "6000, '2026-11-20', '2026-11-10', '2026-11-10T18:00:00Z', "
                        "'customer:1')",
                        {account_}));
                    return success();
                  })
                  .ok());
  record("arrangement.made", R"({"arrangement_id": 77, "reason": ""})");
  record("arrangement.made", R"({"arrangement_id": 78, "reason": ""})");  // not this account's
  EXPECT_EQ(pass().emails, 1);
  auto sent = mail();
  ASSERT_EQ(sent.size(), 1u);
  EXPECT_EQ(sent[0].text(1), "Your payment arrangement is set up");
  const std::string body = sent[0].text(2);
  EXPECT_NE(body.find("for the $300.00 past due"), std::string::npos) << body;
  EXPECT_NE(body.find("Down payment: $60.00, due November 20, 2026"), std::string::npos) << body;
  EXPECT_NE(body.find("Then 4 installments of $60.00"), std::string::npos) << body;
}

TEST_F(NoticesTest, AnEventCommittedAfterAHigherOneIsStillDecided) {
  // Several servers: event ids are given out in one order and committed in another. The cursor
  // trails by `settle`, and the undecided events after it are read each pass.
  const std::int64_t base =
      count(test_.database(), "SELECT COALESCE(MAX(id), 0) FROM account_events");
  auto insert = [&](std::int64_t id) {
    ASSERT_TRUE(test_
                    ->write_work([&](store::Session& session) -> Result<void> {
                      RP_TRY(session.execute(
                          "INSERT INTO account_events (id, account_id, kind, occurred_at, actor, "
                          "summary, details) VALUES (:id, :account, 'payment.received', "
                          ":at, 'system', 'late', :details)",
                          {id, account_, format_instant(now()),
                           std::string(R"({"confirmation": "P)") + std::to_string(id) +
                               R"(", "amount": "1.00"})"}));
                      return success();
                    })
                    .ok());
  };
  insert(base + 2);
  EXPECT_EQ(pass().emails, 1);
  insert(base + 1);  // committed late, with the lower id
  EXPECT_EQ(pass().emails, 1);
  EXPECT_EQ(pass().emails, 0);
  EXPECT_EQ(count(test_.database(),
                  "SELECT last_event_id FROM event_cursors WHERE name = "
                  "'notices'"),
            base);
  // Once settled, the next pass that writes moves the cursor past them and forgets their
  // decisions.
  settings_.settle = std::chrono::seconds(-60);
  insert(base + 3);
  EXPECT_EQ(pass().emails, 1);
  EXPECT_EQ(count(test_.database(),
                  "SELECT last_event_id FROM event_cursors WHERE name = "
                  "'notices'"),
            base + 3);
  EXPECT_EQ(count(test_.database(), "SELECT COUNT(*) FROM notice_decisions"), 0);
  EXPECT_EQ(mail().size(), 3u);
}

TEST_F(NoticesTest, TwoServersPassingAtOnceSendEachNoticeOnce) {
  for (int i = 0; i < 40; ++i) {
    record("payment.received",
           R"({"confirmation": "P)" + std::to_string(100 + i) + R"(", "amount": "1.00"})");
  }
  auto server = [&] {
    for (int round = 0; round < 20; ++round) {
      auto done = queue_notices(test_.database(), settings_, 7);
      EXPECT_TRUE(done.ok()) << done.error().message;
    }
  };
  std::thread first(server);
  std::thread second(server);
  first.join();
  second.join();
  EXPECT_EQ(mail().size(), 40u);
  EXPECT_EQ(count(test_.database(), "SELECT COUNT(*) FROM notices"), 40);
}

TEST_F(NoticesTest, OutageAlertsSayWhereWhenAndHowToSayStillOut) {
  record("outage.detected",
         R"({"outage": "OUT000042", "address": "1204 Elm St", "city": "Springfield",
             "followed": false, "cause": "vegetation", "cause_vegetation": true,
             "customers_out": 140, "etr": "2026-12-08T02:30:00Z", "etr_clock": "18:30",
             "etr_clock_12": "6:30 PM", "etr_day_en": "Monday, December 7",
             "etr_day_es": "lunes 7 de diciembre", "etr_today": false})");
  record("outage.restored",
         R"({"outage": "OUT000042", "address": "1204 Elm St", "city": "Springfield",
             "followed": true})");
  pass();
  auto sent = mail();
  ASSERT_EQ(sent.size(), 2u);
  EXPECT_EQ(sent[0].text("subject"), "Power outage at 1204 Elm St");
  EXPECT_NE(sent[0].text("body").find("about 140 customers are out"), std::string::npos)
      << sent[0].text("body");
  EXPECT_NE(sent[0].text("body").find("Cause: a tree on the line."), std::string::npos);
  EXPECT_NE(sent[0].text("body").find("Estimated back Monday, December 7 by 6:30 PM."),
            std::string::npos);
  EXPECT_EQ(sent[1].text("subject"), "Power is back at 1204 Elm St");
  EXPECT_NE(sent[1].text("body").find("(an address you follow)"), std::string::npos);
  EXPECT_NE(sent[1].text("body").find("https://portal.example.com/outages"), std::string::npos)
      << "still out? one tap";

  set_contact("maria@example.com", "es");
  record("outage.restored",
         R"({"outage": "OUT000042", "address": "1204 Elm St", "city": "Springfield"})");
  pass();
  sent = mail();
  ASSERT_EQ(sent.size(), 3u);
  EXPECT_EQ(sent[2].text("subject"), "Volvió la luz en 1204 Elm St");
}

TEST_F(NoticesTest, EveryKindInTheCatalogHasItsTemplatesInEnglishAndSpanish) {
  auto kinds = query(test_.database(), "SELECT kind, text_default FROM notice_kinds");
  ASSERT_FALSE(kinds.empty());
  for (const store::Row& kind : kinds) {
    for (const char* language : {"en", "es"}) {
      EXPECT_TRUE(has_email_template(kind.text(0), language)) << kind.text(0) << " " << language;
      if (kind.integer(1) != 0) {
        EXPECT_TRUE(has_text_template(kind.text(0), language)) << kind.text(0) << " " << language;
      }
      // Each renders with no data at all (every field optional to mustache).
      auto email = render_notice_email(kind.text(0), language, {});
      EXPECT_TRUE(email.ok()) << kind.text(0) << ": " << email.error().message;
    }
  }
}

}  // namespace
}  // namespace rp::notify
