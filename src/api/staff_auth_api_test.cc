// Staff sign-in for the console over real HTTP: enrolment, two steps, the session cookie and its
// CSRF token, permissions by role, re-authentication before sensitive actions, sign-out.

#include <gtest/gtest.h>

#include "accounts/testing/account_fixtures.h"
#include "api/testing/api_server.h"
#include "api/testing/staff_console.h"
#include "audit/audit_trail.h"
#include "auth/totp.h"
#include "core/time.h"
#include "staff/staff_sign_in.h"
#include "staff/staff_users.h"
#include "store/testing/test_database.h"

namespace rp::api {
namespace {

using http::testing::ClientResponse;
using Headers = testing::ApiServer::Headers;

using testing::Console;
constexpr const char* kPassword = testing::kStaffPassword;
using testing::unix_seconds;

class StaffAuthApiTest : public ::testing::Test {
 protected:
  StaffAuthApiTest()
      : account_(accounts::testing::open_sample_account(test_.database())),
        api_(test_.database()) {}

  std::string add(const std::string& email, const std::string& role) {
    return consoles_.add(email, role);
  }
  ClientResponse post(const std::string& target, const std::string& body,
                      const Headers& headers = {{"Content-Type", "application/json"}}) {
    return consoles_.post(target, body, headers);
  }
  Console enrol(const std::string& email, const std::string& role) {
    return consoles_.enrol(email, role);
  }
  Console enrol_with(const std::string& token, const std::string& email) {
    return consoles_.enrol_with(token, email);
  }
  static Console console_of(const ClientResponse& answer, const std::string& secret) {
    return testing::StaffConsoles::console_of(answer, secret);
  }

  // A staff user with `role` whose own account (home) is account_, added by `admin` over the API
  // and enrolled from the link it answers.
  Console enrol_at_home(const Console& admin, const std::string& email, const std::string& role) {
    ClientResponse added =
        api_.send("POST", "/api/v1/staff/users", admin.writing(),
                  R"({"email": ")" + email + R"(", "name": "Maria Lopez",
                    "roles": [")" +
                      role + R"("], "home_account_number": ")" + account_.digits() + R"("})");
    EXPECT_EQ(added.status, 201) << added.body;
    const std::string link = added.json().value("enrolment_link", "");
    return enrol_with(link.substr(link.find("#/enrol/") + 8), email);
  }

