#include "accounts/testing/account_fixtures.h"

#include <gtest/gtest.h>

#include <cctype>

namespace rp::accounts::testing {

namespace {

// "Maria Lopez" -> "maria@example.com": each sample holder has an email of their own.
std::string sample_email(const std::string& name) {
  std::string first = name.substr(0, name.find(' '));
  for (char& c : first) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return first + "@example.com";
}

}  // namespace

NewAccount sample_new_account(const std::string& name) {
  return NewAccount{.customer = {name, sample_email(name), "+15415550100"},
                    .mailing_address = {"1204 Elm St", "", "Springfield", "OR", "97477"},
                    .language = "es",
                    .bill_cycle = 3,
                    .opened_on = "2024-05-01"};
}

AccountNumber open_sample_account(store::Database& database, const SampleAccount& sample) {
  EXPECT_TRUE(define_rate_plan(database, {"E-RES", "Residential electric"}, "electric").ok());
  EXPECT_TRUE(define_rate_plan(database, {"W-RES", "Residential water"}, "water").ok());
  NewAccount account = sample_new_account(sample.name);
  account.mailing_address.line1 = sample.line1;
  account.mailing_address.zip = sample.zip;
  auto number = open_account(database, account, "staff:test");
  if (!number.ok()) {
    ADD_FAILURE() << number.error().message;
    std::abort();
  }
  Address at{sample.line1, sample.line2, "Springfield", "OR", sample.zip};
  NewService electric{at, "electric", "E-RES", "2024-05-01",
                      NewMeter{sample.meter_serial, "ami", {{"kWh", "kWh", 15}}}};
  auto started = start_service(database, *number, electric, "staff:test");
  EXPECT_TRUE(started.ok()) << started.error().message;
  if (sample.with_water) {
    NewService water{at, "water", "W-RES", "2024-05-01",
                     NewMeter{"W" + sample.meter_serial, "amr", {{"gal", "gal", std::nullopt}}}};
    auto watered = start_service(database, *number, water, "staff:test");
    EXPECT_TRUE(watered.ok()) << watered.error().message;
  }
  return *number;
}

}  // namespace rp::accounts::testing
