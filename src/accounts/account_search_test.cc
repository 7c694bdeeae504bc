#include <gtest/gtest.h>

#include "accounts/account_service.h"
#include "accounts/testing/account_fixtures.h"
#include "store/testing/test_database.h"

namespace rp::accounts {
namespace {

using store::testing::TestDatabase;

class AccountSearchTest : public ::testing::Test {
 protected:
  void SetUp() override {
    maria_ = testing::open_sample_account(test_.database(), {});
    ana_ = testing::open_sample_account(
        test_.database(), {"Ana Torres", "77 Willow Way", "97401", "E2000001", false});
    testing::open_sample_account(test_.database(),
                                 {"Sam 100% Smith", "5 Birch Rd", "97402", "E3000001", false});
  }

  std::vector<std::string> numbers_for(const std::string& text, std::size_t limit = 20) {
    auto page = search_accounts(test_.database(), {text, limit, 0});
    EXPECT_TRUE(page.ok()) << (page.ok() ? "" : page.error().message);
    std::vector<std::string> numbers;
    if (page.ok()) {
      for (const auto& hit : page->hits) numbers.push_back(hit.account_number);
    }
    return numbers;
  }

  TestDatabase test_;
  AccountNumber maria_ = AccountNumber::from_sequence(1);
  AccountNumber ana_ = AccountNumber::from_sequence(1);
};

TEST_F(AccountSearchTest, FindsByAccountNumberAsTypedWithDashes) {
  EXPECT_EQ(numbers_for(ana_.formatted()), std::vector<std::string>{ana_.digits()});
}

TEST_F(AccountSearchTest, FindsByZip) {
  EXPECT_EQ(numbers_for("97401"), std::vector<std::string>{ana_.digits()});
}

TEST_F(AccountSearchTest, FindsByPartOfNameOrServiceAddressIgnoringCase) {
  EXPECT_EQ(numbers_for("LOPEZ"), std::vector<std::string>{maria_.digits()});
  EXPECT_EQ(numbers_for("willow"), std::vector<std::string>{ana_.digits()});
}

TEST_F(AccountSearchTest, WildcardsTypedByStaffMatchThemselves) {
  EXPECT_EQ(numbers_for("100%").size(), 1u);
  EXPECT_TRUE(numbers_for("_a").empty());
}

TEST_F(AccountSearchTest, PagesWithACursor) {
  // "lo" is in a name (Maria Lopez) and a service address (77 Willow Way).
  auto page = search_accounts(test_.database(), {"lo", 1, 0});
  ASSERT_TRUE(page.ok());
  ASSERT_EQ(page->hits.size(), 1u);
  ASSERT_TRUE(page->next_after_id.has_value());
  auto next = search_accounts(test_.database(), {"lo", 1, *page->next_after_id});
  ASSERT_TRUE(next.ok());
  ASSERT_EQ(next->hits.size(), 1u);
  EXPECT_NE(next->hits[0].account_number, page->hits[0].account_number);
}

TEST_F(AccountSearchTest, TooShortTextIsAClearError) {
  auto page = search_accounts(test_.database(), {"a", 20, 0});
  ASSERT_FALSE(page.ok());
  EXPECT_EQ(page.error().field, "q");
}

}  // namespace
}  // namespace rp::accounts
