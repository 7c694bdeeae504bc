// Scheduled payments and autopay, run day by day as the server's scheduler runs them.

#include "payments/payment_schedule.h"

#include <gtest/gtest.h>

#include "accounts/ledger.h"
#include "accounts/testing/account_fixtures.h"
#include "core/idempotency_key.h"
#include "core/testing/client_keys.h"
#include "payments/payment_intake.h"
#include "payments/saved_methods.h"
#include "payments/testing/payment_processors.h"
#include "store/testing/test_database.h"

namespace rp::payments {
namespace {

using store::testing::count;

const accounts::CustomerConsent kByPhone{"Pat Level", "phone", ""};

LocalDate day(const char* text) {
  return *parse_local_date(text, "day");
}

class PaymentScheduleTest : public ::testing::Test {
 protected:
  PaymentScheduleTest()
      : account_(accounts::testing::open_sample_account(test_.database())),
        processors_(test_.database()) {
    account_id_ = count(test_.database(),
                        "SELECT id FROM accounts WHERE number = '" + account_.digits() + "'");
  }

  std::int64_t save(const std::string& token) {
    auto saved = save_payment_method(test_.database(), processors_.processors(), account_, token,
                                     false, "customer");
    EXPECT_TRUE(saved.ok());
    return saved.ok() ? saved->id : 0;
  }

  // A released bill of `cents` due on `due`, as a bill run leaves it.
  std::int64_t bill(std::int64_t number, std::int64_t cents, const char* due) {
    auto written = test_->write<std::int64_t>([&](store::Session& session) -> Result<std::int64_t> {
      auto balance = accounts::account_balance(session, account_id_);
      RP_TRY(balance);
      auto rows = session.query(
          "INSERT INTO bills (account_id, number, status, period_start, period_end, bill_date, "
          "due_date, previous_balance_cents, charges_cents, created_at, released_at) VALUES "
          "(:account, :number, 'released', '2026-11-01', '2026-12-01', '2026-12-01', :due, "
          ":previous, :cents, :at, :released) RETURNING id",
          {account_id_, number, std::string(due), balance->cents(), cents, format_instant(now()),
           format_instant(now())});
      RP_TRY(rows);
      RP_TRY(accounts::post_ledger_entry(
          session, {account_id_, accounts::LedgerEntryKind::bill, Money::from_cents(cents),
                    "2026-12-01", std::to_string(number), "Bill"}));
      return rows->at(0).integer(0);
    });
    EXPECT_TRUE(written.ok()) << written.error().message;
    return written.ok() ? *written : 0;
  }

  ScheduleReport run(const char* today) {
    auto report = run_payment_schedule(test_.database(), processors_.processors(), day(today));
    EXPECT_TRUE(report.ok()) << report.error().message;
    return report.ok() ? *report : ScheduleReport{};
  }

  std::int64_t balance() {
    return count(test_.database(),
                 "SELECT CAST(COALESCE(SUM(amount_cents), 0) AS BIGINT) FROM ledger_entries");
  }

  std::int64_t events(const char* kind) {
    return count(test_.database(),
                 std::string("SELECT COUNT(*) FROM account_events WHERE kind = '") + kind + "'");
  }

  LocalDate today() { return UtilityZone::find("America/Los_Angeles")->local_date(now()); }

