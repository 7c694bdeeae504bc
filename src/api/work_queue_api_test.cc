// The work queues' own routes over real HTTP against a real database (each engine): the counts on
// the console's navigation, the payments waiting on the processor, and moving a misapplied payment
// to the right account.

#include <gtest/gtest.h>

#include "accounts/testing/account_fixtures.h"
#include "api/testing/api_server.h"
#include "store/testing/test_database.h"

namespace rp::api {
namespace {

using http::testing::ClientResponse;

class WorkQueueApiTest : public ::testing::Test {
 protected:
  WorkQueueApiTest()
      : wrong_(accounts::testing::open_sample_account(test_.database())),
        right_(accounts::testing::open_sample_account(
            test_.database(), {"Ana Gómez", "1206 Elm St", "97477", "E1000025", false, ""})),
        api_(test_.database()) {}

  ClientResponse take_check(const std::string& amount, const std::string& key) {
    return api_.post("/api/v1/staff/accounts/" + wrong_.digits() + "/payments",
                     R"json({"amount": ")json" + amount +
                         R"json(", "method": "check", "check_number": "2210"})json",
                     {{"Idempotency-Key", key}});
  }

  ClientResponse move(const std::string& confirmation, const std::string& body,
                      const std::string& key) {
    return api_.post("/api/v1/staff/payments/" + confirmation + "/move", body,
                     {{"Idempotency-Key", key}});
  }

  std::string balance(const AccountNumber& account) {
    return api_.get("/api/v1/accounts/" + account.digits() + "/summary")
        .json()["balance"]["amount"];
  }

  std::vector<std::string> event_kinds(const AccountNumber& account) {
    std::vector<std::string> kinds;
    auto history = api_.get("/api/v1/staff/accounts/" + account.digits() + "/history").json();
    for (const auto& item : history["events"]) kinds.push_back(item["kind"]);
    return kinds;
  }

  store::testing::TestDatabase test_;
  AccountNumber wrong_;
  AccountNumber right_;
  testing::ApiServer api_;
};

TEST_F(WorkQueueApiTest, AMisappliedPaymentMovesToTheRightAccountOnceWithBothHistoriesTold) {
  ClientResponse taken = take_check("42.10", "check-1");
  ASSERT_EQ(taken.status, 201) << taken.body;
  const std::string confirmation = taken.json()["confirmation"];
  ASSERT_EQ(balance(wrong_), "-42.10");

  const std::string body = R"json({"to_account": ")json" + right_.formatted() +
                           R"json(", "reason": "the check stub was for the neighbour"})json";
  ClientResponse moved = move(confirmation, body, "move-1");
  ASSERT_EQ(moved.status, 200) << moved.body;
  const auto answer = moved.json();
  EXPECT_EQ(answer["payment"]["status"], "moved");
  EXPECT_EQ(answer["payment"]["moved_to"], answer["new_payment"]["confirmation"]);
  EXPECT_EQ(answer["new_payment"]["status"], "posted");
  EXPECT_EQ(answer["new_payment"]["moved_from"], confirmation);
  EXPECT_EQ(answer["new_payment"]["account_number"], right_.digits());
  EXPECT_EQ(answer["new_payment"]["amount"]["amount"], "42.10");
  EXPECT_EQ(answer["new_payment"]["method_label"], "Check 2210");
  EXPECT_EQ(answer["new_payment"]["effective_on"], taken.json()["effective_on"]);
  EXPECT_EQ(answer["from_account"]["balance"]["amount"], "0.00");
  EXPECT_EQ(answer["to_account"]["balance"]["amount"], "-42.10");
  EXPECT_EQ(answer["replayed"], false);
  EXPECT_EQ(balance(wrong_), "0.00");
  EXPECT_EQ(balance(right_), "-42.10");

  // A retry answers the same move; the key with another request, or the payment moved again
  // under a new key, changes nothing.
  ClientResponse retry = move(confirmation, body, "move-1");
  ASSERT_EQ(retry.status, 200) << retry.body;
  EXPECT_EQ(retry.json()["new_payment"]["confirmation"], answer["new_payment"]["confirmation"]);
  EXPECT_EQ(retry.json()["replayed"], true);
  ClientResponse reused = move(confirmation,
                               R"json({"to_account": ")json" + right_.formatted() +
                                   R"json(", "reason": "another reason"})json",
                               "move-1");
  EXPECT_EQ(reused.status, 422) << reused.body;
  EXPECT_EQ(reused.json()["field"], "Idempotency-Key");
  ClientResponse again = move(confirmation, body, "move-2");
  EXPECT_EQ(again.status, 409) << again.body;
  EXPECT_NE(again.json()["detail"].get<std::string>().find(
                answer["new_payment"]["confirmation"].get<std::string>()),
            std::string::npos);
  EXPECT_EQ(balance(wrong_), "0.00");
  EXPECT_EQ(balance(right_), "-42.10");

  // Both histories say it, each naming the other account; both statements link the entries.
  auto wrong_kinds = event_kinds(wrong_);
  EXPECT_NE(std::find(wrong_kinds.begin(), wrong_kinds.end(), "payment.moved"), wrong_kinds.end());
  auto right_kinds = event_kinds(right_);
  EXPECT_NE(std::find(right_kinds.begin(), right_kinds.end(), "payment.moved_in"),
            right_kinds.end());
  auto statement = api_.get("/api/v1/staff/accounts/" + wrong_.digits() + "/statement").json();
  bool reversal_named = false;
  for (const auto& line : statement["lines"]) {
    const std::string said = line["description"];
    if (said.find("moved to account " + right_.formatted()) != std::string::npos) {
      reversal_named = line["kind"] == "reversal" && !line["reverses_entry_id"].is_null();
    }
  }
  EXPECT_TRUE(reversal_named) << statement;

  // The cashier's drawer still counts the check once: it was taken into the drawer.
  ClientResponse drawer = api_.get("/api/v1/staff/cashier-drawer");
  ASSERT_EQ(drawer.status, 200) << drawer.body;
  EXPECT_EQ(drawer.json()["count"], 1);
  EXPECT_EQ(drawer.json()["total"]["amount"], "42.10");

  // The payment carrying a moved one is never voided (its processor key is the first one's).
  ClientResponse voided =
      api_.post("/api/v1/staff/payments/" +
                    answer["new_payment"]["confirmation"].get<std::string>() + "/void",
                R"json({"reason": "mistake"})json");
  EXPECT_EQ(voided.status, 409) << voided.body;
}

