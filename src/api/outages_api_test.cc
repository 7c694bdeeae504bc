// Outages over HTTP: a head-end's last gasps become an outage, staff with outages.manage move it,
// set its ETR and restore it, a home still dark keeps its own; others are refused.

#include <gtest/gtest.h>

#include "api/testing/customers.h"
#include "api/testing/two_accounts.h"
#include "outages/network.h"
#include "outages/outages.h"

namespace rp::api {
namespace {

using store::testing::count;
using testing::as;
using testing::Customer;

using OutagesApiTest = testing::TwoAccountsTest;

TEST_F(OutagesApiTest, LastGaspsBecomeAnOutageThatStaffFollowToItsRestoration) {
  ASSERT_TRUE(outages::draw_missing_network(test_.database(), 1).ok());
  const std::string head_end = server_.make_key("head-end", {"field_dispatcher"});
  auto gasps = server_.send(
      "POST", "/api/v1/meter-events",
      {{"Authorization", "Bearer " + head_end}, {"Content-Type", "application/json"}},
      R"({"events": [{"meter": "E1000017", "kind": "last_gasp", "occurred_at": "2026-12-07T10:00:00Z"},
                     {"meter": "E2000017", "kind": "last_gasp", "occurred_at": "2026-12-07T10:00:02Z"},
                     {"meter": "NOPE-1", "kind": "last_gasp", "occurred_at": "2026-12-07T10:00:03Z"}]})");
  ASSERT_EQ(gasps.status, 202) << gasps.body;
  EXPECT_EQ(gasps.json()["accepted"], 2);
  EXPECT_EQ(gasps.json()["rejected"], 1);
  auto bad = server_.request("POST", "/api/v1/meter-events",
                             R"({"events": [{"meter": "E1000017", "kind": "boom",
                                 "occurred_at": "2026-12-07T10:00:00Z"}]})");
  EXPECT_EQ(bad.status, 422);
  EXPECT_EQ(bad.json()["field"], "events[0].kind");
  ASSERT_TRUE(outages::predict_pass(test_.database()).ok());

  auto list = server_.get("/api/v1/staff/outages");
  ASSERT_EQ(list.status, 200) << list.body;
  ASSERT_EQ(list.json()["outages"].size(), 1u);
  const nlohmann::json outage = list.json()["outages"][0];
  EXPECT_EQ(outage["device"]["kind"], "transformer");
  EXPECT_EQ(outage["customers_out"], 2);
  EXPECT_EQ(outage["status"], "reported");
  const std::string number = outage["number"];
  const std::string moves = "/api/v1/staff/outages/" + number + "/moves";

  // A field technician may look but not move it.
  const std::string technician = server_.make_key("tech", {"field_technician"});
  auto refused = server_.send(
      "POST", moves,
      {{"Authorization", "Bearer " + technician}, {"Content-Type", "application/json"}},
      R"({"action": "confirm"})");
  EXPECT_EQ(refused.status, 403) << refused.body;
  const std::string coordinator = server_.make_key("storm desk", {"outage_coordinator"});
  auto as_coordinator = [&](const std::string& target, const std::string& body) {
    return server_.send(
        "POST", target,
        {{"Authorization", "Bearer " + coordinator}, {"Content-Type", "application/json"}}, body);
  };
  EXPECT_EQ(as_coordinator(moves, R"({"action": "teleport"})").status, 422);
  EXPECT_EQ(as_coordinator(moves, R"({"action": "arrive"})").json()["code"],
            "outage-move-not-allowed");
  EXPECT_EQ(
      as_coordinator("/api/v1/staff/outages/OUT999999/moves", R"({"action": "confirm"})").status,
      404);
  ASSERT_EQ(as_coordinator(moves, R"({"action": "confirm", "cause": "vegetation",
                                      "public_note": "A tree is on the line."})")
                .status,
            200);
  auto crew = as_coordinator(moves, R"({"action": "assign_crew", "crew": "Line 4"})");
  ASSERT_EQ(crew.status, 200) << crew.body;
  EXPECT_EQ(crew.json()["outage"]["crew"], "Line 4");
  EXPECT_EQ(crew.json()["outage"]["cause"], "vegetation");
  auto etr =
      as_coordinator("/api/v1/staff/outages/" + number + "/etr",
                     R"({"etr": ")" + format_instant(now() + std::chrono::hours(2)) + R"("})");
  ASSERT_EQ(etr.status, 200) << etr.body;
  EXPECT_TRUE(etr.json()["announced"].get<bool>());
  EXPECT_EQ(as_coordinator("/api/v1/staff/outages/" + number + "/etr", R"({"etr": "soon"})").status,
            422);

  // Restored, but Ben's meter does not answer: his home keeps an outage of its own.
  const std::int64_t bens_point = count(
      test_.database(), "SELECT m.service_point_id FROM meters m WHERE m.serial = 'E2000017'");
  auto restored = as_coordinator(
      moves, R"({"action": "restore", "still_dark": [)" + std::to_string(bens_point) + "]}");
  ASSERT_EQ(restored.status, 200) << restored.body;
  EXPECT_EQ(restored.json()["outage"]["status"], "restored");
  EXPECT_EQ(restored.json()["restored_points"], 1);
  ASSERT_EQ(restored.json()["still_dark_outages"].size(), 1u);
  auto detail = server_.get("/api/v1/staff/outages/" + number);
  ASSERT_EQ(detail.status, 200);
  const nlohmann::json seen = detail.json();
  std::vector<std::string> actions;
  for (const auto& move : seen["moves"]) actions.push_back(move["action"]);
  // The history's ETR at the opening and again once the cause was named; then staff's.
  EXPECT_EQ(actions, (std::vector<std::string>{"open", "etr", "confirm", "etr", "assign_crew",
                                               "etr", "restore"}));
  EXPECT_EQ(seen["moves"][1]["actor"], "system:history");
  EXPECT_EQ(seen["moves"][2]["actor"],
            "api_key:" + std::to_string(count(test_.database(),
                                              "SELECT id FROM api_keys WHERE name = "
                                              "'storm desk'")));
}

