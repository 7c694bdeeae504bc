// Applications for service: the premise found by address (an address not served finds nothing),
// an application written once per key as a pending account with its order, a move-in over
// someone still in service refused, bad input named with nothing written, activation starting
// the services from the start day, and a public caller throttled.

#include "orders/applications.h"

#include <gtest/gtest.h>

#include "billing/testing/billing_fixture.h"

namespace rp::orders {
namespace {

using store::testing::count;

class ApplicationsTest : public billing::testing::BillingFixture {
 protected:
  void SetUp() override {
    BillingFixture::SetUp();
    set_tariffs();
    maria_.emplace(open("E1000017", true, "1204 Elm St"));
    auto zone = UtilityZone::find("America/Los_Angeles");
    ASSERT_TRUE(zone.ok());
    today_ = zone->local_date(now());
    auto found = find_premises(test_.database(), "1204 elm", "");
    ASSERT_TRUE(found.ok()) << found.error().message;
    ASSERT_EQ(found->size(), 1u);
    premise_ = found->front();
  }

  std::string day(int from_today) { return format_local_date(plus_days(today_, from_today)); }

  void maria_moves_out_today() {
    ASSERT_TRUE(accounts::stop_service(test_.database(), *maria_, {day(0), "staff:7"}).ok());
  }

  std::int64_t point(const std::string& commodity) {
    for (const PremiseService& service : premise_.services) {
      if (service.commodity == commodity) return service.service_point_id;
    }
    return 0;
  }

  Application ben(const std::string& start, bool water = true) {
    Application application;
    application.premise_id = premise_.id;
    application.start_date = start;
    application.services = {{point("electric"), "E-RES"}};
    if (water) application.services.push_back({point("water"), "W-RES"});
    application.customer = {"Ben Ortiz", "ben@example.com", "+15415550177"};
    application.id_last4 = "1234";
    return application;
  }

  std::int64_t accounts() { return count(test_.database(), "SELECT COUNT(*) FROM accounts"); }

