// Outages over HTTP: a head-end's last gasps become an outage, staff with outages.manage move it,
// set its ETR and restore it, a home still dark keeps its own; others are refused.

#include <gtest/gtest.h>

#include "accounts/search_index.h"
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
  auto all_of_it =
      as_coordinator(moves, R"({"action": "split", "part": {"kind": "transformer", "id": )" +
                                std::to_string(outage["device"]["id"].get<std::int64_t>()) + "}}");
  EXPECT_EQ(all_of_it.status, 422) << all_of_it.body;
  EXPECT_EQ(all_of_it.json()["field"], "part");
  EXPECT_EQ(as_coordinator(moves, R"({"action": "split"})").json()["field"], "part");
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

TEST_F(OutagesApiTest, TheConsoleReadsTheStormAndAnAccountsHistoryAndTheMapHidesSmallOutages) {
  ASSERT_TRUE(outages::draw_missing_network(test_.database(), 1).ok());
  auto gasps = server_.request(
      "POST", "/api/v1/meter-events",
      R"({"events": [{"meter": "E1000017", "kind": "last_gasp", "occurred_at": "2026-12-07T10:00:00Z"},
                     {"meter": "E2000017", "kind": "last_gasp", "occurred_at": "2026-12-07T10:00:02Z"}]})");
  ASSERT_EQ(gasps.status, 202) << gasps.body;
  // Before the pass the signals are in no outage yet.
  auto signals = server_.get("/api/v1/staff/outage-signals");
  ASSERT_EQ(signals.status, 200) << signals.body;
  ASSERT_EQ(signals.json()["devices"].size(), 1u);
  EXPECT_EQ(signals.json()["devices"][0]["last_gasps"], 2);
  EXPECT_EQ(signals.json()["devices"][0]["points"], 2);
  EXPECT_TRUE(signals.json()["devices"][0]["outage"].is_null());
  ASSERT_TRUE(outages::predict_pass(test_.database()).ok());
  ASSERT_TRUE(server_.refresh_outage_status().ok());
  const std::string number = server_.get("/api/v1/staff/outages").json()["outages"][0]["number"];
  EXPECT_EQ(server_.get("/api/v1/staff/outage-signals").json()["devices"][0]["outage"], number);

  auto summary = server_.get("/api/v1/staff/outages/summary");
  ASSERT_EQ(summary.status, 200) << summary.body;
  EXPECT_EQ(summary.json()["customers_out"], 2);
  EXPECT_EQ(summary.json()["outages_open"], 1);
  EXPECT_EQ(summary.json()["hours"].size(), 24u);
  std::int64_t gasps_counted = 0;
  const nlohmann::json hours = summary.json()["hours"];
  for (const auto& hour : hours) gasps_counted += hour["last_gasps"].get<int>();
  EXPECT_EQ(gasps_counted, 2) << summary.body;
  EXPECT_EQ(summary.json()["customers_out_over_time"].back()["customers_out"], 2);

  // Two homes out: not on the public map (a stranger could tell whose they are).
  auto map = server_.send("GET", "/api/v1/outages/map", {});
  ASSERT_EQ(map.status, 200) << map.body;
  EXPECT_TRUE(map.json()["areas"].empty());
  EXPECT_TRUE(map.json()["cells"].empty());
  ASSERT_FALSE(map.json()["bounds"].is_null()) << map.body;
  EXPECT_GT(map.json()["bounds"]["north"].get<double>(), 40.0);

  // The detail lists the homes, to restore one of them first.
  auto detail = server_.get("/api/v1/staff/outages/" + number);
  ASSERT_EQ(detail.json()["homes"].size(), 2u) << detail.body;
  EXPECT_TRUE(detail.json()["devices"].empty()) << "one transformer: nothing to split";
  const nlohmann::json first_home = detail.json()["homes"][0];
  auto part =
      server_.request("POST", "/api/v1/staff/outages/" + number + "/moves",
                      R"({"action": "restore", "part": {"kind": "service_point", "id": )" +
                          std::to_string(first_home["service_point"].get<std::int64_t>()) + "}}");
  ASSERT_EQ(part.status, 200) << part.body;
  EXPECT_EQ(part.json()["outage"]["customers_out"], 1);
  EXPECT_EQ(server_.get("/api/v1/staff/outages/summary").json()["restored_today"], 1);
  ASSERT_TRUE(server_.refresh_outage_status().ok());

  // The restored home's customer is asked "still out?"; the other is still in the outage.
  const std::int64_t restored_premise = first_home["premise"];
  for (const AccountNumber& account : {maria_, ben_}) {
    auto mine = server_.get(path(account, "/outages"));
    ASSERT_EQ(mine.status, 200) << mine.body;
    const nlohmann::json home = mine.json()["premises"][0];
    if (home["premise"] == restored_premise) {
      EXPECT_TRUE(home["outage"].is_null());
      ASSERT_FALSE(home["recently_restored"].is_null()) << mine.body;
      EXPECT_EQ(home["recently_restored"]["number"], number);
      EXPECT_FALSE(home["recently_restored"]["restored_at"].get<std::string>().empty());
    } else {
      EXPECT_FALSE(home["outage"].is_null());
      EXPECT_TRUE(home["recently_restored"].is_null());
    }
  }
  auto history = server_.get(path(maria_, "/outage-history"));
  ASSERT_EQ(history.status, 200) << history.body;
  ASSERT_EQ(history.json()["outages"].size(), 1u);
  EXPECT_EQ(history.json()["outages"][0]["number"], number);
  EXPECT_EQ(history.json()["outages"][0]["premise"]["line1"], "1204 Elm St");
}

