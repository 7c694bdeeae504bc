#include "billing/bill_notices.h"

#include <gtest/gtest.h>

#include "billing/testing/billing_fixture.h"
#include "notify/due_reminders.h"
#include "notify/notices.h"
#include "store/utility_settings.h"

namespace rp::billing {
namespace {

using store::testing::count;
using store::testing::query;

// Two accounts billed July to October; the first goes paperless with a contact email.
class BillNoticesTest : public testing::BillingFixture {
 protected:
  void SetUp() override {
    BillingFixture::SetUp();
    std::tie(paperless_, paper_) = two_accounts_billed_to_october();
    ASSERT_FALSE(HasFailure());
    set_contact(paperless_, true, "maria@example.com", "en");
    set_contact(paper_, false, "ben@example.com", "en");
    // The utility's name comes from its setting, the one home it has.
    ASSERT_TRUE(test_
                    ->write_work([](store::Session& session) {
                      return store::change_utility_setting(session, "name", "Elm City Utilities",
                                                           "staff:test");
                    })
                    .ok());
  }

  void set_contact(const AccountNumber& account, bool paperless, const std::string& email,
                   const std::string& language) {
    auto written = test_->write<std::int64_t>([&](store::Session& session) -> Result<std::int64_t> {
      RP_TRY(session.execute(
          "UPDATE accounts SET paperless = :paperless, language = :language WHERE number = "
          ":number",
          {std::int64_t{paperless ? 1 : 0}, language, account.digits()}));
      return session.execute(
          "UPDATE persons SET email = :email WHERE id = (SELECT person_id FROM accounts WHERE "
          "number = :number)",
          {email, account.digits()});
    });
    ASSERT_TRUE(written.ok()) << written.error().message;
  }

  std::int64_t outbox() { return count(test_.database(), "SELECT COUNT(*) FROM email_outbox"); }

