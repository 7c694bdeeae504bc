#pragma once
// A server over a database with two customers' accounts: Maria Lopez's (1204 Elm St, with water)
// and Ben Ortiz's (17 Oak Ave, electric only), for tests of who reaches which account's routes.

#include <gtest/gtest.h>

#include <string>

#include "accounts/testing/account_fixtures.h"
#include "api/testing/api_server.h"
#include "store/testing/test_database.h"

namespace rp::api::testing {

class TwoAccountsTest : public ::testing::Test {
 protected:
  TwoAccountsTest()
      : maria_(accounts::testing::open_sample_account(test_.database())),
        ben_(accounts::testing::open_sample_account(
            test_.database(), {"Ben Ortiz", "17 Oak Ave", "97477", "E2000017", false})),
        server_(test_.database()) {}

  // "/api/v1/accounts/<digits><rest>".
  std::string path(const AccountNumber& account, const std::string& rest) const {
    return "/api/v1/accounts/" + account.digits() + rest;
  }

  store::testing::TestDatabase test_;
  AccountNumber maria_;
  AccountNumber ben_;
  ApiServer server_;
};

}  // namespace rp::api::testing
