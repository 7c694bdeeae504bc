// Transfers, as a property over random days: a customer moving from one premise to another, where
// the previous customer there has moved out on a random day or not at all. Whenever the transfer
// is accepted and completed, service here ends on the last day, service there starts the next
// day, the final bill here runs through the last day, and no service point ever has two
// agreements on the same day; whenever someone is still in service there on the first day, the
// transfer is refused (premise-served) and nothing is written.

#include <gtest/gtest.h>

#include <random>

#include "accounts/service_stop.h"
#include "billing/testing/billing_fixture.h"
#include "orders/applications.h"
#include "orders/orders.h"

namespace rp::orders {
namespace {

using store::testing::count;
using store::testing::query;

class TransferProperty : public billing::testing::BillingFixture,
                         public ::testing::WithParamInterface<int> {
 protected:
  std::string day(LocalDate date, int days) { return format_local_date(plus_days(date, days)); }

  // No two agreements of a service point share a day.
  void expect_no_overlap() {
    auto rows = query(test_.database(),
                      "SELECT a.service_point_id, a.start_date, a.end_date, b.start_date, "
                      "b.end_date FROM service_agreements a JOIN service_agreements b ON "
                      "a.service_point_id = b.service_point_id AND a.id < b.id "
                      "WHERE a.start_date <= COALESCE(b.end_date, '9999-12-31') "
                      "AND b.start_date <= COALESCE(a.end_date, '9999-12-31')");
    EXPECT_TRUE(rows.empty()) << "overlapping agreements on service point " << rows[0].integer(0);
  }
};

TEST_P(TransferProperty, NoDayIsUnbilledOrBilledTwice) {
  std::mt19937 random(static_cast<unsigned>(2107 + GetParam()));
  auto pick = [&](int low, int high) {
    return std::uniform_int_distribution<int>(low, high)(random);
  };
  set_tariffs();
  AccountNumber maria = open("E1000017", false, "1204 Elm St");
  AccountNumber ben = open("E2000017", false, "17 Oak Ave");
  const LocalDate today = UtilityZone::find("America/Los_Angeles")->local_date(now());
  const LocalDate last_day = plus_days(today, -pick(0, 3));
  const std::string first_there = day(last_day, 1);
  store_intervals("E1000017", day(last_day, -60).c_str(), day(today, 1).c_str(), 500);
  // Ben, at the premise Maria moves to: still there (0), or gone after a random day.
  const int ben_case = pick(0, 2);
  std::string ben_last_day;
  if (ben_case != 0) {
    ben_last_day = day(last_day, pick(-20, 20));
    ASSERT_TRUE(accounts::stop_service(test_.database(), ben, {ben_last_day, "staff:7"}).ok());
  }
  const bool free_there = ben_case != 0 && ben_last_day < first_there;
  RecordProperty("path", free_there ? "moved" : "refused");

  auto there = find_premises(test_.database(), "17 oak", "");
  ASSERT_TRUE(there.ok() && there->size() == 1);
  NewOrder order;
  order.kind = OrderKind::transfer;
  order.service_date = format_local_date(last_day);
  order.premise_id = there->front().id;
  order.services = {{there->front().services.front().service_point_id, "E-RES"}};
  const std::int64_t agreements_before =
      count(test_.database(), "SELECT COUNT(*) FROM service_agreements");
  auto created = create_order(test_.database(), maria, order, "move-1", "customer:1");
  if (!free_there) {
    ASSERT_FALSE(created.ok()) << "Ben leaves after " << ben_last_day << ", Maria arrives "
                               << first_there;
    EXPECT_EQ(created.error().code, "premise-served");
    EXPECT_EQ(count(test_.database(), "SELECT COUNT(*) FROM service_orders"), 0);
    EXPECT_EQ(count(test_.database(), "SELECT COUNT(*) FROM service_agreements"),
              agreements_before);
    expect_no_overlap();
    return;
  }
  ASSERT_TRUE(created.ok()) << created.error().message;
  for (OrderAction action : {OrderAction::schedule, OrderAction::dispatch, OrderAction::depart,
                             OrderAction::arrive, OrderAction::complete}) {
    MoveRequest move;
    move.action = action;
    move.window_start = now();
    move.window_end = now() + std::chrono::hours(2);
    move.crew = "Crew 1";
    auto moved = move_order(test_.database(), maria, created->id, move, "staff:7");
    ASSERT_TRUE(moved.ok()) << moved.error().message;
  }
  const std::string maria_id = std::to_string(account_id(maria));
  auto agreements =
      query(test_.database(),
            "SELECT sp.premise_id, sa.start_date, sa.end_date FROM service_agreements "
            "sa JOIN service_points sp ON sp.id = sa.service_point_id "
            "WHERE sa.account_id = " +
                maria_id + " ORDER BY sa.start_date");
  ASSERT_EQ(agreements.size(), 2u);
  EXPECT_EQ(agreements[0].text(2), format_local_date(last_day));  // here, through the last day
  EXPECT_EQ(agreements[1].integer(0), there->front().id);         // there, from the next day
  EXPECT_EQ(agreements[1].text(1), first_there);
  EXPECT_TRUE(agreements[1].is_null(2));
  // The final bill here runs through the last day, and nothing after it is billed here.
  auto bills =
      query(test_.database(), "SELECT period_end, final FROM bills WHERE account_id = " + maria_id);
  ASSERT_EQ(bills.size(), 1u);
  EXPECT_EQ(bills[0].text(0), first_there);
  EXPECT_EQ(bills[0].integer(1), 1);
  expect_no_overlap();
}

INSTANTIATE_TEST_SUITE_P(RandomDays, TransferProperty, ::testing::Range(0, 16));

}  // namespace
}  // namespace rp::orders
