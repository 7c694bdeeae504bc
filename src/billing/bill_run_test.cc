#include "billing/bill_run.h"

#include <gtest/gtest.h>

#include <tuple>

#include "accounts/testing/account_fixtures.h"
#include "billing/rate_plan_tariffs.h"
#include "mdm/interval_day.h"
#include "mdm/interval_day_store.h"
#include "rating/tariff_format.h"
#include "store/testing/test_database.h"

namespace rp::billing {
namespace {

using store::testing::count;
using store::testing::query;
using store::testing::TestDatabase;

LocalDate on(const char* text) {
  return *parse_local_date(text, "date");
}

std::int32_t utc_day(const char* text) {
  return static_cast<std::int32_t>(date::sys_days(on(text)).time_since_epoch().count());
}

// Flat test tariffs whose bills are easy to work out by hand: electric 0.50 a day + 0.10 a kWh,
// water 0.25 a day + 0.005 a gallon.
const char* kElectric = R"({"format": "ratepayer-tariff/1", "name": "Test electric", "unit": "kWh",
  "versions": [{"effective": "2020-01-01",
    "fixed_charges": [{"description": "Basic charge", "amount": "0.50", "per": "day"}],
    "energy": {"periods": [{"name": "Energy", "tiers": [{"rate": "0.10"}]}]}}]})";
const char* kWater = R"({"format": "ratepayer-tariff/1", "name": "Test water", "unit": "gal",
  "versions": [{"effective": "2020-01-01",
    "fixed_charges": [{"description": "Service charge", "amount": "0.25", "per": "day"}],
    "energy": {"periods": [{"name": "Water", "tiers": [{"rate": "0.005"}]}]}}]})";

class BillRunTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(test_
                    ->write<std::int64_t>([](store::Session& session) {
                      return session.execute(
                          "INSERT INTO utility_settings (key, value) "
                          "VALUES ('time_zone', 'America/Los_Angeles')");
                    })
                    .ok());
  }

  void set_tariffs() {
    for (auto [code, name, commodity, tariff] :
         {std::tuple{"E-RES", "Residential electric", "electric", kElectric},
          std::tuple{"W-RES", "Residential water", "water", kWater}}) {
      ASSERT_TRUE(accounts::define_rate_plan(test_.database(), {code, name}, commodity).ok());
      auto stored = store_tariff(test_.database(), code, *rating::parse_tariff(tariff), "test");
      ASSERT_TRUE(stored.ok()) << stored.error().message;
    }
  }

  // Opens a cycle-3 account with an AMI electric meter `serial` (and a register water meter
  // W<serial> when `water`).
  AccountNumber open(const std::string& serial, bool water, const std::string& line1) {
    accounts::testing::SampleAccount sample;
    sample.meter_serial = serial;
    sample.with_water = water;
    sample.line1 = line1;
    return accounts::testing::open_sample_account(test_.database(), sample);
  }

  // Every 15-minute slot of UTC days [first, last] of meter `serial`'s kWh channel holds `milli`.
  void store_intervals(const std::string& serial, const char* first, const char* last,
                       std::int64_t milli) {
    const std::int64_t channel = channel_of(serial);
    std::vector<mdm::IntervalDay> days;
    for (std::int32_t d = utc_day(first); d <= utc_day(last); ++d) {
      mdm::IntervalDay day = mdm::IntervalDay::empty(channel, d, 15);
      std::fill(day.values.begin(), day.values.end(), milli);
      std::fill(day.quality.begin(), day.quality.end(), mdm::Quality::actual);
      days.push_back(std::move(day));
    }
    std::vector<const mdm::IntervalDay*> pointers;
    for (const auto& day : days) pointers.push_back(&day);
    ASSERT_TRUE(mdm::prepare_interval_days(test_.database(), utc_day(first), utc_day(last)).ok());
    auto stored = test_->write<bool>([&](store::Session& session) -> Result<bool> {
      RP_TRY(mdm::insert_interval_days(session, pointers, "2026-11-20T00:00:00Z"));
      return true;
    });
    ASSERT_TRUE(stored.ok()) << stored.error().message;
  }

  void store_read(const std::string& serial, const char* taken_at, std::int64_t gallons) {
    const std::int64_t channel = channel_of(serial);
    auto stored = test_->write<std::int64_t>([&](store::Session& session) {
      return session.execute(
          "INSERT INTO register_reads (channel_id, taken_at, milli_units, source, status, "
          "created_at) VALUES (:channel, :taken_at, :milli, 'amr', 'accepted', :created_at)",
          {channel, std::string(taken_at), gallons * 1000, std::string("2026-11-20T00:00:00Z")});
    });
    ASSERT_TRUE(stored.ok()) << stored.error().message;
  }

  std::int64_t channel_of(const std::string& serial) {
    return count(test_.database(),
                 "SELECT c.id FROM meter_channels c JOIN meters m ON m.id = "
                 "c.meter_id WHERE m.serial = '" +
                     serial + "'");
  }

  Result<BillRunProgress> run(int cycle, const char* read_date, const AfterBillChunk& after = {},
                              std::size_t chunk = kBillRunChunkAccounts) {
    BillRunRequest request;
    request.cycle = cycle;
    request.read_date = on(read_date);
    request.started_by = "staff:test";
    request.chunk_accounts = chunk;
    return run_bills(test_.database(), request, after);
  }

  // "number status charges period_start period_end estimated" of every bill, in id order.
  std::vector<std::string> bills() {
    std::vector<std::string> lines;
    for (const auto& row : query(test_.database(),
                                 "SELECT a.number, b.number, b.status, b.charges_cents, "
                                 "b.period_start, b.period_end, b.estimated FROM bills b JOIN "
                                 "accounts a ON a.id = b.account_id ORDER BY b.id")) {
      lines.push_back(row.text(0) + " #" + row.text(1) + " " + row.text(2) + " " +
                      Money::from_cents(row.integer(3)).to_string() + " " + row.text(4) + " " +
                      row.text(5) + (row.integer(6) ? " estimated" : ""));
    }
    return lines;
  }

  TestDatabase test_;
};

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
                   "setting bill_due_days: '0' is not a whole number of days 1-90"},
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
