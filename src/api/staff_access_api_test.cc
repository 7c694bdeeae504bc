// Administrators manage access over real HTTP: roles (never their own, never the last
// administrator, never beyond what they hold), the utility's own roles, ending a user's sessions,
// and API keys; each change in the audit trail with before and after.

#include <gtest/gtest.h>

#include "accounts/testing/account_fixtures.h"
#include "api/testing/api_server.h"
#include "api/testing/staff_console.h"
#include "store/testing/test_database.h"

namespace rp::api {
namespace {

using http::testing::ClientResponse;
using testing::Console;

class StaffAccessApiTest : public ::testing::Test {
 protected:
  StaffAccessApiTest()
      : account_(accounts::testing::open_sample_account(test_.database())),
        api_(test_.database()) {}

  std::string id_of(const Console& console) {
    return api_.send("GET", "/api/v1/staff/me", console.reading()).json()["id"].dump();
  }

  ClientResponse put(const Console& console, const std::string& target, const std::string& body) {
    return api_.send("PUT", target, console.writing(), body);
  }

  ClientResponse post(const Console& console, const std::string& target,
                      const std::string& body = "{}") {
    return api_.send("POST", target, console.writing(), body);
  }

  store::testing::TestDatabase test_;
  AccountNumber account_;
  testing::ApiServer api_;
  testing::StaffConsoles consoles_{test_, api_};
};

TEST_F(StaffAccessApiTest, AnAdministratorChangesAnothersRolesAndItHoldsAtTheirNextRequest) {
  Console ana = consoles_.enrol("ana@utility.example", "administrator");
  Console cy = consoles_.enrol("cy@utility.example", "cashier");
  EXPECT_EQ(api_.send("GET", "/api/v1/staff/bill-holds", cy.reading()).status, 403);
  ClientResponse changed = put(ana, "/api/v1/staff/users/" + id_of(cy) + "/roles",
                               R"({"roles": ["billing_clerk", "cashier"]})");
  ASSERT_EQ(changed.status, 200) << changed.body;
  EXPECT_EQ(changed.json()["before"], nlohmann::json::array({"cashier"}));
  EXPECT_EQ(changed.json()["after"], nlohmann::json::array({"billing_clerk", "cashier"}));
  EXPECT_EQ(api_.send("GET", "/api/v1/staff/bill-holds", cy.reading()).status, 200);
  auto recorded = store::testing::query(
      test_.database(),
      "SELECT actor, target, details FROM audit_records WHERE action = 'staff_user.roles_changed'");
  ASSERT_EQ(recorded.size(), 1u);
  EXPECT_EQ(recorded[0].text("actor"), "staff:" + id_of(ana));
  EXPECT_EQ(recorded[0].text("target"), "staff_user:" + id_of(cy));
  EXPECT_EQ(recorded[0].text("details"),
            R"({"before":["cashier"],"after":["billing_clerk","cashier"]})");
}

TEST_F(StaffAccessApiTest, NobodyChangesTheirOwnRolesNorDoesAKeyAndGarbageIsRefusedByName) {
  Console ana = consoles_.enrol("ana@utility.example", "administrator");
  Console cy = consoles_.enrol("cy@utility.example", "cashier");
  ClientResponse own =
      put(ana, "/api/v1/staff/users/" + id_of(ana) + "/roles", R"({"roles": ["auditor"]})");
  EXPECT_EQ(own.status, 409) << own.body;
  ClientResponse by_key =
      api_.send("PUT", "/api/v1/staff/users/" + id_of(cy) + "/roles",
                testing::ApiServer::as_key(api_.staff_key()), R"({"roles": ["administrator"]})");
  EXPECT_EQ(by_key.status, 403) << by_key.body;
  EXPECT_NE(by_key.body.find("staff-user-required"), std::string::npos);
  const std::string target = "/api/v1/staff/users/" + id_of(cy) + "/roles";
  for (const char* body : {R"({"roles": []})", R"({"roles": ["boss"]})", R"({"roles": "cashier"})",
                           R"({"roles": [7]})"}) {
    ClientResponse refused = put(ana, target, body);
    EXPECT_EQ(refused.status, 422) << body;
    EXPECT_EQ(refused.json()["field"], "roles") << body;
  }
  EXPECT_EQ(put(ana, "/api/v1/staff/users/999/roles", R"({"roles": ["cashier"]})").status, 404);
  EXPECT_EQ(put(cy, target, R"({"roles": ["administrator"]})").status, 403);  // no staff.manage
  auto roles = store::testing::query(
      test_.database(), "SELECT role FROM staff_user_roles WHERE user_id = " + id_of(cy));
  ASSERT_EQ(roles.size(), 1u);
  EXPECT_EQ(roles[0].text("role"), "cashier");
}

TEST_F(StaffAccessApiTest, AUtilitysOwnRoleIsDefinedAndGivenButNeverBeyondWhatTheGiverHolds) {
  Console ana = consoles_.enrol("ana@utility.example", "administrator");
  ClientResponse defined =
      put(ana, "/api/v1/staff/roles/access_manager",
          R"({"label": "Access manager", "permissions": ["staff.manage", "accounts.read"]})");
  ASSERT_EQ(defined.status, 200) << defined.body;
  EXPECT_EQ(defined.json()["shipped"], false);
  ClientResponse listed = api_.send("GET", "/api/v1/staff/roles", ana.reading());
  ASSERT_EQ(listed.status, 200);
  bool found = false;
  const nlohmann::json roles = listed.json();
  for (const auto& role : roles["roles"]) {
    if (role["name"] == "access_manager") {
      found = true;
      EXPECT_EQ(role["permissions"], nlohmann::json::array({"accounts.read", "staff.manage"}));
    }
  }
  EXPECT_TRUE(found) << listed.body;
  EXPECT_EQ(put(ana, "/api/v1/staff/roles/cashier",
                R"({"label": "Mine", "permissions": ["accounts.read"]})")
                .status,
            409);
  ClientResponse unknown = put(ana, "/api/v1/staff/roles/reader",
                               R"({"label": "Reader", "permissions": ["accounts.peek"]})");
  EXPECT_EQ(unknown.status, 422);
  EXPECT_EQ(unknown.json()["field"], "permissions");
  ClientResponse badly_named = put(ana, "/api/v1/staff/roles/Bad%20Name",
                                   R"({"label": "Bad", "permissions": ["accounts.read"]})");
  EXPECT_EQ(badly_named.status, 422);
  EXPECT_EQ(badly_named.json()["field"], "name");

  // Eve manages access but may not issue refunds: she cannot hand that out, to a person or a key.
  Console eve = consoles_.enrol("eve@utility.example", "access_manager");
  Console cy = consoles_.enrol("cy@utility.example", "cashier");
  ClientResponse escalated =
      put(eve, "/api/v1/staff/users/" + id_of(cy) + "/roles", R"({"roles": ["billing_manager"]})");
  EXPECT_EQ(escalated.status, 422) << escalated.body;
  EXPECT_EQ(escalated.json()["field"], "permissions");
  ClientResponse key = post(eve, "/api/v1/staff/api-keys",
                            R"({"name": "refunds bot", "permissions": ["refunds.issue"]})");
  EXPECT_EQ(key.status, 422) << key.body;
  ClientResponse role = put(eve, "/api/v1/staff/roles/refunder",
                            R"({"label": "Refunder", "permissions": ["refunds.issue"]})");
  EXPECT_EQ(role.status, 422) << role.body;
  ClientResponse person =
      post(eve, "/api/v1/staff/users",
           R"({"email": "mo@utility.example", "name": "Mo", "roles": ["administrator"]})");
  EXPECT_EQ(person.status, 422) << person.body;
}

TEST_F(StaffAccessApiTest, TheLastActiveAdministratorKeepsTheRole) {
  Console ana = consoles_.enrol("ana@utility.example", "administrator");
  ASSERT_EQ(put(ana, "/api/v1/staff/roles/access_manager",
                R"({"label": "Access manager", "permissions": ["staff.manage", "accounts.read",
                     "notes.write", "payments.take", "lockbox.apply"]})")
                .status,
            200);
  Console eve = consoles_.enrol("eve@utility.example", "access_manager");
  ClientResponse last =
      put(eve, "/api/v1/staff/users/" + id_of(ana) + "/roles", R"({"roles": ["cashier"]})");
  EXPECT_EQ(last.status, 409) << last.body;
  EXPECT_NE(last.body.find("last active administrator"), std::string::npos);
}

