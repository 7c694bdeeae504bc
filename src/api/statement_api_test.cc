// The statement of account over HTTP: its closing balance is the ledger's balance the account
// answers; CSV and PDF carry the same lines; bad queries are named.

#include <gtest/gtest.h>

#include "accounts/testing/account_fixtures.h"
#include "api/testing/api_server.h"
#include "store/testing/test_database.h"

namespace rp::api {
namespace {

using http::testing::ClientResponse;

class StatementApiTest : public ::testing::Test {
 protected:
  void SetUp() override {
    for (auto [amount, key] : {std::pair{"60.00", "s1"}, {"25.50", "s2"}}) {
      ClientResponse paid = api_.post(
          "/api/v1/staff/accounts/" + account_.digits() + "/payments",
          std::string(R"json({"amount": ")json") + amount + R"json(", "method": "cash"})json",
          {{"Idempotency-Key", key}});
      ASSERT_EQ(paid.status, 201) << paid.body;
    }
  }

  std::string base() const { return "/api/v1/staff/accounts/" + account_.digits(); }

  store::testing::TestDatabase test_;
  AccountNumber account_ = accounts::testing::open_sample_account(test_.database());
  testing::ApiServer api_{test_.database()};
};

TEST_F(StatementApiTest, TheClosingBalanceIsTheAccountsBalanceAndEachLineRunsToIt) {
  ClientResponse answer = api_.get(base() + "/statement");
  ASSERT_EQ(answer.status, 200) << answer.body;
  auto statement = answer.json();
  ASSERT_EQ(statement["lines"].size(), 2u);
  EXPECT_EQ(statement["lines"][0]["amount"]["amount"], "-60.00");
  EXPECT_EQ(statement["lines"][0]["balance_after"]["amount"], "-60.00");
  EXPECT_EQ(statement["lines"][1]["balance_after"]["amount"], "-85.50");
  EXPECT_EQ(statement["closing_balance"]["amount"], "-85.50");
  EXPECT_EQ(statement["credits"]["amount"], "-85.50");
  EXPECT_EQ(statement["shows"], "All entries");
  auto detail = api_.get("/api/v1/staff/accounts/" + account_.digits()).json();
  EXPECT_EQ(statement["closing_balance"], detail["balance"]);

  auto payments_only = api_.get(base() + "/statement?kind=payment").json();
  EXPECT_EQ(payments_only["lines"].size(), 2u);
  EXPECT_EQ(api_.get(base() + "/statement?kind=bill").json()["lines"].size(), 0u);
}

TEST_F(StatementApiTest, CsvAndPdfCarryTheSameStatement) {
  ClientResponse csv = api_.get(base() + "/statement.csv");
  ASSERT_EQ(csv.status, 200) << csv.body;
  EXPECT_EQ(csv.header("content-type").value_or(""), "text/csv; charset=utf-8");
  EXPECT_NE(csv.header("content-disposition").value_or("").find("statement-" + account_.digits()),
            std::string::npos);
  EXPECT_NE(csv.body.find("\"Opening balance\""), std::string::npos) << csv.body;
  EXPECT_NE(csv.body.find("\"-85.50\""), std::string::npos) << csv.body;
  EXPECT_NE(csv.body.find("\"Closing balance\""), std::string::npos) << csv.body;
  ClientResponse pdf = api_.get(base() + "/statement.pdf");
  ASSERT_EQ(pdf.status, 200) << pdf.body;
  EXPECT_EQ(pdf.header("content-type").value_or(""), "application/pdf");
  EXPECT_EQ(pdf.body.substr(0, 5), "%PDF-");
}

TEST_F(StatementApiTest, BadQueriesAreNamed) {
  for (auto [query, field] : {std::pair{"?from=2026-02-30", "from"},
                              {"?to=yesterday", "to"},
                              {"?from=2026-03-01&to=2026-02-01", "to"},
                              {"?kind=bills", "kind"}}) {
    ClientResponse answer = api_.get(base() + "/statement" + query);
    EXPECT_EQ(answer.status, 422) << query;
    EXPECT_EQ(answer.json().value("field", ""), field) << query;
    EXPECT_EQ(api_.get(base() + "/statement.csv" + query).status, 422) << query;
  }
  EXPECT_EQ(api_.get("/api/v1/staff/accounts/100000991/statement").status, 404);
}

}  // namespace
}  // namespace rp::api
