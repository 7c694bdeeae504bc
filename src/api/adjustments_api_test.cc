// Adjustments over real HTTP against a real database (each engine).

#include <gtest/gtest.h>

#include <map>

#include "accounts/testing/account_fixtures.h"
#include "api/api.h"
#include "api/testing/api_server.h"
#include "store/testing/test_database.h"

namespace rp::api {
namespace {

using http::testing::ClientResponse;

class AdjustmentsApiTest : public ::testing::Test {
 protected:
  AdjustmentsApiTest()
      : account_(accounts::testing::open_sample_account(test_.database())),
        api_(test_.database()) {}

  // As the staff member `who`: an API key of their own (a billing manager's permissions), made
  // the first time they act.
  ClientResponse post(const std::string& target, const std::string& body, const std::string& who,
                      const std::string& key = "") {
    std::string& credential = keys_[who];
    if (credential.empty()) credential = api_.make_key(who, {"billing_manager"});
    testing::ApiServer::Headers headers = testing::ApiServer::as_key(credential);
    if (!key.empty()) headers.emplace_back("Idempotency-Key", key);
    return api_.send("POST", target, headers, body);
  }

  // How changes record `who`: "api_key:<id>".
  std::string actor(const std::string& who) {
    return "api_key:" +
           std::to_string(store::testing::count(
               test_.database(), "SELECT id FROM api_keys WHERE name = '" + who + "'"));
  }

  std::string balance() {
    return api_.get("/api/v1/accounts/" + account_.digits() + "/summary")
        .json()["balance"]["amount"];
  }

