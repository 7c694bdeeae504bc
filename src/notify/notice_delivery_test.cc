// Every kind in the catalog, in English and in Spanish, decided and handed to the real SMTP
// capture server and, for kinds with a text, to the SMS provider double: one email each (and one
// text each), in the account's language, with its subject.

#include <gtest/gtest.h>

#include <map>

#include "accounts/account_events.h"
#include "accounts/testing/account_fixtures.h"
#include "notify/email_dispatcher.h"
#include "notify/notice_templates.h"
#include "notify/notices.h"
#include "notify/smtp_mailer.h"
#include "notify/testing/sms_double.h"
#include "notify/testing/smtp_capture.h"
#include "notify/text_consent.h"
#include "store/testing/test_database.h"
#include "store/utility_settings.h"

namespace rp::notify {
namespace {

using store::testing::count;
using store::testing::query;

constexpr const char* kMobile = "+15415550134";

class NoticeDeliveryTest : public ::testing::Test {
 protected:
  void SetUp() override {
    number_ = accounts::testing::open_sample_account(test_.database());
    account_ = count(test_.database(), "SELECT id FROM accounts ORDER BY id LIMIT 1");
    ASSERT_TRUE(
        test_
            ->write_work([](store::Session& session) -> Result<void> {
              // No quiet hours: texts go at once whatever the time of the test.
              RP_TRY(
                  store::change_utility_setting(session, "quiet_hours_start", "8", "staff:test"));
              RP_TRY(store::change_utility_setting(session, "quiet_hours_end", "8", "staff:test"));
              // Every kind's email on, also those sent only by text unless chosen (a crew on the
              // way): every email template must reach the mail server.
              RP_TRY(session.execute("UPDATE notice_kinds SET email_default = 1"));
              return success();
            })
            .ok());
    ASSERT_TRUE(grant_text_consent(
                    test_.database(), number_,
                    {kMobile, "en", text_consent_wording(store::kDefaultUtilityName, kMobile, "en"),
                     "portal", "192.0.2.1", "customer:1"})
                    .ok());
    // A released bill and an arrangement, for the kinds whose templates read their facts.
    ASSERT_TRUE(test_
                    ->write_work([&](store::Session& session) -> Result<void> {
                      RP_TRY(session.execute(
                          "INSERT INTO bills (account_id, number, status, period_start, "
                          "period_end, bill_date, due_date, charges_cents, created_at) VALUES "
                          "(:a, 7001, 'released', '2026-10-05', '2026-11-04', '2026-11-04', "
                          "'2026-11-25', 15920, '2026-11-04T10:00:00Z')",
                          {account_}));
                      RP_TRY(session.execute(
                          "INSERT INTO payment_arrangements (account_id, status, past_due_cents, "
                          "down_payment_cents, installment_count, installment_cents, "
                          "last_installment_cents, down_payment_due_on, created_on, created_at, "
                          "created_by) VALUES (:a, 'active', 40000, 10000, 4, 7500, 7500, "
                          "'2026-11-11', '2026-11-04', '2026-11-04T10:00:00Z', 'customer:1')",
                          {account_}));
                      return success();
                    })
                    .ok());
    arrangement_ = count(test_.database(), "SELECT id FROM payment_arrangements");
    ASSERT_TRUE(start_notices(test_.database()).ok());
  }

  // Records one event of every kind the catalog follows, with `language` as the account's.
  void record_every_kind(const std::string& language) {
    auto done = test_->write_work([&](store::Session& session) -> Result<void> {
      RP_TRY(session.execute("UPDATE accounts SET language = :language", {language}));
      auto kinds = session.query("SELECT kind, event_kind, audience, facts_key FROM notice_kinds");
      RP_TRY(kinds);
      for (const store::Row& kind : *kinds) {
        std::string details = "{}";
        if (kind.text(2) == "contact_change") {
          details = R"({"email": {"before": "old@example.com", "after": "maria@example.com"}})";
        } else if (kind.text(3) == "number") {
          details = R"({"number": 7001, "due_date": "2026-11-25"})";
        } else if (kind.text(3) == "arrangement_id") {
          details = R"({"arrangement_id": )" + std::to_string(arrangement_) + "}";
        }
        RP_TRY(accounts::record_event(
            session, {account_, kind.text(1), "system", "every kind: " + kind.text(0), details}));
      }
      return success();
    });
    ASSERT_TRUE(done.ok()) << done.error().message;
  }

  store::testing::TestDatabase test_;
  AccountNumber number_ = AccountNumber::from_sequence(0);
  std::int64_t account_ = 0;
  std::int64_t arrangement_ = 0;
};

TEST_F(NoticeDeliveryTest, EveryKindReachesTheMailServerAndTheTextProviderInBothLanguages) {
  testing::SmtpCapture mail_server;
  testing::SmsDouble provider;
  SmtpMailer mailer({mail_server.url(), "billing@utility.example", "", "", 10});
  SmsGateway gateway(provider.settings());
  EmailDispatcher dispatcher(test_.database(), mailer, &gateway);
  const auto kinds = query(test_.database(), "SELECT kind, text_default FROM notice_kinds");
  std::size_t texted_kinds = 0;
  for (const store::Row& kind : kinds) texted_kinds += kind.integer(1) != 0 ? 1 : 0;

  std::size_t emails = 0;
  std::size_t texts = 0;
  for (const char* language : {"en", "es"}) {
    record_every_kind(language);
    auto decided = queue_notices(test_.database(), {.public_url = "https://portal.example.com"});
    ASSERT_TRUE(decided.ok()) << decided.error().message;
    for (int pass = 0; pass < 10; ++pass) {
      auto sent = dispatcher.send_due();
      ASSERT_TRUE(sent.ok()) << sent.error().message;
      if (sent->sent == 0 && sent->texts_sent == 0) break;
    }
    // Every kind: one email to the contact (contact.changed also to the address before).
    const auto rows =
        query(test_.database(),
              "SELECT n.kind, n.channel, n.subject FROM notices n WHERE n.language = '" +
                  std::string(language) + "' ORDER BY n.id");
    std::map<std::string, int> by_kind_email;
    std::map<std::string, int> by_kind_text;
    for (const store::Row& row : rows) {
      EXPECT_FALSE(row.text(2).empty()) << row.text(0);
      (row.text(1) == "email" ? by_kind_email : by_kind_text)[row.text(0)]++;
    }
    for (const store::Row& kind : kinds) {
      const std::string name = kind.text(0);
      EXPECT_EQ(by_kind_email[name], name == "contact.changed" ? 2 : 1) << name << " " << language;
      if (kind.integer(1) != 0) {
        EXPECT_EQ(by_kind_text[name], 1) << name << " " << language;
      }
    }
    emails += kinds.size() + 1;
    texts += texted_kinds;
  }
  const auto received = mail_server.wait_for(emails);
  EXPECT_EQ(received.size(), emails);
  EXPECT_EQ(provider.wait_for(texts).size(), texts);
  EXPECT_EQ(count(test_.database(), "SELECT COUNT(*) FROM email_outbox WHERE sent_at IS NULL"), 0);
  // The receipt in each language, by its words.
  std::size_t english = 0;
  std::size_t spanish = 0;
  for (const std::string& message : received) {
    english += message.find("Subject: Payment received") != std::string::npos ? 1 : 0;
    spanish += message.find("Subject: Pago recibido") != std::string::npos ? 1 : 0;
  }
  EXPECT_EQ(english, 1u);
  EXPECT_EQ(spanish, 1u);
}

}  // namespace
}  // namespace rp::notify
