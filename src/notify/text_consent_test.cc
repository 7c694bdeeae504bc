// Consent to texts, text notices through the pipeline (with quiet hours), and what customers
// text back: STOP, START, HELP, in English and Spanish.

#include "notify/text_consent.h"

#include <gtest/gtest.h>

#include "accounts/account_events.h"
#include "accounts/testing/account_fixtures.h"
#include "notify/notice_choices.h"
#include "notify/notices.h"
#include "notify/quiet_hours.h"
#include "store/testing/test_database.h"
#include "store/utility_settings.h"

namespace rp::notify {
namespace {

using store::testing::count;
using store::testing::query;

constexpr const char* kMobile = "+15415550134";

class TextConsentTest : public ::testing::Test {
 protected:
  void SetUp() override {
    number_ = accounts::testing::open_sample_account(test_.database());
    account_ = count(test_.database(), "SELECT id FROM accounts ORDER BY id LIMIT 1");
    ASSERT_TRUE(test_
                    ->write_work([](store::Session& session) -> Result<void> {
                      RP_TRY(session.execute("UPDATE persons SET email = 'maria@example.com'"));
                      RP_TRY(session.execute("UPDATE accounts SET language = 'en'"));
                      return store::change_utility_setting(session, "name", "Elm City Utilities",
                                                           "staff:test");
                    })
                    .ok());
    ASSERT_TRUE(start_notices(test_.database()).ok());
  }

  Result<TextConsent> agree(const std::string& typed, const std::string& wording) {
    return grant_text_consent(test_.database(), number_,
                              {typed, "en", wording, "portal", "203.0.113.9", "customer:7"});
  }

  std::string words(const std::string& e164) {
    return text_consent_wording("Elm City Utilities", e164, "en");
  }

  void record(const std::string& kind, const std::string& details) {
    ASSERT_TRUE(
        test_
            ->write<std::int64_t>([&](store::Session& session) {
              return accounts::record_event(session, {account_, kind, "system", "test", details});
            })
            .ok());
  }

  InboundAnswer inbound(const std::string& sid, const std::string& from, const std::string& body) {
    auto answer = receive_text(test_.database(), {sid, from, body});
    EXPECT_TRUE(answer.ok()) << answer.error().message;
    return answer.ok() ? *answer : InboundAnswer{};
  }

