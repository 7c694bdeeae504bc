#include "auth/address_match.h"

#include <gtest/gtest.h>

namespace rp::auth {
namespace {

TEST(AddressMatch, SpellingCaseAndSuffixesDoNotMatter) {
  EXPECT_EQ(normalize_street("1204 Elm Street, Apt. 3"), "1204 elm st apt 3");
  EXPECT_TRUE(same_street("1204 elm street", "1204 Elm St"));
  EXPECT_TRUE(same_street("  1204  ELM  ST. ", "1204 Elm St"));
  EXPECT_TRUE(same_street("17 North Oak Avenue", "17 N Oak Ave"));
}

TEST(AddressMatch, AUnitMatchesInAnyCommonSpellingAsTheBillPrintsIt) {
  // The premise keeps its unit in line2, as generated and as most CIS data has it.
  for (const char* typed :
       {"2777 Pine Blvd, Unit 107", "2777 Pine Boulevard Apt 107", "2777 pine blvd #107",
        "2777 Pine Blvd # 107", "2777 Pine Blvd Ste 107", "2777 Pine Blvd Apartment 107",
        "2777 Pine Blvd 107", "2777 PINE BLVD UNIT 107"}) {
    EXPECT_TRUE(same_street(typed, "2777 Pine Blvd", "Unit 107")) << typed;
    EXPECT_TRUE(same_street(typed, "2777 Pine Blvd", "Apt 107")) << typed;
    EXPECT_TRUE(same_street(typed, "2777 Pine Blvd Unit 107")) << typed;  // unit in line1
    EXPECT_TRUE(same_street(typed, "2777 Pine Blvd", "107")) << typed;    // no designator
  }
  EXPECT_TRUE(same_street("9 Main St #4", "9 Main Street Unit 4"));
  EXPECT_TRUE(same_street("400 Oak Ave Suite 210", "400 Oak Ave", "Ste 210"));
  EXPECT_TRUE(same_street("12 Elm St Apt 3B", "12 Elm St", "Apt 3b"));
}

TEST(AddressMatch, AnotherUnitOrNoUnitAtAUnitPremiseNeverMatches) {
  EXPECT_FALSE(same_street("2777 Pine Blvd Unit 108", "2777 Pine Blvd", "Unit 107"));
  EXPECT_FALSE(same_street("2777 Pine Blvd", "2777 Pine Blvd", "Unit 107"));
  EXPECT_FALSE(same_street("2777 Pine Blvd Unit 107", "2777 Pine Blvd"));
  EXPECT_FALSE(same_street("2777 Pine Blvd 1070", "2777 Pine Blvd", "Unit 107"));
  EXPECT_FALSE(same_street("Unit 107", "2777 Pine Blvd", "Unit 107"));
}

TEST(AddressMatch, ADifferentNumberOrStreetNeverMatches) {
  EXPECT_FALSE(same_street("1205 Elm St", "1204 Elm St"));
  EXPECT_FALSE(same_street("1204 Elm Ave", "1204 Elm St"));
  EXPECT_FALSE(same_street("1204 Elm St Apt 2", "1204 Elm St"));
  // A street name alone (no house number) never matches.
  EXPECT_FALSE(same_street("Elm St", "Elm St"));
  EXPECT_FALSE(same_street("", "1204 Elm St"));
}

TEST(AddressMatch, ZipTakesFiveDigitsOrZipPlusFour) {
  EXPECT_EQ(zip5("97477"), "97477");
  EXPECT_EQ(zip5(" 97477-1234 "), "97477");
  EXPECT_FALSE(zip5("9747"));
  EXPECT_FALSE(zip5("97477-12"));
  EXPECT_FALSE(zip5("9747a"));
  EXPECT_EQ(zip5("974771234"), "97477") << "ZIP+4 typed without its dash";
  EXPECT_FALSE(zip5("9747712345"));
  EXPECT_FALSE(zip5("97477 1234"));
}

}  // namespace
}  // namespace rp::auth
