#include "billing/bill_corrections.h"

#include <gtest/gtest.h>

#include "accounts/account_service.h"
#include "accounts/ledger.h"
#include "accounts/mailing_address.h"
#include "billing/bill_documents.h"
#include "billing/bill_views.h"
#include "billing/testing/billing_fixture.h"

namespace rp::billing {
namespace {

using namespace date::literals;
using store::testing::count;
using store::testing::query;

// Two electric accounts billed July to October; in November one uses ten times as much, so its
// bill is held for high usage. Electric is 0.50 a day + 0.10 a kWh; November's period runs
// 2026-10-05 to 2026-11-03 (30 days, one of 25 hours).
class BillCorrectionsTest : public testing::BillingFixture {
 protected:
  void SetUp() override {
    BillingFixture::SetUp();
    std::tie(steady_, spiking_) = two_accounts_billed_to_october(5'000);
    ASSERT_FALSE(HasFailure());
    auto november = run(3, "2026-11-04");
    ASSERT_TRUE(november.ok());
    ASSERT_EQ(november->held, 1);
    held_ = count(test_.database(), "SELECT id FROM bills WHERE status = 'held'");
  }

  BillAction action(std::int64_t bill_id, std::string note) {
    return BillAction{bill_id, "staff:test", std::move(note)};
  }

  std::int64_t balance(const AccountNumber& account) {
    return count(test_.database(),
                 "SELECT CAST(COALESCE(SUM(le.amount_cents), 0) AS BIGINT) FROM ledger_entries le "
                 "JOIN accounts a ON a.id = le.account_id WHERE a.number = '" +
                     account.digits() + "'");
  }

  std::int64_t bill_id_of_number(std::int64_t number) {
    return count(test_.database(), "SELECT id FROM bills WHERE number = " + std::to_string(number));
  }

  AccountNumber steady_ = AccountNumber::from_sequence(0);
  AccountNumber spiking_ = AccountNumber::from_sequence(0);
  std::int64_t held_ = 0;
};

TEST_F(BillCorrectionsTest, ApprovingAHeldBillReleasesItWithTheNextNumberAndPostsIt) {
  const HistoryClock before_decembers_read(*parse_instant("2026-11-20T20:00:00Z", "at"));
  const std::int64_t before = balance(spiking_);
  auto approved = approve_held_bill(test_.database(), action(held_, "customer filled a pool"));
  ASSERT_TRUE(approved.ok()) << approved.error().message;
  EXPECT_EQ(approved->status, "released");
  EXPECT_EQ(approved->number, 10);  // 9 bills were released before it
  // 14,420 kWh x 0.10 + 30 days x 0.50.
  EXPECT_EQ(balance(spiking_), before + 145'700);
  auto bill = query(test_.database(),
                    "SELECT bill_date, due_date, previous_balance_cents FROM bills WHERE id = " +
                        std::to_string(held_));
  // Approved after its bill date: dated today, due 21 days (or the next business day) later.
  const LocalDate today = UtilityZone::find("America/Los_Angeles")->local_date(now());
  EXPECT_EQ(bill[0].text(0), format_local_date(today));
  EXPECT_GE(bill[0].text(1), format_local_date(LocalDate(date::sys_days(today) + date::days(21))));
  EXPECT_EQ(bill[0].integer(2), before);
  EXPECT_EQ(count(test_.database(),
                  "SELECT COUNT(*) FROM bill_holds WHERE status = 'approved' AND resolved_by = "
                  "'staff:test' AND resolution_note = 'customer filled a pool'"),
            1);
  EXPECT_EQ(count(test_.database(),
                  "SELECT COUNT(*) FROM account_events WHERE kind = 'bill.ready' AND details LIKE "
                  "'%customer filled a pool%'"),
            1);

  auto again = approve_held_bill(test_.database(), action(held_, ""));
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.error().kind, ErrorKind::conflict);
  EXPECT_EQ(again.error().message,
            "bill " + std::to_string(held_) + " is released; only a held bill can be approved");
  EXPECT_EQ(balance(spiking_), before + 145'700);
  auto missing = approve_held_bill(test_.database(), action(999'999, ""));
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().kind, ErrorKind::not_found);
}

TEST_F(BillCorrectionsTest, AHoldThatWaitedPastItsCyclesNextReadIsRecalculatedBeforeRelease) {
  auto settings = load_billing_settings(test_.database());
  ASSERT_TRUE(settings.ok());
  const LocalDate december_read = cycle_dates(settings->calendar, 3, 2026_y / 12).read_date;
  // November's hold waited past December's read (it could be approved until then: above).
  const HistoryClock after_read(settings->zone.start_of_day(december_read) + std::chrono::hours(9));
  const std::int64_t before = balance(spiking_);
  auto refused = approve_held_bill(test_.database(), action(held_, "looks right"));
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().kind, ErrorKind::conflict);
  EXPECT_EQ(refused.error().code, "bill-overtaken");
  EXPECT_NE(refused.error().message.find("next read on " + format_local_date(december_read)),
            std::string::npos)
      << refused.error().message;
  EXPECT_NE(refused.error().message.find("recalculate it"), std::string::npos);
  EXPECT_EQ(count(test_.database(), "SELECT COUNT(*) FROM bills WHERE status = 'held'"), 1);
  EXPECT_EQ(balance(spiking_), before);

  // Recalculated from the same (still ten times) usage it is held again, dated today, and that
  // draft may be approved.
  auto recalculated = recalculate_bill(test_.database(), action(held_, "usage re-checked"));
  ASSERT_TRUE(recalculated.ok()) << recalculated.error().message;
  ASSERT_TRUE(recalculated->new_bill_id);
  EXPECT_EQ(recalculated->new_status, "held");
  auto approved =
      approve_held_bill(test_.database(), action(*recalculated->new_bill_id, "pool filled"));
  ASSERT_TRUE(approved.ok()) << approved.error().message;
  EXPECT_EQ(approved->status, "released");
  EXPECT_EQ(balance(spiking_), before + 145'700);
}

TEST_F(BillCorrectionsTest, AHeldBillThatLaterBillsFollowIsRecalculatedForItsOwnPeriod) {
  auto settings = load_billing_settings(test_.database());
  ASSERT_TRUE(settings.ok());
  const LocalDate december_read = cycle_dates(settings->calendar, 3, 2026_y / 12).read_date;
  const HistoryClock after_read(settings->zone.start_of_day(december_read) +
                                std::chrono::hours(30));
  store_intervals("E1000017", "2026-11-11", "2026-12-20", 500);
  store_intervals("E2000017", "2026-11-11", "2026-12-20", 500);
  auto december = run(3, format_local_date(december_read).c_str());
  ASSERT_TRUE(december.ok()) << december.error().message;
  // December's bill of the spiking account follows the held November bill.
  auto decembers =
      query(test_.database(),
            "SELECT b.id, b.period_start FROM bills b JOIN accounts a ON a.id = "
            "b.account_id WHERE a.number = '" +
                spiking_.digits() + "' AND b.status <> 'cancelled' ORDER BY b.id DESC");
  ASSERT_EQ(decembers[0].text(1), "2026-11-04");
  // Cancelling it would leave its period unbilled for good: refused.
  auto cancel = cancel_bill(test_.database(), action(held_, "not needed"));
  ASSERT_FALSE(cancel.ok());
  EXPECT_NE(cancel.error().message.find("not the latest bill"), std::string::npos);

  // The meter fault is corrected and the November bill drafted again for its own period.
  correct_intervals("E2000017", "2026-10-05", "2026-11-10", 500);
  const std::int64_t before = balance(spiking_);
  auto recalculated = recalculate_bill(test_.database(), action(held_, "meter fault corrected"));
  ASSERT_TRUE(recalculated.ok()) << recalculated.error().message;
  ASSERT_TRUE(recalculated->new_bill_id);
  EXPECT_EQ(recalculated->new_status, "released");
  auto replacement = query(test_.database(),
                           "SELECT period_start, period_end, charges_cents FROM bills WHERE id = " +
                               std::to_string(*recalculated->new_bill_id));
  EXPECT_EQ(replacement[0].text(0), "2026-10-05");
  EXPECT_EQ(replacement[0].text(1), "2026-11-04");
  EXPECT_EQ(replacement[0].integer(2), 15'920);
  EXPECT_EQ(balance(spiking_), before + 15'920);
  // Each day is billed once: the agreement's active sections still chain without overlap.
  auto sections = query(test_.database(),
                        "SELECT s.period_start, s.period_end FROM bill_sections s JOIN bills b ON "
                        "b.id = s.bill_id JOIN accounts a ON a.id = b.account_id WHERE s.active = "
                        "1 AND a.number = '" +
                            spiking_.digits() + "' ORDER BY s.period_start");
  for (std::size_t i = 1; i < sections.size(); ++i) {
    EXPECT_EQ(sections[i].text(0), sections[i - 1].text(1)) << i;
  }
}

TEST_F(BillCorrectionsTest, RecalculatingAfterAReadCorrectionReplacesTheHeldBill) {
  auto refused = recalculate_bill(test_.database(), action(held_, " "));
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().field, "note");
  EXPECT_EQ(count(test_.database(), "SELECT COUNT(*) FROM bills WHERE status = 'cancelled'"), 0);

  const std::int64_t before = balance(spiking_);
  correct_intervals("E2000017", "2026-10-05", "2026-11-10", 500);
  auto recalculated = recalculate_bill(test_.database(), action(held_, "meter fault corrected"));
  ASSERT_TRUE(recalculated.ok()) << recalculated.error().message;
  EXPECT_EQ(recalculated->status, "cancelled");
  ASSERT_TRUE(recalculated->new_bill_id);
  EXPECT_EQ(recalculated->new_status, "released");
  EXPECT_EQ(recalculated->new_number, 10);
  // 1,442 kWh x 0.10 + 15.00, like the steady neighbour.
  EXPECT_EQ(balance(spiking_), before + 15'920);
  EXPECT_EQ(count(test_.database(), "SELECT replaces_bill_id FROM bills WHERE id = " +
                                        std::to_string(*recalculated->new_bill_id)),
            held_);
  EXPECT_EQ(
      count(test_.database(), "SELECT COUNT(*) FROM bill_holds WHERE status = 'recalculated'"), 1);
  EXPECT_EQ(count(test_.database(),
                  "SELECT COUNT(*) FROM bill_sections WHERE active = 1 AND "
                  "bill_id = " +
                      std::to_string(held_)),
            0);
  EXPECT_EQ(count(test_.database(), "SELECT COUNT(*) FROM ledger_entries WHERE kind = 'reversal'"),
            0);  // a held bill had posted nothing
}

TEST_F(BillCorrectionsTest, ACancelledHeldBillPostsNothingAndItsPeriodIsBilledAgain) {
  const std::int64_t before = balance(spiking_);
  auto cancelled = cancel_bill(test_.database(), action(held_, "read to be checked in the field"));
  ASSERT_TRUE(cancelled.ok()) << cancelled.error().message;
  EXPECT_EQ(cancelled->status, "cancelled");
  EXPECT_EQ(balance(spiking_), before);
  EXPECT_EQ(count(test_.database(), "SELECT COUNT(*) FROM bill_holds WHERE status = 'cancelled'"),
            1);
  EXPECT_EQ(
      count(test_.database(), "SELECT COUNT(*) FROM account_events WHERE kind = 'bill.cancelled'"),
      1);
  // Running the cycle's run again drafts the account for the same period, which is held again.
  auto again = run(3, "2026-11-04");
  ASSERT_TRUE(again.ok()) << again.error().message;
  auto bills = query(test_.database(),
                     "SELECT b.status, b.period_start FROM bills b JOIN accounts a ON a.id = "
                     "b.account_id WHERE a.number = '" +
                         spiking_.digits() + "' AND b.period_start = '2026-10-05' ORDER BY b.id");
  ASSERT_EQ(bills.size(), 2u);
  EXPECT_EQ(bills[0].text(0), "cancelled");
  EXPECT_EQ(bills[1].text(0), "held");
}

TEST_F(BillCorrectionsTest, AReleasedBillIsCorrectedByALinkedReversalAndARebill) {
  const std::int64_t november = bill_id_of_number(9);
  ASSERT_EQ(count(test_.database(),
                  "SELECT a.number FROM bills b JOIN accounts a ON a.id = "
                  "b.account_id WHERE b.number = 9"),
            std::stoll(steady_.digits()));
  // Only the latest bill of a service can be corrected.
  auto october = recalculate_bill(test_.database(), action(bill_id_of_number(7), "rate error"));
  ASSERT_FALSE(october.ok());
  EXPECT_EQ(october.error().kind, ErrorKind::conflict);
  EXPECT_EQ(october.error().message,
            "bill 7 is not the latest bill of its services: correct the later bill first (newest "
            "first)");

  const std::int64_t before = balance(steady_);
  correct_intervals("E1000017", "2026-10-05", "2026-11-10", 250);
  auto rebilled = recalculate_bill(test_.database(), action(november, "meter multiplier"));
  ASSERT_TRUE(rebilled.ok()) << rebilled.error().message;
  EXPECT_EQ(rebilled->status, "cancelled");
  EXPECT_EQ(rebilled->number, 9);  // a cancelled bill keeps its number: no gap
  EXPECT_EQ(rebilled->new_number, 10);
  // 159.20 reversed, 721 kWh x 0.10 + 15.00 = 87.10 billed.
  EXPECT_EQ(balance(steady_), before - 15'920 + 8'710);
  auto reversal = query(test_.database(),
                        "SELECT r.amount_cents, r.reference, b.kind, b.amount_cents FROM "
                        "ledger_entries r JOIN ledger_entries b ON b.id = r.reverses_entry_id "
                        "WHERE r.kind = 'reversal'");
  ASSERT_EQ(reversal.size(), 1u);
  EXPECT_EQ(reversal[0].integer(0), -15'920);
  EXPECT_EQ(reversal[0].text(1), "9");
  EXPECT_EQ(reversal[0].text(2), "bill");
  EXPECT_EQ(reversal[0].integer(3), 15'920);

  // The customer's bill history shows the replacement, the cancelled bill and the earlier ones.
  auto history = account_bills(test_.database(), steady_, BillPage{0, 3});
  ASSERT_TRUE(history.ok()) << history.error().message;
  ASSERT_EQ(history->size(), 3u);
  EXPECT_EQ((*history)[0].number, 10);
  EXPECT_EQ((*history)[0].replaces_bill_id, november);
  EXPECT_EQ((*history)[0].period_end, "2026-11-03");
  EXPECT_EQ((*history)[0].period_days, 30);
  EXPECT_EQ((*history)[1].status, "cancelled");
  EXPECT_EQ((*history)[1].cancel_reason, "meter multiplier");
  EXPECT_EQ((*history)[2].number, 7);
  auto older = account_bills(test_.database(), steady_, BillPage{(*history)[2].id, 20});
  ASSERT_TRUE(older.ok());
  EXPECT_EQ(older->size(), 3u);  // bills 5, 3 and 1

  auto bill = account_bill(test_.database(), steady_, 10);
  ASSERT_TRUE(bill.ok()) << bill.error().message;
  EXPECT_EQ(bill->summary.charges.cents(), 8'710);
  EXPECT_EQ(bill->summary.amount_due.cents(), before - 15'920 + 8'710);
  ASSERT_EQ(bill->sections.size(), 1u);
  ASSERT_EQ(bill->sections[0].lines.size(), 2u);
  EXPECT_EQ(bill->sections[0].usage, "721");
  EXPECT_EQ(bill->sections[0].lines[0].explanation, "30 days × $0.5 per day = $15.00");
  EXPECT_EQ(bill->sections[0].lines[1].explanation, "721 kWh × $0.1 per kWh = $72.10");
  auto elsewhere = account_bill(test_.database(), spiking_, 10);
  ASSERT_FALSE(elsewhere.ok());
  EXPECT_EQ(elsewhere.error().kind, ErrorKind::not_found);
}

TEST_F(BillCorrectionsTest, ARebillGetsFreshTermsAndTakesTheLateFeeOfTheBillItReplaces) {
  const std::int64_t november = bill_id_of_number(9);
  // Bill 9 drew a $5.00 late fee.
  auto charged = test_->write<std::int64_t>([&](store::Session& session) -> Result<std::int64_t> {
    auto key = accounts::find_account_key(session, steady_);
    RP_TRY(key);
    auto entry = accounts::post_ledger_entry(
        session, {key->id, accounts::LedgerEntryKind::late_fee, Money::from_cents(5'00),
                  "2026-12-01", "9", "Late fee on bill 9", 0});
    RP_TRY(entry);
    return session.execute(
        "INSERT INTO late_fees (bill_id, account_id, assessed_on, unpaid_cents, fee_cents, "
        "reason, ledger_entry_id, assessed_at) VALUES (:bill, :account, '2026-12-01', 15920, "
        "500, 'late', :entry, '2026-12-01T10:00:00Z')",
        {november, key->id, *entry});
  });
  ASSERT_TRUE(charged.ok()) << charged.error().message;
  const std::int64_t before = balance(steady_);

  auto rebilled = recalculate_bill(test_.database(), action(november, "rate error"));
  ASSERT_TRUE(rebilled.ok()) << rebilled.error().message;
  ASSERT_EQ(rebilled->new_status, "released");
  // The bill, and its late fee, are reversed; the same charges are billed again.
  EXPECT_EQ(balance(steady_), before - 5'00);
  EXPECT_EQ(count(test_.database(),
                  "SELECT COUNT(*) FROM ledger_entries r JOIN ledger_entries f ON f.id = "
                  "r.reverses_entry_id WHERE r.kind = 'reversal' AND f.kind = 'late_fee' AND "
                  "r.amount_cents = -500"),
            1);
  // Fresh terms: dated today, due the utility's days later (not already past due).
  auto terms = query(test_.database(), "SELECT bill_date, due_date FROM bills WHERE id = " +
                                           std::to_string(*rebilled->new_bill_id));
  const LocalDate today = UtilityZone::find("America/Los_Angeles")->local_date(now());
  EXPECT_EQ(terms[0].text("bill_date"), format_local_date(today));
  EXPECT_GE(terms[0].text("due_date"),
            format_local_date(LocalDate(date::sys_days(today) + date::days(21))));
  // Cancelling the rebill reverses nothing more: its predecessor's fee is already reversed.
  auto cancelled = cancel_bill(test_.database(), action(*rebilled->new_bill_id, "duplicate"));
  ASSERT_TRUE(cancelled.ok()) << cancelled.error().message;
  EXPECT_EQ(count(test_.database(),
                  "SELECT COUNT(*) FROM ledger_entries WHERE kind = 'reversal' AND amount_cents = "
                  "-500"),
            1);
}

TEST_F(BillCorrectionsTest, ASentBillPrintsTheMailingAddressItWasSentTo) {
  auto mailed_to = [&] {
    auto document = bill_document(test_.database(), steady_, 9);
    EXPECT_TRUE(document.ok()) << (document.ok() ? "" : document.error().message);
    return document.ok() ? document->mailing_address : std::vector<std::string>{};
  };
  const std::vector<std::string> as_sent = mailed_to();
  ASSERT_FALSE(as_sent.empty());
  accounts::MailingAddressChange moved;
  moved.address = {"PO Box 88", "", "Eugene", "OR", "97440"};
  moved.actor = "staff:1";
  ASSERT_TRUE(accounts::change_mailing_address(test_.database(), steady_, moved).ok());
  EXPECT_EQ(mailed_to(), as_sent);  // the bill went to the old address
  auto now_on_file = query(test_.database(), "SELECT mail_line1 FROM accounts WHERE number = '" +
                                                 steady_.digits() + "'");
  EXPECT_EQ(now_on_file.at(0).text(0), "PO Box 88");  // new bills go to the new one
  moved.address = {"12 Pine St", "", "Eugene", "OR", "97401"};
  ASSERT_TRUE(accounts::change_mailing_address(test_.database(), steady_, moved).ok());
  EXPECT_EQ(mailed_to(), as_sent);  // the first change after it says where it went
}

TEST_F(BillCorrectionsTest, ASentBillsDocumentDoesNotChangeWhenItIsRebilled) {
  auto usage_bars = [&] {
    auto document = bill_document(test_.database(), steady_, 9);
    EXPECT_TRUE(document.ok()) << (document.ok() ? "" : document.error().message);
    std::vector<std::string> bars;
    if (!document.ok()) return bars;
    for (const auto& bar : document->usage_history) {
      bars.push_back(std::to_string(static_cast<unsigned>(bar.month.month())) + ":" +
                     std::to_string(bar.usage_milli));
    }
    return bars;
  };
  const std::vector<std::string> as_sent = usage_bars();
  ASSERT_FALSE(as_sent.empty());
  correct_intervals("E1000017", "2026-10-05", "2026-11-10", 250);
  ASSERT_TRUE(
      recalculate_bill(test_.database(), action(bill_id_of_number(9), "meter multiplier")).ok());
  // Bill 9 is cancelled and replaced, but the document the customer was sent is the same.
  EXPECT_EQ(usage_bars(), as_sent);
}

TEST_F(BillCorrectionsTest, TheHoldQueueListsHeldBillsWithTheirReasons) {
  auto queue = held_bills(test_.database(), BillPage{0, 20});
  ASSERT_TRUE(queue.ok()) << queue.error().message;
  ASSERT_EQ(queue->size(), 1u);
  const BillView& held = (*queue)[0];
  EXPECT_EQ(held.summary.id, held_);
  EXPECT_EQ(held.summary.account_number, spiking_.digits());
  EXPECT_FALSE(held.summary.number);
  ASSERT_EQ(held.holds.size(), 1u);
  EXPECT_EQ(held.holds[0].reason, "high_bill");
  EXPECT_EQ(held.holds[0].status, "open");
  EXPECT_EQ(held.sections[0].usage, "14420");
  auto past = held_bills(test_.database(), BillPage{held_, 20});
  ASSERT_TRUE(past.ok());
  EXPECT_TRUE(past->empty());
  auto bad = held_bills(test_.database(), BillPage{0, 0});
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().field, "limit");
}

}  // namespace
}  // namespace rp::billing
