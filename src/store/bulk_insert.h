#pragma once
// The bulk-write seam for large loads (synthetic utilities, migrations from a legacy CIS, meter
// data files). Call inside Database::write: the rows join that transaction, so a failed load
// leaves nothing behind.
//
// SQLite: one prepared INSERT, re-bound per row (no SQL parsing per row).
// PostgreSQL: COPY ... FROM STDIN in text format through libpq (one round trip per ~64 KiB).

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "store/session.h"

namespace rp::store {

struct BulkTable {
  std::string name;
  std::vector<std::string> columns;
};

// Inserts every row of `rows` (each with exactly table.columns.size() values) into `table`.
// Errors: invalid_input naming the row index for a wrong column count (nothing is sent); the
// engine's error otherwise (the caller's transaction must then be rolled back, which write() does).
Result<void> bulk_insert(Session& session, const BulkTable& table, const std::vector<Params>& rows);

// Reserves `count` new ids of `table` (whose key is `id`) for rows the caller inserts with explicit
// ids in this transaction, so related rows (a bill, its sections, their lines) can refer to each
// other in one bulk load. SQLite: the ids after the largest in the table (the single writer makes
// them the caller's). PostgreSQL: taken from the table's identity sequence, so concurrent
// ordinary inserts never collide with them. Ascending; not necessarily consecutive on PostgreSQL.
Result<std::vector<std::int64_t>> reserve_ids(Session& session, std::string_view table,
                                              std::size_t count);

// After inserting explicit ids on PostgreSQL, moves the table's identity sequence past the
// largest id so later ordinary inserts do not collide. A no-op on SQLite.
Result<void> advance_id_sequence(Session& session, std::string_view table);

// After a large load, refreshes the planner's statistics (ANALYZE) so that queries on the new
// rows get index plans at once instead of after the next autovacuum. Run it in its own write.
// On PostgreSQL only the tables of the current schema are analysed, never another schema's.
Result<void> refresh_statistics(Session& session);

}  // namespace rp::store
