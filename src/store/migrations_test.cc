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

// The later migrations rebuild tables on SQLite (wider integer columns, partitions on
// PostgreSQL): rows written under the earlier schema, reversals and interval days included,
// survive.
TEST(Migrations, RowsWrittenBeforeTheRebuildsSurviveThem) {
  TestDatabase test(/*migrated=*/false);
  std::vector<Migration> all = builtin_migrations(test.engine());
  std::vector<Migration> early(all.begin(), all.begin() + 3);  // through 0003_meter_data
  ASSERT_EQ(early.back().id, "0003_meter_data");
  ASSERT_TRUE(migrate(test.database(), early).ok());
  auto written = test->write<int>([](Session& session) -> Result<int> {
    RP_TRY(testing::insert_bare_account(session));
    RP_TRY(session.execute(
        "INSERT INTO ledger_entries (id, account_id, kind, amount_cents, effective_on, posted_at) "
        "VALUES (1, 1, 'bill', 5000, '2026-01-01', 'x')"));
    RP_TRY(session.execute(
        "INSERT INTO ledger_entries (id, account_id, kind, amount_cents, effective_on, posted_at, "
        "reverses_entry_id) VALUES (2, 1, 'reversal', -5000, '2026-01-02', 'x', 1)"));
    RP_TRY(
        session.execute("INSERT INTO meters (id, serial, kind, created_at) "
                        "VALUES (1, 'W1', 'amr', 'x')"));
    RP_TRY(
        session.execute("INSERT INTO meter_channels (id, meter_id, name, unit) "
                        "VALUES (1, 1, 'gal', 'gal')"));
    RP_TRY(session.execute(
        "INSERT INTO register_reads (id, channel_id, taken_at, milli_units, source, status, "
        "created_at) VALUES (7, 1, 'x', 1234, 'amr', 'accepted', 'x')"));
    RP_TRY(session.execute(
        "INSERT INTO interval_days (channel_id, utc_day, interval_minutes, vals, quality, "
        "version, updated_at) VALUES (1, 20759, 60, 'v', 'q', 1, 'x')"));
    return 0;
  });
  ASSERT_TRUE(written.ok()) << written.error().message;
  auto rest = migrate(test.database());
  ASSERT_TRUE(rest.ok()) << rest.error().message;
  EXPECT_EQ(rest->size(), all.size() - 3);
  auto counts = test->read<std::string>([](Session& session) -> Result<std::string> {
    auto rows = session.query(
        "SELECT (SELECT COUNT(*) FROM ledger_entries WHERE reverses_entry_id = 1), "
        "(SELECT balance_cents FROM account_overview WHERE id = 1), "
        "(SELECT milli_units FROM register_reads WHERE id = 7), "
        "(SELECT COUNT(*) FROM interval_days WHERE utc_day = 20759)");
    if (!rows.ok()) return rows.error();
    const Row& row = rows->front();
    return row.text(0) + "," + row.text(1) + "," + row.text(2) + "," + row.text(3);
  });
  ASSERT_TRUE(counts.ok()) << counts.error().message;
  EXPECT_EQ(*counts, "1,0,1234,1");
  auto edited = test->write<std::int64_t>(
      [](Session& session) { return session.execute("DELETE FROM ledger_entries WHERE id = 2"); });
  EXPECT_FALSE(edited.ok()) << "the ledger is still append-only";
}

}  // namespace
}  // namespace rp::store
