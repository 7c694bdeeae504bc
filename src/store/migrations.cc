#include "store/migrations.h"

#include <set>

#include "core/time.h"
#include "store/sql_catalog.h"

namespace rp::store {
namespace {

constexpr const char* kCreateLedgerOfMigrations =
    "CREATE TABLE IF NOT EXISTS schema_migrations ("
    " id TEXT PRIMARY KEY,"
    " applied_at TEXT NOT NULL)";

Result<std::set<std::string>> applied_ids(Session& session) {
  auto rows = session.query("SELECT id FROM schema_migrations");
  if (!rows.ok()) return rows.error();
  std::set<std::string> ids;
  for (const Row& row : *rows) ids.insert(row.text("id"));
  return ids;
}

Result<std::vector<std::string>> apply_pending(Session& session,
                                               const std::vector<Migration>& migrations) {
  if (session.engine() == Engine::postgresql) {
    // Serialises concurrent `migrate` runs from several processes until this transaction ends.
    if (auto locked = session.execute_script("SELECT pg_advisory_xact_lock(7261731)");
        !locked.ok()) {
      return locked.error();
    }
  }
  if (auto created = session.execute(kCreateLedgerOfMigrations); !created.ok()) {
    return created.error();
  }
  auto done = applied_ids(session);
  if (!done.ok()) return done.error();
  std::vector<std::string> applied;
  for (const Migration& migration : migrations) {
    if (done->contains(migration.id)) continue;
    if (auto ran = session.execute_script(migration.sql); !ran.ok()) {
      Error failed = ran.error();
      failed.message = "migration " + migration.id + " failed: " + failed.message;
      if (!failed.log_detail.empty()) failed.message += " (" + failed.log_detail + ")";
      return failed;
    }
    auto recorded =
        session.execute("INSERT INTO schema_migrations (id, applied_at) VALUES (:id, :at)",
                        {migration.id, format_instant(now())});
    if (!recorded.ok()) return recorded.error();
    applied.push_back(migration.id);
  }
  return applied;
}

}  // namespace

std::vector<Migration> builtin_migrations(Engine engine) {
  std::string prefix = std::string("store/migrations/") + engine_name(engine) + "/";
  std::vector<Migration> migrations;
  for (const std::string& name : catalog_names_with_prefix(prefix)) {
    migrations.push_back({name.substr(prefix.size()), embedded_sql().find(name)->second});
  }
  return migrations;
}

Result<std::vector<std::string>> migrate(Database& database,
                                         const std::vector<Migration>& migrations) {
  return database.write<std::vector<std::string>>(
      [&](Session& session) { return apply_pending(session, migrations); });
}

Result<std::vector<std::string>> migrate(Database& database) {
  return migrate(database, builtin_migrations(database.engine()));
}

}  // namespace rp::store
