// Completing service orders through the domain code, in one transaction: a move-out's field read
// through MDM, the services ended and the final bill made at once, off-cycle; a reading below the
// last one refused with nothing written; a completion sent twice done once; a result waiting for a
// supervisor changing nothing until approved; disconnect and reconnect recorded on the service
// point; and a stop asked for with a bad day refused.

#include "orders/order_results.h"

#include <gtest/gtest.h>

#include "accounts/ledger.h"
#include "billing/final_bill.h"
#include "billing/testing/billing_fixture.h"
#include "mdm/customer_reads.h"
#include "orders/account_closing.h"
#include "orders/rereads.h"

namespace rp::orders {
namespace {

using billing::testing::on;
using store::testing::count;
using store::testing::query;

class OrderResultsTest : public billing::testing::BillingFixture {
 protected:
  void SetUp() override {
    BillingFixture::SetUp();
    set_tariffs();
    maria_.emplace(open("E1000017", true, "1204 Elm St"));
    auto zone = UtilityZone::find("America/Los_Angeles");
    ASSERT_TRUE(zone.ok());
    today_ = zone->local_date(now());
    // Electric every 15 minutes for 60 days; water read 35 days ago.
    const std::string from = format_local_date(plus_days(today_, -60));
    const std::string to = format_local_date(plus_days(today_, 1));
    store_intervals("E1000017", from.c_str(), to.c_str(), 500);
    const std::string earlier = format_local_date(plus_days(today_, -35)) + "T17:00:00Z";
    store_read("WE1000017", earlier.c_str(), 10'000);
  }

  std::string day(int days_from_today) {
    return format_local_date(plus_days(today_, days_from_today));
  }

  Result<ServiceOrder> stop(const std::string& last_day, const std::string& key = "stop-1") {
    NewOrder order;
    order.kind = OrderKind::stop_service;
    order.service_date = last_day;
    order.forwarding_address = accounts::Address{"88 Pine Rd", "", "Eugene", "OR", "97401"};
    return create_order(test_.database(), *maria_, order, key, "customer:1");
  }

  // Walks the order to the premise: scheduled today, dispatched, on the way, on site.
  void on_site(std::int64_t id) {
    for (OrderAction action :
         {OrderAction::schedule, OrderAction::dispatch, OrderAction::depart, OrderAction::arrive}) {
      MoveRequest request;
      request.action = action;
      request.window_start = now();
      request.window_end = now() + std::chrono::hours(4);
      request.crew = "Crew 1";
      auto moved = move_order(test_.database(), *maria_, id, request, "staff:7");
      ASSERT_TRUE(moved.ok()) << moved.error().message;
    }
  }

  Result<ServiceOrder> complete(std::int64_t id, const std::string& reading,
                                const std::string& key = "", bool approval = false) {
    MoveRequest request;
    request.action = OrderAction::complete;
    request.reads = {{"WE1000017", reading, std::nullopt, false}};
    request.idempotency_key = key;
    request.approval_required = approval;
    return move_order(test_.database(), *maria_, id, request, "staff:7");
  }

  std::int64_t open_agreements() {
    return count(test_.database(),
                 "SELECT COUNT(*) FROM service_agreements WHERE end_date IS NULL");
  }

  std::optional<AccountNumber> maria_;
  LocalDate today_;
};

TEST_F(OrderResultsTest, AMoveOutIsReadEndedAndFinalBilledAtOnce) {
  auto order = stop(day(0));
  ASSERT_TRUE(order.ok()) << order.error().message;
  EXPECT_EQ(order->service_date, day(0));
  on_site(order->id);

  // Below the last reading: refused at once, naming the reading; nothing is written.
  auto lower = complete(order->id, "9000");
  ASSERT_FALSE(lower.ok());
  EXPECT_EQ(lower.error().field, "reads[0].reading");
  EXPECT_NE(lower.error().message.find("lower than the last reading"), std::string::npos);
  EXPECT_EQ(count(test_.database(), "SELECT COUNT(*) FROM register_reads"), 1);
  EXPECT_EQ(open_agreements(), 2);

  auto done = complete(order->id, "10300", "field-1");
  ASSERT_TRUE(done.ok()) << done.error().message;
  EXPECT_EQ(done->status, OrderStatus::completed);
  ASSERT_TRUE(done->final_bill_id.has_value());
  EXPECT_NE(done->results.find("\"status\":\"accepted\""), std::string::npos) << done->results;
  EXPECT_EQ(open_agreements(), 0);
  EXPECT_EQ(count(test_.database(),
                  "SELECT COUNT(*) FROM register_reads WHERE source = 'manual' AND "
                  "milli_units = 10300000"),
            1);

  // The final bill: off-cycle (no run), final, through the last day, worked out by hand.
  auto bill = query(test_.database(),
                    "SELECT bill_run_id IS NULL, final, status, period_start, period_end, "
                    "charges_cents, number IS NOT NULL FROM bills WHERE id = " +
                        std::to_string(*done->final_bill_id));
  ASSERT_EQ(bill.size(), 1u);
  EXPECT_EQ(bill[0].integer(0), 1);
  EXPECT_EQ(bill[0].integer(1), 1);
  EXPECT_EQ(bill[0].text(4), day(1));
  const std::int64_t days =
      (date::sys_days(on(bill[0].text(4).c_str())) - date::sys_days(on(bill[0].text(3).c_str())))
          .count();
  // Electric 0.50 a day + 48 kWh a day x 0.10; water 0.25 a day + 300 gal x 0.005.
  EXPECT_EQ(bill[0].integer(5), days * (50 + 480 + 25) + 150);
  if (bill[0].text(2) == "released") {
    EXPECT_EQ(bill[0].integer(6), 1);
    EXPECT_EQ(
        count(test_.database(), "SELECT COUNT(*) FROM account_events WHERE kind = 'bill.ready'"),
        1);
  }
  // The forwarding address is where the final bill goes, and the customer is told.
  EXPECT_EQ(
      count(test_.database(), "SELECT COUNT(*) FROM accounts WHERE mail_line1 = '88 Pine Rd'"), 1);
  EXPECT_EQ(count(test_.database(),
                  "SELECT COUNT(*) FROM account_events WHERE kind = 'mailing_address.changed'"),
            1);

  // Sent again (a field page resending its queued completion): done once.
  auto again = complete(order->id, "10300", "field-1");
  ASSERT_TRUE(again.ok()) << again.error().message;
  EXPECT_TRUE(again->replayed);
  EXPECT_EQ(count(test_.database(), "SELECT COUNT(*) FROM bills"), 1);
  EXPECT_EQ(
      count(test_.database(), "SELECT COUNT(*) FROM account_events WHERE kind = 'order.completed'"),
      1);
  // Nothing is left to bill: a second final bill, or the cycle's run, finds nothing due.
  auto second = test_->write<billing::FinalBillOutcome>([&](store::Session& session) {
    return billing::bill_final(session, account_id(*maria_), today_, "system", "now");
  });
  ASSERT_TRUE(second.ok()) << second.error().message;
  EXPECT_FALSE(second->bill_id.has_value());
}

TEST_F(OrderResultsTest, AnAccountClosesOnceItsFinalBillIsSettledAndNotBefore) {
  auto order = stop(day(0));
  ASSERT_TRUE(order.ok()) << order.error().message;
  on_site(order->id);
  auto done = complete(order->id, "10300");
  ASSERT_TRUE(done.ok()) << done.error().message;
  ASSERT_TRUE(done->final_bill_id.has_value());
  const std::string bill_status =
      query(test_.database(),
            "SELECT status FROM bills WHERE id = " + std::to_string(*done->final_bill_id))[0]
          .text(0);
  ASSERT_EQ(bill_status, "released");
  const std::int64_t id = account_id(*maria_);
  auto status = [&] {
    return query(test_.database(),
                 "SELECT status FROM accounts WHERE id = " + std::to_string(id))[0]
        .text(0);
  };
  auto post = [&](accounts::LedgerEntryKind kind, std::int64_t cents) {
    auto posted = test_->write<std::int64_t>([&](store::Session& session) {
      return accounts::post_ledger_entry(
          session, {id, kind, Money::from_cents(cents), format_local_date(today_), "t", "", 0});
    });
    ASSERT_TRUE(posted.ok()) << posted.error().message;
  };
  const std::int64_t owed =
      count(test_.database(),
            "SELECT CAST(SUM(amount_cents) AS BIGINT) FROM ledger_entries WHERE account_id = " +
                std::to_string(id));
  ASSERT_GT(owed, 0);

  // Still owed: open.
  auto pass = close_settled_accounts(test_.database());
  ASSERT_TRUE(pass.ok()) << pass.error().message;
  EXPECT_EQ(pass->closed, 0);
  EXPECT_EQ(status(), "active");
  // Paid a cent too much: a credit to give back keeps it open.
  post(accounts::LedgerEntryKind::payment, -(owed + 1));
  pass = close_settled_accounts(test_.database());
  ASSERT_TRUE(pass.ok()) << pass.error().message;
  EXPECT_EQ(pass->closed, 0);
  EXPECT_EQ(status(), "active");
  // Settled to the cent: closed, on the utility's today, by the system, once.
  post(accounts::LedgerEntryKind::adjustment, 1);
  pass = close_settled_accounts(test_.database());
  ASSERT_TRUE(pass.ok()) << pass.error().message;
  EXPECT_EQ(pass->closed, 1);
  EXPECT_EQ(status(), "closed");
  EXPECT_EQ(count(test_.database(), "SELECT COUNT(*) FROM accounts WHERE closed_on = '" +
                                        format_local_date(today_) + "'"),
            1);
  EXPECT_EQ(count(test_.database(),
                  "SELECT COUNT(*) FROM account_events WHERE kind = 'account.closed' AND "
                  "actor = 'system:accounts'"),
            1);
  pass = close_settled_accounts(test_.database());
  ASSERT_TRUE(pass.ok()) << pass.error().message;
  EXPECT_EQ(pass->closed, 0);
}

TEST_F(OrderResultsTest, AnAccountInServiceOrWithAnOpenOrderIsNeverClosed) {
  // Balance zero but in service: open.
  auto pass = close_settled_accounts(test_.database());
  ASSERT_TRUE(pass.ok()) << pass.error().message;
  EXPECT_EQ(pass->closed, 0);
  // A stop asked for, not done: open.
  auto order = stop(day(5));
  ASSERT_TRUE(order.ok()) << order.error().message;
  pass = close_settled_accounts(test_.database());
  ASSERT_TRUE(pass.ok()) << pass.error().message;
  EXPECT_EQ(pass->closed, 0);
  EXPECT_EQ(count(test_.database(), "SELECT COUNT(*) FROM accounts WHERE status = 'closed'"), 0);
}

TEST_F(OrderResultsTest, AHeldCustomerReadingIsReadAgainInTheFieldAndSetAside) {
  auto zone = UtilityZone::find("America/Los_Angeles");
  ASSERT_TRUE(zone.ok());
  mdm::CustomerRead dial;
  dial.meter = "WE1000017";
  dial.reading = "9000";
  dial.read_at = format_instant(now() - std::chrono::hours(2));
  auto held = mdm::submit_customer_read(test_.database(), *zone, *maria_, dial, now());
  ASSERT_TRUE(held.ok()) << held.error().message;
  ASSERT_EQ(held->status, "held");
  const std::int64_t exception =
      count(test_.database(), "SELECT MAX(id) FROM vee_exceptions WHERE status = 'open'");

  auto order = order_reread(test_.database(), exception, "Customer says the dial is hard to read",
                            "staff:5");
  ASSERT_TRUE(order.ok()) << order.error().message;
  EXPECT_EQ(order->kind, OrderKind::meter_reread);
  EXPECT_EQ(order->commodity, "water");
  EXPECT_NE(order->details.find("The customer's reading 9000 gal of meter WE1000017"),
            std::string::npos)
      << order->details;
  auto again = order_reread(test_.database(), exception, "", "staff:5");
  ASSERT_TRUE(again.ok()) << again.error().message;
  EXPECT_TRUE(again->replayed);
  EXPECT_EQ(again->id, order->id);
  EXPECT_EQ(order_reread(test_.database(), exception + 100, "", "staff:5").error().kind,
            ErrorKind::not_found);

  on_site(order->id);
  auto done = complete(order->id, "10300");
  ASSERT_TRUE(done.ok()) << done.error().message;
  // The held reading is set aside, never billed; the exception resolved by the field's reading.
  EXPECT_EQ(count(test_.database(),
                  "SELECT COUNT(*) FROM register_reads WHERE status = 'rejected' "
                  "AND milli_units = 9000000"),
            1);
  EXPECT_EQ(count(test_.database(),
                  "SELECT COUNT(*) FROM register_reads WHERE status = 'accepted' AND source = "
                  "'manual' AND milli_units = 10300000"),
            1);
  auto resolved =
      query(test_.database(),
            "SELECT status, resolved_by, resolution_note FROM vee_exceptions WHERE id = " +
                std::to_string(exception));
  EXPECT_EQ(resolved[0].text(0), "edited");
  EXPECT_EQ(resolved[0].text(1), "staff:7");
  EXPECT_NE(resolved[0].text(2).find(done->number), std::string::npos);
  // Resolved: asking again answers the same order; a new one is never made.
  EXPECT_EQ(count(test_.database(), "SELECT COUNT(*) FROM service_orders"), 1);
}

TEST_F(OrderResultsTest, AResultWaitingForApprovalChangesNothingUntilApproved) {
  auto order = stop(day(0));
  ASSERT_TRUE(order.ok()) << order.error().message;
  on_site(order->id);
  auto waiting = complete(order->id, "10300", "", /*approval=*/true);
  ASSERT_TRUE(waiting.ok()) << waiting.error().message;
  EXPECT_EQ(waiting->status, OrderStatus::awaiting_approval);
  EXPECT_EQ(open_agreements(), 2);
  EXPECT_EQ(count(test_.database(), "SELECT COUNT(*) FROM bills"), 0);

  MoveRequest approve;
  approve.action = OrderAction::approve;
  approve.approval_required = true;
  auto approved = move_order(test_.database(), *maria_, order->id, approve, "staff:2");
  ASSERT_TRUE(approved.ok()) << approved.error().message;
  EXPECT_EQ(approved->status, OrderStatus::completed);
  EXPECT_TRUE(approved->final_bill_id.has_value());
  EXPECT_EQ(open_agreements(), 0);
  // The reading taken at completion is kept, not taken again.
  EXPECT_EQ(count(test_.database(), "SELECT COUNT(*) FROM register_reads"), 2);
}

TEST_F(OrderResultsTest, AStopIsCompletedOnlyOnceItsLastDayHasCome) {
  auto order = stop(day(5));
  ASSERT_TRUE(order.ok()) << order.error().message;
  on_site(order->id);
  auto early = complete(order->id, "10300");
  ASSERT_FALSE(early.ok());
  EXPECT_EQ(early.error().code, "order-not-due");
  EXPECT_EQ(count(test_.database(), "SELECT COUNT(*) FROM register_reads"), 1);
  EXPECT_EQ(open_agreements(), 2);
}

TEST_F(OrderResultsTest, AStopWithABadDayIsRefusedWithNothingWritten) {
  auto far_back = stop(day(-10));
  ASSERT_FALSE(far_back.ok());
  EXPECT_EQ(far_back.error().field, "service_date");
  auto far_ahead = stop(day(91));
  ASSERT_FALSE(far_ahead.ok());
  EXPECT_EQ(far_ahead.error().field, "service_date");
  auto malformed = stop("2026-02-30");
  ASSERT_FALSE(malformed.ok());
  EXPECT_EQ(malformed.error().field, "service_date");
  NewOrder bad_address;
  bad_address.kind = OrderKind::stop_service;
  bad_address.service_date = day(0);
  bad_address.forwarding_address = accounts::Address{"88 Pine Rd", "", "Eugene", "Oregon", "97401"};
  auto refused = create_order(test_.database(), *maria_, bad_address, "stop-x", "customer:1");
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().field, "forwarding_address.state");
  EXPECT_EQ(count(test_.database(), "SELECT COUNT(*) FROM service_orders"), 0);

