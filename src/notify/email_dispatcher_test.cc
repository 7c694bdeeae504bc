#include "notify/email_dispatcher.h"

#include <gtest/gtest.h>

#include <atomic>

#include "notify/smtp_mailer.h"
#include "notify/testing/smtp_capture.h"
#include "store/testing/test_database.h"

namespace rp::notify {
namespace {

using store::testing::count;

Result<void> queue(store::Database& database, const EmailMessage& message) {
  return database.write_work([&](store::Session& session) -> Result<void> {
    auto queued = queue_email(session, message);
    if (!queued.ok()) return queued.error();
    return success();
  });
}

TEST(EmailOutbox, QueuedMailIsSentOnceAfterCommitAndItsBodyCleared) {
  store::testing::TestDatabase test;
  testing::SmtpCapture server;
  SmtpMailer mailer({server.url(), "billing@utility.example", "", "", 10});
  ASSERT_TRUE(queue(test.database(), {"maria@example.com", "One", "secret link"}).ok());
  ASSERT_TRUE(queue(test.database(), {"ben@example.com", "Two", "another"}).ok());
  EmailDispatcher dispatcher(test.database(), mailer);
  auto pass = dispatcher.send_due();
  ASSERT_TRUE(pass.ok()) << pass.error().message;
  EXPECT_EQ(pass->sent, 2);
  EXPECT_EQ(server.wait_for(2).size(), 2u);
  EXPECT_EQ(count(test.database(),
                  "SELECT COUNT(*) FROM email_outbox WHERE sent_at IS NOT NULL "
                  "AND body = ''"),
            2);
  // Nothing is sent twice.
  auto again = dispatcher.send_due();
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->sent, 0);
  EXPECT_EQ(server.messages().size(), 2u);
}

TEST(EmailOutbox, AMessageTheServerDidNotTakeIsKeptAndRetriedLater) {
  store::testing::TestDatabase test;
  SmtpMailer down({"smtp://127.0.0.1:1", "billing@utility.example", "", "", 5});
  ASSERT_TRUE(queue(test.database(), {"maria@example.com", "One", "body"}).ok());
  EmailDispatcher dispatcher(test.database(), down);
  auto pass = dispatcher.send_due();
  ASSERT_TRUE(pass.ok());
  EXPECT_EQ(pass->failed, 1);
  auto rows =
      store::testing::query(test.database(),
                            "SELECT attempts, last_error, body, next_attempt_at > created_at "
                            "FROM email_outbox");
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].integer(0), 1);
  EXPECT_NE(rows[0].text(1).find("did not take"), std::string::npos);
  EXPECT_EQ(rows[0].text(2), "body");
  EXPECT_EQ(rows[0].integer(3), 1);
  // Not due again yet: a second pass does not try.
  auto soon = dispatcher.send_due();
  ASSERT_TRUE(soon.ok());
  EXPECT_EQ(soon->failed, 0);
}

TEST(EmailOutbox, WhatAProducerQueuesOnTheDispatchersThreadGoesOutInTheSamePass) {
  store::testing::TestDatabase test;
  testing::SmtpCapture server;
  SmtpMailer mailer({server.url(), "billing@utility.example", "", "", 10});
  EmailDispatcher dispatcher(test.database(), mailer);
  std::atomic<int> runs{0};
  dispatcher.add_producer([&]() -> Result<int> {
    if (runs++ > 0) return 0;
    RP_TRY(queue(test.database(), {"maria@example.com", "Your bill is ready", "bill 12"}));
    return 1;
  });
  dispatcher.add_producer([]() -> Result<int> { return unavailable("a failing producer"); });
  dispatcher.start();
  dispatcher.wake();
  auto received = server.wait_for(1);
  dispatcher.stop();
  ASSERT_EQ(received.size(), 1u);
  EXPECT_GE(runs.load(), 1);  // the failing producer stopped nothing
  EXPECT_EQ(count(test.database(), "SELECT COUNT(*) FROM email_outbox WHERE sent_at IS NOT NULL"),
            1);
}

TEST(EmailOutbox, BadAddressesAndSubjectsAreRefusedAndNothingIsQueued) {
  store::testing::TestDatabase test;
  auto no_at = queue(test.database(), {"maria.example.com", "One", "b"});
  ASSERT_FALSE(no_at.ok());
  EXPECT_EQ(no_at.error().field, "to");
  auto two_lines = queue(test.database(), {"maria@example.com", "One\r\nBcc: x@y.z", "b"});
  ASSERT_FALSE(two_lines.ok());
  EXPECT_EQ(two_lines.error().field, "subject");
  EXPECT_EQ(count(test.database(), "SELECT COUNT(*) FROM email_outbox"), 0);
}

}  // namespace
}  // namespace rp::notify
