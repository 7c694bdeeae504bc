// Messaging over the database: a customer's thread and the staff's inbox, attachments sent once,
// another account's thread out of reach, and the response-time figures.

#include "messaging/threads.h"

#include <gtest/gtest.h>

#include "accounts/testing/account_fixtures.h"
#include "messaging/canned_replies.h"
#include "messaging/inbox.h"
#include "store/testing/test_database.h"

namespace rp::messaging {
namespace {

using store::testing::count;
using store::testing::query;

const std::string kJpeg = std::string("\xFF\xD8\xFF\xE0", 4) + "a photo of the meter";

class ThreadsTest : public ::testing::Test {
 protected:
  ThreadsTest()
      : maria_(accounts::testing::open_sample_account(test_.database())),
        ben_(accounts::testing::open_sample_account(
            test_.database(), {"Ben Ortiz", "17 Oak Ave", "97477", "E2000017", false})) {}

  Thread open(const AccountNumber& account, const std::string& subject,
              std::vector<std::int64_t> attachments = {}) {
    auto opened = open_thread(test_.database(), account,
                              {"bill", subject, "Why is my bill so high?", std::move(attachments)},
                              "customer:1");
    EXPECT_TRUE(opened.ok()) << opened.error().message;
    return opened.ok() ? *opened : Thread{};
  }

  store::testing::TestDatabase test_;
  AccountNumber maria_;
  AccountNumber ben_;
};

TEST_F(ThreadsTest, ACustomerWritesWithAPhotoStaffReplyAndTheCustomerSeesTheReply) {
  auto photo = upload_attachment(test_.database(), maria_, "IMG_0001.jpg", kJpeg, "customer:1");
  ASSERT_TRUE(photo.ok()) << photo.error().message;
  EXPECT_EQ(photo->content_type, "image/jpeg");
  Thread thread = open(maria_, "High bill in November", {photo->id});
  EXPECT_EQ(thread.summary.status, "open");
  EXPECT_EQ(thread.summary.topic, "bill");
  ASSERT_EQ(thread.messages.size(), 1u);
  ASSERT_EQ(thread.messages[0].attachments.size(), 1u);
  EXPECT_EQ(thread.messages[0].attachments[0].file_name, "IMG_0001.jpg");

  auto unassigned = inbox(test_.database(), InboxView::unassigned, "staff:7", "", 20);
  ASSERT_TRUE(unassigned.ok());
  ASSERT_EQ(unassigned->threads.size(), 1u);
  EXPECT_EQ(unassigned->threads[0].customer_name, "Maria Lopez");

  ASSERT_TRUE(assign_thread(test_.database(), thread.summary.id, "staff:7", "staff:7").ok());
  EXPECT_TRUE(inbox(test_.database(), InboxView::unassigned, "staff:7", "", 20)->threads.empty());
  EXPECT_EQ(inbox(test_.database(), InboxView::mine, "staff:7", "", 20)->threads.size(), 1u);
  EXPECT_TRUE(inbox(test_.database(), InboxView::mine, "staff:8", "", 20)->threads.empty());

  ASSERT_TRUE(staff_reply(test_.database(), thread.summary.id, "Checked: the meter read is right.",
                          true, "staff:7")
                  .ok());
  auto replied =
      staff_reply(test_.database(), thread.summary.id,
                  "Your November bill had 33 days; see the usage page.", false, "staff:7");
  ASSERT_TRUE(replied.ok()) << replied.error().message;
  EXPECT_EQ(replied->summary.status, "waiting");
  EXPECT_FALSE(replied->summary.first_reply_at.empty());
  EXPECT_EQ(replied->messages.size(), 3u);  // staff see the note

  auto seen = account_thread(test_.database(), maria_, thread.summary.id);
  ASSERT_TRUE(seen.ok());
  ASSERT_EQ(seen->messages.size(), 2u);  // the customer never sees the note
  EXPECT_TRUE(seen->messages[1].from_utility);
  EXPECT_EQ(seen->messages[1].body, "Your November bill had 33 days; see the usage page.");
  EXPECT_EQ(
      count(test_.database(), "SELECT COUNT(*) FROM account_events WHERE kind = 'message.replied'"),
      1);

  // The customer answers: the thread waits on the utility again.
  auto again =
      customer_reply(test_.database(), maria_, thread.summary.id, "Thanks!", {}, "customer:1");
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->summary.status, "open");

