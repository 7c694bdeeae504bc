#include "payments/payment_state.h"

#include <gtest/gtest.h>

namespace rp::payments {
namespace {

constexpr PaymentStatus kAll[] = {PaymentStatus::pending,  PaymentStatus::posted,
                                  PaymentStatus::failed,   PaymentStatus::returned,
                                  PaymentStatus::refunded, PaymentStatus::voided,
                                  PaymentStatus::moved};

TEST(PaymentState, OnlyTheDrawnTransitionsAreAllowed) {
  int allowed = 0;
  for (PaymentStatus from : kAll) {
    for (PaymentStatus to : kAll) allowed += may_transition(from, to) ? 1 : 0;
  }
  EXPECT_EQ(allowed, 6);
  EXPECT_TRUE(may_transition(PaymentStatus::pending, PaymentStatus::posted));
  EXPECT_TRUE(may_transition(PaymentStatus::pending, PaymentStatus::failed));
  EXPECT_TRUE(may_transition(PaymentStatus::posted, PaymentStatus::returned));
  EXPECT_TRUE(may_transition(PaymentStatus::posted, PaymentStatus::refunded));
  EXPECT_TRUE(may_transition(PaymentStatus::posted, PaymentStatus::voided));
  EXPECT_TRUE(may_transition(PaymentStatus::posted, PaymentStatus::moved));
}

TEST(PaymentState, AForbiddenTransitionNamesBothStates) {
  auto refused = transition(PaymentStatus::failed, PaymentStatus::posted);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().kind, ErrorKind::conflict);
  EXPECT_EQ(refused.error().message, "a failed payment cannot become posted");
}

TEST(PaymentState, NamesAndEventsRoundTrip) {
  for (PaymentStatus status : kAll) {
    auto parsed = parse_payment_status(payment_status_name(status));
    ASSERT_TRUE(parsed.ok());
    EXPECT_EQ(*parsed, status);
  }
  EXPECT_EQ(payment_event_kind(PaymentStatus::posted), "payment.received");
  EXPECT_EQ(payment_event_kind(PaymentStatus::moved), "payment.moved");
  EXPECT_FALSE(parse_payment_status("paid").ok());
}

}  // namespace
}  // namespace rp::payments
