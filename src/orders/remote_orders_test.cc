// Remote connects and disconnects through the head-end's protocol, against its double on loopback
// (tests/head_end/fake_head_end.py): a disconnect done remotely; a command the head-end never
// confirms, and one it cannot do, falling back to a field visit; a service with no remote meter
// falling back at once.

#include "orders/remote_orders.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <thread>

#include "accounts/testing/account_fixtures.h"
#include "notify/testing/loopback_server.h"
#include "orders/orders.h"
#include "store/testing/test_database.h"

namespace rp::orders {
namespace {

using store::testing::count;

constexpr const char* kToken = "head-end-test-token";
constexpr int kExpirySeconds = 3;

class RemoteOrdersTest : public ::testing::Test {
 protected:
  RemoteOrdersTest()
      : double_("head_end/fake_head_end.py", {kToken, std::to_string(kExpirySeconds)},
                "is python3 installed?"),
        head_end_(http_head_end({"http://127.0.0.1:" + std::to_string(double_.port()), kToken, 5})),
        maria_(accounts::testing::open_sample_account(test_.database())) {}

  ServiceOrder ask(OrderKind kind, const std::string& commodity, const std::string& key) {
    NewOrder order;
    order.kind = kind;
    order.needs_visit = false;
    order.commodity = commodity;
    auto created = create_order(test_.database(), maria_, order, key, "staff:7");
    EXPECT_TRUE(created.ok()) << created.error().message;
    return created.ok() ? *created : ServiceOrder{};
  }

  RemotePass pass() {
    auto done = run_remote_orders(test_.database(), *head_end_);
    EXPECT_TRUE(done.ok()) << done.error().message;
    return done.ok() ? *done : RemotePass{};
  }

  ServiceOrder order(std::int64_t id) { return *account_order(test_.database(), maria_, id); }

  void meter_will(const std::string& behaviour, const std::string& meter) {
    std::ofstream(std::filesystem::path(double_.folder()) / (behaviour + "-" + meter)).put('\n');
  }

