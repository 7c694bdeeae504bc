#include "accounts/account_history.h"

#include <gtest/gtest.h>

#include "accounts/account_events.h"
#include "accounts/account_notes.h"
#include "accounts/testing/account_fixtures.h"
#include "store/testing/test_database.h"

namespace rp::accounts {
namespace {

using store::testing::TestDatabase;

class AccountHistoryTest : public ::testing::Test {
 protected:
  void SetUp() override {
    for (int i = 1; i <= 5; ++i) {
      ASSERT_TRUE(add_note(test_.database(), account_, {"call", "Call " + std::to_string(i), false},
                           "staff:4")
                      .ok());
    }
  }

  HistoryPage history(const HistoryQuery& query) {
    auto page = account_history(test_.database(), account_, query);
    EXPECT_TRUE(page.ok()) << (page.ok() ? "" : page.error().message);
    return page.ok() ? *page : HistoryPage{};
  }

  TestDatabase test_;
  AccountNumber account_ = testing::open_sample_account(test_.database());
};

TEST_F(AccountHistoryTest, EveryEventNewestFirstWithWhoActedPagedWithoutRepeats) {
  // account.opened, two service starts, five notes.
  std::vector<std::string> kinds;
  std::int64_t before = 0;
  for (int pages = 0; pages < 10; ++pages) {
    HistoryPage page = history({.kind_group = "", .limit = 3, .before_id = before});
    for (const auto& entry : page.entries) kinds.push_back(entry.kind);
    if (!page.next_before_id) break;
    before = *page.next_before_id;
  }
  ASSERT_EQ(kinds.size(), 8u);
  EXPECT_EQ(kinds.front(), "note.added");
  EXPECT_EQ(kinds.back(), "account.opened");
  HistoryPage first = history({});
  EXPECT_EQ(first.entries.front().summary, "Call note: Call 5");
  EXPECT_EQ(first.entries.front().actor, "staff:4");
  EXPECT_FALSE(first.entries.front().occurred_at.empty());
}

TEST_F(AccountHistoryTest, FiltersByKindAndListsTheKindsThereAre) {
  HistoryPage notes = history({.kind_group = "note", .limit = 50, .before_id = 0});
  EXPECT_EQ(notes.entries.size(), 5u);
  HistoryPage opened = history({.kind_group = "account", .limit = 50, .before_id = 0});
  ASSERT_EQ(opened.entries.size(), 1u);
  EXPECT_EQ(opened.entries[0].kind, "account.opened");
  EXPECT_EQ(notes.kind_groups, (std::vector<std::string>{"account", "note", "service"}));
  // "not" is no group of its own: it does not match "note.added".
  EXPECT_TRUE(history({.kind_group = "not", .limit = 50, .before_id = 0}).entries.empty());
}

TEST_F(AccountHistoryTest, AnEventRecordedWithoutDetailsReadsAsTheEmptyObject) {
  auto id = test_->write<std::int64_t>([&](store::Session& session) -> Result<std::int64_t> {
    auto rows = session.query_named("accounts/find_account_by_number", {account_.digits()});
    RP_TRY(rows);
    return record_event(session, {rows->at(0).integer("id"), "meter.exchanged", "staff:4",
                                  "Water meter exchanged", ""});
  });
  ASSERT_TRUE(id.ok()) << id.error().message;
  HistoryPage page = history({});
  ASSERT_FALSE(page.entries.empty());
  EXPECT_EQ(page.entries.front().kind, "meter.exchanged");
  EXPECT_EQ(page.entries.front().details_json, "{}");
  EXPECT_EQ(store::testing::count(test_.database(),
                                  "SELECT COUNT(*) FROM account_events WHERE details = ''"),
            0);
}

TEST_F(AccountHistoryTest, BadQueriesNameTheField) {
  for (auto [query, field] : {std::pair{HistoryQuery{"bill%", 50, 0}, "kind"},
                              {HistoryQuery{"", 0, 0}, "limit"},
                              {HistoryQuery{"", 201, 0}, "limit"},
                              {HistoryQuery{"", 50, -1}, "cursor"}}) {
    auto page = account_history(test_.database(), account_, query);
    ASSERT_FALSE(page.ok());
    EXPECT_EQ(page.error().field, field);
  }
}

}  // namespace
}  // namespace rp::accounts