  store::testing::TestDatabase test_;
  AccountNumber account_;
  testing::ApiServer api_;
  testing::StaffConsoles consoles_{test_, api_};
};

TEST_F(StaffAuthApiTest, AClerkEnrolsSignsInWithTwoStepsAndActsAsThemselves) {
  Console ana = enrol("ana@utility.example", "billing_clerk");
  ASSERT_TRUE(ana.cookie.starts_with("rp_staff=")) << ana.cookie;
  ClientResponse me = api_.send("GET", "/api/v1/staff/me", ana.reading());
  ASSERT_EQ(me.status, 200) << me.body;
  EXPECT_EQ(me.json()["email"], "ana@utility.example");
  EXPECT_EQ(me.json()["roles"][0], "billing_clerk");
  EXPECT_EQ(api_.send("GET", "/api/v1/staff/accounts/" + account_.digits(), ana.reading()).status,
            200);

  // A change needs the session's CSRF token; with it, it is recorded as Ana's.
  const std::string target = "/api/v1/staff/accounts/" + account_.digits() + "/adjustments";
  const std::string body =
      R"json({"amount": "-150.00", "reason_code": "leak_credit", "memo": "leak fixed"})json";
  Headers no_csrf = {
      {"Cookie", ana.cookie}, {"Content-Type", "application/json"}, {"Idempotency-Key", "adj-1"}};
  ClientResponse forged = api_.send("POST", target, no_csrf, body);
  EXPECT_EQ(forged.status, 403) << forged.body;
  EXPECT_EQ(
      forged.json()["type"].get<std::string>().find("csrf-token-missing") != std::string::npos,
      true);
  Headers with_csrf = ana.writing();
  with_csrf.emplace_back("Idempotency-Key", "adj-1");
  ClientResponse asked = api_.send("POST", target, with_csrf, body);
  ASSERT_EQ(asked.status, 201) << asked.body;
  EXPECT_EQ(asked.json()["requested_by"], "staff:" + me.json()["id"].dump());

  // Her role does not approve adjustments: 403 naming the permission, nothing changes.
  const std::string approve = "/api/v1/staff/adjustments/" + asked.json()["id"].dump() + "/approve";
  ClientResponse refused = api_.send("POST", approve, ana.writing(), R"({"note": "mine"})");
  ASSERT_EQ(refused.status, 403) << refused.body;
  EXPECT_EQ(refused.json()["code"], "permission-required");
  EXPECT_NE(refused.json()["detail"].get<std::string>().find("adjustments.approve"),
            std::string::npos);
}

TEST_F(StaffAuthApiTest, ApprovingMoneyNeedsThePasswordAndACodeFromTheLastFiveMinutes) {
  Console ana = enrol("ana@utility.example", "billing_clerk");
  Console ben = enrol("ben@utility.example", "billing_manager");
  const std::string target = "/api/v1/staff/accounts/" + account_.digits() + "/adjustments";
  Headers asking = ana.writing();
  asking.emplace_back("Idempotency-Key", "adj-2");
  ClientResponse asked = api_.send(
      "POST", target, asking,
      R"json({"amount": "-150.00", "reason_code": "leak_credit", "memo": "leak fixed"})json");
  ASSERT_EQ(asked.status, 201) << asked.body;
  const std::string approve = "/api/v1/staff/adjustments/" + asked.json()["id"].dump() + "/approve";
  // Ben signed in more than 5 minutes ago.
  auto aged = test_->write_work([](store::Session& session) -> Result<void> {
    RP_TRY(session.execute("UPDATE staff_sessions SET reauthenticated_at = :at",
                           {format_instant(now() - std::chrono::minutes(6))}));
    return success();
  });
  ASSERT_TRUE(aged.ok());
  staff::forget_known_staff_sessions();  // changed behind the server
  ClientResponse stale = api_.send("POST", approve, ben.writing(), R"({"note": "ok"})");
  ASSERT_EQ(stale.status, 403) << stale.body;
  EXPECT_EQ(stale.json()["code"], "reauthentication-required");
  ClientResponse wrong = api_.send("POST", "/api/v1/staff/auth/reauthenticate", ben.writing(),
                                   R"({"password": "not it", "code": "123456"})");
  EXPECT_EQ(wrong.status, 422) << wrong.body;
  ClientResponse again =
      api_.send("POST", "/api/v1/staff/auth/reauthenticate", ben.writing(),
                R"({"password": ")" + std::string(kPassword) + R"(", "code": ")" +
                    auth::totp_code(ben.secret, unix_seconds() + auth::kTotpStepSeconds) + R"("})");
  ASSERT_EQ(again.status, 204) << again.body;
  ClientResponse approved = api_.send("POST", approve, ben.writing(), R"({"note": "ok"})");
  ASSERT_EQ(approved.status, 200) << approved.body;
  EXPECT_EQ(approved.json()["status"], "posted");
}

TEST_F(StaffAuthApiTest, SignInIsRefusedWithoutTheCodeAndSigningOutEndsTheSession) {
  Console first = enrol("ana@utility.example", "cashier");
  ClientResponse no_code =
      post("/api/v1/staff/auth/login",
           R"({"email": "ana@utility.example", "password": ")" + std::string(kPassword) + R"("})");
  EXPECT_EQ(no_code.status, 401);
  EXPECT_NE(no_code.body.find("mfa-required"), std::string::npos) << no_code.body;
  ClientResponse wrong = post("/api/v1/staff/auth/login",
                              R"({"email": "ana@utility.example", "password": "nope nope nope",
                                  "code": "123456"})");
  EXPECT_EQ(wrong.status, 401);
  EXPECT_NE(wrong.body.find("sign-in-failed"), std::string::npos) << wrong.body;
  ClientResponse in =
      post("/api/v1/staff/auth/login",
           R"({"email": "ana@utility.example", "password": ")" + std::string(kPassword) +
               R"(", "code": ")" +
               auth::totp_code(first.secret, unix_seconds() + auth::kTotpStepSeconds) + R"("})");
  ASSERT_EQ(in.status, 200) << in.body;
  Console ana = console_of(in, first.secret);
  EXPECT_EQ(api_.send("POST", "/api/v1/staff/auth/logout", ana.reading()).status, 403);
  EXPECT_EQ(api_.send("POST", "/api/v1/staff/auth/logout", ana.writing()).status, 204);
  EXPECT_EQ(api_.send("GET", "/api/v1/staff/me", ana.reading()).status, 401);
  EXPECT_EQ(api_.send("GET", "/api/v1/staff/accounts?q=elm", ana.reading()).status, 401);
  // The first session is its own and still works.
  EXPECT_EQ(api_.send("GET", "/api/v1/staff/accounts?q=elm", first.reading()).status, 200);
}

