#include <gtest/gtest.h>

#include "accounts/account_service.h"

namespace rp::accounts {
namespace {

NewAccount valid() {
  return NewAccount{.customer = {"Ana Torres", "ana@example.com", "+15415550101"},
                    .mailing_address = {"88 Pine Ave", "Apt 2", "Eugene", "OR", "97401"},
                    .language = "en",
                    .bill_cycle = 20,
                    .opened_on = "2026-11-01"};
}

std::string failing_field(const NewAccount& account) {
  auto checked = validate_new_account(account);
  return checked.ok() ? "" : checked.error().field;
}

TEST(AccountValidation, AValidAccountPasses) {
  EXPECT_EQ(failing_field(valid()), "");
}

TEST(AccountValidation, EachBadFieldIsNamed) {
  NewAccount a = valid();
  a.customer.name = "";
  EXPECT_EQ(failing_field(a), "customer.name");
  a = valid();
  a.customer.email = "ana-at-example";
  EXPECT_EQ(failing_field(a), "customer.email");
  a = valid();
  a.customer.phone = "541-555-0101";
  EXPECT_EQ(failing_field(a), "customer.phone");
  a = valid();
  a.mailing_address.zip = "9740";
  EXPECT_EQ(failing_field(a), "mailing_address.zip");
  a = valid();
  a.mailing_address.state = "Oregon";
  EXPECT_EQ(failing_field(a), "mailing_address.state");
  a = valid();
  a.language = "fr";
  EXPECT_EQ(failing_field(a), "language");
  a = valid();
  a.bill_cycle = 21;
  EXPECT_EQ(failing_field(a), "bill_cycle");
  a = valid();
  a.opened_on = "2026-02-30";
  EXPECT_EQ(failing_field(a), "opened_on");
}

TEST(AccountValidation, ZipPlusFourAndEmptyOptionalContactsAreAccepted) {
  NewAccount a = valid();
  a.mailing_address.zip = "97401-1234";
  a.customer.email = "";
  a.customer.phone = "";
  EXPECT_EQ(failing_field(a), "");
}

}  // namespace
}  // namespace rp::accounts
