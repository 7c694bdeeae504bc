#include <gtest/gtest.h>

#include "accounts/account_preferences.h"
#include "accounts/account_service.h"
#include "accounts/search_index.h"
#include "accounts/testing/account_fixtures.h"
#include "store/testing/test_database.h"

namespace rp::accounts {
namespace {

using store::testing::TestDatabase;
using Numbers = std::vector<std::string>;

class AccountSearchTest : public ::testing::Test {
 protected:
  void SetUp() override {
    maria_ = testing::open_sample_account(test_.database(), {});
    ana_ = testing::open_sample_account(
        test_.database(), {"Ana Torres", "77 Willow Way", "97401", "E2000001", false});
    sam_ = testing::open_sample_account(
        test_.database(), {"Sam 100% Smith", "5 Birch Rd", "97402", "E3000001", false});
    susana_ = testing::open_sample_account(
        test_.database(), {"Susana Gómez Peña", "9 Oak Ave", "97405", "E4000001", false, "Apt 4B"});
    auto changed = change_preferences(test_.database(), susana_,
                                      {.paperless = std::nullopt,
                                       .email = "SGP.1987@Example.org",
                                       .phone = "(541) 555-0199",
                                       .actor = "staff:test"});
    ASSERT_TRUE(changed.ok()) << changed.error().message;
  }

  AccountSearchPage search(const std::string& text, std::size_t limit = 20,
                           std::int64_t after = 0) {
    auto page = search_accounts(test_.database(), {text, limit, after});
    EXPECT_TRUE(page.ok()) << text << ": " << (page.ok() ? "" : page.error().message);
    return page.ok() ? *page : AccountSearchPage{};
  }

  Numbers numbers_for(const std::string& text) {
    Numbers numbers;
    for (const auto& hit : search(text).hits) numbers.push_back(hit.account_number);
    return numbers;
  }

  std::string matched_on(const std::string& text) {
    auto page = search(text);
    return page.hits.empty() ? "(nothing)" : page.hits.front().matched_on;
  }