TEST_F(StaffAccessApiTest, AnAdministratorEndsAUsersSessionsWhoMaySignInAgain) {
  Console ana = consoles_.enrol("ana@utility.example", "administrator");
  Console cy = consoles_.enrol("cy@utility.example", "cashier");
  ASSERT_EQ(api_.send("GET", "/api/v1/staff/me", cy.reading()).status, 200);
  const std::string cy_id = id_of(cy);
  EXPECT_EQ(post(ana, "/api/v1/staff/users/" + cy_id + "/sign-out").status, 204);
  EXPECT_EQ(api_.send("GET", "/api/v1/staff/me", cy.reading()).status, 401);
  EXPECT_EQ(
      store::testing::query(test_.database(), "SELECT status FROM staff_users WHERE id = " + cy_id)
          .at(0)
          .text("status"),
      "active");
  EXPECT_EQ(post(ana, "/api/v1/staff/users/999/sign-out").status, 404);
  EXPECT_EQ(store::testing::query(test_.database(),
                                  "SELECT COUNT(*) AS n FROM audit_records "
                                  "WHERE action = 'staff_user.signed_out'")
                .at(0)
                .integer("n"),
            1);
}

TEST_F(StaffAccessApiTest, KeysAreMadeShownOnceListedRotatedAndRevokedOverTheApi) {
  Console ana = consoles_.enrol("ana@utility.example", "administrator");
  ClientResponse made = post(ana, "/api/v1/staff/api-keys",
                             R"({"name": "reporting tool", "permissions": ["accounts.read"]})");
  ASSERT_EQ(made.status, 201) << made.body;
  EXPECT_EQ(made.header("cache-control").value_or(""), "no-store");
  const std::string key = made.json()["key"];
  const std::string id = made.json()["id"].dump();
  const std::string detail = "/api/v1/staff/accounts/" + account_.digits();
  EXPECT_EQ(api_.send("GET", detail, testing::ApiServer::as_key(key)).status, 200);
  ClientResponse listed = api_.send("GET", "/api/v1/staff/api-keys", ana.reading());
  ASSERT_EQ(listed.status, 200);
  EXPECT_EQ(listed.body.find(key.substr(22)), std::string::npos) << "the secret is listed";
  EXPECT_NE(listed.body.find("reporting tool"), std::string::npos);

  ClientResponse rotated =
      post(ana, "/api/v1/staff/api-keys/" + id + "/rotate", R"({"overlap_hours": 0})");
  ASSERT_EQ(rotated.status, 201) << rotated.body;
  const std::string new_key = rotated.json()["key"];
  staff::forget_known_api_keys();
  EXPECT_EQ(api_.send("GET", detail, testing::ApiServer::as_key(key)).status, 401);
  EXPECT_EQ(api_.send("GET", detail, testing::ApiServer::as_key(new_key)).status, 200);
  EXPECT_EQ(
      post(ana, "/api/v1/staff/api-keys/" + id + "/rotate", R"({"overlap_hours": -1})").status,
      422);
  const std::string new_id = rotated.json()["id"].dump();
  EXPECT_EQ(post(ana, "/api/v1/staff/api-keys/" + new_id + "/revoke").status, 204);
  staff::forget_known_api_keys();
  EXPECT_EQ(api_.send("GET", detail, testing::ApiServer::as_key(new_key)).status, 401);
  EXPECT_EQ(post(ana, "/api/v1/staff/api-keys/" + new_id + "/revoke").status, 404);
  EXPECT_EQ(post(ana, "/api/v1/staff/api-keys", R"({"name": "x", "permissions": []})").status, 422);
  auto actions = store::testing::query(
      test_.database(),
      "SELECT action FROM audit_records WHERE action LIKE 'api_key.%' AND actor = 'staff:" +
          id_of(ana) + "' ORDER BY id");
  ASSERT_EQ(actions.size(), 3u);
  EXPECT_EQ(actions[0].text("action"), "api_key.created");
  EXPECT_EQ(actions[1].text("action"), "api_key.rotated");
  EXPECT_EQ(actions[2].text("action"), "api_key.revoked");
}

}  // namespace
}  // namespace rp::api
