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
