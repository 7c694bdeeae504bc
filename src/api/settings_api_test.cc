// The utility's settings over real HTTP against a real database (each engine): listed with what
// applies while unset, changed only as their rules allow with who and what before recorded, and
// the holidays moving the bill cycles' schedule.

#include <gtest/gtest.h>

#include "api/testing/api_server.h"
#include "billing/bill_run.h"
#include "store/testing/test_database.h"

namespace rp::api {
namespace {

using http::testing::ClientResponse;

class SettingsApiTest : public ::testing::Test {
 protected:
  SettingsApiTest() : api_(test_.database()) {}

  ClientResponse put(const std::string& key, const std::string& body) {
    return api_.request("PUT", "/api/v1/staff/settings/" + key, body);
  }

  nlohmann::json setting(const std::string& key) {
    const auto listed = api_.get("/api/v1/staff/settings").json();
    for (const auto& item : listed["settings"]) {
      if (item["key"] == key) return item;
    }
    ADD_FAILURE() << "no setting " << key << " in " << listed;
    return nullptr;
  }

  store::testing::TestDatabase test_;
  testing::ApiServer api_;
};

TEST_F(SettingsApiTest, SettingsAreListedChangedWithinTheirRulesAndEveryChangeIsKept) {
  auto due = setting("bill_due_days");
  ASSERT_TRUE(due.is_object());
  EXPECT_TRUE(due["value"].is_null());
  EXPECT_EQ(due["when_unset"], "21");
  EXPECT_EQ(due["kind"], "whole_number");
  EXPECT_EQ(due["minimum"], 1);
  EXPECT_EQ(due["maximum"], 90);

  ClientResponse changed = put("bill_due_days", R"json({"value": "18"})json");
  ASSERT_EQ(changed.status, 200) << changed.body;
  EXPECT_EQ(changed.json()["changed"], true);
  EXPECT_EQ(setting("bill_due_days")["value"], "18");
  EXPECT_EQ(put("bill_due_days", R"json({"value": "18"})json").json()["changed"], false);
  EXPECT_EQ(put("bill_due_days", R"json({"value": "20"})json").status, 200);

  // Refused, naming what was wrong, and nothing changes.
  for (const auto& [key, body, field] :
       std::vector<std::tuple<std::string, std::string, std::string>>{
           {"bill_due_days", R"json({"value": "91"})json", "bill_due_days"},
           {"bill_due_days", R"json({"value": 21})json", "value"},
           {"bill_due_days", R"json({})json", "value"},
           {"no_such_setting", R"json({"value": "1"})json", "no_such_setting"},
           {"bill_holidays", R"json({"value": "2026-02-30"})json", "bill_holidays"}}) {
    ClientResponse refused = put(key, body);
    EXPECT_EQ(refused.status, 422) << key << " " << body << ": " << refused.body;
    EXPECT_EQ(refused.json().value("field", ""), field) << refused.body;
  }
  EXPECT_EQ(setting("bill_due_days")["value"], "20");

  // Each change, newest first, with the value before and after and who made it.
  ClientResponse changes = api_.get("/api/v1/staff/settings/changes");
  ASSERT_EQ(changes.status, 200) << changes.body;
  const auto listed = changes.json()["changes"];
  ASSERT_EQ(listed.size(), 2u) << changes.body;
  EXPECT_EQ(listed[0]["key"], "bill_due_days");
  EXPECT_EQ(listed[0]["from"], "18");
  EXPECT_EQ(listed[0]["to"], "20");
  EXPECT_TRUE(listed[1]["from"].is_null());
  EXPECT_EQ(listed[0]["actor_kind"], "api_key");
  EXPECT_EQ(listed[0]["actor_name"], "API key 'test staff'");
  ClientResponse page = api_.get("/api/v1/staff/settings/changes?limit=1");
  EXPECT_EQ(page.json()["changes"].size(), 1u);
  ClientResponse next = api_.get("/api/v1/staff/settings/changes?limit=1&cursor=" +
                                 page.json()["next_cursor"].get<std::string>());
  ASSERT_EQ(next.json()["changes"].size(), 1u);
  EXPECT_TRUE(next.json()["changes"][0]["from"].is_null());

  // A family lists its members and itself, so another member can always be added.
  ASSERT_EQ(put("vee_rules.electric", R"json({"value": "{}"})json").status, 200);
  EXPECT_TRUE(setting("vee_rules.electric").is_object());
  EXPECT_TRUE(setting("vee_rules.")["value"].is_null());
  ASSERT_EQ(put("vee_rules.electric", R"json({"value": "{}"})json").json()["changed"], false);

  // Reading takes billing.read; changing takes settings.change.
  const std::string csr = api_.make_key("csr", {"customer_service"});
  EXPECT_EQ(api_.send("PUT", "/api/v1/staff/settings/bill_due_days",
                      testing::ApiServer::as_key(csr), R"json({"value": "30"})json")
                .status,
            403);
  EXPECT_EQ(setting("bill_due_days")["value"], "20");
}

TEST_F(SettingsApiTest, AHolidayMovesTheCyclesReadAndBillDates) {
  ClientResponse before = api_.get("/api/v1/staff/bill-schedule?month=2026-11");
  ASSERT_EQ(before.status, 200) << before.body;
  auto cycles = before.json()["cycles"];
  ASSERT_EQ(cycles.size(), 20u);
  // November 2026 starts on a Sunday: cycle 1 reads Monday the 2nd, cycle 4 Thursday the 5th.
  EXPECT_EQ(cycles[0]["read_date"], "2026-11-02");
  EXPECT_EQ(cycles[3]["read_date"], "2026-11-05");
  EXPECT_EQ(cycles[3]["bill_date"], "2026-11-06");

  ASSERT_EQ(put("bill_holidays", R"json({"value": "2026-11-05, 2026-11-26"})json").status, 200);
  auto after = api_.get("/api/v1/staff/bill-schedule?month=2026-11").json();
  EXPECT_EQ(after["holidays"], nlohmann::json::array({"2026-11-05", "2026-11-26"}));
  EXPECT_EQ(after["cycles"][2]["read_date"], "2026-11-04");
  EXPECT_EQ(after["cycles"][2]["bill_date"], "2026-11-06");  // not on the holiday
  EXPECT_EQ(after["cycles"][3]["read_date"], "2026-11-06");  // the holiday is skipped
  for (const auto& cycle : after["cycles"]) {
    EXPECT_NE(cycle["read_date"], "2026-11-26") << cycle;
    EXPECT_NE(cycle["bill_date"], "2026-11-26") << cycle;
  }
  // The next bill run follows it: the holiday is no longer cycle 4's read date, the day after is.
  auto on_holiday = billing::open_bill_run(
      test_.database(), {4, LocalDate{date::year{2026}, date::month{11}, date::day{5}}, "test"});
  ASSERT_FALSE(on_holiday.ok());
  EXPECT_EQ(on_holiday.error().field, "read_date");
  EXPECT_NE(on_holiday.error().message.find("2026-11-06"), std::string::npos)
      << on_holiday.error().message;
  EXPECT_TRUE(
      billing::open_bill_run(
          test_.database(), {4, LocalDate{date::year{2026}, date::month{11}, date::day{6}}, "test"})
          .ok());
  EXPECT_EQ(api_.get("/api/v1/staff/bill-schedule?month=2026-13").json()["field"], "month");
  EXPECT_EQ(api_.get("/api/v1/staff/bill-schedule?month=nov").json()["field"], "month");
}

}  // namespace
}  // namespace rp::api

