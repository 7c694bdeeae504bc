// Payments over real HTTP against a real database (each engine): the balance changes the moment
// the payment is answered, retries replay, refusals say why.

#include <gtest/gtest.h>

#include <cctype>

#include "accounts/testing/account_fixtures.h"
#include "api/testing/api_server.h"
#include "payments/lockbox.h"
#include "store/testing/test_database.h"

namespace rp::api {
namespace {

using http::testing::ClientResponse;

class PaymentsApiTest : public ::testing::Test {
 protected:
  PaymentsApiTest()
      : account_(accounts::testing::open_sample_account(test_.database())),
        api_(test_.database()) {}

  std::string token(const std::string& card_number) {
    ClientResponse made =
        api_.post("/api/v1/payment-methods/test-tokens",
                  R"json({"card": {"number": ")json" + card_number +
                      R"json(", "exp_month": 12, "exp_year": 2030, "cvc": "123"}})json");
    EXPECT_EQ(made.status, 201) << made.body;
    return made.json().value("token", "");
  }

  ClientResponse pay(const std::string& amount, const std::string& token, const std::string& key) {
    return api_.post("/api/v1/accounts/" + account_.digits() + "/payments",
                     R"json({"amount": ")json" + amount +
                         R"json(", "payment_method": {"token": ")json" + token + R"json("}})json",
                     {{"Idempotency-Key", key}});
  }

  std::string balance() {
    return api_.get("/api/v1/accounts/" + account_.digits() + "/summary")
        .json()["balance"]["amount"];
  }

  store::testing::TestDatabase test_;
  AccountNumber account_;
  testing::ApiServer api_;
};

TEST_F(PaymentsApiTest, APaymentPostsAtOnceAndARetryReplaysTheFirstAnswer) {
  const std::string visa = token("4242 4242 4242 4242");
  ClientResponse paid = pay("84.50", visa, "pay-1");
  ASSERT_EQ(paid.status, 201) << paid.body;
  EXPECT_EQ(paid.json()["status"], "posted");
  EXPECT_EQ(paid.json()["method_label"], "Visa •••• 4242");
  EXPECT_EQ(paid.json()["balance_after"]["amount"], "-84.50");
  EXPECT_EQ(balance(), "-84.50");  // the portal sees it at once

  ClientResponse retry = pay("84.50", visa, "pay-1");
  EXPECT_EQ(retry.status, 201);
  EXPECT_EQ(retry.body, paid.body);
  EXPECT_EQ(balance(), "-84.50");
  ClientResponse reused = pay("90.00", visa, "pay-1");
  EXPECT_EQ(reused.status, 422);
  EXPECT_EQ(reused.json()["field"], "Idempotency-Key");

  ClientResponse history = api_.get("/api/v1/accounts/" + account_.digits() + "/payments");
  ASSERT_EQ(history.status, 200);
  ASSERT_EQ(history.json()["payments"].size(), 1u);
  EXPECT_EQ(history.json()["payments"][0]["confirmation"], paid.json()["confirmation"]);

  // Staff find the account by the confirmation the customer reads out, in any case.
  std::string confirmation = paid.json()["confirmation"];
  for (char& c : confirmation) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  ClientResponse found = api_.get("/api/v1/staff/accounts?q=" + confirmation);
  ASSERT_EQ(found.status, 200) << found.body;
  auto hits = found.json()["items"];
  ASSERT_EQ(hits.size(), 1u) << found.body;
  EXPECT_EQ(hits[0]["account_number"], account_.digits());
  EXPECT_EQ(hits[0]["matched_on"], "payment_confirmation");
}

TEST_F(PaymentsApiTest, RefusalsAndTimeoutsAreAnsweredForWhatTheyAre) {
  ClientResponse declined = pay("20.00", token("4000000000000002"), "pay-2");
  EXPECT_EQ(declined.status, 402) << declined.body;
  EXPECT_EQ(declined.header("content-type").value_or(""), "application/problem+json");
  EXPECT_EQ(declined.json()["detail"], "the card was declined");
  EXPECT_FALSE(declined.json()["confirmation"].get<std::string>().empty());
  EXPECT_EQ(pay("20.00", token("4000000000009995"), "pay-3").json()["detail"],
            "insufficient funds");
  ClientResponse pending = pay("20.00", token("4000000000000408"), "pay-4");
  EXPECT_EQ(pending.status, 202) << pending.body;
  EXPECT_EQ(pending.json()["status"], "pending");
  EXPECT_EQ(balance(), "0.00");
}

