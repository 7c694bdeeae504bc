// The audit trail over real HTTP: what staff read and change lands in it with who and from where,
// auditors search it and export it as CSV, and nobody else may.

#include <gtest/gtest.h>

#include "accounts/testing/account_fixtures.h"
#include "api/testing/api_server.h"
#include "api/testing/staff_console.h"
#include "audit/audit_trail.h"
#include "store/testing/test_database.h"

namespace rp::api {
namespace {

using http::testing::ClientResponse;
using testing::Console;

class AuditApiTest : public ::testing::Test {
 protected:
  AuditApiTest()
      : account_(accounts::testing::open_sample_account(test_.database())),
        api_(test_.database()) {}

  // The staff user's actor ("staff:3") from their console.
  std::string actor_of(const Console& console) {
    return "staff:" + api_.send("GET", "/api/v1/staff/me", console.reading()).json()["id"].dump();
  }

  ClientResponse search(const Console& console, const std::string& query) {
    return api_.send("GET", "/api/v1/staff/audit" + query, console.reading());
  }

  store::testing::TestDatabase test_;
  AccountNumber account_;
  testing::ApiServer api_;
  testing::StaffConsoles consoles_{test_, api_};
};

TEST_F(AuditApiTest, AStaffReadAndAChangeAreInTheTrailWithWhoAndWhereFrom) {
  Console ana = consoles_.enrol("ana@utility.example", "billing_clerk", "Ana Ruiz");
  const std::string ana_actor = actor_of(ana);
  testing::ApiServer::Headers reading = ana.reading();
  reading.emplace_back("User-Agent", "counter-desk/1.0");
  ClientResponse read = api_.send("GET", "/api/v1/staff/accounts/" + account_.digits(), reading);
  ASSERT_EQ(read.status, 200) << read.body;

  testing::ApiServer::Headers writing = ana.writing();
  writing.emplace_back("Idempotency-Key", "credit-1");
  writing.emplace_back("User-Agent", "counter-desk/1.0");
  ClientResponse credit =
      api_.send("POST", "/api/v1/staff/accounts/" + account_.digits() + "/adjustments", writing,
                R"json({"amount": "-12.00", "reason_code": "leak_credit", "memo": "leak"})json");
  ASSERT_EQ(credit.status, 201) << credit.body;

  auto rows = store::testing::query(
      test_.database(),
      "SELECT actor, action, target, outcome, client_address, user_agent, request_id, details "
      "FROM audit_records WHERE actor = '" +
          ana_actor + "' ORDER BY id");
  ASSERT_GE(rows.size(), 3u);
  // The read: aimed at the account, with the request it came from.
  EXPECT_EQ(rows[1].text("action"), "account.read");
  EXPECT_EQ(rows[1].text("target"), "account:" + account_.digits());
  EXPECT_EQ(rows[1].text("request_id"), read.header("x-request-id").value_or("?"));
  EXPECT_EQ(rows[1].text("user_agent"), "counter-desk/1.0");
  EXPECT_EQ(rows[1].text("client_address"), "127.0.0.1");
  // The change, written inside the service's own transaction, still knows the request: the
  // SQLite writer thread runs it with the origin of the thread that queued it.
  bool found = false;
  for (const auto& row : rows) {
    if (row.text("action") != "adjustment.requested" && row.text("action") != "adjustment.posted") {
      continue;
    }
    found = true;
    EXPECT_EQ(row.text("target"), "account:" + account_.digits());
    EXPECT_EQ(row.text("request_id"), credit.header("x-request-id").value_or("?"));
    EXPECT_EQ(row.text("user_agent"), "counter-desk/1.0");
    EXPECT_NE(row.text("details").find("summary"), std::string::npos);
  }
  EXPECT_TRUE(found) << "the credit is not in the audit trail";
  auto verified = audit::verify_audit_trail(test_.database());
  ASSERT_TRUE(verified.ok());
  EXPECT_TRUE(verified->intact) << verified->problem;
}

TEST_F(AuditApiTest, AnAuditorSearchesByAccountStaffActionAndTimeAPageAtATime) {
  Console ana = consoles_.enrol("ana@utility.example", "billing_clerk", "Ana Ruiz");
  for (int i = 0; i < 3; ++i) {
    ASSERT_EQ(api_.send("GET", "/api/v1/staff/accounts/" + account_.digits(), ana.reading()).status,
              200);
  }
  Console audra = consoles_.enrol("audra@utility.example", "auditor", "Audra Auditor");

  ClientResponse by_staff = search(audra, "?staff=Ana@Utility.example&action=account.read");
  ASSERT_EQ(by_staff.status, 200) << by_staff.body;
  ASSERT_EQ(by_staff.json()["records"].size(), 3u);
  const auto first = by_staff.json()["records"][0];
  EXPECT_EQ(first["actor_name"], "Ana Ruiz");
  EXPECT_EQ(first["target_label"], "account " + account_.digits());
  EXPECT_EQ(first["details"]["route"], "GET /api/v1/staff/accounts/{number}");
  EXPECT_TRUE(by_staff.json()["next_before"].is_null());

  // Newest first, two to a page, then the rest.
  ClientResponse page = search(audra, "?account=" + account_.digits() + "&action=account.&limit=2");
  ASSERT_EQ(page.status, 200) << page.body;
  ASSERT_EQ(page.json()["records"].size(), 2u);
  const std::int64_t newest = page.json()["records"][0]["id"];
  const std::int64_t next = page.json()["next_before"];
  EXPECT_LT(page.json()["records"][1]["id"].get<std::int64_t>(), newest);
  ClientResponse older =
      search(audra, "?account=" + account_.digits() +
                        "&action=account.&limit=2&before=" + std::to_string(next));
  ASSERT_EQ(older.status, 200) << older.body;
  const nlohmann::json older_page = older.json();
  ASSERT_FALSE(older_page["records"].empty());
  for (const auto& record : older_page["records"]) {
    EXPECT_LT(record["id"].get<std::int64_t>(), next);
    EXPECT_EQ(record["target"], "account:" + account_.digits());
  }
  // The opening and the three reads: four records on the account under "account.".
  EXPECT_EQ(page.json()["records"].size() + older.json()["records"].size(), 4u);

  // By time: nothing before today, everything today.
  EXPECT_EQ(search(audra, "?to=2020-01-01").json()["records"].size(), 0u);
  const std::string today = format_local_date(LocalDate{date::floor<date::days>(now())});
  EXPECT_EQ(
      search(audra, "?staff=ana@utility.example&action=account.read&from=" + today + "&to=" + today)
          .json()["records"]
          .size(),
      3u);
}

TEST_F(AuditApiTest, AFilterThatIsMalformedOrNamesNoOneIsRefusedByName) {
  Console audra = consoles_.enrol("audra@utility.example", "auditor");
  for (const auto& [query, field] : std::vector<std::pair<std::string, std::string>>{
           {"?account=12", "account"},
           {"?staff=nobody@utility.example", "staff"},
           {"?staff=not-an-email", "staff"},
           {"?action=DROP%20TABLE", "action"},
           {"?from=2026-02-30", "from"},
           {"?to=yesterday", "to"},
           {"?from=2026-12-02&to=2026-12-01", "to"},
           {"?limit=0", "limit"},
           {"?limit=201", "limit"},
           {"?before=-3", "before"},
       }) {
    ClientResponse refused = search(audra, query);
    EXPECT_EQ(refused.status, 422) << query << " " << refused.body;
    EXPECT_EQ(refused.json()["field"], field) << query;
  }
}

TEST_F(AuditApiTest, OnlyThoseWhoMayReadTheTrailSearchIt) {
  Console cy = consoles_.enrol("cy@utility.example", "cashier");
  ClientResponse refused = search(cy, "");
  EXPECT_EQ(refused.status, 403);
  EXPECT_NE(refused.json()["detail"].get<std::string>().find("audit.read"), std::string::npos);
  EXPECT_EQ(api_.send("GET", "/api/v1/staff/audit.csv", cy.reading()).status, 403);
  EXPECT_EQ(api_.send("GET", "/api/v1/staff/audit", {}).status, 401);
}

TEST_F(AuditApiTest, TheCsvExportHoldsEveryMatchingRecordSafeForASpreadsheetAndIsRecorded) {
  Console ana = consoles_.enrol("ana@utility.example", "billing_clerk");
  testing::ApiServer::Headers hostile = ana.reading();
  hostile.emplace_back("User-Agent", "=HYPERLINK(\"http://attacker.example\")");
  ASSERT_EQ(api_.send("GET", "/api/v1/staff/accounts/" + account_.digits(), hostile).status, 200);
  Console audra = consoles_.enrol("audra@utility.example", "auditor", "Audra Auditor");
  ClientResponse csv =
      api_.send("GET", "/api/v1/staff/audit.csv?account=" + account_.digits(), audra.reading());
  ASSERT_EQ(csv.status, 200) << csv.body;
  EXPECT_EQ(csv.header("content-type").value_or(""), "text/csv; charset=utf-8");
  EXPECT_NE(csv.header("content-disposition").value_or("").find("attachment"), std::string::npos);
  EXPECT_TRUE(csv.body.starts_with("id,at,actor,actor_name,action,target,outcome,details,"))
      << csv.body;
  EXPECT_NE(csv.body.find("\"account.read\""), std::string::npos);
  EXPECT_NE(csv.body.find("\"account.opened\""), std::string::npos);
  EXPECT_NE(csv.body.find("\"'=HYPERLINK(\"\"http://attacker.example\"\")\""), std::string::npos)
      << csv.body;
  EXPECT_EQ(csv.body.find(",\"=HYPERLINK"), std::string::npos);
  // Five lines: the header, the opening and its two services, the read.
  EXPECT_EQ(std::count(csv.body.begin(), csv.body.end(), '\n'), 5) << csv.body;
  auto exported = store::testing::query(
      test_.database(), "SELECT actor, details FROM audit_records WHERE action = 'audit.exported'");
  ASSERT_EQ(exported.size(), 1u);
  EXPECT_EQ(exported[0].text("actor"), actor_of(audra));
  EXPECT_NE(exported[0].text("details").find("\"records\":4"), std::string::npos)
      << exported[0].text("details");
}

}  // namespace
}  // namespace rp::api