TEST_F(OutagesApiTest, SignedOutCustomersReportByThePhoneNumberOnTheirAccount) {
  // Maria and Ben share a phone at first: the number has two homes.
  ASSERT_TRUE(test_.database()
                  .write<bool>([&](store::Session& session) -> Result<bool> {
                    RP_TRY(session.execute("UPDATE persons SET phone = '+15415550134'"));
                    auto accounts = session.query("SELECT id FROM accounts");
                    RP_TRY(accounts);
                    for (const store::Row& row : *accounts) {
                      RP_TRY(accounts::index_accounts_of_holder(session, row.integer("id")));
                    }
                    return true;
                  })
                  .ok());
  const auto report = [&](const std::string& phone) {
    return server_.send("POST", "/api/v1/outage-reports", {{"Content-Type", "application/json"}},
                        R"({"phone": ")" + phone + R"(", "kind": "out"})");
  };
  auto several = report("(541) 555-0134");
  EXPECT_EQ(several.status, 422) << several.body;
  EXPECT_EQ(several.json()["code"], "outage-phone-several-homes");
  EXPECT_EQ(several.json()["field"], "phone");
  auto unknown = report("541-555-0199");
  EXPECT_EQ(unknown.json()["code"], "outage-phone-not-matched") << unknown.body;
  EXPECT_EQ(report("hello").json()["code"], "outage-phone-not-matched");
  EXPECT_EQ(count(test_.database(), "SELECT COUNT(*) FROM outage_signals"), 0);

  ASSERT_TRUE(test_.database()
                  .write<bool>([&](store::Session& session) -> Result<bool> {
                    RP_TRY(session.execute(
                        "UPDATE persons SET phone = '5415550177' WHERE id = (SELECT person_id "
                        "FROM accounts WHERE number = '" +
                        ben_.digits() + "')"));
                    auto accounts = session.query("SELECT id FROM accounts");
                    RP_TRY(accounts);
                    for (const store::Row& row : *accounts) {
                      RP_TRY(accounts::index_accounts_of_holder(session, row.integer("id")));
                    }
                    return true;
                  })
                  .ok());
  auto bens = report("541.555.0177");
  ASSERT_EQ(bens.status, 201) << bens.body;
  EXPECT_FALSE(bens.json().contains("address_hint")) << "a number never tells a stranger a street";
  EXPECT_EQ(count(test_.database(),
                  "SELECT COUNT(*) FROM outage_signals s JOIN accounts a ON a.id = s.account_id "
                  "WHERE a.number = '" +
                      ben_.digits() + "'"),
            1);
}

