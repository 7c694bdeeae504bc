// High-usage thresholds and possible leaks over HTTP: a customer reaches only their own account's,
// bad bodies are refused by name and change nothing, and a leak is closed once, by who closed it.

#include <gtest/gtest.h>

#include "accounts/testing/account_fixtures.h"
#include "api/testing/customers.h"
#include "api/testing/two_accounts.h"
#include "store/testing/test_database.h"

namespace rp::api {
namespace {

using store::testing::count;
using store::testing::query;
using testing::as;
using testing::Customer;

class UsageAlertsApiTest : public testing::TwoAccountsTest {
 protected:
  // A possible leak on Maria's water meter, as the usage watch records one.
  std::int64_t leak() {
    const std::int64_t account =
        count(test_.database(), "SELECT id FROM accounts WHERE number = '" + maria_.digits() + "'");
    const std::int64_t point = count(
        test_.database(),
        "SELECT sp.id FROM service_points sp JOIN service_agreements sa ON sa.service_point_id = "
        "sp.id WHERE sp.commodity = 'water' AND sa.account_id = " +
            std::to_string(account));
    EXPECT_TRUE(test_
                    ->write_work([&](store::Session& session) -> Result<void> {
                      RP_TRY(session.execute(
                          "INSERT INTO leak_alerts (account_id, service_point_id, commodity, "
                          "meter, unit, kind, found_on, least_per_hour_milli, use_per_day_milli, "
                          "created_at) VALUES (:a, :p, 'water', 'WE1000017', 'gal', "
                          "'continuous_flow', '2026-11-19', 2400, 57600, '2026-11-20T14:00:00Z')",
                          {account, point}));
                      return success();
                    })
                    .ok());
    return count(test_.database(), "SELECT MAX(id) FROM leak_alerts");
  }
};

TEST_F(UsageAlertsApiTest, ACustomerSetsTheirOwnAccountsThresholdsOnly) {
  Customer maria = testing::sign_up(server_, test_.database(), "maria@example.com", "1204 Elm St");
  auto none = server_.send("GET", path(maria_, "/alerts"), as(maria));
  ASSERT_EQ(none.status, 200) << none.body;
  EXPECT_TRUE(none.json()["thresholds"]["amount"].is_null());
  EXPECT_TRUE(none.json()["leaks"].empty());
  EXPECT_EQ(server_.send("GET", path(ben_, "/alerts"), as(maria)).status, 404);
  const std::string body = R"({"amount": "150.00", "last_bill_percent": 25})";
  EXPECT_EQ(server_.send("PUT", path(ben_, "/usage-thresholds"), as(maria), body).status, 404);
  EXPECT_EQ(server_.send("PUT", path(maria_, "/usage-thresholds"), as(maria, false), body).status,
            403);  // no CSRF token
  EXPECT_EQ(count(test_.database(), "SELECT COUNT(*) FROM usage_thresholds"), 0);

  auto set = server_.send("PUT", path(maria_, "/usage-thresholds"), as(maria), body);
  ASSERT_EQ(set.status, 200) << set.body;
  EXPECT_EQ(set.json()["thresholds"]["amount"]["amount"], "150.00");
  EXPECT_EQ(set.json()["thresholds"]["last_bill_percent"], 25);
  EXPECT_TRUE(set.json()["thresholds"]["last_year_percent"].is_null());
  auto events =
      query(test_.database(), "SELECT actor FROM account_events WHERE kind = 'thresholds.changed'");
  ASSERT_EQ(events.size(), 1u);
  EXPECT_TRUE(events[0].text(0).starts_with("customer:")) << events[0].text(0);
}

TEST_F(UsageAlertsApiTest, BadThresholdsAreRefusedByNameAndChangeNothing) {
  for (const auto& [body, field] : std::vector<std::pair<const char*, const char*>>{
           {R"({"amount": 150})", "amount"},
           {R"({"amount": "abc"})", "amount"},
           {R"({"amount": "0.50"})", "amount"},
           {R"({"amount": "100000.01"})", "amount"},
           {R"({"last_bill_percent": "20"})", "last_bill_percent"},
           {R"({"last_bill_percent": 0})", "last_bill_percent"},
           {R"({"last_year_percent": 1001})", "last_year_percent"},
           {R"({"last_year_percent": 2.5})", "last_year_percent"},
           {R"({"dollars": "150.00"})", "dollars"}}) {
    auto refused = server_.request("PUT", path(maria_, "/usage-thresholds"), body);
    EXPECT_EQ(refused.status, 422) << body << " " << refused.body;
    EXPECT_EQ(refused.json()["field"], field) << body;
  }
  EXPECT_EQ(server_.request("PUT", path(maria_, "/usage-thresholds"), "[]").status, 422);
  EXPECT_EQ(count(test_.database(), "SELECT COUNT(*) FROM usage_thresholds"), 0);
  EXPECT_EQ(count(test_.database(),
                  "SELECT COUNT(*) FROM account_events WHERE kind = 'thresholds.changed'"),
            0);
}

TEST_F(UsageAlertsApiTest, ALeakShowsToItsCustomerAndInTheStaffQueueAndClosesOnce) {
  const std::int64_t id = leak();
  Customer maria = testing::sign_up(server_, test_.database(), "maria@example.com", "1204 Elm St");
  auto alerts = server_.send("GET", path(maria_, "/alerts"), as(maria));
  ASSERT_EQ(alerts.status, 200) << alerts.body;
  ASSERT_EQ(alerts.json()["leaks"].size(), 1u);
  const auto shown = alerts.json()["leaks"][0];
  EXPECT_EQ(shown["kind"], "continuous_flow");
  EXPECT_EQ(shown["least_per_hour"], "2.4");
  EXPECT_EQ(shown["use_per_day"], "57.6");
  EXPECT_TRUE(shown["usual_per_day"].is_null());
  EXPECT_FALSE(shown.contains("customer"));

  auto queue = server_.get("/api/v1/staff/leaks");
  ASSERT_EQ(queue.status, 200) << queue.body;
  ASSERT_EQ(queue.json()["leaks"].size(), 1u);
  EXPECT_EQ(queue.json()["leaks"][0]["customer"], "Maria Lopez");
  EXPECT_EQ(queue.json()["leaks"][0]["account"], maria_.formatted());
  EXPECT_EQ(server_.get("/api/v1/staff/leaks?status=lost").status, 422);
  EXPECT_EQ(server_.get("/api/v1/staff/leaks?limit=0").status, 422);
  EXPECT_EQ(server_.get("/api/v1/staff/leaks", false).status, 401);
  EXPECT_EQ(server_.send("GET", "/api/v1/staff/leaks", as(maria)).status, 401);
  EXPECT_EQ(server_.get("/api/v1/staff/work-queues").json()["possible_leaks"], 1);

  const std::string close = "/leaks/" + std::to_string(id) + "/close";
  const std::string fixed = R"({"resolution": "toilet flapper replaced"})";
  EXPECT_EQ(server_.send("POST", path(ben_, close), as(maria), fixed).status, 404);
  EXPECT_EQ(server_.send("POST", path(maria_, "/leaks/999/close"), as(maria), fixed).status, 404);
  EXPECT_EQ(server_.send("POST", path(maria_, close), as(maria), R"({})").status, 422);
  EXPECT_EQ(server_.send("POST", path(maria_, close), as(maria), R"({"resolution": ""})").status,
            422);
  auto closed = server_.send("POST", path(maria_, close), as(maria), fixed);
  ASSERT_EQ(closed.status, 200) << closed.body;
  EXPECT_EQ(closed.json()["leak"]["status"], "closed");
  EXPECT_TRUE(closed.json()["leak"]["closed_by"].get<std::string>().starts_with("customer:"));
  auto again = server_.send("POST", path(maria_, close), as(maria), fixed);
  EXPECT_EQ(again.status, 409) << again.body;
  EXPECT_EQ(again.json()["code"], "leak-closed");
  EXPECT_EQ(
      count(test_.database(), "SELECT COUNT(*) FROM account_events WHERE kind = 'leak.closed'"), 1);
  EXPECT_TRUE(server_.get("/api/v1/staff/leaks").json()["leaks"].empty());
  auto closed_queue = server_.get("/api/v1/staff/leaks?status=closed").json();
  ASSERT_EQ(closed_queue["leaks"].size(), 1u);
  EXPECT_EQ(closed_queue["leaks"][0]["closed_by_name"], "Customer (maria@example.com)");
}

}  // namespace
}  // namespace rp::api