TEST_F(OutagesApiTest, CustomersReportAndReadTheStatusOfTheirOwnHomeAndStrangersSeeNoHome) {
  ASSERT_TRUE(outages::draw_missing_network(test_.database(), 1).ok());
  const std::int64_t marias_premise =
      count(test_.database(),
            "SELECT sp.premise_id FROM meters m JOIN service_points sp ON sp.id = "
            "m.service_point_id WHERE m.serial = 'E1000017'");
  // Before any snapshot, the status says it is starting.
  auto early =
      server_.send("GET", "/api/v1/outages/status?premise=" + std::to_string(marias_premise), {});
  EXPECT_EQ(early.status, 503) << early.body;
  ASSERT_TRUE(server_.refresh_outage_status().ok());
  auto none =
      server_.send("GET", "/api/v1/outages/status?premise=" + std::to_string(marias_premise), {});
  ASSERT_EQ(none.status, 200) << none.body;
  EXPECT_TRUE(none.json()["outage"].is_null());
  EXPECT_FALSE(none.json()["as_of"].get<std::string>().empty());

  // Anyone may report by address; bad input is named and changes nothing.
  const std::string report = R"({"premise": )" + std::to_string(marias_premise) +
                             R"(, "kind": "out", "callback_phone": "(541) 555-0134"})";
  auto reported = server_.send("POST", "/api/v1/outage-reports",
                               {{"Content-Type", "application/json"}}, report);
  ASSERT_EQ(reported.status, 201) << reported.body;
  EXPECT_TRUE(reported.json()["known_outage"].is_null());
  EXPECT_EQ(server_
                .send("POST", "/api/v1/outage-reports", {{"Content-Type", "application/json"}},
                      R"({"premise": 999999})")
                .json()["field"],
            "premise");
  EXPECT_EQ(server_
                .send("POST", "/api/v1/outage-reports", {{"Content-Type", "application/json"}},
                      R"({"premise": )" + std::to_string(marias_premise) + R"(, "kind": "boom"})")
                .json()["field"],
            "kind");
  EXPECT_EQ(server_
                .send("POST", "/api/v1/outage-reports",
                      {{"Content-Type", "application/json"}, {"Authorization", "Bearer not-a-key"}},
                      report)
                .status,
            403);
  EXPECT_EQ(count(test_.database(), "SELECT COUNT(*) FROM outage_signals"), 1);

  // Ben's home too: the two homes of the transformer make its outage.
  const std::string ivr = server_.make_key("phone system", {"customer_service"});
  auto by_phone = server_.send(
      "POST", path(ben_, "/outage-reports"),
      {{"Authorization", "Bearer " + ivr}, {"Content-Type", "application/json"}},
      R"({"premise": )" +
          std::to_string(count(test_.database(),
                               "SELECT sp.premise_id FROM meters m JOIN service_points sp ON "
                               "sp.id = m.service_point_id WHERE m.serial = 'E2000017'")) +
          "}");
  ASSERT_EQ(by_phone.status, 201) << by_phone.body;
  const std::string cashier = server_.make_key("till", {"cashier"});
  EXPECT_EQ(
      server_
          .send("POST", path(ben_, "/outage-reports"),
                {{"Authorization", "Bearer " + cashier}, {"Content-Type", "application/json"}},
                R"({"premise": 1})")
          .status,
      403);
  ASSERT_TRUE(outages::predict_pass(test_.database()).ok());
  ASSERT_TRUE(server_.refresh_outage_status().ok());

  // Maria, signed in, sees her home's outage and is told of it when she reports again.
  Customer maria = testing::sign_up(server_, test_.database(), "maria@example.com", "1204 Elm St");
  auto mine = server_.send("GET", path(maria_, "/outages"), as(maria));
  ASSERT_EQ(mine.status, 200) << mine.body;
  ASSERT_EQ(mine.json()["premises"].size(), 1u);
  const nlohmann::json outage = mine.json()["premises"][0]["outage"];
  ASSERT_FALSE(outage.is_null()) << mine.body;
  EXPECT_EQ(outage["customers_out"], 2);
  EXPECT_FALSE(outage.contains("device")) << "never the device or the homes";
  EXPECT_FALSE(outage.contains("crew"));
  auto again = server_.send("POST", path(maria_, "/outage-reports"), as(maria),
                            R"({"premise": )" + std::to_string(marias_premise) + "}");
  ASSERT_EQ(again.status, 200) << again.body;
  EXPECT_TRUE(again.json()["report"]["duplicate"].get<bool>())
      << "her first report, by address, is hers";
  EXPECT_FALSE(again.json()["known_outage"].is_null());
  // Another account's home is not hers to report for.
  EXPECT_EQ(server_
                .send("POST", path(ben_, "/outage-reports"), as(maria),
                      R"({"premise": )" + std::to_string(marias_premise) + "}")
                .status,
            404);
  // A stranger looking up her address is not told of a two-home outage.
  auto stranger =
      server_.send("GET", "/api/v1/outages/status?premise=" + std::to_string(marias_premise), {});
  ASSERT_EQ(stranger.status, 200);
  EXPECT_TRUE(stranger.json()["outage"].is_null());
}

TEST_F(OutagesApiTest, APublicCallerReportsTenTimesAnHourAtMost) {
  const std::int64_t premise = count(test_.database(), "SELECT MIN(id) FROM premises");
  const std::string report = R"({"premise": )" + std::to_string(premise) + "}";
  for (int i = 0; i < 10; ++i) {
    ASSERT_EQ(
        server_
            .send("POST", "/api/v1/outage-reports", {{"Content-Type", "application/json"}}, report)
            .status,
        201)
        << i;
  }
  auto eleventh = server_.send("POST", "/api/v1/outage-reports",
                               {{"Content-Type", "application/json"}}, report);
  EXPECT_EQ(eleventh.status, 429) << eleventh.body;
  EXPECT_EQ(count(test_.database(), "SELECT COUNT(*) FROM outage_signals"), 10);
}

}  // namespace
}  // namespace rp::api
