// Service orders over HTTP: a customer asks for a re-read once per key and may cancel it only
// before a crew is on the way; the field and the dispatcher move it by their permissions.

#include <gtest/gtest.h>

#include "api/testing/customers.h"
#include "api/testing/two_accounts.h"

namespace rp::api {
namespace {

using store::testing::count;
using testing::as;
using testing::Customer;

using OrdersApiTest = testing::TwoAccountsTest;

TEST_F(OrdersApiTest, ACustomerAsksOnceAndCancelsOnlyBeforeACrewIsOnTheWay) {
  Customer maria = testing::sign_up(server_, test_.database(), "maria@example.com", "1204 Elm St");
  auto headers = as(maria);
  headers.emplace_back("Idempotency-Key", "reread-1");
  const std::string body = R"({"kind": "meter_reread", "details": "The read looks too high"})";
  auto created = server_.send("POST", path(maria_, "/service-orders"), headers, body);
  ASSERT_EQ(created.status, 201) << created.body;
  const std::string number = created.json()["order"]["number"];
  auto again = server_.send("POST", path(maria_, "/service-orders"), headers, body);
  ASSERT_EQ(again.status, 200) << again.body;
  EXPECT_TRUE(again.json()["replayed"].get<bool>());
  EXPECT_EQ(again.json()["order"]["number"], number);
  auto reused =
      server_.send("POST", path(maria_, "/service-orders"), headers, R"({"kind": "investigate"})");
  EXPECT_EQ(reused.status, 422) << reused.body;
  auto start = as(maria);
  start.emplace_back("Idempotency-Key", "start-1");
  auto refused =
      server_.send("POST", path(maria_, "/service-orders"), start, R"({"kind": "disconnect"})");
  EXPECT_EQ(refused.status, 422);
  EXPECT_EQ(refused.json()["field"], "kind");
  EXPECT_EQ(server_.send("GET", path(ben_, "/service-orders/" + number), as(maria)).status, 404);
  EXPECT_EQ(count(test_.database(), "SELECT COUNT(*) FROM service_orders"), 1);

  // The dispatcher schedules and dispatches it: the customer can no longer cancel.
  const std::string moves = "/api/v1/staff/service-orders/" + number + "/moves";
  ASSERT_EQ(server_
                .request("POST", moves,
                         R"({"action": "schedule", "window_start": "2026-12-08T16:00:00Z",
                             "window_end": "2026-12-08T20:00:00Z"})")
                .status,
            200);
  ASSERT_EQ(server_.request("POST", moves, R"({"action": "dispatch", "crew": "Crew 2"})").status,
            200);
  auto late =
      server_.send("POST", path(maria_, "/service-orders/" + number + "/cancel"), as(maria), "{}");
  EXPECT_EQ(late.status, 409) << late.body;
  EXPECT_EQ(late.json()["code"], "order-move-not-allowed");
  auto seen = server_.send("GET", path(maria_, "/service-orders/" + number), as(maria));
  ASSERT_EQ(seen.status, 200);
  EXPECT_EQ(seen.json()["order"]["status"], "dispatched");
  EXPECT_EQ(seen.json()["order"]["moves"].size(), 3u);
}

TEST_F(OrdersApiTest, TheFieldMovesWhatTheFieldDoesAndTheDispatcherTheRest) {
  auto created =
      server_.send("POST", path(maria_, "/service-orders"),
                   {{"Authorization", "Bearer " + server_.staff_key()},
                    {"Content-Type", "application/json"},
                    {"Idempotency-Key", "wms-7"}},
                   R"({"kind": "meter_exchange", "commodity": "water", "external_id": "WMS-7"})");
  ASSERT_EQ(created.status, 201) << created.body;
  const std::string moves = "/api/v1/staff/service-orders/" +
                            created.json()["order"]["number"].get<std::string>() + "/moves";
  const std::string technician = server_.make_key("tech", {"field_technician"});
  auto schedule = server_.send(
      "POST", moves,
      {{"Authorization", "Bearer " + technician}, {"Content-Type", "application/json"}},
      R"({"action": "schedule", "window_start": "2026-12-08T16:00:00Z",
                                   "window_end": "2026-12-08T20:00:00Z"})");
  EXPECT_EQ(schedule.status, 403) << schedule.body;
  auto arrive = server_.send(
      "POST", moves,
      {{"Authorization", "Bearer " + technician}, {"Content-Type", "application/json"}},
      R"({"action": "arrive"})");
  EXPECT_EQ(arrive.status, 409) << arrive.body;  // allowed to try, but it is not dispatched
  EXPECT_EQ(server_.request("POST", moves, R"({"action": "teleport"})").status, 422);
  EXPECT_EQ(
      server_
          .request("POST", "/api/v1/staff/service-orders/SO999999/moves", R"({"action": "cancel"})")
          .status,
      404);
  auto board = server_.get("/api/v1/staff/service-orders?unscheduled=true");
  ASSERT_EQ(board.status, 200) << board.body;
  EXPECT_EQ(board.json()["orders"].size(), 1u);
  EXPECT_EQ(board.json()["orders"][0]["area"]["zip"], "97477");
  EXPECT_EQ(board.json()["orders"][0]["area"]["city"], "Springfield");
  auto elsewhere = server_.get("/api/v1/staff/service-orders?unscheduled=true&area=97401");
  ASSERT_EQ(elsewhere.status, 200) << elsewhere.body;
  EXPECT_TRUE(elsewhere.json()["orders"].empty());
  auto bad_area = server_.get("/api/v1/staff/service-orders?unscheduled=true&area=Springfield");
  EXPECT_EQ(bad_area.status, 422);
  EXPECT_NE(bad_area.body.find("area"), std::string::npos) << bad_area.body;
  EXPECT_EQ(server_.get("/api/v1/staff/service-orders?from=nonsense&to=x").status, 422);
}