TEST_F(PaymentsApiTest, BadRequestsAreNamed) {
  const std::string visa = token("4242424242424242");
  ClientResponse no_key =
      api_.post("/api/v1/accounts/" + account_.digits() + "/payments",
                R"json({"amount": "5.00", "payment_method": {"token": "x"}})json");
  EXPECT_EQ(no_key.status, 422);
  EXPECT_EQ(no_key.json()["field"], "Idempotency-Key");
  EXPECT_EQ(pay("5.00", visa, std::string(201, 'k')).json()["field"], "Idempotency-Key");
  EXPECT_EQ(pay("5.001", visa, "pay-5").json()["field"], "amount");
  EXPECT_EQ(pay("0.00", visa, "pay-6").json()["field"], "amount");
  EXPECT_EQ(pay("5.00", "tok_forged", "pay-7").json()["field"], "token");
  ClientResponse mistyped =
      api_.post("/api/v1/payment-methods/test-tokens",
                R"json({"card": {"number": "4242424242424241", "exp_month": 12,
                        "exp_year": 2030, "cvc": "123"}})json");
  EXPECT_EQ(mistyped.status, 422);
  EXPECT_EQ(mistyped.json()["field"], "card_number");
  EXPECT_EQ(mistyped.body.find("4242424242424241"), std::string::npos);
  EXPECT_EQ(balance(), "0.00");
}

TEST_F(PaymentsApiTest, ASavedCardPaysAgainWithoutItsToken) {
  const std::string methods = "/api/v1/accounts/" + account_.digits() + "/payment-methods";
  ClientResponse saved =
      api_.post(methods, R"json({"token": ")json" + token("4242424242424242") + R"json("})json");
  ASSERT_EQ(saved.status, 201) << saved.body;
  EXPECT_EQ(saved.json()["label"], "Visa •••• 4242");
  EXPECT_EQ(saved.json()["default"], true);
  EXPECT_EQ(saved.body.find("tok_"), std::string::npos);  // the token is not handed out again
  const int id = saved.json()["id"];
  ClientResponse paid = api_.post(
      "/api/v1/accounts/" + account_.digits() + "/payments",
      R"json({"amount": "12.00", "payment_method": {"saved_id": )json" + std::to_string(id) + "}}",
      {{"Idempotency-Key", "saved-1"}});
  ASSERT_EQ(paid.status, 201) << paid.body;
  EXPECT_EQ(paid.json()["method_label"], "Visa •••• 4242");
  EXPECT_EQ(api_.get(methods).json()["payment_methods"].size(), 1u);
  EXPECT_EQ(api_.remove(methods + "/" + std::to_string(id)).status, 204);
  EXPECT_EQ(api_.get(methods).json()["payment_methods"].size(), 0u);
  EXPECT_EQ(api_.remove(methods + "/" + std::to_string(id)).status, 404);
  ClientResponse gone = api_.post(
      "/api/v1/accounts/" + account_.digits() + "/payments",
      R"json({"amount": "12.00", "payment_method": {"saved_id": )json" + std::to_string(id) + "}}",
      {{"Idempotency-Key", "saved-2"}});
  EXPECT_EQ(gone.status, 404);
  EXPECT_EQ(balance(), "-12.00");
}

TEST_F(PaymentsApiTest, StaffTakeCashChecksAndCardsByPhoneAndCountTheDrawer) {
  const std::string target = "/api/v1/staff/accounts/" + account_.digits() + "/payments";
  auto take = [&](const std::string& body, const std::string& key) {
    return api_.post(target, body, {{"Idempotency-Key", key}});
  };
  ClientResponse cash = take(R"json({"amount": "60.00", "method": "cash"})json", "s1");
  ASSERT_EQ(cash.status, 201) << cash.body;
  EXPECT_EQ(cash.json()["channel"], "cashier");
  ClientResponse check =
      take(R"json({"amount": "25.50", "method": "check", "check_number": "1042"})json", "s2");
  ASSERT_EQ(check.status, 201) << check.body;
  EXPECT_EQ(check.json()["method_label"], "Check 1042");
  ClientResponse phone = take(R"json({"amount": "14.50", "method": "card",
      "payment_method": {"token": ")json" +
                                  token("4242424242424242") + R"json("}})json",
                              "s3");
  ASSERT_EQ(phone.status, 201) << phone.body;
  EXPECT_EQ(phone.json()["channel"], "phone");
  EXPECT_EQ(take(R"json({"amount": "5.00", "method": "check"})json", "s4").json()["field"],
            "check_number");
  EXPECT_EQ(balance(), "-100.00");
  // Staff see who took each payment, by name: the credential, never a name typed in the request.
  auto listed = api_.get("/api/v1/accounts/" + account_.digits() + "/payments").json();
  ASSERT_EQ(listed["payments"].size(), 3u);
  for (const auto& payment : listed["payments"]) {
    EXPECT_EQ(payment["taken_by"]["actor_kind"], "api_key") << payment;
    EXPECT_EQ(payment["taken_by"]["actor_name"], "API key 'test staff'") << payment;
  }

  ClientResponse drawer = api_.post("/api/v1/staff/cashier-drawer", "");  // wrong method
  EXPECT_EQ(drawer.status, 405);
  ClientResponse counted = api_.get("/api/v1/staff/cashier-drawer");  // the caller's own drawer
  ASSERT_EQ(counted.status, 200) << counted.body;
  EXPECT_EQ(counted.json()["count"], 2);  // the card went through the processor, not the drawer
  EXPECT_EQ(counted.json()["total"]["amount"], "85.50");
}