  store::testing::TestDatabase test_;
  AccountNumber number_ = AccountNumber::from_sequence(0);
  std::int64_t account_ = 0;
};

TEST_F(TextConsentTest, ConsentKeepsTheWordsShownWhenAndFromWhereAndOnlyThoseWords) {
  auto wrong = agree("(541) 555-0134", "I agree to anything.");
  ASSERT_FALSE(wrong.ok());
  EXPECT_EQ(wrong.error().field, "wording");
  EXPECT_EQ(wrong.error().code, "consent-wording-changed");
  auto landline = agree("(800) 555-0199", words("+18005550199"));
  ASSERT_FALSE(landline.ok());
  EXPECT_EQ(landline.error().field, "number");
  EXPECT_EQ(count(test_.database(), "SELECT COUNT(*) FROM text_consents"), 0);

  auto granted = agree("(541) 555-0134", words(kMobile));
  ASSERT_TRUE(granted.ok()) << granted.error().message;
  EXPECT_TRUE(granted->granted);
  EXPECT_EQ(granted->number, kMobile);
  auto kept =
      query(test_.database(), "SELECT wording, source, client_address, actor FROM text_consents");
  ASSERT_EQ(kept.size(), 1u);
  EXPECT_EQ(kept[0].text(0), words(kMobile));
  EXPECT_EQ(kept[0].text(1), "portal");
  EXPECT_EQ(kept[0].text(2), "203.0.113.9");
  EXPECT_EQ(kept[0].text(3), "customer:7");
  EXPECT_EQ(
      count(test_.database(), "SELECT COUNT(*) FROM account_events WHERE kind = 'texts.consented'"),
      1);
  // Withdrawn from the portal: no texts after.
  auto withdrawn = withdraw_text_consent(test_.database(), number_, "portal", "", "customer:7");
  ASSERT_TRUE(withdrawn.ok());
  EXPECT_FALSE(withdrawn->granted);
}

TEST_F(TextConsentTest, ATransactionalNoticeIsTextedOnlyWithConsentAndWaitsOutQuietHours) {
  // Without consent: the email only.
  record("payment.failed", R"({"amount": "52.10", "reason": "card declined"})");
  auto first = queue_notices(test_.database(), {});
  ASSERT_TRUE(first.ok()) << first.error().message;
  EXPECT_EQ(first->emails, 1);
  EXPECT_EQ(first->texts, 0);
  // A text cannot be turned on before consent.
  auto early = change_notice_choices(test_.database(), number_, {{"payment.failed", "text", true}},
                                     "customer:7");
  ASSERT_FALSE(early.ok());
  EXPECT_EQ(early.error().code, "text-consent-needed");

  ASSERT_TRUE(agree(kMobile, words(kMobile)).ok());
  const Instant night = *parse_instant("2026-11-01T06:30:00Z", "at");  // 23:30 in Los Angeles
  {
    HistoryClock clock(night);
    record("payment.failed", R"({"amount": "52.10", "reason": "card declined"})");
    auto second = queue_notices(test_.database(), {});
    ASSERT_TRUE(second.ok()) << second.error().message;
    EXPECT_EQ(second->texts, 1);
  }
  auto texts = query(test_.database(), "SELECT to_number, body, next_attempt_at FROM text_outbox");
  ASSERT_EQ(texts.size(), 1u);
  EXPECT_EQ(texts[0].text(0), kMobile);
  EXPECT_NE(texts[0].text(1).find("did not go through"), std::string::npos) << texts[0].text(1);
  const UtilityZone zone = *test_->read<UtilityZone>(
      [](store::Session& session) { return store::utility_zone(session); });
  EXPECT_EQ(texts[0].text(2), format_instant(after_quiet_hours(zone, {}, night)));
  EXPECT_NE(texts[0].text(2), format_instant(night));
  EXPECT_EQ(count(test_.database(), "SELECT COUNT(*) FROM notices WHERE channel = 'text'"), 1);
  // The customer turns texts off for that kind: none the next time.
  ASSERT_TRUE(change_notice_choices(test_.database(), number_, {{"payment.failed", "text", false}},
                                    "customer:7")
                  .ok());
  record("payment.failed", R"({"amount": "52.10"})");
  EXPECT_EQ(queue_notices(test_.database(), {})->texts, 0);
}

TEST_F(TextConsentTest, StopStopsStartStartsAndHelpHelpsEachAnsweredOnce) {
  ASSERT_TRUE(agree(kMobile, words(kMobile)).ok());
  InboundAnswer stop = inbound("SM1", kMobile, "  Stop ");
  EXPECT_EQ(stop.action, "stop");
  EXPECT_EQ(stop.accounts, 1);
  EXPECT_FALSE(text_consent(test_.database(), number_)->granted);
  // The provider posting the same message again changes nothing and answers nothing again.
  EXPECT_TRUE(inbound("SM1", kMobile, "Stop").repeated);
  auto replies = query(test_.database(), "SELECT to_number, body FROM text_outbox ORDER BY id");
  ASSERT_EQ(replies.size(), 1u);
  EXPECT_EQ(replies[0].text(0), kMobile);
  EXPECT_NE(replies[0].text(1).find("no more texts"), std::string::npos) << replies[0].text(1);
  // No texts while stopped, whatever the customer chose.
  record("payment.failed", R"({"amount": "5.00"})");
  EXPECT_EQ(queue_notices(test_.database(), {})->texts, 0);

  InboundAnswer start = inbound("SM2", kMobile, "COMENZAR");
  EXPECT_EQ(start.action, "start");
  EXPECT_EQ(start.accounts, 1);
  EXPECT_TRUE(text_consent(test_.database(), number_)->granted);
  auto help = inbound("SM3", kMobile, "ayuda");
  EXPECT_EQ(help.action, "help");
  EXPECT_EQ(help.accounts, 0);
  auto answers = query(test_.database(), "SELECT body FROM text_outbox ORDER BY id");
  ASSERT_EQ(answers.size(), 3u);
  EXPECT_NE(answers[1].text(0).find("activos otra vez"), std::string::npos) << answers[1].text(0);
  EXPECT_NE(answers[2].text(0).find("Responda PARA"), std::string::npos) << answers[2].text(0);
  EXPECT_EQ(inbound("SM4", kMobile, "thanks!").action, "none");
  EXPECT_EQ(count(test_.database(), "SELECT COUNT(*) FROM text_outbox"), 3);
  EXPECT_EQ(count(test_.database(), "SELECT COUNT(*) FROM inbound_texts"), 4);
  const auto events = query(test_.database(),
                            "SELECT kind, actor FROM account_events WHERE kind LIKE 'texts.%' "
                            "ORDER BY id");
  ASSERT_EQ(events.size(), 3u);
  EXPECT_EQ(events[1].text(0), "texts.stopped");
  EXPECT_EQ(events[1].text(1), std::string("texted:") + kMobile);

  EXPECT_FALSE(receive_text(test_.database(), {"SM5", "5415550134", "STOP"}).ok());
  EXPECT_FALSE(receive_text(test_.database(), {"", kMobile, "STOP"}).ok());
}

TEST_F(TextConsentTest, TheProvidersDeliveryStatusIsKept) {
  ASSERT_TRUE(test_
                  ->write_work([](store::Session& session) -> Result<void> {
                    RP_TRY(session.execute(
                        "INSERT INTO text_outbox (to_number, body, created_at, next_attempt_at, "
                        "provider_id, sent_at) VALUES ('+15415550134', '', "
                        "'2026-11-01T00:00:00Z', '2026-11-01T00:00:00Z', 'SM42', "
                        "'2026-11-01T00:00:01Z')"));
                    return success();
                  })
                  .ok());
  EXPECT_TRUE(*record_text_status(test_.database(), "SM42", "undelivered", "30003"));
  EXPECT_FALSE(*record_text_status(test_.database(), "SM43", "delivered", ""));
  auto row = query(test_.database(), "SELECT delivery_status, delivery_error FROM text_outbox");
  EXPECT_EQ(row[0].text(0), "undelivered");
  EXPECT_EQ(row[0].text(1), "30003");
}

}  // namespace
}  // namespace rp::notify