namespace rp::api {
namespace {

// The reports over HTTP: the catalog, a report as JSON with typed columns, the same as CSV, and
// bad requests named.
TEST(ReportsApi, ReportsAreListedAnsweredAsTablesAndExportedAsCsv) {
  store::testing::TestDatabase test;
  testing::ApiServer api(test.database());
  ClientResponse catalog = api.get("/api/v1/staff/reports");
  ASSERT_EQ(catalog.status, 200) << catalog.body;
  EXPECT_EQ(catalog.json()["reports"].size(), 7u);

  ClientResponse aging = api.get("/api/v1/staff/reports/aging");
  ASSERT_EQ(aging.status, 200) << aging.body;
  EXPECT_EQ(aging.json()["columns"][2]["kind"], "money");
  EXPECT_EQ(aging.json()["chart"]["x"], "customer_class");
  EXPECT_EQ(aging.json()["totals"].size(), 1u);

  ClientResponse csv =
      api.get("/api/v1/staff/reports/payments?from=2026-11-01&to=2026-11-30&format=csv");
  ASSERT_EQ(csv.status, 200) << csv.body;
  EXPECT_EQ(csv.header("content-type").value_or(""), "text/csv; charset=utf-8");
  EXPECT_NE(
      csv.header("content-disposition").value_or("").find("payments-2026-11-01-to-2026-11-30.csv"),
      std::string::npos);
  EXPECT_EQ(csv.body.rfind("Day,Payments,Amount,", 0), 0u) << csv.body;

  EXPECT_EQ(api.get("/api/v1/staff/reports/profit").status, 404);
  EXPECT_EQ(api.get("/api/v1/staff/reports/payments?from=2026-12-01&to=2026-11-01").json()["field"],
            "from");
  EXPECT_EQ(api.get("/api/v1/staff/reports/payments?from=2026-13-01").json()["field"], "from");
  EXPECT_EQ(api.get("/api/v1/staff/reports/payments?format=pdf").json()["field"], "format");
  EXPECT_EQ(api.get("/api/v1/staff/reports/payments?from=2025-01-01&to=2026-11-30").json()["field"],
            "to");
}

}  // namespace
}  // namespace rp::api
