#include "store/bulk_insert.h"

#include <algorithm>

#include "store/bulk_engines.h"

namespace rp::store {

Result<void> bulk_insert(Session& session, const BulkTable& table,
                         const std::vector<Params>& rows) {
  for (std::size_t i = 0; i < rows.size(); ++i) {
    if (rows[i].size() != table.columns.size()) {
      return invalid_input("rows", "bulk insert into " + table.name + ": row " + std::to_string(i) +
                                       " has " + std::to_string(rows[i].size()) +
                                       " values, expected " + std::to_string(table.columns.size()));
    }
  }
  if (rows.empty()) return success();
  if (session.engine() == Engine::sqlite) {
    return sqlite_bulk_insert(session.native_handle(), table, rows);
  }
  return postgres_copy(session.native_handle(), table, rows);
}

Result<std::vector<std::int64_t>> reserve_ids(Session& session, std::string_view table,
                                              std::size_t count) {
  std::vector<std::int64_t> ids;
  if (count == 0) return ids;
  ids.reserve(count);
  const std::string name(table);
  if (session.engine() == Engine::sqlite) {
    auto rows = session.query("SELECT COALESCE(MAX(id), 0) AS largest_id FROM " + name);
    if (!rows.ok()) return rows.error();
    const std::int64_t largest = rows->at(0).integer("largest_id");
    for (std::size_t i = 1; i <= count; ++i) ids.push_back(largest + static_cast<std::int64_t>(i));
    return ids;
  }
  auto rows = session.query("SELECT nextval(pg_get_serial_sequence('" + name +
                                "', 'id')) AS id FROM generate_series(1, :count)",
                            {static_cast<std::int64_t>(count)});
  if (!rows.ok()) return rows.error();
  for (const Row& row : *rows) ids.push_back(row.integer("id"));
  std::sort(ids.begin(), ids.end());
  return ids;
}

Result<void> advance_id_sequence(Session& session, std::string_view table) {
  if (session.engine() == Engine::sqlite) return success();
  std::string name(table);
  auto moved =
      session.query("SELECT setval(pg_get_serial_sequence('" + name +
                    "', 'id'), GREATEST(1, (SELECT COALESCE(MAX(id), 0) FROM " + name + ")))");
  if (!moved.ok()) return moved.error();
  return success();
}

Result<void> refresh_statistics(Session& session) {
  if (session.engine() == Engine::sqlite) return session.execute_script("ANALYZE");
  // PostgreSQL: only Ratepayer's own tables (those of the schema it works in). A bare ANALYZE
  // takes every table of the database, other schemas' too, and deadlocked against another
  // installation's (a test's) migration creating triggers there.
  return session.execute_script(
      "DO $$ DECLARE t RECORD; BEGIN "
      "FOR t IN SELECT tablename FROM pg_tables WHERE schemaname = current_schema() LOOP "
      "EXECUTE format('ANALYZE %I', t.tablename); END LOOP; END $$");
}

}  // namespace rp::store