TEST_F(OutagesApiTest, ACustomerFollowsAnotherAddressAndNobodyElseChangesTheirList) {
  const std::int64_t bens_premise =
      count(test_.database(),
            "SELECT sp.premise_id FROM meters m JOIN service_points sp ON sp.id = "
            "m.service_point_id WHERE m.serial = 'E2000017'");
  Customer maria = testing::sign_up(server_, test_.database(), "maria@example.com", "1204 Elm St");
  auto followed = server_.send("POST", path(maria_, "/followed-addresses"), as(maria),
                               R"({"premise": )" + std::to_string(bens_premise) + "}");
  ASSERT_EQ(followed.status, 200) << followed.body;
  ASSERT_EQ(followed.json()["addresses"].size(), 1u);
  EXPECT_EQ(followed.json()["addresses"][0]["line1"], "17 Oak Ave");
  EXPECT_EQ(server_
                .send("POST", path(maria_, "/followed-addresses"), as(maria),
                      R"({"premise": "17 Oak Ave"})")
                .json()["field"],
            "premise");
  // Maria cannot read or change Ben's list.
  EXPECT_EQ(server_.send("GET", path(ben_, "/followed-addresses"), as(maria)).status, 404);
  EXPECT_EQ(server_
                .send("DELETE", path(ben_, "/followed-addresses/" + std::to_string(bens_premise)),
                      as(maria))
                .status,
            404);
  auto stopped = server_.send(
      "DELETE", path(maria_, "/followed-addresses/" + std::to_string(bens_premise)), as(maria));
  ASSERT_EQ(stopped.status, 200) << stopped.body;
  EXPECT_TRUE(stopped.json()["addresses"].empty());
  EXPECT_EQ(count(test_.database(),
                  "SELECT COUNT(*) FROM account_events WHERE kind LIKE 'outage.address_%'"),
            2);
}

TEST_F(OutagesApiTest, StaffOpenAWaterMainBreakByStreetAndBadInputIsNamed) {
  const std::string coordinator = server_.make_key("storm desk", {"outage_coordinator"});
  const auto open = [&](const std::string& key, const std::string& body) {
    return server_.send("POST", "/api/v1/staff/outages",
                        {{"Authorization", "Bearer " + key}, {"Content-Type", "application/json"}},
                        body);
  };
  const std::string main_break =
      R"({"area": {"commodity": "water", "zip": "97477", "streets": ["Elm St"]},
          "cause": "equipment", "public_note": "A main broke on Elm St."})";
  const std::string cashier = server_.make_key("till", {"cashier"});
  EXPECT_EQ(open(cashier, main_break).status, 403);
  auto opened = open(coordinator, main_break);
  ASSERT_EQ(opened.status, 201) << opened.body;
  EXPECT_EQ(opened.json()["outage"]["device"]["kind"], "area");
  EXPECT_EQ(opened.json()["outage"]["customers_out"], 1) << "Maria's water; Ben has none";
  EXPECT_EQ(opened.json()["outage"]["status"], "confirmed");
  EXPECT_EQ(open(coordinator, R"({"area": {"commodity": "steam", "zip": "97477",
                                            "streets": ["Elm St"]}})")
                .json()["field"],
            "area");
  EXPECT_EQ(open(coordinator, R"({"planned": true, "device": {"kind": "transformer", "id": 1}})")
                .json()["field"],
            "starts_at");
  EXPECT_EQ(open(coordinator, R"({"area": {"commodity": "water", "polygon": [[44, -123], [45]]}})")
                .json()["field"],
            "area");
  EXPECT_EQ(count(test_.database(), "SELECT COUNT(*) FROM outages"), 1);
}

}  // namespace
}  // namespace rp::api
