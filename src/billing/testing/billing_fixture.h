#pragma once
// A small utility for billing service tests: Los Angeles time, flat test tariffs whose bills can be
// worked out by hand, sample accounts on cycle 3, interval days and register reads, and bill runs.

#include <gtest/gtest.h>

#include <tuple>

#include "accounts/service_start.h"
#include "accounts/service_stop.h"
#include "accounts/testing/account_fixtures.h"
#include "billing/bill_run.h"
#include "billing/rate_plan_tariffs.h"
#include "mdm/interval_day.h"
#include "mdm/interval_day_store.h"
#include "rating/tariff_format.h"
#include "store/testing/test_database.h"

namespace rp::billing::testing {

using store::testing::count;
using store::testing::query;
using store::testing::TestDatabase;

inline LocalDate on(const char* text) {
  return *parse_local_date(text, "date");
}

inline std::int32_t utc_day(const char* text) {
  return static_cast<std::int32_t>(date::sys_days(on(text)).time_since_epoch().count());
}

// Flat test tariffs whose bills are easy to work out by hand: electric 0.50 a day + 0.10 a kWh,
// water 0.25 a day + 0.005 a gallon.
inline const char* kElectric =
    R"({"format": "ratepayer-tariff/1", "name": "Test electric", "unit": "kWh",
  "versions": [{"effective": "2020-01-01",
    "fixed_charges": [{"description": "Basic charge", "amount": "0.50", "per": "day"}],
    "energy": {"periods": [{"name": "Energy", "tiers": [{"rate": "0.10"}]}]}}]})";
inline const char* kWater = R"({"format": "ratepayer-tariff/1", "name": "Test water", "unit": "gal",
  "versions": [{"effective": "2020-01-01",
    "fixed_charges": [{"description": "Service charge", "amount": "0.25", "per": "day"}],
    "energy": {"periods": [{"name": "Water", "tiers": [{"rate": "0.005"}]}]}}]})";

class BillingFixture : public ::testing::Test {
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

  // A read correction: every slot of UTC days [first, last] of `serial`'s kWh channel becomes
  // `milli`, through the same versioned replacement a VEE edit uses.
  void correct_intervals(const std::string& serial, const char* first, const char* last,
                         std::int64_t milli) {
    const std::int64_t channel = channel_of(serial);
    auto corrected = test_->write<bool>([&](store::Session& session) -> Result<bool> {
      auto days = mdm::load_interval_days(session, channel, utc_day(first), utc_day(last));
      RP_TRY(days);
      for (const mdm::IntervalDay& stored : *days) {
        mdm::IntervalDay updated = stored;
        std::fill(updated.values.begin(), updated.values.end(), milli);
        RP_TRY(mdm::replace_interval_day(session, stored, updated,
                                         {"2026-11-21T00:00:00Z", "staff:test", "meter fault"}));
      }
      return true;
    });
    ASSERT_TRUE(corrected.ok()) << corrected.error().message;
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

  // Two electric accounts on cycle 3 (E1000017 at 1204 Elm St, E2000017 at 17 Oak Ave) using
  // 0.5 kWh every 15 minutes (48 kWh a day) from June, billed July to October. From October 5 the
  // second uses `second_from_october` a slot instead (5,000: ten times as much, so November's
  // bill is held for high usage). November's period is 2026-10-05 to 2026-11-03: 30 days, one of
  // 25 hours, 1,442 kWh at 0.5 a slot: 159.20 with the test tariff.
  std::pair<AccountNumber, AccountNumber> two_accounts_billed_to_october(
      std::int64_t second_from_october = 500) {
    set_tariffs();
    AccountNumber first = open("E1000017", false, "1204 Elm St");
    AccountNumber second = open("E2000017", false, "17 Oak Ave");
    store_intervals("E1000017", "2026-06-01", "2026-11-10", 500);
    store_intervals("E2000017", "2026-06-01", "2026-10-04", 500);
    store_intervals("E2000017", "2026-10-05", "2026-11-10", second_from_october);
    for (const char* read_date : {"2026-07-03", "2026-08-05", "2026-09-03", "2026-10-05"}) {
      auto billed = run(3, read_date);
      EXPECT_TRUE(billed.ok()) << read_date << ": " << billed.error().message;
    }
    return {first, second};
  }

  // The row id of `account` (for services that take one).
  std::int64_t account_id(const AccountNumber& account) {
    return store::testing::count(
        test_.database(), "SELECT id FROM accounts WHERE number = '" + account.digits() + "'");
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

}  // namespace rp::billing::testing
