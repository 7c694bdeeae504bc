#pragma once
// Internal to store/: the engine halves of bulk_insert. Each lives in its own file because the
// SQLite C header cannot share a translation unit with SOCI's sqlite3 backend header.

#include <vector>

#include "core/result.h"
#include "store/bulk_insert.h"

namespace rp::store {

// `connection` is a sqlite3*.
Result<void> sqlite_bulk_insert(void* connection, const BulkTable& table,
                                const std::vector<Params>& rows);
// `connection` is a PGconn*.
Result<void> postgres_copy(void* connection, const BulkTable& table,
                           const std::vector<Params>& rows);

}  // namespace rp::store
