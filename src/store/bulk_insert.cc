#include "store/bulk_insert.h"

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
  return session.execute_script("ANALYZE");
}

}  // namespace rp::store