  notify::NoticeSettings settings_{.public_url = "https://portal.example.com"};
  AccountNumber paperless_ = AccountNumber::from_sequence(0);
  AccountNumber paper_ = AccountNumber::from_sequence(0);
};

// The bill-ready notice (notify/notices.h, kind bill.ready) from a real bill run.
TEST_F(BillNoticesTest, EachBillSentIsEmailedOnceWithItsAmountAndLink) {
  ASSERT_TRUE(notify::start_notices(test_.database()).ok());
  // Bills sent before the notices started are not emailed.
  auto before = notify::queue_notices(test_.database(), settings_);
  ASSERT_TRUE(before.ok()) << before.error().message;
  EXPECT_EQ(before->emails, 0);

  ASSERT_TRUE(run(3, "2026-11-04").ok());
  auto queued = notify::queue_notices(test_.database(), settings_);
  ASSERT_TRUE(queued.ok()) << queued.error().message;
  EXPECT_EQ(queued->emails, 2);  // the paper account is told too (its default)
  auto mail = query(test_.database(),
                    "SELECT to_address, subject, body, html_body FROM email_outbox ORDER BY "
                    "to_address DESC");
  ASSERT_EQ(mail.size(), 2u);
  EXPECT_EQ(mail[0].text(0), "maria@example.com");
  EXPECT_EQ(mail[0].text(1), "Your Elm City Utilities bill is ready");
  const std::string number =
      std::to_string(count(test_.database(),
                           "SELECT b.number FROM bills b JOIN accounts a ON a.id = b.account_id "
                           "WHERE a.number = '" +
                               paperless_.digits() + "' ORDER BY b.id DESC LIMIT 1"));
  const std::int64_t amount_due =
      count(test_.database(),
            "SELECT previous_balance_cents + charges_cents FROM bills WHERE number = " + number);
  const std::string body = mail[0].text(2);
  EXPECT_NE(body.find("https://portal.example.com/bills/" + number), std::string::npos) << body;
  EXPECT_NE(body.find("Amount due: $" + Money::from_cents(amount_due).to_string()),
            std::string::npos)
      << body;
  EXPECT_NE(body.find("October 5, 2026 to November 3, 2026"), std::string::npos) << body;
  EXPECT_NE(body.find("*" + paperless_.digits().substr(5)), std::string::npos) << body;
  EXPECT_NE(body.find("You chose paperless bills"), std::string::npos) << body;
  EXPECT_EQ(mail[1].text(0), "ben@example.com");
  EXPECT_EQ(mail[1].text(2).find("paperless"), std::string::npos) << mail[1].text(2);
  // The HTML part says the same, in the account's language, with the link a link.
  const std::string html = mail[0].text(3);
  EXPECT_NE(html.find("<html lang=\"en\">"), std::string::npos) << html;
  EXPECT_NE(html.find("<a href=\"https://portal.example.com/bills/" + number + "\">"),
            std::string::npos)
      << html;

  // Exactly once: another pass queues nothing.
  auto again = notify::queue_notices(test_.database(), settings_);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->emails, 0);
  EXPECT_EQ(outbox(), 2);
  EXPECT_EQ(count(test_.database(), "SELECT COUNT(*) FROM notices WHERE kind = 'bill.ready'"), 2);
  // Starting again (a restart) keeps the cursor where it was.
  ASSERT_TRUE(notify::start_notices(test_.database()).ok());
  EXPECT_EQ(notify::queue_notices(test_.database(), settings_)->emails, 0);
}

TEST_F(BillNoticesTest, NoticesAreInTheAccountsLanguageAndSkipAddressesThatAreNot) {
  set_contact(paperless_, true, "maria@example.com", "es");
  set_contact(paper_, true, "not an address", "en");
  ASSERT_TRUE(notify::start_notices(test_.database()).ok());
  ASSERT_TRUE(run(3, "2026-11-04").ok());
  auto queued = notify::queue_notices(test_.database(), settings_);
  ASSERT_TRUE(queued.ok()) << queued.error().message;
  EXPECT_EQ(queued->emails, 1);
  auto mail = query(test_.database(), "SELECT subject, body FROM email_outbox");
  ASSERT_EQ(mail.size(), 1u);
  EXPECT_EQ(mail[0].text(0), "Su factura de Elm City Utilities está lista");
  EXPECT_NE(mail[0].text(1).find("5 de octubre de 2026 al 3 de noviembre de 2026"),
            std::string::npos)
      << mail[0].text(1);
  // Both events were decided: nothing is retried.
  EXPECT_EQ(notify::queue_notices(test_.database(), settings_)->emails, 0);
}

TEST_F(BillNoticesTest, APaperAccountThatTurnedBillEmailsOffGetsNoneAPaperlessOneStillDoes) {
  ASSERT_TRUE(notify::start_notices(test_.database()).ok());
  ASSERT_TRUE(test_
                  ->write_work([&](store::Session& session) -> Result<void> {
                    RP_TRY(session.execute(
                        "INSERT INTO notice_preferences (account_id, kind, channel, enabled, "
                        "changed_at, changed_by) SELECT id, 'bill.ready', 'email', 0, "
                        "'2026-11-01T00:00:00Z', 'customer:1' FROM accounts WHERE number = "
                        ":number",
                        {paper_.digits()}));
                    return success();
                  })
                  .ok());
  // The paperless account had turned them off before going paperless: it still gets its bill.
  ASSERT_TRUE(test_
                  ->write_work([&](store::Session& session) -> Result<void> {
                    RP_TRY(session.execute(
                        "INSERT INTO notice_preferences (account_id, kind, channel, enabled, "
                        "changed_at, changed_by) SELECT id, 'bill.ready', 'email', 0, "
                        "'2026-11-01T00:00:00Z', 'customer:2' FROM accounts WHERE number = "
                        ":number",
                        {paperless_.digits()}));
                    return success();
                  })
                  .ok());
  ASSERT_TRUE(run(3, "2026-11-04").ok());
  auto queued = notify::queue_notices(test_.database(), settings_);
  ASSERT_TRUE(queued.ok()) << queued.error().message;
  EXPECT_EQ(queued->emails, 1);
  EXPECT_EQ(query(test_.database(), "SELECT to_address FROM email_outbox")[0].text(0),
            "maria@example.com");
}

TEST_F(BillNoticesTest, ABillStillOwedIsRemindedOnceDaysBeforeItIsDue) {
  ASSERT_TRUE(notify::start_notices(test_.database()).ok());
  ASSERT_TRUE(run(3, "2026-11-04").ok());
  const std::string due =
      query(test_.database(), "SELECT MAX(due_date) FROM bills WHERE status = 'released'")[0].text(
          0);
  auto due_day = parse_local_date(due, "due");
  ASSERT_TRUE(due_day.ok());
  const LocalDate three_before(date::sys_days(*due_day) - date::days(3));
  // A day too early finds nothing; three days before, both accounts (each owes its bill).
  auto early = notify::record_due_reminders(
      test_.database(), LocalDate(date::sys_days(three_before) - date::days(1)));
  ASSERT_TRUE(early.ok()) << early.error().message;
  EXPECT_EQ(early->recorded, 0);
  auto reminded = notify::record_due_reminders(test_.database(), three_before);
  ASSERT_TRUE(reminded.ok()) << reminded.error().message;
  EXPECT_EQ(reminded->recorded, 2);
  EXPECT_EQ(notify::record_due_reminders(test_.database(), three_before)->recorded, 0);
  EXPECT_EQ(count(test_.database(),
                  "SELECT COUNT(*) FROM account_events WHERE kind = "
                  "'bill.due_soon' AND actor = 'system:due-reminders'"),
            2);
  ASSERT_TRUE(notify::queue_notices(test_.database(), settings_).ok());
  auto mail = query(test_.database(),
                    "SELECT subject, body FROM email_outbox WHERE subject LIKE '%is due%'");
  ASSERT_EQ(mail.size(), 2u);
  EXPECT_NE(mail[0].text(1).find("Amount due: $"), std::string::npos) << mail[0].text(1);
  EXPECT_NE(mail[0].text(1).find("https://portal.example.com/pay"), std::string::npos);
}

TEST_F(BillNoticesTest, APassBeforeTheStartIsAnError) {
  auto unstarted = notify::queue_notices(test_.database(), settings_);
  ASSERT_FALSE(unstarted.ok());
  EXPECT_EQ(unstarted.error().kind, ErrorKind::internal);
}

}  // namespace
}  // namespace rp::billing