TEST_F(StaffAuthApiTest, AnEnrolmentLinkWorksOnceAndGarbageIsRefusedByName) {
  const std::string token = add("ana@utility.example", "cashier");
  ClientResponse no_password = post("/api/v1/staff/auth/enrol", R"({"token": ")" + token + R"("})");
  EXPECT_EQ(no_password.status, 422);
  EXPECT_EQ(no_password.json()["field"], "password");
  ClientResponse made_up =
      post("/api/v1/staff/auth/enrol", R"({"token": "made-up", "password": "whatever it is 1"})");
  EXPECT_EQ(made_up.status, 410);
  ClientResponse early = post("/api/v1/staff/auth/enrol/confirm",
                              R"({"token": ")" + token + R"(", "code": "123456"})");
  EXPECT_EQ(early.status, 422) << early.body;
  Console ana = enrol("ben@utility.example", "cashier");
  (void)ana;
  EXPECT_EQ(post("/api/v1/staff/auth/login", "not json").status, 422);
}

TEST_F(StaffAuthApiTest, SignInsAndRefusalsAreInTheAuditTrailWithWhereTheyCameFrom) {
  // What the fixture did (opening an account) is in the trail already.
  const std::string opened =
      store::testing::query(test_.database(),
                            "SELECT CAST(COALESCE(MAX(id), 0) AS TEXT) AS n FROM audit_records")
          .at(0)
          .text("n");
  Console ana = enrol("ana@utility.example", "cashier");
  ClientResponse wrong = post("/api/v1/staff/auth/login",
                              R"({"email": "ana@utility.example", "password": "nope nope nope",
                                  "code": "123456"})");
  EXPECT_EQ(wrong.status, 401);
  ClientResponse refused =
      api_.send("GET", "/api/v1/staff/bill-holds", ana.reading());  // a cashier: no billing.read
  EXPECT_EQ(refused.status, 403);
  EXPECT_EQ(api_.send("GET", "/api/v1/staff/bill-holds", {}).status, 401);  // no credential
  EXPECT_EQ(
      api_.send("GET", "/api/v1/staff/bill-holds", {{"Cookie", "rp_staff=ended-or-forged"}}).status,
      401);
  auto rows = store::testing::query(
      test_.database(),
      "SELECT actor, action, target, outcome, client_address, request_id FROM audit_records "
      "WHERE id > " +
          opened + " ORDER BY id");
  ASSERT_EQ(rows.size(), 4u);
  const std::string ana_actor =
      "staff:" + api_.send("GET", "/api/v1/staff/me", ana.reading()).json()["id"].dump();
  EXPECT_EQ(rows[0].text("action"), "staff.enrolled");
  EXPECT_EQ(rows[0].text("actor"), ana_actor);
  EXPECT_EQ(rows[1].text("action"), "staff.sign_in");
  EXPECT_EQ(rows[1].text("actor"), "anonymous");
  EXPECT_EQ(rows[1].text("target"), "staff_user:ana@utility.example");
  EXPECT_EQ(rows[1].text("outcome"), "failed");
  EXPECT_EQ(rows[2].text("action"), "access.refused");
  EXPECT_EQ(rows[2].text("actor"), ana_actor);
  EXPECT_EQ(rows[2].text("target"), "GET /api/v1/staff/bill-holds");
  EXPECT_EQ(rows[2].text("outcome"), "refused");
  EXPECT_EQ(rows[2].text("client_address"), "127.0.0.1");
  EXPECT_FALSE(rows[2].text("request_id").empty());
  // The forged cookie is recorded; the request with no credential at all is not.
  EXPECT_EQ(rows[3].text("actor"), "anonymous");
  EXPECT_EQ(rows[3].text("action"), "access.refused");
  auto verified = audit::verify_audit_trail(test_.database());
  ASSERT_TRUE(verified.ok());
  EXPECT_TRUE(verified->intact) << verified->problem;
}