  ASSERT_TRUE(stop(day(3)).ok());
  auto second = stop(day(4), "stop-2");
  ASSERT_FALSE(second.ok());
  EXPECT_EQ(second.error().kind, ErrorKind::conflict);
  EXPECT_EQ(count(test_.database(), "SELECT COUNT(*) FROM service_orders"), 1);
}

TEST_F(OrderResultsTest, DisconnectAndReconnectAreRecordedOnTheServicePoint) {
  NewOrder order;
  order.kind = OrderKind::disconnect;
  order.needs_visit = false;
  order.commodity = "electric";
  auto off = create_order(test_.database(), *maria_, order, "off-1", "staff:7");
  ASSERT_TRUE(off.ok()) << off.error().message;
  MoveRequest done;
  done.action = OrderAction::complete;
  ASSERT_TRUE(move_order(test_.database(), *maria_, off->id, done, "system").ok());
  EXPECT_EQ(count(test_.database(),
                  "SELECT COUNT(*) FROM service_points WHERE connection = 'disconnected' AND "
                  "commodity = 'electric'"),
            1);
  EXPECT_EQ(count(test_.database(),
                  "SELECT COUNT(*) FROM service_points WHERE connection = 'disconnected'"),
            1);
  order.kind = OrderKind::reconnect;
  auto on_again = create_order(test_.database(), *maria_, order, "on-1", "staff:7");
  ASSERT_TRUE(on_again.ok()) << on_again.error().message;
  ASSERT_TRUE(move_order(test_.database(), *maria_, on_again->id, done, "system").ok());
  EXPECT_EQ(count(test_.database(),
                  "SELECT COUNT(*) FROM service_points WHERE connection = 'disconnected'"),
            0);
  EXPECT_EQ(count(test_.database(),
                  "SELECT COUNT(*) FROM account_events WHERE kind IN ('service.disconnected', "
                  "'service.connected')"),
            2);

  order.commodity = "gas";
  auto no_gas = create_order(test_.database(), *maria_, order, "gas-1", "staff:7");
  ASSERT_FALSE(no_gas.ok());
  EXPECT_EQ(no_gas.error().field, "commodity");
}

TEST_F(OrderResultsTest, AMeterExchangeTakesTheOldMeterOutWithItsReadAndPutsTheNewOneIn) {
  NewOrder asked;
  asked.kind = OrderKind::meter_exchange;
  auto refused = create_order(test_.database(), *maria_, asked, "swap-0", "staff:7");
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().field, "commodity");
  asked.commodity = "water";
  auto order = create_order(test_.database(), *maria_, asked, "swap-1", "staff:7");
  ASSERT_TRUE(order.ok()) << order.error().message;
  on_site(order->id);
  MoveRequest done;
  done.action = OrderAction::complete;
  done.reads = {{"WE1000017", "10300", std::nullopt, false}};
  auto no_meter = move_order(test_.database(), *maria_, order->id, done, "staff:7");
  ASSERT_FALSE(no_meter.ok());
  EXPECT_EQ(no_meter.error().field, "new_meter");
  EXPECT_EQ(count(test_.database(), "SELECT COUNT(*) FROM register_reads"), 1);
  done.new_meter = accounts::NewMeter{"W2000099", "amr", {{"gal", "gal", std::nullopt}}};
  done.new_meter_reading = "-250";
  auto negative = move_order(test_.database(), *maria_, order->id, done, "staff:7");
  ASSERT_FALSE(negative.ok());
  EXPECT_EQ(negative.error().field, "new_meter.reading");
  EXPECT_EQ(count(test_.database(), "SELECT COUNT(*) FROM meters WHERE serial = 'W2000099'"), 0);
  // A refurbished meter goes in reading 250 gallons: its first bill starts from there.
  done.new_meter_reading = "250";
  auto swapped = move_order(test_.database(), *maria_, order->id, done, "staff:7");
  ASSERT_TRUE(swapped.ok()) << swapped.error().message;
  EXPECT_EQ(swapped->status, OrderStatus::completed);
  EXPECT_EQ(count(test_.database(),
                  "SELECT COUNT(*) FROM meters WHERE serial = 'WE1000017' AND "
                  "removed_on = '" +
                      day(0) + "'"),
            1);
  EXPECT_EQ(count(test_.database(),
                  "SELECT COUNT(*) FROM meters WHERE serial = 'W2000099' AND "
                  "installed_on = '" +
                      day(0) + "' AND removed_on IS NULL"),
            1);
  EXPECT_EQ(count(test_.database(),
                  "SELECT COUNT(*) FROM register_reads r JOIN meter_channels c ON c.id = "
                  "r.channel_id JOIN meters m ON m.id = c.meter_id WHERE m.serial = 'W2000099' "
                  "AND r.milli_units = 250000 AND r.status = 'accepted'"),
            1);
  EXPECT_NE(swapped->results.find("\"installed_reading\":\"250"), std::string::npos)
      << swapped->results;
  // The old meter's last reading went through MDM before it came out.
  EXPECT_EQ(count(test_.database(),
                  "SELECT COUNT(*) FROM register_reads WHERE source = 'manual' "
                  "AND milli_units = 10300000"),
            1);
  EXPECT_EQ(
      count(test_.database(),
            "SELECT COUNT(*) FROM account_events WHERE kind = 'meter.exchanged' AND details LIKE "
            "'%\"order\":\"SO%'"),
      1);
  // Installing where a meter is in place is an exchange, not an install.
  asked.kind = OrderKind::meter_install;
  auto install = create_order(test_.database(), *maria_, asked, "install-1", "staff:7");
  ASSERT_TRUE(install.ok());
  on_site(install->id);
  MoveRequest put_in;
  put_in.action = OrderAction::complete;
  put_in.new_meter = accounts::NewMeter{"W2000100", "amr", {{"gal", "gal", std::nullopt}}};
  auto doubled = move_order(test_.database(), *maria_, install->id, put_in, "staff:7");
  ASSERT_FALSE(doubled.ok());
  EXPECT_EQ(doubled.error().kind, ErrorKind::conflict);
  EXPECT_EQ(count(test_.database(), "SELECT COUNT(*) FROM meters WHERE serial = 'W2000100'"), 0);
}

// Electric only, read by AMI.
using AmiMoveOutTest = billing::testing::BillingFixture;

TEST_F(AmiMoveOutTest, ACustomersMoveOutCompletesItselfOnceTheLastDayIsOver) {
  set_tariffs();
  AccountNumber maria = open("E1000017", false, "1204 Elm St");
  const LocalDate today = UtilityZone::find("America/Los_Angeles")->local_date(now());
  const std::string from = format_local_date(plus_days(today, -60));
  const std::string to = format_local_date(plus_days(today, 1));
  store_intervals("E1000017", from.c_str(), to.c_str(), 500);
  auto ask = [&](int last_day_from_today, const std::string& key) {
    NewOrder order;
    order.kind = OrderKind::stop_service;
    order.service_date = format_local_date(plus_days(today, last_day_from_today));
    return create_order(test_.database(), maria, order, key, "customer:1");
  };
  // Today's last day is not over yet: nothing happens.
  auto today_stop = ask(0, "stop-1");
  ASSERT_TRUE(today_stop.ok()) << today_stop.error().message;
  EXPECT_FALSE(today_stop->needs_visit);
  auto early = complete_due_orders(test_.database());
  ASSERT_TRUE(early.ok()) << early.error().message;
  EXPECT_EQ(early->completed, 0);
  MoveRequest cancel;
  cancel.action = OrderAction::cancel;
  cancel.actor_kind = Actor::customer;
  ASSERT_TRUE(move_order(test_.database(), maria, today_stop->id, cancel, "customer:1").ok());
  // Yesterday's is: the meter's data gives the final read, the final bill follows.
  auto yesterday_stop = ask(-1, "stop-2");
  ASSERT_TRUE(yesterday_stop.ok()) << yesterday_stop.error().message;
  auto pass = complete_due_orders(test_.database());
  ASSERT_TRUE(pass.ok()) << pass.error().message;
  EXPECT_EQ(pass->completed, 1);
  auto done = account_order(test_.database(), maria, yesterday_stop->id);
  ASSERT_TRUE(done.ok());
  EXPECT_EQ(done->status, OrderStatus::completed);
  EXPECT_EQ(done->moves.back().actor, "system:orders");
  EXPECT_TRUE(done->final_bill_number.has_value());
  EXPECT_EQ(complete_due_orders(test_.database())->completed, 0);
}

}  // namespace
}  // namespace rp::orders
