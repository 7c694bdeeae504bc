#include "store/migrations.h"

#include <gtest/gtest.h>

#include "store/testing/test_database.h"

namespace rp::store {
namespace {

using testing::TestDatabase;

Result<std::vector<std::string>> table_names(Database& database) {
  return database.read<std::vector<std::string>>(
      [](Session& session) -> Result<std::vector<std::string>> {
        std::string sql = session.engine() == Engine::sqlite
                              ? "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"
                              : "SELECT table_name FROM information_schema.tables "
                                "WHERE table_schema = current_schema() ORDER BY table_name";
        auto rows = session.query(sql);
        if (!rows.ok()) return rows.error();
        std::vector<std::string> names;
        for (const Row& row : *rows) names.push_back(row.text(0));
        return names;
      });
}

TEST(Migrations, ApplyFromEmptyAndRecordEachOnce) {
  TestDatabase test(/*migrated=*/false);
  auto applied = migrate(test.database());
  ASSERT_TRUE(applied.ok()) << applied.error().message;
  EXPECT_EQ(applied->size(), builtin_migrations(test.engine()).size());
  EXPECT_EQ(applied->front(), "0001_foundation");

  auto tables = table_names(test.database());
  ASSERT_TRUE(tables.ok());
  for (const char* expected : {"accounts", "account_events", "ledger_entries", "meters", "premises",
                               "persons", "service_agreements", "schema_migrations"}) {
    EXPECT_NE(std::find(tables->begin(), tables->end(), expected), tables->end()) << expected;
  }

  auto again = migrate(test.database());
  ASSERT_TRUE(again.ok());
  EXPECT_TRUE(again->empty()) << "a current schema must not be migrated twice";
}

TEST(Migrations, AFailingMigrationLeavesTheSchemaAsItWas) {
  TestDatabase test(/*migrated=*/false);
  std::vector<Migration> migrations = {
      {"0001_first", "CREATE TABLE first_table (id INTEGER PRIMARY KEY)"},
      {"0002_broken",
       "CREATE TABLE second_table (id INTEGER PRIMARY KEY); "
       "CREATE TABLE first_table (id INTEGER PRIMARY KEY)"},
  };
  auto applied = migrate(test.database(), migrations);
  ASSERT_FALSE(applied.ok());
  EXPECT_NE(applied.error().message.find("migration 0002_broken failed"), std::string::npos)
      << applied.error().message;

  auto tables = table_names(test.database());
  ASSERT_TRUE(tables.ok());
  for (const std::string& name : *tables) {
    EXPECT_NE(name, "first_table");
    EXPECT_NE(name, "second_table");
  }

  migrations.pop_back();
  auto fixed = migrate(test.database(), migrations);
  ASSERT_TRUE(fixed.ok()) << fixed.error().message;
  EXPECT_EQ(*fixed, std::vector<std::string>{"0001_first"});
}

}  // namespace
}  // namespace rp::store