TEST_F(StaffAuthApiTest, AnAdministratorAddsAndDisablesStaffAndADisabledUserIsSignedOutAtOnce) {
  Console admin = enrol("admin@utility.example", "administrator");
  Console cashier = enrol("cy@utility.example", "cashier");
  ClientResponse forbidden = api_.send("GET", "/api/v1/staff/users", cashier.reading());
  EXPECT_EQ(forbidden.status, 403);
  EXPECT_NE(forbidden.body.find("staff.manage"), std::string::npos);

  ClientResponse added = api_.send(
      "POST", "/api/v1/staff/users", admin.writing(),
      R"({"email": "Dee@Utility.example", "name": "Dee Dee", "roles": ["billing_clerk"]})");
  ASSERT_EQ(added.status, 201) << added.body;
  EXPECT_NE(added.json()["enrolment_link"].get<std::string>().find("/staff.html#/enrol/"),
            std::string::npos);
  EXPECT_EQ(api_.send("POST", "/api/v1/staff/users", admin.writing(),
                      R"({"email": "x@utility.example", "name": "X", "roles": ["boss"]})")
                .status,
            422);
  EXPECT_EQ(api_.send("POST", "/api/v1/staff/users", admin.writing(),
                      R"({"email": "x@utility.example", "name": "X", "roles": "cashier"})")
                .status,
            422);
  ClientResponse listed = api_.send("GET", "/api/v1/staff/users", admin.reading());
  ASSERT_EQ(listed.status, 200) << listed.body;
  ASSERT_EQ(listed.json()["users"].size(), 3u);

  const std::string cy_id =
      api_.send("GET", "/api/v1/staff/me", cashier.reading()).json()["id"].dump();
  const std::string admin_id =
      api_.send("GET", "/api/v1/staff/me", admin.reading()).json()["id"].dump();
  EXPECT_EQ(
      api_.send("POST", "/api/v1/staff/users/" + admin_id + "/disable", admin.writing()).status,
      409);  // never oneself
  ASSERT_EQ(api_.send("POST", "/api/v1/staff/users/" + cy_id + "/disable", admin.writing()).status,
            204);
  EXPECT_EQ(api_.send("GET", "/api/v1/staff/me", cashier.reading()).status, 401);
  EXPECT_EQ(api_.send("POST", "/api/v1/staff/users/" + cy_id + "/disable", admin.writing()).status,
            404);
  EXPECT_EQ(
      store::testing::count(test_.database(),
                            "SELECT COUNT(*) FROM audit_records WHERE action IN "
                            "('staff_user.added', 'staff_user.disabled') AND actor = 'staff:" +
                                admin_id + "'"),
      2);
}

TEST_F(StaffAuthApiTest, NobodyActsOnTheirOwnHomeAccount) {
  Console admin = enrol("admin@utility.example", "administrator");
  Console maria = enrol_at_home(admin, "maria@utility.example", "customer_service");
  ClientResponse own =
      api_.send("GET", "/api/v1/staff/accounts/" + account_.digits(), maria.reading());
  EXPECT_EQ(own.status, 403) << own.body;
  EXPECT_EQ(own.json()["code"], "own-account");
  Headers paying = maria.writing();
  paying.emplace_back("Idempotency-Key", "own-1");
  EXPECT_EQ(api_.send("POST", "/api/v1/staff/accounts/" + account_.digits() + "/payments", paying,
                      R"({"amount": "5.00", "method": "cash"})")
                .status,
            403);
  // Anyone else's account is hers to work on; a colleague works on hers.
  const AccountNumber other = accounts::testing::open_sample_account(
      test_.database(), {"Ben Ortiz", "17 Oak Ave", "97477", "E2000001", false});
  EXPECT_EQ(api_.send("GET", "/api/v1/staff/accounts/" + other.digits(), maria.reading()).status,
            200);
  EXPECT_EQ(api_.send("GET", "/api/v1/staff/accounts/" + account_.digits(), admin.reading()).status,
            200);
  EXPECT_EQ(api_.send("POST", "/api/v1/staff/users", admin.writing(),
                      R"({"email": "z@utility.example", "name": "Z", "roles": ["cashier"],
                          "home_account_number": "999999999"})")
                .status,
            422);
}