  store::testing::TestDatabase test_;
  notify::testing::LoopbackServer double_;
  std::unique_ptr<HeadEnd> head_end_;
  AccountNumber maria_;
};

TEST_F(RemoteOrdersTest, ADisconnectIsDoneThroughTheHeadEnd) {
  ServiceOrder off = ask(OrderKind::disconnect, "electric", "off-1");
  EXPECT_EQ(pass().sent, 1);
  const auto commands = double_.files("json");
  ASSERT_EQ(commands.size(), 1u);
  EXPECT_NE(commands[0].find("\"command\": \"disconnect\""), std::string::npos) << commands[0];
  EXPECT_NE(commands[0].find("\"meter\": \"E1000017\""), std::string::npos);
  EXPECT_NE(commands[0].find(off.number), std::string::npos);
  // The head-end works on it: pending when first asked (in the same pass), then done, and the
  // command is sent only once.
  EXPECT_EQ(order(off.id).status, OrderStatus::received);
  RemotePass second = pass();
  EXPECT_EQ(second.sent, 0);
  EXPECT_EQ(second.completed, 1);
  EXPECT_EQ(order(off.id).status, OrderStatus::completed);
  EXPECT_EQ(order(off.id).moves.back().actor, kHeadEndActor);
  EXPECT_EQ(count(test_.database(),
                  "SELECT COUNT(*) FROM service_points WHERE connection = 'disconnected'"),
            1);
  EXPECT_EQ(double_.files("json").size(), 1u);
  EXPECT_EQ(pass().completed, 0);
}

TEST_F(RemoteOrdersTest, ACommandNeverConfirmedFallsBackToAFieldVisit) {
  meter_will("silent", "E1000017");
  ServiceOrder off = ask(OrderKind::disconnect, "electric", "off-1");
  EXPECT_EQ(pass().sent, 1);
  EXPECT_EQ(pass().fell_back, 0);  // not expired yet
  std::this_thread::sleep_for(std::chrono::seconds(kExpirySeconds + 1));
  EXPECT_EQ(pass().fell_back, 1);
  ServiceOrder failed = order(off.id);
  EXPECT_EQ(failed.status, OrderStatus::failed);
  EXPECT_TRUE(failed.needs_visit);
  EXPECT_NE(failed.failure_reason.find("did not confirm"), std::string::npos);
  EXPECT_EQ(count(test_.database(),
                  "SELECT COUNT(*) FROM service_points WHERE connection = 'disconnected'"),
            0);
  // Now the dispatcher's to schedule.
  auto unscheduled = open_orders(test_.database(), {}, {}, true, 10);
  ASSERT_TRUE(unscheduled.ok());
  ASSERT_EQ(unscheduled->size(), 1u);
  EXPECT_EQ(unscheduled->front().id, off.id);
  EXPECT_EQ(
      count(test_.database(), "SELECT COUNT(*) FROM head_end_commands WHERE status = 'expired'"),
      1);
}

TEST_F(RemoteOrdersTest, ACommandTheHeadEndCannotDoFallsBackWithItsReason) {
  meter_will("fail", "E1000017");
  ServiceOrder off = ask(OrderKind::disconnect, "electric", "off-1");
  EXPECT_EQ(pass().fell_back, 0);  // taken, pending
  EXPECT_EQ(pass().fell_back, 1);
  ServiceOrder failed = order(off.id);
  EXPECT_EQ(failed.status, OrderStatus::failed);
  EXPECT_NE(failed.failure_reason.find("did not respond to the switch"), std::string::npos);
}

TEST_F(RemoteOrdersTest, AServiceWithNoRemoteMeterNeedsAVisitAtOnce) {
  ServiceOrder on = ask(OrderKind::reconnect, "water", "on-1");  // the water meter is read by AMR
  RemotePass first = pass();
  EXPECT_EQ(first.sent, 0);
  EXPECT_EQ(first.fell_back, 1);
  EXPECT_TRUE(double_.files("json").empty());
  EXPECT_EQ(order(on.id).status, OrderStatus::failed);
  EXPECT_TRUE(order(on.id).needs_visit);
}

TEST_F(RemoteOrdersTest, AHeadEndThatCannotBeReachedIsTriedAgainNotFailed) {
  auto unreachable = http_head_end({"http://127.0.0.1:1", kToken, 2});
  ServiceOrder off = ask(OrderKind::disconnect, "electric", "off-1");
  auto done = run_remote_orders(test_.database(), *unreachable);
  ASSERT_TRUE(done.ok()) << done.error().message;
  EXPECT_EQ(done->unreachable, 1);
  EXPECT_EQ(done->fell_back, 0);
  EXPECT_EQ(order(off.id).status, OrderStatus::received);
}

TEST_F(RemoteOrdersTest, MetersArePingedThroughTheHeadEnd) {
  meter_will("dark", "E2");
  meter_will("silent", "E3");
  auto answers = head_end_->ping({"E1", "E2", "E3"}, "OUT000042");
  ASSERT_TRUE(answers.ok()) << answers.error().message;
  ASSERT_EQ(answers->size(), 3u);
  EXPECT_EQ((*answers)[0].energized, std::optional<bool>(true));
  EXPECT_EQ((*answers)[1].energized, std::optional<bool>(false));
  EXPECT_FALSE((*answers)[2].energized.has_value()) << "no answer";
  const auto pings = double_.files("ping");
  bool sent = false;
  for (const std::string& ping : pings) sent = sent || ping.find("OUT000042") != std::string::npos;
  EXPECT_TRUE(sent);
  auto refused = http_head_end({"http://127.0.0.1:" + std::to_string(double_.port()), "wrong", 5})
                     ->ping({"E1"}, "OUT000042");
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().kind, ErrorKind::unavailable);
}

}  // namespace
}  // namespace rp::orders
