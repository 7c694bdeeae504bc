#pragma once
// Test support: a fresh database on the engine under test. Tests that touch the database are
// registered twice by rp_database_test (cmake/RatepayerTargets.cmake): RATEPAYER_TEST_ENGINE is
// "sqlite" (a new file in a new temporary folder) or "postgresql" (a new schema in the server named
// by RATEPAYER_TEST_POSTGRES_URL, which `make test` starts; dropped again afterwards).

#include <memory>
#include <string>

#include "store/database.h"

namespace rp::store::testing {

class TestDatabase {
 public:
  // Creates the database and, when `migrated`, applies the built-in migrations. A missing
  // PostgreSQL server fails the test with instructions (it is never skipped silently).
  explicit TestDatabase(bool migrated = true);
  ~TestDatabase();
  TestDatabase(const TestDatabase&) = delete;
  TestDatabase& operator=(const TestDatabase&) = delete;

  Database& database() { return *database_; }
  Database* operator->() { return database_.get(); }
  const std::string& url() const { return url_; }
  Engine engine() const { return engine_; }
  // Opens another Database on the same data (a second process, a restart).
  std::unique_ptr<Database> reopen() const;
  // Closes the database (as at shutdown).
  void close() { database_.reset(); }

 private:
  Engine engine_;
  std::string url_;
  std::string cleanup_;  // folder (SQLite) or schema (PostgreSQL) to remove afterwards
  std::unique_ptr<Database> database_;
};

// The engine this test process runs against.
Engine engine_under_test();

// The rows of `sql`; a test failure (and no rows) when it fails.
Rows query(Database& database, const std::string& sql);
// The integer in the first column of the first row of `sql` (a COUNT(*), a SUM); a test failure
// and -1 when the query fails or returns no row.
std::int64_t count(Database& database, const std::string& sql);

// Inserts the least an account needs, by hand: person 1 and account 1 (number 100000017). For
// schema tests that write rows directly; service tests open accounts through the services.
Result<void> insert_bare_account(Session& session);

}  // namespace rp::store::testing
