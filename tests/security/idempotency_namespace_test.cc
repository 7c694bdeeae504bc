// Idempotency keys belong to whoever sent them (core/idempotency_key.h): a customer cannot claim
// the server's own jobs' keys, nor another caller's, and the jobs go on past one bad item.

#include <gtest/gtest.h>

#include "accounts/testing/account_fixtures.h"
#include "api/testing/api_server.h"
#include "api/testing/customers.h"
#include "payments/payment_schedule.h"
#include "store/testing/test_database.h"

namespace rp::api {
namespace {

using http::testing::ClientResponse;
using store::testing::count;
using testing::as;
using testing::Customer;

class IdempotencyNamespaceTest : public ::testing::Test {
 protected:
  IdempotencyNamespaceTest()
      : maria_(accounts::testing::open_sample_account(test_.database())),
        ben_(accounts::testing::open_sample_account(
            test_.database(), {"Ben Ortiz", "17 Oak Ave", "97477", "E2000017", false})),
        server_(test_.database()) {}

  std::string card(const std::string& number) {
    ClientResponse made =
        server_.post("/api/v1/payment-methods/test-tokens",
                     R"({"card": {"number": ")" + number +
                         R"(", "exp_month": 12, "exp_year": 2030, "cvc": "123"}})");
    EXPECT_EQ(made.status, 201) << made.body;
    return made.json().value("token", "");
  }

  ClientResponse pay(const Customer& who, const AccountNumber& account, const std::string& amount,
                     const std::string& token, const std::string& key) {
    auto headers = as(who);
    headers.emplace_back("Idempotency-Key", key);
    return server_.send(
        "POST", "/api/v1/accounts/" + account.digits() + "/payments", headers,
        R"({"amount": ")" + amount + R"(", "payment_method": {"token": ")" + token + R"("}})");
  }

  LocalDate today() { return UtilityZone::find("America/Los_Angeles")->local_date(now()); }

  store::testing::TestDatabase test_;
  AccountNumber maria_;
  AccountNumber ben_;
  testing::ApiServer server_;
};

TEST_F(IdempotencyNamespaceTest, ACustomerCannotStopTheScheduledPaymentsJobByClaimingItsKeys) {
  // Ben schedules a payment; Maria, knowing how the job names its keys, sends declined pennies
  // under every spelling of them before the job runs.
  Customer ben = testing::sign_up(server_, test_.database(), "ben@example.com", "17 Oak Ave");
  Customer maria = testing::sign_up(server_, test_.database(), "maria@example.com", "1204 Elm St");
  const std::string base = "/api/v1/accounts/" + ben_.digits();
  ClientResponse saved = server_.send("POST", base + "/payment-methods", as(ben),
                                      R"({"token": ")" + card("4242424242424242") + R"("})");
  ASSERT_EQ(saved.status, 201) << saved.body;
  const LocalDate pay_on = LocalDate(date::sys_days(today()) + date::days(1));
  ClientResponse scheduled =
      server_.send("POST", base + "/scheduled-payments", as(ben),
                   R"({"amount": "25.00", "pay_on": ")" + format_local_date(pay_on) +
                       R"(", "payment_method_id": )" +
                       std::to_string(saved.json()["id"].get<std::int64_t>()) + "}");
  ASSERT_EQ(scheduled.status, 201) << scheduled.body;
  const std::string id = std::to_string(scheduled.json()["id"].get<std::int64_t>());
  const std::string declined = card("4000000000000002");
  for (const std::string& key : {"scheduled:" + id, "system:scheduled:" + id}) {
    EXPECT_EQ(pay(maria, maria_, "0.01", declined, key).status, 402) << key;
  }

  auto report =
      payments::run_payment_schedule(test_.database(), *server_.context().processor, pay_on);
  ASSERT_TRUE(report.ok()) << report.error().message;
  EXPECT_EQ(report->scheduled_paid, 1);
  EXPECT_TRUE(report->problems.empty());
  ClientResponse listed = server_.send("GET", base + "/scheduled-payments", as(ben));
  EXPECT_EQ(listed.json()["scheduled_payments"][0]["status"], "paid") << listed.body;
}