  store::testing::TestDatabase test_;
  AccountNumber account_;
  testing::ApiServer api_;
  std::map<std::string, std::string> keys_;
};

TEST_F(AdjustmentsApiTest, AnAdjustmentAboveTheLimitPostsOnlyWhenASecondPersonApproves) {
  const std::string target = "/api/v1/staff/accounts/" + account_.digits() + "/adjustments";
  const std::string body =
      R"json({"amount": "-150.00", "reason_code": "leak_credit", "memo": "leak fixed"})json";
  ClientResponse missing_key = post(target, body, "ana");
  EXPECT_EQ(missing_key.status, 422);
  EXPECT_EQ(missing_key.json()["field"], "Idempotency-Key");

  ClientResponse asked = post(target, body, "ana", "adj-1");
  ASSERT_EQ(asked.status, 201) << asked.body;
  EXPECT_EQ(asked.json()["status"], "pending");
  EXPECT_EQ(asked.json()["requested_by"], actor("ana"));
  EXPECT_EQ(post(target, body, "ana", "adj-1").status, 200);  // a retry: the first answer
  ClientResponse reused =
      post(target, R"json({"amount": "-15.00", "reason_code": "leak_credit", "memo": "x"})json",
           "ana", "adj-1");
  EXPECT_EQ(reused.status, 422);
  EXPECT_EQ(reused.json()["field"], "Idempotency-Key");
  EXPECT_EQ(balance(), "0.00");

  ClientResponse queue = api_.get("/api/v1/staff/adjustments");
  ASSERT_EQ(queue.status, 200);
  ASSERT_EQ(queue.json()["adjustments"].size(), 1u);
  // The queue names who asked, and says whether it was the caller.
  EXPECT_EQ(queue.json()["adjustments"][0]["requested_by_name"], "API key 'ana'");
  EXPECT_EQ(queue.json()["adjustments"][0]["requested_by_caller"], false);
  ClientResponse own =
      api_.send("GET", "/api/v1/staff/adjustments", testing::ApiServer::as_key(keys_["ana"]));
  ASSERT_EQ(own.status, 200) << own.body;
  EXPECT_EQ(own.json()["adjustments"][0]["requested_by_caller"], true);
  const std::string approve =
      "/api/v1/staff/adjustments/" + std::to_string(asked.json()["id"].get<int>()) + "/approve";
  EXPECT_EQ(post(approve, R"json({"note": "mine"})json", "ana").status, 409);
  EXPECT_EQ(balance(), "0.00");
  ClientResponse approved = post(approve, R"json({"note": "photos checked"})json", "ben");
  ASSERT_EQ(approved.status, 200) << approved.body;
  EXPECT_EQ(approved.json()["status"], "posted");
  EXPECT_EQ(approved.json()["decided_by"], actor("ben"));
  EXPECT_EQ(balance(), "-150.00");

  ClientResponse bad_reason =
      post(target, R"json({"amount": "-5.00", "reason_code": "because", "memo": "x"})json", "ana",
           "adj-2");
  EXPECT_EQ(bad_reason.status, 422);
  EXPECT_EQ(bad_reason.json()["field"], "reason_code");
  ClientResponse small =
      post(target,
           R"json({"amount": "12.50", "reason_code": "billing_error", "memo": "under-billed"})json",
           "ana", "adj-3");
  ASSERT_EQ(small.status, 201) << small.body;
  EXPECT_EQ(small.json()["status"], "posted");
  EXPECT_EQ(balance(), "-137.50");

  // Aging: nothing is owed, so the balance is all credit.
  ClientResponse aging =
      api_.get("/api/v1/staff/accounts/" + account_.digits() + "/aging?as_of=2026-11-23");
  ASSERT_EQ(aging.status, 200) << aging.body;
  EXPECT_EQ(aging.json()["credit"]["amount"], "-137.50");
  EXPECT_EQ(aging.json()["balance"]["amount"], "-137.50");
  EXPECT_EQ(api_.get("/api/v1/staff/accounts/" + account_.digits() + "/aging?as_of=soon").status,
            422);
}

// The two ways around the second person that worked when a header named staff: a different
// name on the same credential is the same person, and small credits then a refund check are
// refused.
TEST_F(AdjustmentsApiTest, AHeaderNamingSomeoneElseDoesNotMakeASecondPerson) {
  const std::string target = "/api/v1/staff/accounts/" + account_.digits() + "/adjustments";
  ClientResponse asked =
      post(target, R"json({"amount": "-500.00", "reason_code": "goodwill", "memo": "x"})json",
           "ana", "big-1");
  ASSERT_EQ(asked.status, 201) << asked.body;
  const std::string approve =
      "/api/v1/staff/adjustments/" + std::to_string(asked.json()["id"].get<int>()) + "/approve";
  testing::ApiServer::Headers headers = testing::ApiServer::as_key(keys_["ana"]);
  headers.emplace_back("X-Staff-Name", "ben");
  ClientResponse self = api_.send("POST", approve, headers, R"json({"note": "ok"})json");
  EXPECT_EQ(self.status, 409) << self.body;
  EXPECT_EQ(balance(), "0.00");
}

TEST_F(AdjustmentsApiTest, SmallCreditsCountTogetherAndTheirMakerCannotRefundThem) {
  const std::string target = "/api/v1/staff/accounts/" + account_.digits() + "/adjustments";
  const std::string credit =
      R"json({"amount": "-99.00", "reason_code": "goodwill", "memo": "sorry"})json";
  ClientResponse first = post(target, credit, "ana", "small-1");
  ASSERT_EQ(first.status, 201) << first.body;
  EXPECT_EQ(first.json()["status"], "posted");
  // With the first, the second passes the $100 limit: it waits for someone else.
  ClientResponse second = post(target, credit, "ana", "small-2");
  ASSERT_EQ(second.status, 201) << second.body;
  EXPECT_EQ(second.json()["status"], "pending");
  ClientResponse third = post(target, credit, "cy", "small-3");  // a colleague: it still counts
  EXPECT_EQ(third.json()["status"], "pending");
  EXPECT_EQ(balance(), "-99.00");

  // Ana cannot mail herself the credit she made; someone who had no hand in it can.
  const std::string refunds = "/api/v1/staff/accounts/" + account_.digits() + "/refunds";
  const std::string refund = R"json({"reason": "overpayment"})json";
  ClientResponse own = post(refunds, refund, "ana", "refund-1");
  EXPECT_EQ(own.status, 409) << own.body;
  EXPECT_NE(own.body.find("someone else"), std::string::npos) << own.body;
  EXPECT_EQ(balance(), "-99.00");
  ClientResponse other = post(refunds, refund, "dee", "refund-2");
  ASSERT_EQ(other.status, 201) << other.body;
  EXPECT_EQ(other.json()["amount"]["amount"], "99.00");
  EXPECT_EQ(balance(), "0.00");
}

}  // namespace
}  // namespace rp::api
