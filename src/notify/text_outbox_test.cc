#include <gtest/gtest.h>

#include <algorithm>

#include "notify/email_dispatcher.h"
#include "notify/sms_gateway.h"
#include "notify/smtp_mailer.h"
#include "notify/testing/sms_double.h"
#include "store/testing/test_database.h"

namespace rp::notify {
namespace {

using store::testing::count;
using testing::SmsDouble;

Result<void> queue(store::Database& database, const TextMessage& message) {
  return database.write_work([&](store::Session& session) -> Result<void> {
    auto queued = queue_text(session, message);
    if (!queued.ok()) return queued.error();
    return success();
  });
}

void make_due(store::Database& database) {
  auto done = database.write_work([](store::Session& session) -> Result<void> {
    auto changed = session.execute("UPDATE text_outbox SET next_attempt_at = created_at");
    if (!changed.ok()) return changed.error();
    return success();
  });
  ASSERT_TRUE(done.ok());
}

// Email goes nowhere in these tests: no email is queued.
struct NoMail final : Mailer {
  Result<void> send(const EmailMessage&) override { return unavailable("no mail in this test"); }
};

TEST(TextOutbox, QueuedTextsAreSentOnceAfterCommitAndTheirBodiesCleared) {
  store::testing::TestDatabase test;
  SmsDouble provider;
  SmsGateway gateway(provider.settings());
  NoMail mail;
  ASSERT_TRUE(queue(test.database(), {"+15415550134", "secret link"}).ok());
  ASSERT_TRUE(queue(test.database(), {"+15415550135", "another"}).ok());
  EmailDispatcher dispatcher(test.database(), mail, &gateway);
  auto pass = dispatcher.send_due();
  ASSERT_TRUE(pass.ok()) << pass.error().message;
  EXPECT_EQ(pass->texts_sent, 2);
  const auto texts = provider.wait_for(2);
  ASSERT_EQ(texts.size(), 2u);
  // Sent on a few connections at once: in either order.
  std::vector<std::string> bodies{texts[0].body, texts[1].body};
  std::sort(bodies.begin(), bodies.end());
  EXPECT_EQ(bodies, (std::vector<std::string>{"another", "secret link"}));
  EXPECT_EQ(count(test.database(),
                  "SELECT COUNT(*) FROM text_outbox WHERE sent_at IS NOT NULL AND body = '' "
                  "AND provider_id LIKE 'SM%'"),
            2);
  auto again = dispatcher.send_due();
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->texts_sent, 0);
  EXPECT_EQ(provider.texts().size(), 2u);
}

TEST(TextOutbox, AnUnavailableProviderIsTriedAgainAndARefusedNumberIsGivenUp) {
  store::testing::TestDatabase test;
  SmsDouble provider;
  SmsGateway gateway(provider.settings());
  NoMail mail;
  ASSERT_TRUE(queue(test.database(), {"+15415550134", "hello"}).ok());
  ASSERT_TRUE(queue(test.database(), {SmsDouble::kInvalidNumber, "hello"}).ok());
  provider.set_unavailable(true);
  EmailDispatcher dispatcher(test.database(), mail, &gateway);
  auto pass = dispatcher.send_due();
  ASSERT_TRUE(pass.ok());
  EXPECT_EQ(pass->texts_failed, 2);
  EXPECT_EQ(count(test.database(),
                  "SELECT COUNT(*) FROM text_outbox WHERE sent_at IS NULL AND given_up_at IS NULL "
                  "AND attempts = 1 AND next_attempt_at > created_at AND body = 'hello'"),
            2);
  // Due again: the provider is back; the one number it cannot text is given up, not retried.
  make_due(test.database());
  provider.set_unavailable(false);
  auto retried = dispatcher.send_due();
  ASSERT_TRUE(retried.ok());
  EXPECT_EQ(retried->texts_sent, 1);
  EXPECT_EQ(retried->texts_failed, 1);
  EXPECT_EQ(count(test.database(),
                  "SELECT COUNT(*) FROM text_outbox WHERE given_up_at IS NOT NULL AND body = '' "
                  "AND last_error LIKE '%not a valid phone number%'"),
            1);
  make_due(test.database());
  auto last = dispatcher.send_due();
  ASSERT_TRUE(last.ok());
  EXPECT_EQ(last->texts_sent + last->texts_failed, 0);
  EXPECT_EQ(provider.texts().size(), 1u);
}

TEST(TextOutbox, ANumberNotInE164OrAnEmptyTextIsRefusedAndNothingQueued) {
  store::testing::TestDatabase test;
  auto bad_number = queue(test.database(), {"541-555-0134", "hello"});
  ASSERT_FALSE(bad_number.ok());
  EXPECT_EQ(bad_number.error().field, "to");
  auto empty = queue(test.database(), {"+15415550134", ""});
  ASSERT_FALSE(empty.ok());
  EXPECT_EQ(empty.error().field, "body");
  EXPECT_EQ(count(test.database(), "SELECT COUNT(*) FROM text_outbox"), 0);
}

}  // namespace
}  // namespace rp::notify