TEST_F(IdempotencyNamespaceTest, OneCallersKeyNeverAnswersOrBlocksAnothers) {
  Customer ben = testing::sign_up(server_, test_.database(), "ben@example.com", "17 Oak Ave");
  Customer maria = testing::sign_up(server_, test_.database(), "maria@example.com", "1204 Elm St");
  const std::string visa = card("4242424242424242");
  ClientResponse marias = pay(maria, maria_, "10.00", visa, "pay-1");
  ASSERT_EQ(marias.status, 201) << marias.body;
  // The same key from another customer, for another payment: a payment of its own, not a 422.
  ClientResponse bens = pay(ben, ben_, "20.00", visa, "pay-1");
  ASSERT_EQ(bens.status, 201) << bens.body;
  EXPECT_NE(bens.json()["confirmation"], marias.json()["confirmation"]);
  // The same key from staff on Maria's account: staff's own payment, not Maria's answer.
  ClientResponse staff =
      server_.post("/api/v1/accounts/" + maria_.digits() + "/payments",
                   R"({"amount": "10.00", "payment_method": {"token": ")" + visa + R"("}})",
                   {{"Idempotency-Key", "pay-1"}});
  ASSERT_EQ(staff.status, 201) << staff.body;
  EXPECT_NE(staff.json()["confirmation"], marias.json()["confirmation"]);
  // Maria's own retry still replays her first answer.
  ClientResponse retry = pay(maria, maria_, "10.00", visa, "pay-1");
  EXPECT_EQ(retry.status, 201);
  EXPECT_EQ(retry.json()["confirmation"], marias.json()["confirmation"]);
  EXPECT_EQ(count(test_.database(), "SELECT COUNT(*) FROM payments"), 3);
}

TEST_F(IdempotencyNamespaceTest, ACustomersChangesAreRecordedAsTheirsWhateverHeadersTheySend) {
  Customer maria = testing::sign_up(server_, test_.database(), "maria@example.com", "1204 Elm St");
  auto headers = as(maria);
  headers.emplace_back("X-Staff-Name", "ana");  // a header that once named staff: means nothing
  headers.emplace_back("Idempotency-Key", "pay-2");
  ClientResponse paid = server_.send(
      "POST", "/api/v1/accounts/" + maria_.digits() + "/payments", headers,
      R"({"amount": "5.00", "payment_method": {"token": ")" + card("4242424242424242") + R"("}})");
  ASSERT_EQ(paid.status, 201) << paid.body;
  EXPECT_EQ(count(test_.database(),
                  "SELECT COUNT(*) FROM account_events WHERE kind = 'payment.received' AND "
                  "actor LIKE 'customer:%'"),
            1);
  EXPECT_EQ(count(test_.database(),
                  "SELECT COUNT(*) FROM account_events WHERE kind LIKE 'payment.%' AND "
                  "(actor LIKE 'staff:%' OR actor LIKE 'api_key:%')"),
            0);
}

TEST_F(IdempotencyNamespaceTest, AKeyOfControlCharactersOrTooLongIsNamedAndMovesNothing) {
  Customer maria = testing::sign_up(server_, test_.database(), "maria@example.com", "1204 Elm St");
  const std::string visa = card("4242424242424242");
  for (const std::string& key : {std::string(201, 'k'), std::string("a\tb")}) {
    ClientResponse refused = pay(maria, maria_, "5.00", visa, key);
    EXPECT_EQ(refused.status, 422) << refused.body;
    EXPECT_EQ(refused.json()["field"], "Idempotency-Key");
  }
  EXPECT_EQ(count(test_.database(), "SELECT COUNT(*) FROM payments"), 0);
}

}  // namespace
}  // namespace rp::api