TEST_F(PaymentsApiTest, ABankPaymentPostsAtOnceAndAReturnUndoesIt) {
  ClientResponse bank = api_.post("/api/v1/bank-accounts",
                                  R"json({"routing_number": "021000021",
                                          "account_number": "000123456789",
                                          "account_type": "checking"})json");
  ASSERT_EQ(bank.status, 201) << bank.body;
  EXPECT_EQ(bank.json()["label"], "Checking •••• 6789");
  EXPECT_EQ(bank.body.find("123456789"), std::string::npos);
  ClientResponse paid = pay("60.00", bank.json()["token"], "bank-1");
  ASSERT_EQ(paid.status, 201) << paid.body;
  EXPECT_EQ(paid.json()["method"], "bank");
  EXPECT_EQ(balance(), "-60.00");

  const std::string confirmation = paid.json()["confirmation"];
  ClientResponse returned = api_.post("/api/v1/staff/payments/" + confirmation + "/return",
                                      R"json({"return_code": "R01"})json");
  ASSERT_EQ(returned.status, 200) << returned.body;
  EXPECT_EQ(returned.json()["payment"]["status"], "returned");
  EXPECT_EQ(returned.json()["reason"], "insufficient funds");
  EXPECT_EQ(balance(), "0.00");
  ClientResponse again = api_.post("/api/v1/staff/payments/" + confirmation + "/return",
                                   R"json({"return_code": "R01"})json");
  EXPECT_EQ(again.status, 200);
  EXPECT_EQ(again.json()["already_returned"], true);
  EXPECT_EQ(balance(), "0.00");
  const nlohmann::json owed =
      api_.get("/api/v1/accounts/" + account_.digits() + "/summary").json()["owed"];
  bool named = false;
  for (const auto& reason : owed["reasons"]) {
    if (reason["kind"] == "reversal") named = reason["reverses"] == "payment_returned";
  }
  EXPECT_TRUE(named) << owed;

  ClientResponse bad_code = api_.post("/api/v1/staff/payments/" + confirmation + "/return",
                                      R"json({"return_code": "X1"})json");
  EXPECT_EQ(bad_code.status, 422);
  EXPECT_EQ(bad_code.json()["field"], "return_code");
  ClientResponse bad_routing = api_.post("/api/v1/bank-accounts",
                                         R"json({"routing_number": "021000022",
                                                 "account_number": "000123456789"})json");
  EXPECT_EQ(bad_routing.status, 422);
  EXPECT_EQ(bad_routing.json()["field"], "routing_number");
  ClientResponse unvalidated = pay("5.00",
                                   api_.post("/api/v1/bank-accounts",
                                             R"json({"routing_number": "021000021",
                                                             "account_number": "000000000003"})json")
                                       .json()["token"],
                                   "bank-2");
  EXPECT_EQ(unvalidated.status, 402);
  EXPECT_EQ(balance(), "0.00");
}

