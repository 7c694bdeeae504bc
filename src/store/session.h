#pragma once
// A Session is one database connection lent to one caller for the duration of a read or a write
// (see Database). It is not thread-safe and must not be kept after the callback returns.
//
// Schema rule for SQLite: SOCI reads a column declared INTEGER through a 32-bit int, so declare
// every integer column that may exceed 2^31 (cents, milli-units, counters) BIGINT (same affinity,
// read as 64-bit; store/database_test.cc checks it). Ids stay INTEGER PRIMARY KEY (the rowid):
// they too are read through 32 bits, which no utility we serve comes near.
//
// SQL comes from the catalog (sql/queries/*.sql, see sql_catalog.h) by name; placeholders are
// written `:name` and bound by position from Params on both engines.

#include <cstdint>
#include <string_view>

#include "core/result.h"
#include "store/value.h"

namespace rp::store {

enum class Engine { sqlite, postgresql };
const char* engine_name(Engine engine);

class Session {
 public:
  virtual ~Session() = default;

  virtual Engine engine() const = 0;

  // Runs a statement that returns rows (SELECT, or INSERT/UPDATE ... RETURNING).
  // Errors: conflict for a unique/foreign-key/check violation, unavailable when the connection
  // is lost, internal otherwise; the message names the engine's complaint.
  virtual Result<Rows> query(std::string_view sql, const Params& params = {}) = 0;

  // Runs a statement that returns no rows; yields the number of rows it changed.
  virtual Result<std::int64_t> execute(std::string_view sql, const Params& params = {}) = 0;

  // Runs several semicolon-separated statements with no parameters (migrations).
  virtual Result<void> execute_script(std::string_view sql) = 0;

  // Runs the named catalog query for this session's engine.
  Result<Rows> query_named(std::string_view name, const Params& params = {});
  Result<std::int64_t> execute_named(std::string_view name, const Params& params = {});

  // The native connection handle for the bulk-write seam (sqlite3* or PGconn*), or nullptr.
  virtual void* native_handle() = 0;
};

}  // namespace rp::store