  std::optional<AccountNumber> maria_;
  LocalDate today_;
  PremiseMatch premise_;
};

TEST_F(ApplicationsTest, ThePremiseIsFoundByAddressWithItsServicesAndPlans) {
  EXPECT_EQ(premise_.address.line1, "1204 Elm St");
  ASSERT_EQ(premise_.services.size(), 2u);
  EXPECT_EQ(premise_.services[0].commodity, "electric");
  ASSERT_EQ(premise_.services[0].plans.size(), 1u);
  EXPECT_EQ(premise_.services[0].plans[0].code, "E-RES");
  auto elsewhere = find_premises(test_.database(), "999 Nowhere Rd", "97477");
  ASSERT_TRUE(elsewhere.ok());
  EXPECT_TRUE(elsewhere->empty());
  // A wildcard typed is taken literally.
  EXPECT_TRUE(find_premises(test_.database(), "12%", "")->empty());
  EXPECT_EQ(find_premises(test_.database(), "12", "").error().field, "address");
  EXPECT_EQ(find_premises(test_.database(), "1204", "9747").error().field, "zip");
}

TEST_F(ApplicationsTest, AMoveInOverSomeoneStillInServiceIsRefused) {
  const std::int64_t before = accounts();
  auto refused = apply_for_service(test_.database(), ben(day(1)), "app-1", "public:192.0.2.1");
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().code, "premise-served");
  EXPECT_EQ(accounts(), before);
  EXPECT_EQ(count(test_.database(), "SELECT COUNT(*) FROM service_orders"), 0);
}

TEST_F(ApplicationsTest, AnApplicationIsAPendingAccountWithItsOrderOncePerKey) {
  maria_moves_out_today();
  auto applied = apply_for_service(test_.database(), ben(day(1)), "app-1", "public:192.0.2.1");
  ASSERT_TRUE(applied.ok()) << applied.error().message;
  EXPECT_EQ(applied->order.kind, OrderKind::start_service);
  EXPECT_EQ(applied->order.status, OrderStatus::received);
  EXPECT_EQ(applied->order.service_date, day(1));
  EXPECT_EQ(count(test_.database(), "SELECT COUNT(*) FROM accounts WHERE number = '" +
                                        applied->account.digits() + "' AND status = 'pending'"),
            1);
  EXPECT_EQ(count(test_.database(), "SELECT COUNT(*) FROM persons WHERE id_last4 = '1234'"), 1);
  EXPECT_EQ(count(test_.database(), "SELECT COUNT(*) FROM service_order_services"), 2);
  // Nothing starts before staff activate it.
  EXPECT_EQ(
      count(test_.database(), "SELECT COUNT(*) FROM service_agreements WHERE end_date IS NULL"), 0);

  auto again = apply_for_service(test_.database(), ben(day(1)), "app-1", "public:192.0.2.1");
  ASSERT_TRUE(again.ok()) << again.error().message;
  EXPECT_TRUE(again->order.replayed);
  EXPECT_EQ(again->account, applied->account);
  auto other = apply_for_service(test_.database(), ben(day(2)), "app-1", "public:192.0.2.1");
  ASSERT_FALSE(other.ok());
  EXPECT_EQ(other.error().field, "idempotency_key");
  EXPECT_EQ(count(test_.database(), "SELECT COUNT(*) FROM service_orders"), 1);
}

TEST_F(ApplicationsTest, BadInputIsNamedAndNothingIsWritten) {
  maria_moves_out_today();
  const std::int64_t before = accounts();
  auto expect_refused = [&](Application application, const std::string& field) {
    auto refused = apply_for_service(test_.database(), application, "bad-" + field, "public:x");
    ASSERT_FALSE(refused.ok()) << field;
    EXPECT_EQ(refused.error().field, field);
  };
  expect_refused(ben(day(-10)), "start_date");
  expect_refused(ben(day(91)), "start_date");
  Application whole_ssn = ben(day(1));
  whole_ssn.id_last4 = "123456789";
  expect_refused(whole_ssn, "id_last4");
  Application wrong_plan = ben(day(1));
  wrong_plan.services[0].rate_plan_code = "W-RES";
  expect_refused(wrong_plan, "services[0].rate_plan");
  Application elsewhere = ben(day(1));
  elsewhere.services[0].service_point_id = 987654;
  expect_refused(elsewhere, "services[0].service_point");
  Application nameless = ben(day(1));
  nameless.customer.name = "";
  expect_refused(nameless, "customer.name");
  Application bad_mail = ben(day(1));
  bad_mail.mailing_address = accounts::Address{"5 Oak", "", "Eugene", "Oregon", "97401"};
  expect_refused(bad_mail, "mailing_address.state");
  EXPECT_EQ(accounts(), before);
  EXPECT_EQ(count(test_.database(), "SELECT COUNT(*) FROM service_orders"), 0);
}

TEST_F(ApplicationsTest, ActivationStartsTheServicesFromTheStartDay) {
  maria_moves_out_today();
  auto applied = apply_for_service(test_.database(), ben(day(1)), "app-1", "public:192.0.2.1");
  ASSERT_TRUE(applied.ok()) << applied.error().message;
  auto activated = activate_application(test_.database(), applied->order.id, {}, "staff:3");
  ASSERT_TRUE(activated.ok()) << activated.error().message;
  // The water meter is read by hand: a visit takes the start read.
  EXPECT_EQ(activated->status, OrderStatus::received);
  EXPECT_TRUE(activated->needs_visit);
  EXPECT_EQ(count(test_.database(), "SELECT COUNT(*) FROM accounts WHERE number = '" +
                                        applied->account.digits() +
                                        "' AND status = 'active' "
                                        "AND bill_cycle = 3"),
            1);
  EXPECT_EQ(count(test_.database(), "SELECT COUNT(*) FROM service_agreements WHERE start_date = '" +
                                        day(1) + "' AND end_date IS NULL"),
            2);
  // Activated once.
  auto twice = activate_application(test_.database(), applied->order.id, {}, "staff:3");
  ASSERT_FALSE(twice.ok());
  EXPECT_EQ(twice.error().kind, ErrorKind::conflict);
  // Service has started: the customer stops it rather than cancelling the start.
  MoveRequest cancel;
  cancel.action = OrderAction::cancel;
  cancel.actor_kind = Actor::customer;
  auto cancelled =
      move_order(test_.database(), applied->account, applied->order.id, cancel, "customer:9");
  ASSERT_FALSE(cancelled.ok());
  EXPECT_EQ(cancelled.error().code, "order-move-not-allowed");
}

TEST_F(ApplicationsTest, AnApplicationWithOnlyAutomaticMetersCompletesOnActivation) {
  maria_moves_out_today();
  auto applied =
      apply_for_service(test_.database(), ben(day(1), false), "app-1", "public:192.0.2.1");
  ASSERT_TRUE(applied.ok()) << applied.error().message;
  auto activated = activate_application(test_.database(), applied->order.id, {7}, "staff:3");
  ASSERT_TRUE(activated.ok()) << activated.error().message;
  EXPECT_EQ(activated->status, OrderStatus::completed);
  EXPECT_FALSE(activated->needs_visit);
  EXPECT_EQ(count(test_.database(), "SELECT COUNT(*) FROM accounts WHERE bill_cycle = 7"), 1);
}

TEST_F(ApplicationsTest, APublicCallerIsThrottled) {
  maria_moves_out_today();
  for (int i = 0; i < kApplicationsPerHour; ++i) {
    ASSERT_TRUE(apply_for_service(test_.database(), ben(day(1)), "key-" + std::to_string(i),
                                  "public:192.0.2.9")
                    .ok());
  }
  auto throttled = apply_for_service(test_.database(), ben(day(1)), "key-x", "public:192.0.2.9");
  ASSERT_FALSE(throttled.ok());
  EXPECT_EQ(throttled.error().kind, ErrorKind::throttled);
  EXPECT_TRUE(apply_for_service(test_.database(), ben(day(1)), "key-y", "public:192.0.2.10").ok());
}

}  // namespace
}  // namespace rp::orders
