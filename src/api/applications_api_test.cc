// Starting and stopping service over HTTP: anyone finds a premise and applies (a public caller
// throttled, a move-in over someone in service refused), staff activate; a customer asks to stop
// with a forwarding address (a bad ZIP named), and a completion sent twice from the field is done
// once.

#include <gtest/gtest.h>

#include "accounts/service_stop.h"
#include "api/testing/customers.h"
#include "api/testing/two_accounts.h"
#include "billing/rate_plan_tariffs.h"
#include "rating/tariff_format.h"

namespace rp::api {
namespace {

using store::testing::count;
using testing::as;
using testing::Customer;

constexpr const char* kElectric =
    R"({"format": "ratepayer-tariff/1", "name": "Test electric", "unit": "kWh",
  "versions": [{"effective": "2020-01-01",
    "fixed_charges": [{"description": "Basic charge", "amount": "0.50", "per": "day"}],
    "energy": {"periods": [{"name": "Energy", "tiers": [{"rate": "0.10"}]}]}}]})";

class ApplicationsApiTest : public testing::TwoAccountsTest {
 protected:
  // A caller with no sign-in, and the key it sends ("" none).
  static testing::ApiServer::Headers publicly(const std::string& key) {
    testing::ApiServer::Headers headers = {{"Content-Type", "application/json"}};
    if (!key.empty()) headers.emplace_back("Idempotency-Key", key);
    return headers;
  }

  std::string today() {
    auto zone = UtilityZone::find("America/Los_Angeles");
    return format_local_date(zone->local_date(now()));
  }
  std::string tomorrow() {
    auto zone = UtilityZone::find("America/Los_Angeles");
    return format_local_date(plus_days(zone->local_date(now()), 1));
  }
};

TEST_F(ApplicationsApiTest, AnyoneAppliesAtAPremiseAndStaffActivate) {
  ASSERT_TRUE(billing::store_tariff(test_.database(), "E-RES", *rating::parse_tariff(kElectric),
                                    "staff:test")
                  .ok());
  auto found = server_.send("GET", "/api/v1/premises?address=1204%20elm", {});
  ASSERT_EQ(found.status, 200) << found.body;
  const nlohmann::json answer = found.json();
  ASSERT_EQ(answer["premises"].size(), 1u);
  const nlohmann::json& premise = answer["premises"][0];
  std::int64_t electric = 0;
  for (const auto& service : premise["services"]) {
    if (service["commodity"] == "electric") {
      electric = service["service_point"];
      ASSERT_EQ(service["plans"].size(), 1u);
      EXPECT_EQ(service["plans"][0]["code"], "E-RES");
    }
  }
  ASSERT_NE(electric, 0);
  EXPECT_EQ(server_.send("GET", "/api/v1/premises?address=12", {}).status, 422);
  EXPECT_EQ(server_.send("GET", "/api/v1/premises?address=999%20Nowhere", {}).json()["premises"],
            nlohmann::json::array());

  const std::string application =
      R"({"premise": )" + std::to_string(premise["id"].get<std::int64_t>()) +
      R"(, "start_date": ")" + tomorrow() + R"(", "services": [{"service_point": )" +
      std::to_string(electric) +
      R"(, "rate_plan": "E-RES"}], "customer": {"name": "Ben Ortiz", "email": "ben@example.com",
          "id_last4": "4321"}, "language": "es"})";
  // Maria is still in service there: her move-out must come first.
  auto served = server_.send("POST", "/api/v1/service-applications", publicly("a-1"), application);
  EXPECT_EQ(served.status, 409) << served.body;
  EXPECT_EQ(served.json()["code"], "premise-served");
  ASSERT_TRUE(accounts::stop_service(test_.database(), maria_, {today(), "staff:test"}).ok());

  EXPECT_EQ(server_.send("POST", "/api/v1/service-applications", publicly(""), application).status,
            422);
  auto applied = server_.send("POST", "/api/v1/service-applications", publicly("a-1"), application);
  ASSERT_EQ(applied.status, 201) << applied.body;
  EXPECT_EQ(applied.json()["order"]["kind"], "start_service");
  const std::string number = applied.json()["order"]["number"];
  const std::string account = applied.json()["account"];
  auto again = server_.send("POST", "/api/v1/service-applications", publicly("a-1"), application);
  ASSERT_EQ(again.status, 200) << again.body;
  EXPECT_EQ(again.json()["account"], account);
  EXPECT_EQ(count(test_.database(), "SELECT COUNT(*) FROM accounts WHERE status = 'pending'"), 1);

  // The back office sees it among the applications, and activates it.
  auto queue = server_.get("/api/v1/staff/service-orders?unscheduled=true&kind=start_service");
  ASSERT_EQ(queue.status, 200) << queue.body;
  ASSERT_EQ(queue.json()["orders"].size(), 1u);
  EXPECT_EQ(queue.json()["orders"][0]["number"], number);
  EXPECT_EQ(queue.json()["orders"][0]["account_status"], "pending");
  EXPECT_EQ(server_.get("/api/v1/staff/work-queues").json()["start_applications"], 1);

  // A public caller is throttled after five applications an hour (four more here).
  std::vector<int> statuses;
  for (int i = 0; i < 5; ++i) {
    statuses.push_back(server_
                           .send("POST", "/api/v1/service-applications",
                                 publicly("t-" + std::to_string(i)), application)
                           .status);
  }
  EXPECT_EQ(statuses, (std::vector<int>{201, 201, 201, 201, 429}));
  EXPECT_EQ(count(test_.database(), "SELECT COUNT(*) FROM accounts WHERE status = 'pending'"), 5);
  // A signed-in customer applies as themselves (their CSRF token checked), not by their address;
  // a staff key is not taken for anyone here.
  Customer ben = testing::sign_up(server_, test_.database(), "ben@example.com", "17 Oak Ave");
  auto signed_in = as(ben);
  signed_in.emplace_back("Idempotency-Key", "m-1");
  auto no_csrf = as(ben, false);
  no_csrf.emplace_back("Idempotency-Key", "m-2");
  EXPECT_EQ(server_.send("POST", "/api/v1/service-applications", no_csrf, application).status, 403);
  auto by_ben = server_.send("POST", "/api/v1/service-applications", signed_in, application);
  ASSERT_EQ(by_ben.status, 201) << by_ben.body;
  EXPECT_EQ(by_ben.json()["order"]["requested_by"].get<std::string>().rfind("customer:", 0), 0u)
      << by_ben.body;
  auto keyed = publicly("k-1");
  keyed.emplace_back("Authorization", "Bearer " + server_.staff_key());
  auto by_key = server_.send("POST", "/api/v1/service-applications", keyed, application);
  EXPECT_EQ(by_key.status, 403) << by_key.body;
  EXPECT_EQ(count(test_.database(), "SELECT COUNT(*) FROM accounts WHERE status = 'pending'"), 6);
  auto activated = server_.request("POST", "/api/v1/staff/service-orders/" + number + "/activate",
                                   R"({"bill_cycle": 4})");
  ASSERT_EQ(activated.status, 200) << activated.body;
  // An AMI meter: nobody goes out, the order is done.
  EXPECT_EQ(activated.json()["order"]["status"], "completed");
  EXPECT_EQ(activated.json()["order"]["account_status"], "active");
  EXPECT_EQ(count(test_.database(),
                  "SELECT COUNT(*) FROM accounts WHERE status = 'active' AND bill_cycle = 4"),
            1);
  // Five applications still wait in the queue's count; the one done is not among them.
  EXPECT_EQ(server_.get("/api/v1/staff/work-queues").json()["start_applications"], 5);
}

