#include "store/database.h"

#include <gtest/gtest.h>

#include "store/testing/test_database.h"

namespace rp::store {
namespace {

using testing::TestDatabase;

TEST(Database, AnUnknownUrlSchemeIsAClearError) {
  auto opened = Database::open("mysql://localhost/ratepayer");
  ASSERT_FALSE(opened.ok());
  EXPECT_EQ(opened.error().field, "database_url");
  EXPECT_NE(opened.error().message.find("sqlite:PATH or postgresql://"), std::string::npos);
}

TEST(Database, ADatabaseThatCannotBeOpenedSaysWhichAndWhy) {
  auto opened = Database::open("sqlite:/proc/ratepayer-cannot-exist/x.db");
  ASSERT_FALSE(opened.ok());
  EXPECT_EQ(opened.error().kind, ErrorKind::unavailable);
  EXPECT_NE(opened.error().message.find("sqlite:/proc/ratepayer-cannot-exist/x.db"),
            std::string::npos)
      << opened.error().message;

  auto refused = Database::open("postgresql://nobody:secret@127.0.0.1:1/none?connect_timeout=2");
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().message.find("secret"), std::string::npos) << "password leaked";
}

TEST(Database, TheLedgerIsAppendOnlyInTheDatabaseItself) {
  TestDatabase test;
  auto setup = test->write<int>([](Session& session) -> Result<int> {
    RP_TRY(testing::insert_bare_account(session));
    RP_TRY(session.execute(
        "INSERT INTO ledger_entries (id, account_id, kind, amount_cents, effective_on, posted_at) "
        "VALUES (1, 1, 'bill', 5000, '2026-01-01', 'x')"));
    return 0;
  });
  ASSERT_TRUE(setup.ok()) << setup.error().message;
  auto edited = test->write<std::int64_t>([](Session& session) {
    return session.execute("UPDATE ledger_entries SET amount_cents = 1 WHERE id = 1");
  });
  ASSERT_FALSE(edited.ok());
  EXPECT_NE(edited.error().message.find("append-only"), std::string::npos)
      << edited.error().message;
  auto deleted = test->write<std::int64_t>(
      [](Session& session) { return session.execute("DELETE FROM ledger_entries WHERE id = 1"); });
  ASSERT_FALSE(deleted.ok());
}

// SOCI reads a SQLite column declared INTEGER through a 32-bit int; columns that may hold more
// (money in cents, milli-units of a register) are declared BIGINT so they come back whole.
TEST(Database, LargeAmountsAndReadingsComeBackWhole) {
  TestDatabase test;
  const std::int64_t cents = 3'000'000'000'05;  // $3,000,000,000.05
  const std::int64_t milli = 9'999'900'000;     // 9,999,900 gallons
  auto setup = test->write<int>([&](Session& session) -> Result<int> {
    RP_TRY(testing::insert_bare_account(session));
    RP_TRY(session.execute(
        "INSERT INTO ledger_entries (id, account_id, kind, amount_cents, effective_on, posted_at) "
        "VALUES (1, 1, 'bill', :cents, '2026-01-01', 'x')",
        {cents}));
    RP_TRY(
        session.execute("INSERT INTO meters (id, serial, kind, created_at) "
                        "VALUES (1, 'W1', 'amr', 'x')"));
    RP_TRY(
        session.execute("INSERT INTO meter_channels (id, meter_id, name, unit) "
                        "VALUES (1, 1, 'gal', 'gal')"));
    RP_TRY(session.execute(
        "INSERT INTO register_reads (channel_id, taken_at, milli_units, source, status, "
        "created_at) VALUES (1, 'x', :milli, 'amr', 'accepted', 'x')",
        {milli}));
    return 0;
  });
  ASSERT_TRUE(setup.ok()) << setup.error().message;
  auto read = test->read<std::pair<std::int64_t, std::int64_t>>(
      [](Session& session) -> Result<std::pair<std::int64_t, std::int64_t>> {
        auto ledger = session.query("SELECT amount_cents FROM ledger_entries");
        if (!ledger.ok()) return ledger.error();
        auto reads = session.query("SELECT milli_units FROM register_reads");
        if (!reads.ok()) return reads.error();
        return std::make_pair(ledger->front().integer(0), reads->front().integer(0));
      });
  ASSERT_TRUE(read.ok()) << read.error().message;
  EXPECT_EQ(read->first, cents);
  EXPECT_EQ(read->second, milli);
}

// Rows are read by the names the query gives its columns, so a reordered SELECT cannot misread
// them: the same names read the same values whatever the order.
TEST(Database, RowsAreReadByTheNamesTheirQueryGivesTheColumns) {
  TestDatabase test;
  for (const char* sql : {"SELECT 7 AS amount_cents, 'due' AS status, NULL AS closed_on",
                          "SELECT NULL AS closed_on, 'due' AS Status, 7 AS amount_cents"}) {
    auto read = test->read<Row>([&](Session& session) -> Result<Row> {
      auto rows = session.query(sql);
      if (!rows.ok()) return rows.error();
      return rows->at(0);
    });
    ASSERT_TRUE(read.ok()) << read.error().message;
    EXPECT_EQ(read->integer("amount_cents"), 7) << sql;
    EXPECT_EQ(read->text("status"), "due") << sql;  // names compare ignoring ASCII case
    EXPECT_TRUE(read->is_null("closed_on")) << sql;
  }
}

TEST(DatabaseDeathTest, ReadingAColumnTheQueryDoesNotNameOrNamesTwiceIsADefect) {
  TestDatabase test;
  auto read = test->read<Row>([&](Session& session) -> Result<Row> {
    auto rows = session.query("SELECT 1 AS id, 2 AS id, 3 AS number");
    if (!rows.ok()) return rows.error();
    return rows->at(0);
  });
  ASSERT_TRUE(read.ok()) << read.error().message;
  EXPECT_EQ(read->integer("number"), 3);
  EXPECT_DEATH((void)read->integer("amount_cents"), "in its query's result");
  EXPECT_DEATH((void)read->integer("id"), "named once in its query");
}

}  // namespace
}  // namespace rp::store
