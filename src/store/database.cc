#include "store/database.h"

#include "store/postgres_database.h"
#include "store/sql_catalog.h"
#include "store/sqlite_database.h"

namespace rp::store {

const char* engine_name(Engine engine) {
  return engine == Engine::sqlite ? "sqlite" : "postgresql";
}

Result<std::unique_ptr<Database>> Database::open(std::string_view url, DatabaseOptions options) {
  std::string text(url);
  if (text.starts_with("sqlite:")) {
    std::string path = text.substr(7);
    if (path.starts_with("//")) path = path.substr(2);  // sqlite:///abs/path
    if (path.empty() || path == ":memory:") {
      return invalid_input("database_url",
                           "a SQLite database URL needs a file path, e.g. sqlite:var/ratepayer.db");
    }
    return open_sqlite_database(path, options);
  }
  if (text.starts_with("postgresql://") || text.starts_with("postgres://")) {
    return open_postgres_database(text, options);
  }
  return invalid_input("database_url", "unsupported database URL '" + redact_password(text) +
                                           "': use sqlite:PATH or postgresql://...");
}

Result<Rows> Session::query_named(std::string_view name, const Params& params) {
  auto sql = catalog_sql(name, engine());
  if (!sql.ok()) return sql.error();
  return query(*sql, params);
}

Result<std::int64_t> Session::execute_named(std::string_view name, const Params& params) {
  auto sql = catalog_sql(name, engine());
  if (!sql.ok()) return sql.error();
  return execute(*sql, params);
}

}  // namespace rp::store
