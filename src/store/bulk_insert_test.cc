#include "store/bulk_insert.h"

#include <gtest/gtest.h>

#include "store/testing/test_database.h"

namespace rp::store {
namespace {

using testing::TestDatabase;

const BulkTable kPersons{"persons", {"id", "name", "email", "phone", "created_at"}};

std::vector<Params> people(int first, int count) {
  std::vector<Params> rows;
  for (int i = first; i < first + count; ++i) {
    rows.push_back({std::int64_t{i}, "Person \t" + std::to_string(i) + "\\ \"quoted\"", Null{},
                    std::string("+1541555") + std::to_string(1000 + i % 9000),
                    std::string("2026-11-23T00:00:00Z")});
  }
  return rows;
}

TEST(BulkInsert, LoadsManyRowsWithAwkwardTextAndNulls) {
  TestDatabase test;
  auto loaded = test->write<int>([](Session& session) -> Result<int> {
    RP_TRY(bulk_insert(session, kPersons, people(1, 5000)));
    RP_TRY(advance_id_sequence(session, "persons"));
    return 0;
  });
  ASSERT_TRUE(loaded.ok()) << loaded.error().message;

  auto check = test->read<Rows>([](Session& session) {
    return session.query(
        "SELECT COUNT(*), MAX(name), COUNT(email) FROM persons WHERE id = 4321 OR id > 0");
  });
  ASSERT_TRUE(check.ok());
  EXPECT_EQ(check->at(0).integer(0), 5000);
  EXPECT_EQ(check->at(0).integer(2), 0) << "NULLs must stay NULL";

  auto one = test->read<Rows>([](Session& session) {
    return session.query("SELECT name FROM persons WHERE id = :id", {std::int64_t{4321}});
  });
  ASSERT_TRUE(one.ok());
  EXPECT_EQ(one->at(0).text(0), "Person \t4321\\ \"quoted\"");

  // Ordinary inserts after an explicit-id load do not collide.
  auto next = test->write<Rows>([](Session& session) {
    return session.query(
        "INSERT INTO persons (name, created_at) VALUES ('Next', '2026-11-23T00:00:00Z') RETURNING "
        "id");
  });
  ASSERT_TRUE(next.ok()) << next.error().message;
  EXPECT_EQ(next->at(0).integer(0), 5001);
}

TEST(BulkInsert, AFailingLoadLeavesNothingBehind) {
  TestDatabase test;
  auto loaded = test->write<int>([](Session& session) -> Result<int> {
    RP_TRY(bulk_insert(session, kPersons, people(1, 100)));
    RP_TRY(bulk_insert(session, kPersons, people(50, 10)));  // duplicate ids
    return 0;
  });
  ASSERT_FALSE(loaded.ok());
  EXPECT_EQ(loaded.error().kind, ErrorKind::conflict) << loaded.error().message;
  auto count = test->read<Rows>(
      [](Session& session) { return session.query("SELECT COUNT(*) FROM persons"); });
  EXPECT_EQ(count->at(0).integer(0), 0);
}

TEST(BulkInsert, ARowWithTheWrongNumberOfValuesIsRefusedBeforeAnythingIsSent) {
  TestDatabase test;
  auto loaded = test->write<int>([](Session& session) -> Result<int> {
    std::vector<Params> rows = people(1, 3);
    rows[2].pop_back();
    RP_TRY(bulk_insert(session, kPersons, rows));
    return 0;
  });
  ASSERT_FALSE(loaded.ok());
  EXPECT_NE(loaded.error().message.find("row 2"), std::string::npos);
}

}  // namespace
}  // namespace rp::store

namespace rp::store {
namespace {

// Refreshing statistics analyses Ratepayer's own tables and nobody else's: on PostgreSQL a table
// of another schema in the same database is left alone (a database-wide ANALYZE deadlocked
// against another installation's migration).
TEST(RefreshStatistics, AnalysesOurTablesOnly) {
  testing::TestDatabase test;
  if (test.engine() == Engine::sqlite) {
    ASSERT_TRUE(test->write<int>([](Session& session) -> Result<int> {
                      RP_TRY(refresh_statistics(session));
                      return 0;
                    })
                    .ok());
    EXPECT_EQ(testing::count(test.database(),
                             "SELECT COUNT(*) FROM sqlite_master WHERE name = 'sqlite_stat1'"),
              1);
    return;
  }
  const std::string other = "rp_stats_other_" + std::to_string(::getpid());
  auto made = test->write<int>([&](Session& session) -> Result<int> {
    RP_TRY(session.execute_script("CREATE SCHEMA " + other + "; CREATE TABLE " + other +
                                  ".neighbour (id BIGINT); INSERT INTO " + other +
                                  ".neighbour VALUES (1)"));
    return 0;
  });
  ASSERT_TRUE(made.ok()) << made.error().message;
  auto refreshed = test->write<int>([](Session& session) -> Result<int> {
    RP_TRY(refresh_statistics(session));
    return 0;
  });
  EXPECT_TRUE(refreshed.ok()) << refreshed.error().message;
  EXPECT_EQ(testing::count(test.database(),
                           "SELECT COUNT(*) FROM pg_stat_user_tables WHERE schemaname = '" + other +
                               "' AND last_analyze IS NOT NULL"),
            0);
  EXPECT_GT(testing::count(test.database(),
                           "SELECT COUNT(*) FROM pg_stat_user_tables WHERE schemaname = "
                           "current_schema() AND last_analyze IS NOT NULL"),
            0);
  (void)test->write<int>([&](Session& session) -> Result<int> {
    RP_TRY(session.execute_script("DROP SCHEMA " + other + " CASCADE"));
    return 0;
  });
}

}  // namespace
}  // namespace rp::store