TEST_F(PaymentsApiTest, StaffPlaceALockboxCheckFromTheSuspenseQueue) {
  const std::string file =
      "01,021000021,RATEPAYER,261124,0615,1,80,10,2/\n"
      "02,RATEPAYER,021000021,1,261123,2400,,2/\n"
      "03,4410012345,USD/\n"
      "16,115,4200,0,LBX001,,NO STUB/\n"
      "49,4200,3/\n"
      "98,4200,1,5/\n"
      "99,4200,1,7/\n";
  auto imported = payments::import_lockbox_file(test_.database(), file, "test");
  ASSERT_TRUE(imported.ok()) << imported.error().message;
  ASSERT_EQ(imported->suspense, 1);
  ClientResponse queue = api_.get("/api/v1/staff/lockbox/suspense");
  ASSERT_EQ(queue.status, 200) << queue.body;
  ASSERT_EQ(queue.json()["items"].size(), 1u);
  const std::string id = std::to_string(queue.json()["items"][0]["id"].get<std::int64_t>());
  EXPECT_EQ(queue.json()["items"][0]["amount"]["amount"], "42.00");

  ClientResponse bad = api_.post("/api/v1/staff/lockbox/items/" + id + "/apply",
                                 R"json({"account_number": "12"})json");
  EXPECT_EQ(bad.status, 422);
  EXPECT_EQ(bad.json()["field"], "account_number");
  ClientResponse applied =
      api_.post("/api/v1/staff/lockbox/items/" + id + "/apply",
                R"json({"account_number": ")json" + account_.digits() + R"json("})json");
  ASSERT_EQ(applied.status, 200) << applied.body;
  EXPECT_EQ(applied.json()["status"], "applied");
  EXPECT_EQ(balance(), "-42.00");
  ClientResponse again =
      api_.post("/api/v1/staff/lockbox/items/" + id + "/apply",
                R"json({"account_number": ")json" + account_.digits() + R"json("})json");
  EXPECT_EQ(again.status, 409);
  EXPECT_EQ(balance(), "-42.00");
  EXPECT_EQ(api_.get("/api/v1/staff/lockbox/suspense").json()["items"].size(), 0u);
}

TEST_F(PaymentsApiTest, ACustomerSchedulesAPaymentAndEnrolsInAutopay) {
  const std::string base = "/api/v1/accounts/" + account_.digits();
  ClientResponse saved =
      api_.post(base + "/payment-methods",
                R"json({"token": ")json" + token("4242424242424242") + R"json("})json");
  ASSERT_EQ(saved.status, 201) << saved.body;
  const std::string method = std::to_string(saved.json()["id"].get<std::int64_t>());

  ClientResponse scheduled = api_.post(base + "/scheduled-payments",
                                       R"json({"amount": "25.00", "pay_on": "2099-01-01",
                                               "payment_method_id": )json" +
                                           method + "}");
  EXPECT_EQ(scheduled.status, 422);  // more than 365 days ahead
  EXPECT_EQ(scheduled.json()["field"], "pay_on");
  const std::string soon = format_local_date(LocalDate(
      date::sys_days(UtilityZone::find("America/Los_Angeles")->local_date(now())) + date::days(7)));
  scheduled = api_.post(base + "/scheduled-payments",
                        R"json({"amount": "25.00", "pay_on": ")json" + soon +
                            R"json(", "payment_method_id": )json" + method + "}");
  ASSERT_EQ(scheduled.status, 201) << scheduled.body;
  EXPECT_EQ(scheduled.json()["status"], "scheduled");
  ClientResponse listed = api_.get(base + "/scheduled-payments");
  ASSERT_EQ(listed.json()["scheduled_payments"].size(), 1u);
  const std::string id = std::to_string(scheduled.json()["id"].get<std::int64_t>());
  EXPECT_EQ(api_.remove(base + "/scheduled-payments/" + id).status, 204);
  EXPECT_EQ(api_.remove(base + "/scheduled-payments/" + id).status, 409);

  EXPECT_EQ(api_.get(base + "/autopay").json()["enrolled"], false);
  const std::string consent = R"json("consent": {"given_by": "Pat", "how": "phone"})json";
  ClientResponse unasked = api_.request(
      "PUT", base + "/autopay",
      R"json({"payment_method_id": )json" + method + R"json(, "days_before_due": 3})json");
  EXPECT_EQ(unasked.status, 422);
  EXPECT_EQ(unasked.json()["field"], "consent");
  ClientResponse enrolled = api_.request("PUT", base + "/autopay",
                                         R"json({"payment_method_id": )json" + method +
                                             R"json(, "days_before_due": 3, )json" + consent + "}");
  ASSERT_EQ(enrolled.status, 200) << enrolled.body;
  EXPECT_EQ(enrolled.json()["days_before_due"], 3);
  EXPECT_EQ(api_.get(base + "/autopay").json()["enrolled"], true);
  ClientResponse too_late = api_.request(
      "PUT", base + "/autopay",
      R"json({"payment_method_id": )json" + method + R"json(, "days_before_due": 30})json");
  EXPECT_EQ(too_late.json()["field"], "days_before_due");
  EXPECT_EQ(api_.remove(base + "/autopay").json()["field"], "consent");
  EXPECT_EQ(api_.request("DELETE", base + "/autopay", "{" + consent + "}").status, 204);
  EXPECT_EQ(api_.request("DELETE", base + "/autopay", "{" + consent + "}").status, 404);
  EXPECT_EQ(api_.get(base + "/autopay").json()["enrolled"], false);
}

