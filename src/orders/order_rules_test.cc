// The service order state machine: every move, allowed or not, for each actor.

#include "orders/order_rules.h"

#include <gtest/gtest.h>

namespace rp::orders {
namespace {

using enum OrderStatus;
using A = OrderAction;

OrderStatus moved(OrderStatus from, OrderAction action, MoveContext context = {},
                  OrderKind kind = OrderKind::meter_reread) {
  auto to = move(kind, from, action, context);
  EXPECT_TRUE(to.ok()) << status_name(from) << " " << action_name(action) << ": "
                       << to.error().message;
  return to.ok() ? *to : from;
}

void refused(OrderStatus from, OrderAction action, MoveContext context = {},
             OrderKind kind = OrderKind::meter_reread) {
  auto to = move(kind, from, action, context);
  ASSERT_FALSE(to.ok()) << status_name(from) << " " << action_name(action) << " -> "
                        << status_name(*to);
  EXPECT_EQ(to.error().kind, ErrorKind::conflict);
  EXPECT_EQ(to.error().code, "order-move-not-allowed");
  EXPECT_NE(to.error().message.find(std::string(status_name(from))), std::string::npos);
}

TEST(OrderRules, AVisitGoesFromReceivedToCompletedInOrder) {
  OrderStatus status = received;
  for (auto [action, next] : {std::pair{A::schedule, scheduled},
                              {A::dispatch, dispatched},
                              {A::depart, en_route},
                              {A::arrive, on_site},
                              {A::complete, completed}}) {
    status = moved(status, action);
    EXPECT_EQ(status, next) << action_name(action);
  }
  for (OrderAction action : {A::schedule, A::reschedule, A::dispatch, A::depart, A::arrive,
                             A::complete, A::approve, A::reject, A::cancel, A::fail}) {
    refused(completed, action);
    refused(cancelled, action);
  }
}

TEST(OrderRules, NoStepIsSkippedOnAVisit) {
  refused(received, A::dispatch);
  refused(received, A::complete);
  refused(scheduled, A::complete);
  refused(scheduled, A::depart);
  refused(en_route, A::depart);
  refused(received, A::approve);
  EXPECT_EQ(moved(dispatched, A::arrive), on_site);  // a crew may arrive without saying it left
}

TEST(OrderRules, ACustomerCancelsOnlyBeforeACrewIsOnItAndMovesNothingElse) {
  const MoveContext customer{Actor::customer};
  EXPECT_EQ(moved(received, A::cancel, customer), cancelled);
  EXPECT_EQ(moved(scheduled, A::cancel, customer), cancelled);
  refused(dispatched, A::cancel, customer);
  refused(en_route, A::cancel, customer);
  refused(received, A::schedule, customer);
  refused(on_site, A::complete, customer);
  // Staff may stop it until the work starts on site.
  EXPECT_EQ(moved(en_route, A::cancel), cancelled);
  refused(on_site, A::cancel);
}

TEST(OrderRules, AFailedVisitIsScheduledAgain) {
  EXPECT_EQ(moved(on_site, A::fail), failed);
  EXPECT_EQ(moved(en_route, A::fail), failed);
  EXPECT_EQ(moved(failed, A::schedule), scheduled);
  refused(received, A::fail);
  refused(failed, A::fail);
  EXPECT_EQ(moved(scheduled, A::reschedule), scheduled);
  EXPECT_EQ(moved(dispatched, A::reschedule), scheduled);
  refused(on_site, A::reschedule);
}

TEST(OrderRules, AnOrderWithoutAVisitCompletesItselfOrFallsBackToOne) {
  const MoveContext remote{Actor::system, false};
  EXPECT_EQ(moved(received, A::complete, remote), completed);
  EXPECT_EQ(moved(scheduled, A::complete, remote), completed);
  // The head-end did not do it: a visit is scheduled.
  EXPECT_EQ(moved(received, A::fail, remote), failed);
  EXPECT_EQ(moved(failed, A::schedule, remote), scheduled);
}

TEST(OrderRules, ABillingResultWaitsForApprovalWhenTheUtilityAsks) {
  const MoveContext approving{Actor::staff, true, true};
  EXPECT_EQ(moved(on_site, A::complete, approving, OrderKind::stop_service), awaiting_approval);
  EXPECT_EQ(moved(awaiting_approval, A::approve, approving, OrderKind::stop_service), completed);
  EXPECT_EQ(moved(awaiting_approval, A::reject, approving, OrderKind::stop_service), on_site);
  // A re-read changes no bill by itself; without the setting nothing waits.
  EXPECT_EQ(moved(on_site, A::complete, approving, OrderKind::meter_reread), completed);
  EXPECT_EQ(moved(on_site, A::complete, {}, OrderKind::meter_exchange), completed);
  refused(on_site, A::approve, approving, OrderKind::stop_service);
}

TEST(OrderRules, NamesReadBackAndUnknownNamesAreNone) {
  for (std::string_view name : {"start_service", "stop_service", "transfer", "new_connection",
                                "reconnect", "disconnect", "meter_reread", "meter_exchange",
                                "meter_install", "meter_remove", "investigate", "other"}) {
    auto kind = parse_kind(name);
    ASSERT_TRUE(kind) << name;
    EXPECT_EQ(kind_name(*kind), name);
  }
  EXPECT_FALSE(parse_kind("teleport"));
  EXPECT_EQ(status_name(*parse_status("awaiting_approval")), "awaiting_approval");
  EXPECT_FALSE(parse_status("done"));
  EXPECT_EQ(action_name(*parse_action("depart")), "depart");
  EXPECT_FALSE(parse_action("finish"));
}

}  // namespace
}  // namespace rp::orders