  store::testing::TestDatabase test_;
  AccountNumber account_;
  testing::TestPaymentProcessors processors_;
  std::int64_t account_id_ = 0;
};

TEST_F(PaymentScheduleTest, AutopayNoticesTheBillThenPaysItDaysBeforeItIsDueOnce) {
  const std::int64_t visa = save(processors_.card("4242424242424242"));
  ASSERT_TRUE(enrol_autopay(test_.database(), account_, visa, 5, "customer", kByPhone).ok());
  bill(1, 84'50, "2026-12-20");

  ScheduleReport first = run("2026-12-01");
  EXPECT_EQ(first.autopay_noticed, 1);
  EXPECT_EQ(first.autopay_paid, 0);
  EXPECT_EQ(events("autopay.scheduled"), 1);
  EXPECT_EQ(balance(), 84'50);
  EXPECT_EQ(run("2026-12-14").autopay_paid, 0);  // not yet

  ScheduleReport due = run("2026-12-15");
  EXPECT_EQ(due.autopay_paid, 1);
  EXPECT_EQ(balance(), 0);
  EXPECT_EQ(events("autopay.paid"), 1);
  EXPECT_EQ(count(test_.database(),
                  "SELECT COUNT(*) FROM payments WHERE channel = 'autopay' "
                  "AND status = 'posted' AND amount_cents = 8450"),
            1);
  ScheduleReport again = run("2026-12-16");
  EXPECT_EQ(again.autopay_paid + again.autopay_noticed, 0);
  EXPECT_EQ(balance(), 0);
}

TEST_F(PaymentScheduleTest, AutopaySkipsWhatIsPaidAndChargesOnlyWhatIsStillOwed) {
  const std::int64_t visa = save(processors_.card("4242424242424242"));
  ASSERT_TRUE(enrol_autopay(test_.database(), account_, visa, 0, "customer", kByPhone).ok());
  bill(1, 50'00, "2026-12-20");
  run("2026-12-01");
  // The customer pays $20.00 by hand meanwhile: autopay takes the $30.00 left.
  auto by_hand =
      submit_payment(test_.database(), processors_.processors(),
                     {account_, Money::from_cents(20'00), processors_.card("4242424242424242"),
                      PaymentChannel::web, rp::testing::client_key("hand"), "c"});
  ASSERT_TRUE(by_hand.ok());
  EXPECT_EQ(run("2026-12-20").autopay_paid, 1);
  EXPECT_EQ(balance(), 0);
  EXPECT_EQ(count(test_.database(), "SELECT amount_cents FROM payments WHERE channel = 'autopay'"),
            30'00);
  // A bill already covered by a credit is skipped, and the customer is told.
  auto ahead =
      submit_payment(test_.database(), processors_.processors(),
                     {account_, Money::from_cents(100'00), processors_.card("4242424242424242"),
                      PaymentChannel::web, rp::testing::client_key("ahead"), "c"});
  ASSERT_TRUE(ahead.ok());
  bill(2, 40'00, "2027-01-20");
  run("2027-01-01");
  ScheduleReport skipped = run("2027-01-20");
  EXPECT_EQ(skipped.autopay_skipped, 1);
  EXPECT_EQ(events("autopay.skipped"), 1);
  EXPECT_EQ(balance(), -60'00);
}

TEST_F(PaymentScheduleTest, ADeclinedOrRemovedMethodFailsAndSaysWhy) {
  const std::int64_t declined = save(processors_.card("4000000000000002"));
  ASSERT_TRUE(enrol_autopay(test_.database(), account_, declined, 0, "customer", kByPhone).ok());
  bill(1, 50'00, "2026-12-20");
  run("2026-12-01");
  EXPECT_EQ(run("2026-12-20").autopay_failed, 1);
  EXPECT_EQ(events("autopay.failed"), 1);
  EXPECT_EQ(balance(), 50'00);

  const std::int64_t visa = save(processors_.card("4242424242424242"));
  ASSERT_TRUE(enrol_autopay(test_.database(), account_, visa, 0, "customer", kByPhone).ok());
  bill(2, 10'00, "2027-01-20");
  run("2027-01-01");
  ASSERT_TRUE(remove_payment_method(test_.database(), account_, visa, "customer").ok());
  EXPECT_EQ(run("2027-01-20").autopay_failed, 1);
  EXPECT_EQ(count(test_.database(),
                  "SELECT COUNT(*) FROM autopay_bills WHERE reason = 'the autopay payment "
                  "method was removed'"),
            1);
}

TEST_F(PaymentScheduleTest, AScheduledPaymentIsPaidOnItsDayOnce) {
  const std::int64_t visa = save(processors_.card("4242424242424242"));
  const LocalDate pay_on = LocalDate(date::sys_days(today()) + date::days(3));
  auto scheduled =
      schedule_payment(test_.database(), account_, Money::from_cents(25'00), pay_on, visa, "c");
  ASSERT_TRUE(scheduled.ok()) << scheduled.error().message;
  const std::string before = format_local_date(LocalDate(date::sys_days(pay_on) - date::days(1)));
  EXPECT_EQ(run(before.c_str()).scheduled_paid, 0);
  const std::string on_day = format_local_date(pay_on);
  EXPECT_EQ(run(on_day.c_str()).scheduled_paid, 1);
  EXPECT_EQ(run(on_day.c_str()).scheduled_paid, 0);
  EXPECT_EQ(balance(), -25'00);
  auto listed = scheduled_payments(test_.database(), account_);
  ASSERT_EQ(listed->size(), 1u);
  EXPECT_EQ((*listed)[0].status, "paid");
  EXPECT_FALSE((*listed)[0].confirmation.empty());
  auto cancel_paid = cancel_scheduled_payment(test_.database(), account_, scheduled->id);
  EXPECT_EQ(cancel_paid.error().kind, ErrorKind::conflict);

  auto cancelled =
      schedule_payment(test_.database(), account_, Money::from_cents(5'00), pay_on, visa, "c");
  ASSERT_TRUE(cancel_scheduled_payment(test_.database(), account_, cancelled->id).ok());
  run(on_day.c_str());
  EXPECT_EQ(balance(), -25'00);
}

TEST_F(PaymentScheduleTest, AScheduledPaymentThatCannotBeMadeFailsAloneAndSaysWhy) {
  const std::int64_t visa = save(processors_.card("4242424242424242"));
  const LocalDate pay_on = LocalDate(date::sys_days(today()) + date::days(2));
  auto stuck =
      schedule_payment(test_.database(), account_, Money::from_cents(25'00), pay_on, visa, "c");
  auto fine =
      schedule_payment(test_.database(), account_, Money::from_cents(5'00), pay_on, visa, "c");
  ASSERT_TRUE(stuck.ok() && fine.ok());
  // The job's key for the first is already taken by a different request (left by an earlier,
  // different run): the payment service refuses to pay it under that key.
  auto other = submit_payment(
      test_.database(), processors_.processors(),
      {account_, Money::from_cents(1'00), processors_.card("4242424242424242"), PaymentChannel::web,
       system_idempotency_key("scheduled", std::to_string(stuck->id)), "scheduled"});
  ASSERT_TRUE(other.ok());

  ScheduleReport report = run(format_local_date(pay_on).c_str());
  EXPECT_EQ(report.scheduled_paid, 1);
  EXPECT_EQ(report.scheduled_failed, 1);
  ASSERT_EQ(report.problems.size(), 1u);
  EXPECT_NE(report.problems[0].find("scheduled payment " + std::to_string(stuck->id)),
            std::string::npos);
  auto listed = scheduled_payments(test_.database(), account_);
  ASSERT_EQ(listed->size(), 2u);
  for (const ScheduledPayment& scheduled : *listed) {
    if (scheduled.id == stuck->id) {
      EXPECT_EQ(scheduled.status, "failed");
      EXPECT_NE(scheduled.failure_reason.find("different payment"), std::string::npos)
          << scheduled.failure_reason;
    } else {
      EXPECT_EQ(scheduled.status, "paid");
    }
  }
  EXPECT_EQ(balance(), -6'00);
}

TEST_F(PaymentScheduleTest, BadRequestsAreNamedAndWriteNothing) {
  const std::int64_t visa = save(processors_.card("4242424242424242"));
  const LocalDate tomorrow = LocalDate(date::sys_days(today()) + date::days(1));
  EXPECT_EQ(
      schedule_payment(test_.database(), account_, Money(), tomorrow, visa, "c").error().field,
      "amount");
  EXPECT_EQ(
      schedule_payment(test_.database(), account_, Money::from_cents(1'00), today(), visa, "c")
          .error()
          .field,
      "pay_on");
  EXPECT_EQ(
      schedule_payment(test_.database(), account_, Money::from_cents(1'00), tomorrow, 999, "c")
          .error()
          .field,
      "payment_method_id");
  EXPECT_EQ(enrol_autopay(test_.database(), account_, visa, 21, "c", kByPhone).error().field,
            "days_before_due");
  EXPECT_EQ(cancel_autopay(test_.database(), account_, "c", kByPhone).error().kind,
            ErrorKind::not_found);
  EXPECT_EQ(count(test_.database(), "SELECT COUNT(*) FROM scheduled_payments"), 0);
  EXPECT_EQ(count(test_.database(), "SELECT COUNT(*) FROM autopay_enrolments"), 0);
}

TEST_F(PaymentScheduleTest, StaffEnrolAndCancelOnlyWithTheCustomersConsentWhichIsRecorded) {
  const std::int64_t visa = save(processors_.card("4242424242424242"));
  auto unasked = enrol_autopay(test_.database(), account_, visa, 5, "staff:7", std::nullopt);
  ASSERT_FALSE(unasked.ok());
  EXPECT_EQ(unasked.error().field, "consent");
  EXPECT_EQ(count(test_.database(), "SELECT COUNT(*) FROM autopay_enrolments"), 0);
  EXPECT_EQ(events("autopay.enrolled"), 0);

  const accounts::CustomerConsent consent{"Pat Level", "phone", "call 88"};
  ASSERT_TRUE(enrol_autopay(test_.database(), account_, visa, 5, "staff:7", consent).ok());
  EXPECT_EQ(count(test_.database(),
                  "SELECT COUNT(*) FROM account_events WHERE kind = 'autopay.enrolled' AND actor = "
                  "'staff:7' AND summary = 'Autopay pays each bill 5 days before it is due at the "
                  "request of Pat Level, by phone (call 88)' AND details LIKE "
                  "'%\"how\":\"phone\"%'"),
            1);
  auto unasked_cancel = cancel_autopay(test_.database(), account_, "staff:7", std::nullopt);
  ASSERT_FALSE(unasked_cancel.ok());
  EXPECT_EQ(unasked_cancel.error().field, "consent");
  EXPECT_EQ(events("autopay.cancelled"), 0);
  const accounts::CustomerConsent written{"Pat Level", "written", "form 12"};
  ASSERT_TRUE(cancel_autopay(test_.database(), account_, "staff:7", written).ok());
  EXPECT_EQ(count(test_.database(),
                  "SELECT COUNT(*) FROM account_events WHERE kind = 'autopay.cancelled' AND "
                  "summary = 'Autopay was cancelled at the request of Pat Level, in writing (form "
                  "12)'"),
            1);
}

}  // namespace
}  // namespace rp::payments