TEST_F(WorkQueueApiTest, ABadMoveIsRefusedByNameAndChangesNothing) {
  ClientResponse taken = take_check("10.00", "check-2");
  ASSERT_EQ(taken.status, 201) << taken.body;
  const std::string confirmation = taken.json()["confirmation"];
  auto field_of = [&](const std::string& body, const std::string& key) {
    ClientResponse refused = move(confirmation, body, key);
    EXPECT_GE(refused.status, 400) << refused.body;
    return refused.json().value("field", "");
  };
  EXPECT_EQ(
      field_of(R"json({"to_account": ")json" + wrong_.digits() + R"json(", "reason": "x"})json",
               "bad-1"),
      "to_account");  // its own account
  EXPECT_EQ(field_of(R"json({"to_account": "1000-9999-9", "reason": "x"})json", "bad-2"),
            "to_account");
  EXPECT_EQ(field_of(R"json({"to_account": "banana", "reason": "x"})json", "bad-3"), "to_account");
  EXPECT_EQ(
      field_of(R"json({"to_account": ")json" + right_.digits() + R"json(", "reason": ""})json",
               "bad-4"),
      "reason");
  EXPECT_EQ(field_of(R"json({"to_account": ")json" + right_.digits() + R"json("})json", "bad-5"),
            "reason");
  ClientResponse no_key =
      api_.post("/api/v1/staff/payments/" + confirmation + "/move",
                R"json({"to_account": ")json" + right_.digits() + R"json(", "reason": "x"})json");
  EXPECT_EQ(no_key.status, 422);
  EXPECT_EQ(no_key.json()["field"], "Idempotency-Key");
  EXPECT_EQ(move("P999999999",
                 R"json({"to_account": ")json" + right_.digits() + R"json(", "reason": "x"})json",
                 "bad-6")
                .status,
            404);
  EXPECT_EQ(balance(wrong_), "-10.00");
  EXPECT_EQ(balance(right_), "0.00");

  // Who may: lockbox.apply (a cashier may; a customer service representative may not).
  const std::string csr = api_.make_key("csr", {"customer_service"});
  ClientResponse refused =
      api_.send("POST", "/api/v1/staff/payments/" + confirmation + "/move",
                {{"Authorization", "Bearer " + csr},
                 {"Content-Type", "application/json"},
                 {"Idempotency-Key", "csr-1"}},
                R"json({"to_account": ")json" + right_.digits() + R"json(", "reason": "x"})json");
  EXPECT_EQ(refused.status, 403) << refused.body;
  EXPECT_EQ(balance(wrong_), "-10.00");
}

TEST_F(WorkQueueApiTest, TheCountsShowOnlyTheQueuesTheCallerMaySee) {
  ClientResponse all = api_.get("/api/v1/staff/work-queues");
  ASSERT_EQ(all.status, 200) << all.body;
  for (const char* queue : {"bill_holds", "vee_exceptions", "adjustments", "lockbox_suspense",
                            "pending_payments", "bill_runs_running"}) {
    EXPECT_TRUE(all.json().contains(queue)) << queue << " in " << all.body;
  }
  const std::string cashier = api_.make_key("cashier", {"cashier"});
  ClientResponse some =
      api_.send("GET", "/api/v1/staff/work-queues", {{"Authorization", "Bearer " + cashier}});
  ASSERT_EQ(some.status, 200) << some.body;
  EXPECT_TRUE(some.json().contains("lockbox_suspense")) << some.body;
  EXPECT_FALSE(some.json().contains("bill_holds")) << some.body;
  EXPECT_FALSE(some.json().contains("vee_exceptions")) << some.body;

  // A payment the processor has not answered waits in its queue, and is counted.
  ClientResponse made = api_.post("/api/v1/payment-methods/test-tokens",
                                  R"json({"card": {"number": "4000000000000408", "exp_month": 12,
                                          "exp_year": 2030, "cvc": "123"}})json");
  ASSERT_EQ(made.status, 201) << made.body;
  ClientResponse pending =
      api_.post("/api/v1/accounts/" + right_.digits() + "/payments",
                R"json({"amount": "20.00", "payment_method": {"token": ")json" +
                    made.json()["token"].get<std::string>() + R"json("}})json",
                {{"Idempotency-Key", "wait-1"}});
  ASSERT_EQ(pending.status, 202) << pending.body;
  EXPECT_EQ(api_.get("/api/v1/staff/work-queues").json()["pending_payments"], 1);
  ClientResponse waiting = api_.get("/api/v1/staff/payments?status=pending");
  ASSERT_EQ(waiting.status, 200) << waiting.body;
  ASSERT_EQ(waiting.json()["payments"].size(), 1u);
  EXPECT_EQ(waiting.json()["payments"][0]["confirmation"], pending.json()["confirmation"]);
  EXPECT_EQ(api_.get("/api/v1/staff/payments?status=posted").json()["field"], "status");
}

}  // namespace
}  // namespace rp::api