TEST_F(OrdersApiTest, TheDispatcherBooksACrewWithinItsVisitsADay) {
  const std::string technician = server_.make_key("tech", {"field_technician"});
  const std::string crew = R"({"name": "Crew 2", "orders_per_day": 1})";
  auto by_technician = server_.send(
      "POST", "/api/v1/staff/crews",
      {{"Authorization", "Bearer " + technician}, {"Content-Type", "application/json"}}, crew);
  EXPECT_EQ(by_technician.status, 403) << by_technician.body;
  auto bad = server_.request("POST", "/api/v1/staff/crews",
                             R"({"name": "Crew 2", "orders_per_day": "twelve"})");
  EXPECT_EQ(bad.status, 422);
  EXPECT_EQ(bad.json()["field"], "orders_per_day");
  EXPECT_EQ(
      server_.request("POST", "/api/v1/staff/crews", R"({"orders_per_day": 3})").json()["field"],
      "name");
  auto saved = server_.request("POST", "/api/v1/staff/crews", crew);
  ASSERT_EQ(saved.status, 200) << saved.body;
  EXPECT_EQ(saved.json()["orders_per_day"], 1);

  std::vector<std::string> moves;
  for (const char* key : {"x-1", "x-2"}) {
    auto created = server_.send("POST", path(maria_, "/service-orders"),
                                {{"Authorization", "Bearer " + server_.staff_key()},
                                 {"Content-Type", "application/json"},
                                 {"Idempotency-Key", key}},
                                R"({"kind": "investigate", "details": "leak"})");
    ASSERT_EQ(created.status, 201) << created.body;
    moves.push_back("/api/v1/staff/service-orders/" +
                    created.json()["order"]["number"].get<std::string>() + "/moves");
    ASSERT_EQ(server_
                  .request("POST", moves.back(),
                           R"({"action": "schedule", "window_start": "2026-12-08T16:00:00Z",
                               "window_end": "2026-12-08T20:00:00Z"})")
                  .status,
              200);
  }
  const std::string dispatch = R"({"action": "dispatch", "crew": "Crew 2"})";
  EXPECT_EQ(server_.request("POST", moves[0], dispatch).status, 200);
  auto full = server_.request("POST", moves[1], dispatch);
  EXPECT_EQ(full.status, 409) << full.body;
  EXPECT_EQ(full.json()["code"], "crew-full");
  auto day = server_.get("/api/v1/staff/crews?day=2026-12-08");
  ASSERT_EQ(day.status, 200) << day.body;
  ASSERT_EQ(day.json()["crews"].size(), 1u);
  EXPECT_EQ(day.json()["crews"][0]["booked"], 1);
  EXPECT_EQ(server_.get("/api/v1/staff/crews?day=tomorrow").status, 422);
  EXPECT_EQ(server_.get("/api/v1/staff/crews").json()["crews"][0]["booked"], 0);
}