TEST_F(ApplicationsApiTest, AStopCompletedTwiceFromTheFieldIsDoneOnce) {
  Customer maria = testing::sign_up(server_, test_.database(), "maria@example.com", "1204 Elm St");
  auto headers = as(maria);
  headers.emplace_back("Idempotency-Key", "stop-1");
  auto bad_zip = server_.send(
      "POST", path(maria_, "/service-orders"), headers,
      R"({"kind": "stop_service", "service_date": ")" + today() +
          R"(", "forwarding_address": {"line1": "88 Pine Rd", "city": "Eugene", "state": "OR", "zip": "974"}})");
  ASSERT_EQ(bad_zip.status, 422) << bad_zip.body;
  EXPECT_EQ(bad_zip.json()["field"], "forwarding_address.zip");
  headers.back().second = "stop-2";
  auto stop = server_.send(
      "POST", path(maria_, "/service-orders"), headers,
      R"({"kind": "stop_service", "service_date": ")" + today() +
          R"(", "forwarding_address": {"line1": "88 Pine Rd", "city": "Eugene", "state": "OR", "zip": "97401"}})");
  ASSERT_EQ(stop.status, 201) << stop.body;
  EXPECT_EQ(stop.json()["order"]["forwarding_address"]["zip"], "97401");
  const std::string number = stop.json()["order"]["number"];
  const std::string moves = "/api/v1/staff/service-orders/" + number + "/moves";
  const std::string field_key = server_.make_key("field", {"field_technician"});
  const testing::ApiServer::Headers field = {{"Authorization", "Bearer " + field_key},
                                             {"Content-Type", "application/json"},
                                             {"Idempotency-Key", "field-7"}};
  for (
      const char* move :
      {R"({"action": "schedule", "window_start": "2026-12-08T16:00:00Z", "window_end": "2026-12-08T20:00:00Z"})",
       R"({"action": "dispatch", "crew": "Crew 1"})", R"({"action": "depart"})",
       R"({"action": "arrive"})"}) {
    ASSERT_EQ(server_.request("POST", moves, move).status, 200) << move;
  }
  const std::string completion =
      R"({"action": "complete", "reads": [{"meter": "WE1000017", "reading": "120"}]})";
  auto done = server_.send("POST", moves, field, completion);
  ASSERT_EQ(done.status, 200) << done.body;
  EXPECT_EQ(done.json()["order"]["status"], "completed");
  EXPECT_EQ(done.json()["order"]["results"]["reads"][0]["reading"], "120.000");
  // The crew sees where and what: the premise and its meters, with the last reading taken.
  const nlohmann::json site = done.json()["order"]["site"];
  EXPECT_EQ(site["line1"], "1204 Elm St");
  bool water_seen = false;
  for (const auto& meter : site["meters"]) {
    if (meter["serial"] == "WE1000017") {
      water_seen = true;
      EXPECT_EQ(meter["last_reading"], "120.000");
      EXPECT_FALSE(meter["automatic"].get<bool>());
    }
  }
  EXPECT_TRUE(water_seen) << site.dump();
  auto resent = server_.send("POST", moves, field, completion);
  ASSERT_EQ(resent.status, 200) << resent.body;
  EXPECT_TRUE(resent.json()["replayed"].get<bool>());
  auto without_key = server_.request("POST", moves, completion);
  EXPECT_EQ(without_key.status, 409);
  EXPECT_EQ(
      count(test_.database(), "SELECT COUNT(*) FROM account_events WHERE kind = 'order.completed'"),
      1);
  EXPECT_EQ(count(test_.database(), "SELECT COUNT(*) FROM register_reads WHERE source = 'manual'"),
            1);
}

}  // namespace
}  // namespace rp::api