TEST_F(StaffAuthApiTest, NobodyActsOnTheirOwnHomeAccountByARecordsIdEither) {
  Console admin = enrol("admin@utility.example", "administrator");
  Console mo = enrol_at_home(admin, "mo@utility.example", "billing_manager");
  // A colleague asks for a credit on Mo's own account: Mo may not approve it by its id.
  Headers asking = admin.writing();
  asking.emplace_back("Idempotency-Key", "home-credit");
  ClientResponse asked =
      api_.send("POST", "/api/v1/staff/accounts/" + account_.digits() + "/adjustments", asking,
                R"json({"amount": "-150.00", "reason_code": "leak_credit", "memo": "x"})json");
  ASSERT_EQ(asked.status, 201) << asked.body;
  ClientResponse approve =
      api_.send("POST", "/api/v1/staff/adjustments/" + asked.json()["id"].dump() + "/approve",
                mo.writing(), R"({"note": "looks right"})");
  EXPECT_EQ(approve.status, 403) << approve.body;
  EXPECT_EQ(approve.json()["code"], "own-account");
  // Nor void a payment taken on it.
  Headers paying = admin.writing();
  paying.emplace_back("Idempotency-Key", "home-pay");
  ClientResponse paid =
      api_.send("POST", "/api/v1/staff/accounts/" + account_.digits() + "/payments", paying,
                R"({"amount": "5.00", "method": "cash"})");
  ASSERT_EQ(paid.status, 201) << paid.body;
  const std::string confirmation = paid.json()["confirmation"];
  ClientResponse voided = api_.send("POST", "/api/v1/staff/payments/" + confirmation + "/void",
                                    mo.writing(), R"({"reason": "keyed twice"})");
  EXPECT_EQ(voided.status, 403) << voided.body;
  EXPECT_EQ(voided.json()["code"], "own-account");
  // Nor apply a lockbox payment to it (the account is in the body).
  ClientResponse applied = api_.send("POST", "/api/v1/staff/lockbox/items/1/apply", mo.writing(),
                                     R"({"account_number": ")" + account_.digits() + R"("})");
  EXPECT_EQ(applied.status, 403) << applied.body;
  EXPECT_EQ(applied.json()["code"], "own-account");
  // Nor move a payment onto it from another account (the account is in the body).
  const AccountNumber other = accounts::testing::open_sample_account(
      test_.database(), {"Ben Ortiz", "17 Oak Ave", "97477", "E2000001", false});
  Headers paying_other = admin.writing();
  paying_other.emplace_back("Idempotency-Key", "other-pay");
  ClientResponse other_paid =
      api_.send("POST", "/api/v1/staff/accounts/" + other.digits() + "/payments", paying_other,
                R"({"amount": "7.00", "method": "cash"})");
  ASSERT_EQ(other_paid.status, 201) << other_paid.body;
  Headers moving = mo.writing();
  moving.emplace_back("Idempotency-Key", "move-home");
  ClientResponse moved = api_.send(
      "POST",
      "/api/v1/staff/payments/" + other_paid.json()["confirmation"].get<std::string>() + "/move",
      moving, R"({"to_account": ")" + account_.digits() + R"(", "reason": "mine"})");
  EXPECT_EQ(moved.status, 403) << moved.body;
  EXPECT_EQ(moved.json()["code"], "own-account");
  // Nor resolve a meter data exception on the meter serving it.
  ClientResponse reads = api_.request("POST", "/api/v1/reads", R"({"reads": [
    {"meter": "E1000017", "channel": "kWh", "interval_start": "2026-11-02T00:00:00Z", "value": "-1"}]})");
  ASSERT_EQ(reads.status, 201) << reads.body;
  const nlohmann::json queue = api_.get("/api/v1/staff/vee-exceptions").json();
  ASSERT_EQ(queue["items"].size(), 1u) << queue.dump();
  ClientResponse resolved = api_.send(
      "POST", "/api/v1/staff/vee-exceptions/" + queue["items"][0]["id"].dump() + "/accept",
      mo.writing(), R"({"note": "fine"})");
  EXPECT_EQ(resolved.status, 403) << resolved.body;
  EXPECT_EQ(resolved.json()["code"], "own-account");
}

}  // namespace
}  // namespace rp::api
