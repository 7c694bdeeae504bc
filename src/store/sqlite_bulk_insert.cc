#include <sqlite3.h>

#include "store/bulk_engines.h"

namespace rp::store {
namespace {

std::string insert_sql(const BulkTable& table) {
  std::string sql = "INSERT INTO " + table.name + " (";
  std::string values;
  for (std::size_t i = 0; i < table.columns.size(); ++i) {
    sql += (i ? ", " : "") + table.columns[i];
    values += (i ? ", ?" : "?");
  }
  return sql + ") VALUES (" + values + ")";
}

int bind(sqlite3_stmt* statement, int index, const Value& value) {
  if (const auto* number = std::get_if<std::int64_t>(&value)) {
    return sqlite3_bind_int64(statement, index, *number);
  }
  if (const auto* text = std::get_if<std::string>(&value)) {
    return sqlite3_bind_text(statement, index, text->data(), static_cast<int>(text->size()),
                             SQLITE_STATIC);
  }
  return sqlite3_bind_null(statement, index);
}

}  // namespace

Result<void> sqlite_bulk_insert(void* connection, const BulkTable& table,
                                const std::vector<Params>& rows) {
  auto* db = static_cast<sqlite3*>(connection);
  sqlite3_stmt* statement = nullptr;
  if (sqlite3_prepare_v2(db, insert_sql(table).c_str(), -1, &statement, nullptr) != SQLITE_OK) {
    return internal_error("bulk insert into " + table.name + ": " + sqlite3_errmsg(db));
  }
  for (std::size_t r = 0; r < rows.size(); ++r) {
    for (std::size_t c = 0; c < rows[r].size(); ++c)
      bind(statement, static_cast<int>(c + 1), rows[r][c]);
    int stepped = sqlite3_step(statement);
    if (stepped != SQLITE_DONE) {
      std::string message = sqlite3_errmsg(db);
      sqlite3_finalize(statement);
      Error failure = internal_error("bulk insert into " + table.name + " row " +
                                     std::to_string(r) + ": " + message);
      if ((stepped & 0xff) == SQLITE_CONSTRAINT) failure.kind = ErrorKind::conflict;
      return failure;
    }
    sqlite3_reset(statement);
    sqlite3_clear_bindings(statement);
  }
  sqlite3_finalize(statement);
  return success();
}

}  // namespace rp::store
