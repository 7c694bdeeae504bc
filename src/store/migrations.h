#pragma once
// Schema migrations: numbered .sql files per engine under src/store/sql/migrations/<engine>/,
// applied in order and recorded in schema_migrations. All pending migrations are applied in ONE
// transaction: either every one of them is applied and recorded, or (when any fails) the schema is
// left exactly as it was and the error names the migration that failed.

#include <string>
#include <vector>

#include "core/result.h"
#include "store/database.h"

namespace rp::store {

struct Migration {
  std::string id;   // "0001_accounts": orders the migrations and is what gets recorded
  std::string sql;  // one or more statements
};

// The migrations built into this binary for `engine`, in order.
std::vector<Migration> builtin_migrations(Engine engine);

// Applies the migrations of `migrations` not yet recorded; returns the ids it applied (empty when
// the schema was already current). Safe against a concurrent migrate from another process.
Result<std::vector<std::string>> migrate(Database& database,
                                         const std::vector<Migration>& migrations);

// Shorthand for migrate(database, builtin_migrations(database.engine())).
Result<std::vector<std::string>> migrate(Database& database);

}  // namespace rp::store