  auto file = account_attachment(test_.database(), maria_, photo->id);
  ASSERT_TRUE(file.ok());
  EXPECT_EQ(file->content, kJpeg);
}

TEST_F(ThreadsTest, AnotherAccountsThreadOrFileIsOutOfReach) {
  auto photo = upload_attachment(test_.database(), maria_, "meter.jpg", kJpeg, "customer:1");
  ASSERT_TRUE(photo.ok());
  Thread thread = open(maria_, "Meter");
  EXPECT_EQ(account_thread(test_.database(), ben_, thread.summary.id).error().kind,
            ErrorKind::not_found);
  EXPECT_EQ(customer_reply(test_.database(), ben_, thread.summary.id, "hi", {}, "customer:2")
                .error()
                .kind,
            ErrorKind::not_found);
  EXPECT_EQ(account_attachment(test_.database(), ben_, photo->id).error().kind,
            ErrorKind::not_found);
  // Nor may Ben send Maria's upload with his own message.
  auto stolen =
      open_thread(test_.database(), ben_, {"other", "Look", "see this", {photo->id}}, "customer:2");
  ASSERT_FALSE(stolen.ok());
  EXPECT_EQ(stolen.error().field, "attachments");
  EXPECT_TRUE(account_threads(test_.database(), ben_, "", 20)->threads.empty());
}

TEST_F(ThreadsTest, BadMessagesAreRefusedByNameAndWriteNothing) {
  auto photo = upload_attachment(test_.database(), maria_, "meter.jpg", kJpeg, "customer:1");
  ASSERT_TRUE(photo.ok());
  const std::vector<std::pair<NewThread, const char*>> bad{
      {{"gossip", "Hi", "text", {}}, "topic"},
      {{"bill", "  ", "text", {}}, "subject"},
      {{"bill", std::string(121, 's'), "text", {}}, "subject"},
      {{"bill", "two\nlines", "text", {}}, "subject"},
      {{"bill", "Hi", " \n ", {}}, "body"},
      {{"bill", "Hi", std::string(4001, 'b'), {}}, "body"},
      {{"bill", "Hi", "text", {photo->id, photo->id}}, "attachments"},
      {{"bill", "Hi", "text", {1, 2, 3, 4}}, "attachments"},
      {{"bill", "Hi", "text", {999}}, "attachments"}};
  for (const auto& [thread, field] : bad) {
    auto refused = open_thread(test_.database(), maria_, thread, "customer:1");
    ASSERT_FALSE(refused.ok()) << field;
    EXPECT_EQ(refused.error().field, field);
  }
  EXPECT_EQ(count(test_.database(), "SELECT COUNT(*) FROM message_threads"), 0);
  EXPECT_EQ(count(test_.database(), "SELECT COUNT(*) FROM messages"), 0);
  // A file is sent once: a second message cannot carry it again.
  open(maria_, "First", {photo->id});
  auto twice =
      open_thread(test_.database(), maria_, {"bill", "Again", "text", {photo->id}}, "customer:1");
  ASSERT_FALSE(twice.ok());
  EXPECT_EQ(twice.error().field, "attachments");
  auto exe = upload_attachment(test_.database(), maria_, "photo.jpg", "MZ\x90", "customer:1");
  ASSERT_FALSE(exe.ok());
  EXPECT_EQ(exe.error().code, "attachment-type");
}

TEST_F(ThreadsTest, ListsPageThroughEveryThreadOnceAndFiguresCountFirstReplies) {
  for (int i = 0; i < 5; ++i) open(maria_, "Question " + std::to_string(i));
  std::vector<std::int64_t> seen;
  std::string cursor;
  do {
    auto page = account_threads(test_.database(), maria_, cursor, 2);
    ASSERT_TRUE(page.ok()) << page.error().message;
    for (const ThreadSummary& thread : page->threads) seen.push_back(thread.id);
    cursor = page->next_cursor;
  } while (!cursor.empty());
  EXPECT_EQ(seen.size(), 5u);
  EXPECT_TRUE(std::is_sorted(seen.rbegin(), seen.rend()));  // latest first
  seen.clear();
  do {
    auto page = inbox(test_.database(), InboxView::unassigned, "staff:7", cursor, 2);
    ASSERT_TRUE(page.ok());
    for (const ThreadSummary& thread : page->threads) seen.push_back(thread.id);
    cursor = page->next_cursor;
  } while (!cursor.empty());
  EXPECT_EQ(seen.size(), 5u);
  EXPECT_TRUE(std::is_sorted(seen.begin(), seen.end()));  // oldest first
  EXPECT_EQ(account_threads(test_.database(), maria_, "garbage", 2).error().field, "cursor");

  ASSERT_TRUE(staff_reply(test_.database(), seen[0], "Answer", false, "staff:7").ok());
  ASSERT_TRUE(close_thread(test_.database(), seen[1], "staff:7").ok());
  EXPECT_EQ(close_thread(test_.database(), seen[1], "staff:7").error().code, "thread-closed");
  auto figures = inbox_figures(test_.database(), "staff:7", now());
  ASSERT_TRUE(figures.ok());
  EXPECT_EQ(figures->opened, 5);
  EXPECT_EQ(figures->answered, 1);
  EXPECT_EQ(figures->first_reply_median_minutes, 0);
  EXPECT_EQ(figures->unassigned, 3);
  EXPECT_EQ(figures->waiting, 1);
  EXPECT_EQ(inbox(test_.database(), InboxView::closed, "staff:7", "", 20)->threads.size(), 1u);
}

TEST_F(ThreadsTest, StaffLinkAThreadToTheAccountsOwnBillOrPaymentOnly) {
  Thread thread = open(maria_, "Bill");
  auto none = link_thread(test_.database(), thread.summary.id, 42, "", "staff:7");
  ASSERT_FALSE(none.ok());
  EXPECT_EQ(none.error().field, "bill");
  auto nothing =
      link_thread(test_.database(), thread.summary.id, std::nullopt, "P0000001", "staff:7");
  ASSERT_FALSE(nothing.ok());
  EXPECT_EQ(nothing.error().field, "payment");
  EXPECT_EQ(assign_thread(test_.database(), thread.summary.id, "Ana", "staff:7").error().field,
            "assigned_to");
}

TEST_F(ThreadsTest, CannedRepliesAreKeptPerTitleAndLanguage) {
  auto saved = save_canned_reply(test_.database(), {0, "High bill", "en", "Your bill...", "", ""},
                                 "staff:7");
  ASSERT_TRUE(saved.ok()) << saved.error().message;
  saved = save_canned_reply(test_.database(), {0, "High bill", "es", "Su factura...", "", ""},
                            "staff:7");
  saved = save_canned_reply(test_.database(), {0, "High bill", "en", "Your bill was...", "", ""},
                            "staff:8");
  ASSERT_TRUE(saved.ok());
  ASSERT_EQ(saved->size(), 2u);
  EXPECT_EQ(saved->at(0).body, "Your bill was...");
  EXPECT_EQ(saved->at(0).changed_by, "staff:8");
  EXPECT_EQ(
      save_canned_reply(test_.database(), {0, "x", "fr", "y", "", ""}, "staff:7").error().field,
      "language");
  EXPECT_EQ(delete_canned_reply(test_.database(), 999).error().kind, ErrorKind::not_found);
  EXPECT_EQ(delete_canned_reply(test_.database(), saved->at(0).id)->size(), 1u);
}

}  // namespace
}  // namespace rp::messaging
