#include "accounts/customer_consent.h"

#include <gtest/gtest.h>

namespace rp::accounts {
namespace {

CustomerConsent by_phone() {
  return CustomerConsent{"Susan Smith", "phone", "call 4471"};
}

TEST(CustomerConsent, ACustomerActingForThemselvesNeedsNone) {
  EXPECT_TRUE(require_consent("customer:42", std::nullopt).ok());
}

TEST(CustomerConsent, StaffAndKeysNeedTheCustomersConsent) {
  for (const char* actor : {"staff:3", "api_key:7", "system"}) {
    auto refused = require_consent(actor, std::nullopt);
    ASSERT_FALSE(refused.ok()) << actor;
    EXPECT_EQ(refused.error().field, "consent");
    EXPECT_EQ(refused.error().code, "consent-required");
    EXPECT_TRUE(require_consent(actor, by_phone()).ok()) << actor;
  }
}

TEST(CustomerConsent, EachBadPartIsNamed) {
  CustomerConsent nobody = by_phone();
  nobody.given_by = "";
  EXPECT_EQ(check_consent(nobody).error().field, "consent.given_by");
  CustomerConsent by_pigeon = by_phone();
  by_pigeon.how = "pigeon";
  EXPECT_EQ(check_consent(by_pigeon).error().field, "consent.how");
  CustomerConsent long_reference = by_phone();
  long_reference.reference = std::string(kLongestConsentText + 1, 'x');
  EXPECT_EQ(check_consent(long_reference).error().field, "consent.reference");
  CustomerConsent control = by_phone();
  control.given_by = "Susan\nSmith";
  EXPECT_EQ(check_consent(control).error().field, "consent.given_by");
  CustomerConsent longest = by_phone();
  longest.given_by = std::string(kLongestConsentText, 'x');
  EXPECT_TRUE(check_consent(longest).ok());
}

TEST(CustomerConsent, TheHistorySaysWhoAgreedAndHow) {
  EXPECT_EQ(consent_words(by_phone()), " at the request of Susan Smith, by phone (call 4471)");
  EXPECT_EQ(consent_words(CustomerConsent{"Ana Gómez", "in_person", ""}),
            " at the request of Ana Gómez, in person");
  EXPECT_EQ(consent_words(CustomerConsent{"Ana Gómez", "written", "form 12"}),
            " at the request of Ana Gómez, in writing (form 12)");
  EXPECT_EQ(consent_words(std::nullopt), "");
}

TEST(CustomerConsent, ItIsWrittenIntoTheEventsDetails) {
  JsonWriter out;
  out.begin_object();
  write_consent(out, by_phone());
  out.end_object();
  EXPECT_EQ(out.take(),
            R"({"consent":{"given_by":"Susan Smith","how":"phone","reference":"call 4471"}})");
}

}  // namespace
}  // namespace rp::accounts