TEST_F(OrdersApiTest, ATechniciansPhotoIsKeptWithTheOrderAndShownOnlyToItsAccount) {
  auto created = server_.send("POST", path(maria_, "/service-orders"),
                              {{"Authorization", "Bearer " + server_.staff_key()},
                               {"Content-Type", "application/json"},
                               {"Idempotency-Key", "photo-1"}},
                              R"({"kind": "investigate", "details": "leak at the meter box"})");
  ASSERT_EQ(created.status, 201) << created.body;
  const std::string number = created.json()["order"]["number"];
  const std::string technician = server_.make_key("tech", {"field_technician"});
  const std::string png = std::string("\x89PNG\r\n\x1A\n", 8) + "water in the box";
  const std::string photos = "/api/v1/staff/service-orders/" + number + "/photos?purpose=site";
  auto added =
      server_.send("POST", photos,
                   {{"Authorization", "Bearer " + technician}, {"Content-Type", "image/png"}}, png);
  ASSERT_EQ(added.status, 201) << added.body;
  const std::string id = std::to_string(added.json()["photo"]["id"].get<int>());
  auto seen = server_.get("/api/v1/staff/service-orders/" + number);
  ASSERT_EQ(seen.json()["order"]["photos"].size(), 1u);
  EXPECT_EQ(seen.json()["order"]["photos"][0]["purpose"], "site");
  EXPECT_EQ(server_.get("/api/v1/staff/photos/" + id).body, png);
  Customer maria = testing::sign_up(server_, test_.database(), "maria@example.com", "1204 Elm St");
  EXPECT_EQ(server_.send("GET", path(maria_, "/photos/" + id), as(maria)).body, png);
  // Another account's address for the same photo finds nothing; a customer adds no order photo.
  EXPECT_EQ(server_.send("GET", path(ben_, "/photos/" + id), as(maria)).status, 404);
  EXPECT_EQ(server_.get(path(ben_, "/photos/" + id)).status, 404);
  auto by_customer = server_.send("POST", photos, as(maria), png);
  EXPECT_EQ(by_customer.status, 401) << by_customer.body;
  EXPECT_EQ(server_
                .send("POST", "/api/v1/staff/service-orders/" + number + "/photos?purpose=x",
                      {{"Authorization", "Bearer " + technician}}, png)
                .json()["field"],
            "purpose");
}

TEST_F(OrdersApiTest, AWorkManagementSystemNamesOrdersByItsOwnIdsAndFollowsThemByWebhook) {
  auto created = server_.send("POST", path(maria_, "/service-orders"),
                              {{"Authorization", "Bearer " + server_.staff_key()},
                               {"Content-Type", "application/json"},
                               {"Idempotency-Key", "wms-1"}},
                              R"({"kind": "investigate", "external_id": "WMS-4411"})");
  ASSERT_EQ(created.status, 201) << created.body;
  const std::string number = created.json()["order"]["number"];
  auto found = server_.get("/api/v1/staff/service-orders/ext:WMS-4411");
  ASSERT_EQ(found.status, 200) << found.body;
  EXPECT_EQ(found.json()["order"]["number"], number);
  EXPECT_EQ(server_.get("/api/v1/staff/service-orders/ext:WMS-9999").status, 404);
  auto moved = server_.request(
      "POST", "/api/v1/staff/service-orders/ext:WMS-4411/moves",
      R"({"action": "schedule", "window_start": "2026-12-08T16:00:00Z", "window_end": "2026-12-08T20:00:00Z"})");
  ASSERT_EQ(moved.status, 200) << moved.body;
  EXPECT_EQ(moved.json()["order"]["status"], "scheduled");

  auto refused = server_.request("POST", "/api/v1/staff/webhooks",
                                 R"({"url": "ftp://wms", "event_prefix": "order."})");
  EXPECT_EQ(refused.status, 422);
  EXPECT_EQ(refused.json()["field"], "url");
  auto added = server_.request("POST", "/api/v1/staff/webhooks",
                               R"({"url": "https://wms.example/hooks", "event_prefix": "order."})");
  ASSERT_EQ(added.status, 201) << added.body;
  EXPECT_FALSE(added.json()["secret"].get<std::string>().empty());
  auto listed = server_.get("/api/v1/staff/webhooks");
  ASSERT_EQ(listed.status, 200);
  ASSERT_EQ(listed.json()["webhooks"].size(), 1u);
  EXPECT_FALSE(listed.json()["webhooks"][0].contains("secret"));
  const std::string id = std::to_string(added.json()["id"].get<std::int64_t>());
  EXPECT_EQ(server_.request("DELETE", "/api/v1/staff/webhooks/" + id, "").status, 204);
  EXPECT_EQ(server_.request("DELETE", "/api/v1/staff/webhooks/424242", "").status, 404);
  EXPECT_FALSE(server_.get("/api/v1/staff/webhooks").json()["webhooks"][0]["active"].get<bool>());
}

}  // namespace
}  // namespace rp::api
