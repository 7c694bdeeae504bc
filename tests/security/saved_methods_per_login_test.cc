// A saved card or bank account is its saver's: another login holding the same account (a
// spouse, a landlord, or someone who got in) can neither see it nor pay, schedule or enrol
// autopay with it.

#include <gtest/gtest.h>

#include "accounts/testing/account_fixtures.h"
#include "api/testing/api_server.h"
#include "api/testing/customers.h"
#include "store/testing/test_database.h"

namespace rp::api {
namespace {

using http::testing::ClientResponse;
using store::testing::count;
using testing::as;
using testing::Customer;

TEST(SavedMethodsPerLogin, AnotherLoginOnTheAccountCannotUseTheFirstOnesCard) {
  store::testing::TestDatabase test;
  AccountNumber account = accounts::testing::open_sample_account(test.database());
  testing::ApiServer server(test.database());
  Customer maria = testing::sign_up(server, test.database(), "maria@example.com", "1204 Elm St");
  // A second login on the account (a spouse, say) that proved it with the mailed code.
  Customer other = testing::sign_up(server, test.database(), "other@example.com", "1204 Elm St");
  testing::claim_with_mailed_code(server, test.database(), other);
  const std::string base = "/api/v1/accounts/" + account.digits();

  ClientResponse token = server.send(
      "POST", "/api/v1/payment-methods/test-tokens", as(maria),
      R"({"card": {"number": "4242424242424242", "exp_month": 12, "exp_year": 2035, "cvc": "123"}})");
  ASSERT_EQ(token.status, 201) << token.body;
  ClientResponse saved =
      server.send("POST", base + "/payment-methods", as(maria),
                  R"({"token": ")" + token.json()["token"].get<std::string>() + R"("})");
  ASSERT_EQ(saved.status, 201) << saved.body;
  const std::string id = std::to_string(saved.json()["id"].get<std::int64_t>());

  ClientResponse listed = server.send("GET", base + "/payment-methods", as(other));
  ASSERT_EQ(listed.status, 200) << listed.body;
  EXPECT_TRUE(listed.json()["payment_methods"].empty()) << listed.body;

  auto headers = as(other);
  headers.emplace_back("Idempotency-Key", "steal-1");
  ClientResponse paid =
      server.send("POST", base + "/payments", headers,
                  R"({"amount": "5.00", "payment_method": {"saved_id": )" + id + "}}");
  EXPECT_GE(paid.status, 400) << paid.body;
  EXPECT_LT(paid.status, 500) << paid.body;
  ClientResponse autopay =
      server.send("PUT", base + "/autopay", as(other),
                  R"({"payment_method_id": )" + id + R"(, "days_before_due": 3})");
  EXPECT_EQ(autopay.status, 422) << autopay.body;
  EXPECT_EQ(autopay.json()["field"], "payment_method_id");
  const std::string soon = format_local_date(LocalDate(
      date::sys_days(UtilityZone::find("America/Los_Angeles")->local_date(now())) + date::days(3)));
  ClientResponse scheduled = server.send(
      "POST", base + "/scheduled-payments", as(other),
      R"({"amount": "5.00", "pay_on": ")" + soon + R"(", "payment_method_id": )" + id + "}");
  EXPECT_EQ(scheduled.status, 422) << scheduled.body;
  EXPECT_EQ(server.send("DELETE", base + "/payment-methods/" + id, as(other)).status, 404);

  EXPECT_EQ(count(test.database(), "SELECT COUNT(*) FROM payments"), 0);
  EXPECT_EQ(count(test.database(), "SELECT COUNT(*) FROM autopay_enrolments"), 0);
  EXPECT_EQ(count(test.database(), "SELECT COUNT(*) FROM scheduled_payments"), 0);
  // Maria's own card still pays.
  auto hers = as(maria);
  hers.emplace_back("Idempotency-Key", "mine-1");
  EXPECT_EQ(server
                .send("POST", base + "/payments", hers,
                      R"({"amount": "5.00", "payment_method": {"saved_id": )" + id + "}}")
                .status,
            201);
}

}  // namespace
}  // namespace rp::api
