#include "billing/bill_run.h"

#include <gtest/gtest.h>

#include "billing/testing/billing_fixture.h"

namespace rp::billing {
namespace {

using store::testing::count;
using store::testing::query;
using testing::kElectric;
using testing::kWater;
using testing::on;

class BillRunTest : public testing::BillingFixture {};

TEST(NextChunkAccounts, SizesTheNextChunkSoItsWriteTakesTheBudget) {
  using std::chrono::microseconds;
  // 500 accounts written in 20 ms; a 4 ms budget takes 100.
  EXPECT_EQ(next_chunk_accounts(500, microseconds(20'000), microseconds(4'000), 500), 100u);
  // A fast write grows the chunk, but never past the largest.
  EXPECT_EQ(next_chunk_accounts(100, microseconds(2'000), microseconds(4'000), 500), 200u);
  EXPECT_EQ(next_chunk_accounts(400, microseconds(1'000), microseconds(4'000), 500), 500u);
  // A very slow write shrinks it to the smallest chunk, not to nothing.
  EXPECT_EQ(next_chunk_accounts(50, microseconds(900'000), microseconds(4'000), 500),
            kBillRunSmallestChunk);
  // A largest chunk below the smallest wins; no budget or no measure keeps the largest.
  EXPECT_EQ(next_chunk_accounts(5, microseconds(900'000), microseconds(4'000), 5), 5u);
  EXPECT_EQ(next_chunk_accounts(500, microseconds(20'000), microseconds(0), 500), 500u);
  EXPECT_EQ(next_chunk_accounts(0, microseconds(0), microseconds(4'000), 300), 300u);
}

TEST_F(BillRunTest, AFullCycleBillsEachAccountWithKnownTotalsAndPostsTheLedger) {
  set_tariffs();
  AccountNumber maria = open("E1000017", true, "1204 Elm St");
  AccountNumber ben = open("E2000017", false, "17 Oak Ave");
  // Maria uses 0.5 kWh every 15 minutes, Ben 0.25; from July to mid-November.
  store_intervals("E1000017", "2026-07-01", "2026-11-10", 500);
  store_intervals("E2000017", "2026-07-01", "2026-11-10", 250);
  // Maria's water dial, read by drive-by on cycle 3's read dates; the September read is missing.
  store_read("WE1000017", "2026-07-03T17:00:00Z", 10'000);
  store_read("WE1000017", "2026-08-05T17:00:00Z", 16'600);
  store_read("WE1000017", "2026-10-05T17:00:00Z", 30'000);
  store_read("WE1000017", "2026-11-04T18:00:00Z", 36'000);

  for (const char* read_date : {"2026-08-05", "2026-09-03", "2026-10-05", "2026-11-04"}) {
    auto progress = run(3, read_date);
    ASSERT_TRUE(progress.ok()) << read_date << ": " << progress.error().message;
    EXPECT_EQ(progress->status, "done");
    EXPECT_EQ(progress->accounts, 2);
    EXPECT_EQ(progress->released, 2) << read_date;
    EXPECT_EQ(progress->held, 0) << read_date;
    EXPECT_EQ(progress->problems, 0) << read_date;
  }
  // Electric: 0.50/day + 0.10/kWh. Water: 0.25/day + 0.005/gal.
  //  Aug 5 (Jul 3 - Aug 4, 33 days): Maria 1,584 kWh 174.90 + 6,600 gal 41.25; Ben 792 kWh 95.70.
  //  Sep 3 (29 days): Maria 1,392 kWh 153.70 + an estimated 200 gal x 29 = 5,800 gal 36.25;
  //    Ben 84.10.
  //  Oct 5 (32 days): Maria 1,536 kWh 169.60 + the true-up 30,000 - 22,400 = 7,600 gal 46.00;
  //    Ben 92.80.
  //  Nov 4 (30 days, one of 25 hours): Maria 1,442 kWh 159.20 + 6,000 gal 37.50; Ben 87.10.
  const std::string m = maria.digits();
  const std::string b = ben.digits();
  EXPECT_EQ(bills(), (std::vector<std::string>{
                         m + " #1 released 216.15 2026-07-03 2026-08-05",
                         b + " #2 released 95.70 2026-07-03 2026-08-05",
                         m + " #3 released 189.95 2026-08-05 2026-09-03 estimated",
                         b + " #4 released 84.10 2026-08-05 2026-09-03",
                         m + " #5 released 215.60 2026-09-03 2026-10-05",
                         b + " #6 released 92.80 2026-09-03 2026-10-05",
                         m + " #7 released 196.70 2026-10-05 2026-11-04",
                         b + " #8 released 87.10 2026-10-05 2026-11-04",
                     }));
  // The estimated end read carried into the next bill as its start read.
  EXPECT_EQ(count(test_.database(),
                  "SELECT end_read_milli FROM bill_sections WHERE commodity = 'water' AND "
                  "period_start = '2026-08-05'"),
            22'400'000);
  EXPECT_EQ(count(test_.database(),
                  "SELECT start_read_milli FROM bill_sections WHERE commodity = 'water' AND "
                  "period_start = '2026-09-03'"),
            22'400'000);
  // The ledger holds one bill entry per released bill; the balance is their sum, and each bill
  // shows the balance before it.
  EXPECT_EQ(count(test_.database(),
                  "SELECT CAST(SUM(amount_cents) AS BIGINT) FROM ledger_entries le JOIN accounts "
                  "a ON a.id = le.account_id WHERE a.number = '" +
                      m + "'"),
            81840);
  EXPECT_EQ(count(test_.database(), "SELECT previous_balance_cents FROM bills WHERE number = 7"),
            21615 + 18995 + 21560);
  EXPECT_EQ(count(test_.database(), "SELECT COUNT(*) FROM ledger_entries WHERE kind = 'bill'"), 8);
  EXPECT_EQ(
      count(test_.database(), "SELECT COUNT(*) FROM account_events WHERE kind = 'bill.ready'"), 8);
  // Lines are exact: quantity x rate, rounded once.
  auto lines = query(test_.database(),
                     "SELECT l.kind, l.description, l.quantity, l.unit, l.rate, l.amount_cents "
                     "FROM bill_lines l JOIN bill_sections s ON s.id = l.bill_section_id JOIN "
                     "bills b ON b.id = s.bill_id WHERE b.number = 7 AND s.commodity = 'electric' "
                     "ORDER BY l.position");
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(lines[0].text(0), "fixed");
  EXPECT_EQ(lines[0].text(2), "30");
  EXPECT_EQ(lines[0].integer(5), 1500);
  EXPECT_EQ(lines[1].text(0), "energy");
  EXPECT_EQ(lines[1].text(2), "1442");
  EXPECT_EQ(lines[1].text(4), "0.1");
  EXPECT_EQ(lines[1].integer(5), 14420);

  // Running a finished run again changes nothing.
  auto again = run(3, "2026-11-04");
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->released, 2);
  EXPECT_EQ(count(test_.database(), "SELECT COUNT(*) FROM bills"), 8);
}

TEST_F(BillRunTest, ARunStoppedMidwayAndStartedAgainBillsEveryAccountOnceWithGaplessNumbers) {
  set_tariffs();
  for (int i = 0; i < 23; ++i) {
    const std::string serial = "E" + std::to_string(3000000 + i);
    open(serial, false, std::to_string(100 + i) + " Pine St");
    store_intervals(serial, "2026-10-01", "2026-11-10", 300 + i);
  }
  int chunks = 0;
  auto stopped = run(
      3, "2026-11-04", [&](const BillRunProgress&) { return ++chunks < 2; }, 5);
  ASSERT_TRUE(stopped.ok()) << stopped.error().message;
  EXPECT_EQ(stopped->status, "running");
  EXPECT_EQ(count(test_.database(), "SELECT COUNT(*) FROM bills"), 10);

  auto resumed = run(3, "2026-11-04", {}, 5);
  ASSERT_TRUE(resumed.ok()) << resumed.error().message;
  EXPECT_EQ(resumed->status, "done");
  EXPECT_EQ(resumed->released, 23);
  EXPECT_EQ(count(test_.database(), "SELECT COUNT(*) FROM bills"), 23);
  EXPECT_EQ(count(test_.database(), "SELECT COUNT(DISTINCT account_id) FROM bills"), 23);
  EXPECT_EQ(count(test_.database(), "SELECT COUNT(DISTINCT number) FROM bills"), 23);
  EXPECT_EQ(count(test_.database(), "SELECT MIN(number) FROM bills"), 1);
  EXPECT_EQ(count(test_.database(), "SELECT MAX(number) FROM bills"), 23);
  EXPECT_EQ(count(test_.database(), "SELECT COUNT(*) FROM ledger_entries"), 23);
  EXPECT_EQ(count(test_.database(), "SELECT COUNT(*) FROM bill_runs"), 1);
  auto progress = bill_run_progress(test_.database(), resumed->run_id);
  ASSERT_TRUE(progress.ok());
  EXPECT_EQ(progress->released, 23);
  EXPECT_EQ(progress->status, "done");
}

TEST_F(BillRunTest, AHighBillIsHeldWithoutANumberOrALedgerEntry) {
  set_tariffs();
  AccountNumber steady = open("E1000017", false, "1204 Elm St");
  AccountNumber spiking = open("E2000017", false, "17 Oak Ave");
  store_intervals("E1000017", "2026-06-01", "2026-11-10", 500);
  store_intervals("E2000017", "2026-06-01", "2026-10-04", 500);
  store_intervals("E2000017", "2026-10-05", "2026-11-10", 5'000);  // ten times the usage
  for (const char* read_date : {"2026-07-03", "2026-08-05", "2026-09-03", "2026-10-05"}) {
    ASSERT_TRUE(run(3, read_date).ok());
  }
  auto progress = run(3, "2026-11-04");
  ASSERT_TRUE(progress.ok()) << progress.error().message;
  EXPECT_EQ(progress->released, 1);
  EXPECT_EQ(progress->held, 1);
  auto held = query(test_.database(),
                    "SELECT a.number, b.number, h.reason, h.status FROM bills b JOIN accounts a ON "
                    "a.id = b.account_id JOIN bill_holds h ON h.bill_id = b.id");
  ASSERT_EQ(held.size(), 1u);
  EXPECT_EQ(held[0].text(0), spiking.digits());
  EXPECT_TRUE(held[0].is_null(1));
  EXPECT_EQ(held[0].text(2), "high_bill");
  EXPECT_EQ(held[0].text(3), "open");
  // The released bill took the next number; the held one took none and posted nothing.
  EXPECT_EQ(count(test_.database(), "SELECT MAX(number) FROM bills"), 9);
  EXPECT_EQ(count(test_.database(), "SELECT COUNT(*) FROM ledger_entries"), 9);
  EXPECT_EQ(count(test_.database(), "SELECT COUNT(*) FROM account_events WHERE kind = 'bill.held'"),
            1);
  (void)steady;
}

TEST_F(BillRunTest, AnAccountThatCannotBeBilledIsRecordedAndRetriedOnceFixed) {
  AccountNumber maria = open("E1000017", false, "1204 Elm St");
  store_intervals("E1000017", "2026-10-01", "2026-11-10", 500);
  auto first = run(3, "2026-11-04");
  ASSERT_TRUE(first.ok()) << first.error().message;
  EXPECT_EQ(first->problems, 1);
  EXPECT_EQ(first->released, 0);
  auto problem = query(test_.database(), "SELECT problem FROM bill_run_problems");
  ASSERT_EQ(problem.size(), 1u);
  EXPECT_EQ(problem[0].text(0), "rate plan E-RES has no tariff to bill with");
  // Staff read which account and why.
  auto listed = bill_run_problems(test_.database(), first->run_id, "", 10);
  ASSERT_TRUE(listed.ok()) << listed.error().message;
  ASSERT_EQ(listed->size(), 1u);
  EXPECT_EQ(listed->at(0).account_number, maria.digits());
  EXPECT_EQ(listed->at(0).problem, "rate plan E-RES has no tariff to bill with");
  EXPECT_TRUE(bill_run_problems(test_.database(), first->run_id, maria.digits(), 10)->empty());
  EXPECT_EQ(bill_run_problems(test_.database(), 424242, "", 10).error().kind, ErrorKind::not_found);
  EXPECT_EQ(bill_run_problems(test_.database(), first->run_id, "", 0).error().field, "limit");

  set_tariffs();
  auto second = run(3, "2026-11-04");
  ASSERT_TRUE(second.ok()) << second.error().message;
  EXPECT_EQ(second->problems, 0);
  EXPECT_EQ(second->released, 1);
  EXPECT_EQ(count(test_.database(), "SELECT COUNT(*) FROM bill_run_problems"), 0);
  (void)maria;
}

TEST_F(BillRunTest, AReadDateOffTheScheduleOrInTheFutureIsRefusedBeforeAnythingIsWritten) {
  set_tariffs();
  auto off = run(3, "2026-11-05");
  ASSERT_FALSE(off.ok());
  EXPECT_EQ(off.error().field, "read_date");
  EXPECT_EQ(off.error().message, "cycle 3 reads on 2026-11-04 that month, not 2026-11-05");
  auto cycle = run(21, "2026-11-04");
  ASSERT_FALSE(cycle.ok());
  EXPECT_EQ(cycle.error().field, "cycle");
  auto future = run(1, "2099-01-01");
  ASSERT_FALSE(future.ok());
  EXPECT_EQ(future.error().field, "read_date");
  EXPECT_EQ(count(test_.database(), "SELECT COUNT(*) FROM bill_runs"), 0);
}

TEST_F(BillRunTest, BadBillingSettingsAreNamedAndNothingIsWritten) {
  set_tariffs();
  for (auto [key, value, message] :
       {std::tuple{"bill_due_days", "0",
                   "setting bill_due_days: '0' is not a whole number from 1 to 90"},
        std::tuple{
            "bill_holidays", "2026-12-25, 2026-13-01",
            "setting bill_holidays: '2026-13-01' is not a date (YYYY-MM-DD, comma-separated)"}}) {
    ASSERT_TRUE(test_
                    ->write<std::int64_t>([&](store::Session& session) {
                      return session.execute(
                          "INSERT INTO utility_settings (key, value) VALUES (:key, :value)",
                          {std::string(key), std::string(value)});
                    })
                    .ok());
    auto refused = run(3, "2026-11-04");
    ASSERT_FALSE(refused.ok()) << key;
    EXPECT_EQ(refused.error().field, key);
    EXPECT_EQ(refused.error().message, message);
    EXPECT_EQ(count(test_.database(), "SELECT COUNT(*) FROM bill_runs"), 0);
    ASSERT_TRUE(test_
                    ->write<std::int64_t>([&](store::Session& session) {
                      return session.execute("DELETE FROM utility_settings WHERE key = :key",
                                             {std::string(key)});
                    })
                    .ok());
  }
}

TEST_F(BillRunTest, ATariffChangeNeverReachesBackIntoDaysAlreadyBilled) {
  two_accounts_billed_to_october();
  ASSERT_FALSE(HasFailure());
  auto with_versions = [](const std::string& later) {
    return *rating::parse_tariff(
        R"({"format": "ratepayer-tariff/1", "name": "Test electric, renamed", "unit": "kWh",
  "versions": [{"effective": "2020-01-01",
    "fixed_charges": [{"description": "Basic charge", "amount": "0.50", "per": "day"}],
    "energy": {"periods": [{"name": "Energy", "tiers": [{"rate": "0.10"}]}]}})" +
        later + "]}");
  };
  const std::string new_rate = R"(, {"effective": "DATE",
    "fixed_charges": [{"description": "Basic charge", "amount": "0.55", "per": "day"}],
    "energy": {"periods": [{"name": "Energy", "tiers": [{"rate": "0.11"}]}]}})";
  auto effective = [&](const std::string& day) {
    std::string version = new_rate;
    version.replace(version.find("DATE"), 4, day);
    return with_versions(version);
  };
  // Billed through October 4 (the October read on the 5th starts the next period).
  auto retroactive = store_tariff(test_.database(), "E-RES", effective("2026-10-01"), "test");
  ASSERT_FALSE(retroactive.ok());
  EXPECT_EQ(retroactive.error().kind, ErrorKind::conflict);
  EXPECT_EQ(retroactive.error().field, "tariff");
  EXPECT_NE(retroactive.error().message.find("billed through 2026-10-04"), std::string::npos)
      << retroactive.error().message;
  EXPECT_NE(retroactive.error().message.find("effective 2026-10-05 or later"), std::string::npos);
  auto old_rate_changed = rating::parse_tariff(kElectric);
  old_rate_changed->versions[0].fixed_charges[0].amount = *Decimal::parse("0.60");
  EXPECT_FALSE(store_tariff(test_.database(), "E-RES", *old_rate_changed, "test").ok());
  EXPECT_EQ(count(test_.database(),
                  "SELECT COUNT(*) FROM rate_plans WHERE code = 'E-RES' AND "
                  "tariff LIKE '%0.55%'"),
            0);
  // A renamed tariff with a new version from the first day not billed is taken.
  auto forward = store_tariff(test_.database(), "E-RES", effective("2026-10-05"), "test");
  EXPECT_TRUE(forward.ok()) << forward.error().message;
}

TEST_F(BillRunTest, ATariffIsRefusedForAnUnknownPlanOrAUnitThePlanCannotBill) {
  set_tariffs();
  auto unknown = store_tariff(test_.database(), "E-XYZ", *rating::parse_tariff(kElectric), "test");
  ASSERT_FALSE(unknown.ok());
  EXPECT_EQ(unknown.error().kind, ErrorKind::not_found);
  auto gallons = store_tariff(test_.database(), "E-RES", *rating::parse_tariff(kWater), "test");
  ASSERT_FALSE(gallons.ok());
  EXPECT_EQ(gallons.error().field, "tariff");
  EXPECT_EQ(gallons.error().message, "a tariff in gal cannot bill electric plan E-RES");
  // The plan keeps the tariff it had.
  EXPECT_EQ(count(test_.database(),
                  "SELECT COUNT(*) FROM rate_plans WHERE code = 'E-RES' AND "
                  "tariff LIKE '%Test electric%'"),
            1);
}

}  // namespace
}  // namespace rp::billing

namespace rp::billing {
namespace {

using store::testing::count;
using store::testing::query;

class MoveOutTest : public testing::BillingFixture {};

TEST_F(MoveOutTest, AMoveOutIsBilledByTheNextRunAsAProratedFinalBill) {
  set_tariffs();
  AccountNumber maria = open("E1000017", true, "1204 Elm St");
  store_intervals("E1000017", "2026-07-01", "2026-11-10", 500);
  store_read("WE1000017", "2026-07-03T17:00:00Z", 10'000);
  store_read("WE1000017", "2026-08-05T17:00:00Z", 16'600);
  store_read("WE1000017", "2026-09-03T17:00:00Z", 23'000);
  store_read("WE1000017", "2026-10-05T17:00:00Z", 30'000);
  for (const char* read_date : {"2026-08-05", "2026-09-03", "2026-10-05"}) {
    ASSERT_TRUE(run(3, read_date).ok());
  }
  // Billed through October 4: a last day before that would leave a bill past the move-out.
  auto early = accounts::stop_service(test_.database(), maria, {"2026-10-01", "staff:test"});
  ASSERT_FALSE(early.ok());
  EXPECT_EQ(early.error().kind, ErrorKind::conflict);
  EXPECT_EQ(early.error().message,
            "electric service is billed through 2026-10-04, after the last day 2026-10-01: "
            "cancel that bill first");
  auto malformed = accounts::stop_service(test_.database(), maria, {"2026-10-32", "staff:test"});
  ASSERT_FALSE(malformed.ok());
  EXPECT_EQ(malformed.error().field, "last_day");
  EXPECT_EQ(
      count(test_.database(), "SELECT COUNT(*) FROM service_agreements WHERE end_date IS NOT NULL"),
      0);

  // Maria moves out after October 20; the field reads her water meter that morning.
  auto stopped = accounts::stop_service(test_.database(), maria, {"2026-10-20", "staff:test"});
  ASSERT_TRUE(stopped.ok()) << stopped.error().message;
  EXPECT_EQ(*stopped, 2);
  store_read("WE1000017", "2026-10-20T17:00:00Z", 33'000);
  auto again = accounts::stop_service(test_.database(), maria, {"2026-10-20", "staff:test"});
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.error().kind, ErrorKind::conflict);

  auto november = run(3, "2026-11-04");
  ASSERT_TRUE(november.ok()) << november.error().message;
  EXPECT_EQ(november->released, 1);
  // October 5-20 is 16 days. Electric: 16 x 0.50 + 768 kWh x 0.10 = 84.80.
  // Water: 16 x 0.25 + (33,000 - 30,000) gal x 0.005 = 19.00.
  auto final_bill = query(test_.database(),
                          "SELECT charges_cents, final, period_start, period_end FROM bills "
                          "WHERE period_start = '2026-10-05'");
  ASSERT_EQ(final_bill.size(), 1u);
  EXPECT_EQ(final_bill[0].integer(0), 10'380);
  EXPECT_EQ(final_bill[0].integer(1), 1);
  EXPECT_EQ(final_bill[0].text(3), "2026-10-21");
  auto sections = query(test_.database(),
                        "SELECT commodity, final, charges_cents, end_read_milli FROM "
                        "bill_sections WHERE period_start = '2026-10-05' ORDER BY commodity");
  ASSERT_EQ(sections.size(), 2u);
  EXPECT_EQ(sections[0].text(0), "electric");
  EXPECT_EQ(sections[0].integer(1), 1);
  EXPECT_EQ(sections[0].integer(2), 8'480);
  EXPECT_EQ(sections[1].integer(2), 1'900);
  EXPECT_EQ(sections[1].integer(3), 33'000'000);
  EXPECT_EQ(
      count(test_.database(), "SELECT COUNT(*) FROM account_events WHERE kind = 'service.stopped'"),
      1);
}

}  // namespace
}  // namespace rp::billing