TEST_F(PaymentsApiTest, AnAccountWithNothingPastDueIsOfferedNoArrangement) {
  const std::string base = "/api/v1/accounts/" + account_.digits();
  ClientResponse offer = api_.get(base + "/arrangement-offers");
  ASSERT_EQ(offer.status, 200) << offer.body;
  EXPECT_EQ(offer.json()["eligible"], false);
  EXPECT_EQ(offer.json()["reason"], "nothing is past due");
  EXPECT_EQ(offer.json()["plans"].size(), 0u);
  ClientResponse refused = api_.post(base + "/arrangements", R"json({"installments": 3})json");
  EXPECT_EQ(refused.status, 409);
  ClientResponse missing = api_.post(base + "/arrangements", R"json({})json");
  EXPECT_EQ(missing.status, 422);
  EXPECT_EQ(missing.json()["field"], "installments");
  EXPECT_EQ(api_.get(base + "/arrangements").json()["arrangements"].size(), 0u);
}

TEST_F(PaymentsApiTest, StaffVoidAPaymentAndRefundACredit) {
  ClientResponse paid = pay("80.00", token("4242424242424242"), "pay-v1");
  ASSERT_EQ(paid.status, 201);
  ClientResponse second = pay("30.00", token("4242424242424242"), "pay-v2");
  ASSERT_EQ(balance(), "-110.00");
  const std::string confirmation = paid.json()["confirmation"];
  ClientResponse no_reason =
      api_.post("/api/v1/staff/payments/" + confirmation + "/void", R"json({})json");
  EXPECT_EQ(no_reason.status, 422);
  ClientResponse voided = api_.post("/api/v1/staff/payments/" + confirmation + "/void",
                                    R"json({"reason": "entered twice"})json");
  ASSERT_EQ(voided.status, 200) << voided.body;
  EXPECT_EQ(voided.json()["status"], "voided");
  EXPECT_EQ(balance(), "-30.00");
  // The answer says the balance the void left, not the one the payment had left.
  EXPECT_EQ(voided.json()["account_balance"]["amount"], "-30.00");
  EXPECT_EQ(voided.json()["balance_after"]["amount"], "-80.00");
  // What is owed names the void for what it is (not a returned payment).
  const nlohmann::json summary =
      api_.get("/api/v1/accounts/" + account_.digits() + "/summary").json();
  int voids = 0;
  for (const auto& reason : summary["owed"]["reasons"]) {
    if (reason["kind"] == "reversal") {
      EXPECT_EQ(reason["reverses"], "payment_voided") << reason;
      EXPECT_EQ(reason["amount"]["amount"], "80.00");
      ++voids;
    } else {
      EXPECT_TRUE(reason["reverses"].is_null()) << reason;
    }
  }
  EXPECT_EQ(voids, 1) << summary;

  const std::string refunds = "/api/v1/staff/accounts/" + account_.digits() + "/refunds";
  ClientResponse no_key = api_.post(refunds, R"json({"reason": "overpayment"})json");
  EXPECT_EQ(no_key.status, 422);
  ClientResponse refunded =
      api_.post(refunds, R"json({"reason": "overpayment"})json", {{"Idempotency-Key", "refund-1"}});
  ASSERT_EQ(refunded.status, 201) << refunded.body;
  EXPECT_EQ(refunded.json()["amount"]["amount"], "30.00");
  EXPECT_EQ(balance(), "0.00");
  ClientResponse retry =
      api_.post(refunds, R"json({"reason": "overpayment"})json", {{"Idempotency-Key", "refund-1"}});
  EXPECT_EQ(retry.status, 200);
  EXPECT_EQ(balance(), "0.00");
  ClientResponse nothing =
      api_.post(refunds, R"json({"reason": "overpayment"})json", {{"Idempotency-Key", "refund-2"}});
  EXPECT_EQ(nothing.status, 409);
  (void)second;
}

}  // namespace
}  // namespace rp::api
