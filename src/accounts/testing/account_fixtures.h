#pragma once
// Test support: realistic accounts built through the real service functions.

#include <string>

#include "accounts/account_service.h"
#include "accounts/service_start.h"

namespace rp::accounts::testing {

struct SampleAccount {
  std::string name = "Maria Lopez";
  std::string line1 = "1204 Elm St";
  std::string zip = "97477";
  std::string meter_serial = "E1000017";
  bool with_water = true;
  std::string line2 = "";  // the premise's unit line ("Unit 107"), when it has one
};

// Defines the sample rate plans, opens the account and starts electric (AMI, 15-minute kWh) and
// optionally water (register, gallons) service at its address. Fails the test on any error.
AccountNumber open_sample_account(store::Database& database, const SampleAccount& sample = {});

// The sample account's holder: `name`, with the email of their first name at example.com
// ("Maria Lopez": maria@example.com, on file as the account's contact email).
NewAccount sample_new_account(const std::string& name = "Maria Lopez");

}  // namespace rp::accounts::testing
