// Outbound webhooks against a receiver on loopback (tests/webhooks/webhook_receiver.py): order
// events reach a work-management system signed, once each; a receiver that fails gets the same
// delivery again later with the same delivery id; events before the endpoint and of other kinds
// are not sent; a bad endpoint is refused.

#include "orders/webhooks.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "accounts/testing/account_fixtures.h"
#include "core/json.h"
#include "notify/testing/loopback_server.h"
#include "orders/orders.h"
#include "store/testing/test_database.h"

namespace rp::orders {
namespace {

using store::testing::count;

class WebhooksTest : public ::testing::Test {
 protected:
  WebhooksTest()
      : receiver_("webhooks/webhook_receiver.py", {}, "is python3 installed?"),
        maria_(accounts::testing::open_sample_account(test_.database())) {}

  std::string url() const {
    return "http://127.0.0.1:" + std::to_string(receiver_.port()) + "/hooks";
  }

  ServiceOrder reread(const std::string& key) {
    NewOrder order;
    order.kind = OrderKind::meter_reread;
    auto created = create_order(test_.database(), maria_, order, key, "customer:1");
    EXPECT_TRUE(created.ok()) << created.error().message;
    return created.ok() ? *created : ServiceOrder{};
  }

  WebhookPass pass() {
    EXPECT_TRUE(queue_webhooks(test_.database(), std::chrono::seconds(0)).ok());
    auto sent = deliver_webhooks(test_.database(), http_webhook_sender());
    EXPECT_TRUE(sent.ok()) << sent.error().message;
    return sent.ok() ? *sent : WebhookPass{};
  }

  void make_due_now() {
    ASSERT_TRUE(test_
                    ->write_work([](store::Session& session) -> Result<void> {
                      RP_TRY(session.execute(
                          "UPDATE webhook_deliveries SET next_attempt_at = '2000-01-01T00:00:00Z' "
                          "WHERE delivered_at IS NULL"));
                      return success();
                    })
                    .ok());
  }

  store::testing::TestDatabase test_;
  notify::testing::LoopbackServer receiver_;
  AccountNumber maria_;
};

TEST_F(WebhooksTest, OrderEventsReachTheReceiverSignedAndOnce) {
  reread("before");  // before any endpoint: not sent
  EXPECT_EQ(add_webhook_endpoint(test_.database(), "ftp://x", "order.", "staff:1").error().field,
            "url");
  EXPECT_EQ(add_webhook_endpoint(test_.database(), url(), "", "staff:1").error().field,
            "event_prefix");
  auto endpoint = add_webhook_endpoint(test_.database(), url(), "order.", "staff:1");
  ASSERT_TRUE(endpoint.ok()) << endpoint.error().message;
  EXPECT_FALSE(endpoint->secret.empty());

  ServiceOrder order = reread("after");
  EXPECT_EQ(pass().delivered, 1);
  auto received = receiver_.files("json");
  ASSERT_EQ(received.size(), 1u);
  const json request = json::parse(received[0]);
  const std::string body = request["body"];
  const json sent = json::parse(body);
  EXPECT_EQ(sent["event"]["kind"], "order.received");
  EXPECT_EQ(sent["event"]["details"]["order"], order.number);
  EXPECT_EQ(sent["event"]["account"], maria_.digits());
  EXPECT_EQ(std::to_string(sent["delivery_id"].get<std::int64_t>()),
            request["delivery"].get<std::string>());
  // The signature is the HMAC of "<t>.<body>" under the endpoint's secret.
  const std::string signature = request["signature"];
  const std::int64_t t = std::stoll(signature.substr(2, signature.find(',') - 2));
  EXPECT_EQ(signature, webhook_signature(endpoint->secret, t, body));
  EXPECT_NE(signature, webhook_signature("another secret", t, body));

  // Nothing new: nothing sent again; another account event kind is not sent.
  EXPECT_EQ(pass().delivered, 0);
  EXPECT_EQ(receiver_.files("json").size(), 1u);
  EXPECT_EQ(count(test_.database(), "SELECT COUNT(*) FROM webhook_deliveries"), 1);
}

TEST_F(WebhooksTest, AReceiverThatFailsGetsTheSameDeliveryAgainLater) {
  ASSERT_TRUE(add_webhook_endpoint(test_.database(), url(), "order.", "staff:1").ok());
  std::ofstream(std::filesystem::path(receiver_.folder()) / "fail").put('\n');
  reread("one");
  WebhookPass failed = pass();
  EXPECT_EQ(failed.delivered, 0);
  EXPECT_EQ(failed.failed, 1);
  EXPECT_EQ(count(test_.database(),
                  "SELECT COUNT(*) FROM webhook_deliveries WHERE attempts = 1 AND last_error = "
                  "'answered 500'"),
            1);
  // Not due again at once (30 s later).
  EXPECT_EQ(pass().failed, 0);
  std::filesystem::remove(std::filesystem::path(receiver_.folder()) / "fail");
  make_due_now();
  EXPECT_EQ(pass().delivered, 1);
  const json request = json::parse(receiver_.files("json").at(0));
  EXPECT_EQ(request["delivery"],
            std::to_string(count(test_.database(), "SELECT id FROM webhook_deliveries")));
  // Given up after the last attempt.
  std::ofstream(std::filesystem::path(receiver_.folder()) / "fail").put('\n');
  reread("two");
  for (int attempt = 0; attempt < kMostWebhookAttempts; ++attempt) {
    make_due_now();
    pass();
  }
  EXPECT_EQ(count(test_.database(),
                  "SELECT COUNT(*) FROM webhook_deliveries WHERE failed_at IS NOT NULL AND "
                  "attempts = " +
                      std::to_string(kMostWebhookAttempts)),
            1);
}

}  // namespace
}  // namespace rp::orders