  TestDatabase test_;
  AccountNumber maria_ = AccountNumber::from_sequence(1);
  AccountNumber ana_ = AccountNumber::from_sequence(1);
  AccountNumber sam_ = AccountNumber::from_sequence(1);
  AccountNumber susana_ = AccountNumber::from_sequence(1);
};

TEST_F(AccountSearchTest, FindsByAccountNumberWithOrWithoutDashes) {
  EXPECT_EQ(numbers_for(ana_.formatted()), Numbers{ana_.digits()});
  EXPECT_EQ(numbers_for(ana_.digits()), Numbers{ana_.digits()});
  EXPECT_EQ(matched_on(ana_.formatted()), "account_number");
}

TEST_F(AccountSearchTest, FindsByZip) {
  EXPECT_EQ(numbers_for("97401"), Numbers{ana_.digits()});
}

TEST_F(AccountSearchTest, FindsByTheStartOfAWordOfTheNameOrServiceAddressIgnoringCase) {
  EXPECT_EQ(numbers_for("LOPEZ"), Numbers{maria_.digits()});
  EXPECT_EQ(numbers_for("lop"), Numbers{maria_.digits()});
  EXPECT_EQ(numbers_for("willow"), Numbers{ana_.digits()});
  EXPECT_EQ(matched_on("willow"), "name_or_address");
}

TEST_F(AccountSearchTest, NamesMatchWithoutAccentsAndInAnyOrder) {
  EXPECT_EQ(numbers_for("gomez"), Numbers{susana_.digits()});
  EXPECT_EQ(numbers_for("GÓMEZ"), Numbers{susana_.digits()});
  EXPECT_EQ(numbers_for("Pena Susana"), Numbers{susana_.digits()});
  EXPECT_EQ(numbers_for("Smith Sam"), Numbers{sam_.digits()});
  EXPECT_TRUE(numbers_for("smith susana").empty());  // every word must match the same account
}

TEST_F(AccountSearchTest, FindsByUnitAndCity) {
  EXPECT_EQ(numbers_for("apt 4b oak"), Numbers{susana_.digits()});
  EXPECT_EQ(numbers_for("Springfield").size(), 4u);
}

TEST_F(AccountSearchTest, FindsByPhoneInAnyFormAndOnlyTheNumberOnFile) {
  for (const char* typed : {"(541) 555-0199", "541.555.0199", "+1 541 555 0199", "5415550199"}) {
    EXPECT_EQ(numbers_for(typed), Numbers{susana_.digits()}) << typed;
    EXPECT_EQ(matched_on(typed), "phone") << typed;
  }
  // Her earlier number is no longer hers; the others still have it.
  EXPECT_EQ(numbers_for("541-555-0100"), (Numbers{maria_.digits(), ana_.digits(), sam_.digits()}));
}

TEST_F(AccountSearchTest, FindsByEmailOrItsStartInAnyCase) {
  EXPECT_EQ(numbers_for("sgp.1987@example.org"), Numbers{susana_.digits()});
  EXPECT_EQ(numbers_for("SGP.1987@"), Numbers{susana_.digits()});
  EXPECT_EQ(numbers_for("sgp.1987"), Numbers{susana_.digits()});  // without its '@'
  EXPECT_EQ(numbers_for("maria@"), Numbers{maria_.digits()});
  EXPECT_EQ(matched_on("sgp.1987@example.org"), "email");
}

TEST_F(AccountSearchTest, FindsByMeterSerialInAnyCase) {
  EXPECT_EQ(numbers_for("e2000001"), Numbers{ana_.digits()});
  EXPECT_EQ(numbers_for("WE1000017"), Numbers{maria_.digits()});
  EXPECT_EQ(matched_on("E3000001"), "meter_serial");
}

TEST_F(AccountSearchTest, TypedPunctuationIsNeverAWildcard) {
  EXPECT_EQ(numbers_for("100%"), Numbers{sam_.digits()});
  EXPECT_TRUE(numbers_for("%ez").empty());
  EXPECT_TRUE(numbers_for("_orres").empty());
}

TEST_F(AccountSearchTest, PagesWithACursorWithoutRepeatsOrGaps) {
  Numbers seen;
  std::int64_t after = 0;
  for (int pages = 0; pages < 10; ++pages) {
    AccountSearchPage page = search("springfield", 1, after);
    for (const auto& hit : page.hits) seen.push_back(hit.account_number);
    if (!page.next_after_id) break;
    after = *page.next_after_id;
  }
  EXPECT_EQ(seen, (Numbers{maria_.digits(), ana_.digits(), sam_.digits(), susana_.digits()}));
}

TEST_F(AccountSearchTest, UnclearTextIsAClearErrorNamingTheField) {
  for (const char* typed : {"a", "  ", "--", "a b c d e f g h i"}) {
    auto page = search_accounts(test_.database(), {typed, 20, 0});
    ASSERT_FALSE(page.ok()) << typed;
    EXPECT_EQ(page.error().field, "q") << typed;
  }
  auto page = search_accounts(test_.database(), {"smith", 101, 0});
  ASSERT_FALSE(page.ok());
  EXPECT_EQ(page.error().field, "limit");
}

TEST_F(AccountSearchTest, AccountsWrittenWithoutWordsAreIndexedOnce) {
  auto removed = test_->write<std::int64_t>(
      [&](store::Session& session) { return session.execute("DELETE FROM account_search_words"); });
  ASSERT_TRUE(removed.ok());
  EXPECT_TRUE(numbers_for("gomez").empty());
  auto indexed = index_unindexed_accounts(test_.database());
  ASSERT_TRUE(indexed.ok()) << indexed.error().message;
  EXPECT_EQ(*indexed, 4u);
  EXPECT_EQ(numbers_for("gomez"), Numbers{susana_.digits()});
  auto again = index_unindexed_accounts(test_.database());
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(*again, 0u);
}

}  // namespace
}  // namespace rp::accounts
