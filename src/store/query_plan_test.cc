// SQLite's planner, with no statistics, takes the first usable index: a query for one account's
// bills of one status could take bills_by_status and read every such bill of the utility. Every
// embedded query that reads bills for one account must be served by an index on the account.

#include <gtest/gtest.h>

#include <filesystem>
#include <regex>
#include <string>

#include "store/database.h"
#include "store/migrations.h"
#include "store/sql_catalog.h"

namespace rp::store {
namespace {

// SQLite's plan for `text` (a named query; every :parameter becomes NULL), one step a line.
Result<std::string> plan_of(Database& database, const std::string& text) {
  const std::string sql = std::regex_replace(text, std::regex(R"(:[a-z_]+)"), "NULL");
  return database.read<std::string>([&](Session& session) -> Result<std::string> {
    auto rows = session.query("EXPLAIN QUERY PLAN " + sql, {});
    RP_TRY(rows);
    std::string lines;
    for (const Row& row : *rows) lines += row.text(3) + "\n";
    return lines;
  });
}

TEST(QueryPlans, EveryQueryForOneAccountsBillsUsesAnIndexOnTheAccount) {
  const std::filesystem::path folder =
      std::filesystem::temp_directory_path() / ("ratepayer-plans-" + std::to_string(::getpid()));
  std::filesystem::remove_all(folder);
  auto database = Database::open("sqlite:" + (folder / "plans.db").string());
  ASSERT_TRUE(database.ok()) << database.error().message;
  ASSERT_TRUE(migrate(**database).ok());
  const std::regex one_accounts_bills(R"(FROM bills( [a-z]+)?\s[\s\S]*\.?account_id = :account)");
  int checked = 0;
  for (const auto& [name, text] : embedded_sql()) {
    if (name.starts_with("migrations/") || name.ends_with(".postgresql")) continue;
    if (!std::regex_search(text, one_accounts_bills)) continue;
    auto plan = plan_of(**database, text);
    ASSERT_TRUE(plan.ok()) << name << ": " << plan.error().message;
    EXPECT_EQ(plan->find("bills_by_status"), std::string::npos) << name << " plans:\n" << *plan;
    ++checked;
  }
  EXPECT_GE(checked, 3) << "the queries of one account's sent bills";
  database->reset();
  std::filesystem::remove_all(folder);
}

// The outboxes keep every message sent (without its body): taking the next due ones must go
// through the index of unsent messages, not read the sent ones first (a 100,000-email month
// made each batch read the whole outbox: 355 emails a second).
TEST(QueryPlans, TheOutboxesTakeDueMessagesThroughTheirUnsentIndex) {
  const std::filesystem::path folder = std::filesystem::temp_directory_path() /
                                       ("ratepayer-outbox-plans-" + std::to_string(::getpid()));
  std::filesystem::remove_all(folder);
  auto database = Database::open("sqlite:" + (folder / "plans.db").string());
  ASSERT_TRUE(database.ok()) << database.error().message;
  ASSERT_TRUE(migrate(**database).ok());
  const std::vector<std::pair<std::string, std::string>> due{
      {"notify/due_emails", "email_outbox_unsent"}, {"notify/due_texts", "text_outbox_unsent"}};
  for (const auto& [name, index] : due) {
    auto plan = plan_of(**database, embedded_sql().at(name));
    ASSERT_TRUE(plan.ok()) << name << ": " << plan.error().message;
    EXPECT_NE(plan->find("USING INDEX " + index), std::string::npos) << name << " plans:\n"
                                                                     << *plan;
    EXPECT_EQ(plan->find("TEMP B-TREE"), std::string::npos) << name << " plans:\n" << *plan;
  }
  database->reset();
  std::filesystem::remove_all(folder);
}

}  // namespace
}  // namespace rp::store
