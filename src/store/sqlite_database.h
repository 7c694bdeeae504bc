#pragma once
// Internal to store/: the SQLite engine (see database.h for the guarantees).

#include <memory>
#include <string>

#include "store/database.h"

namespace rp::store {

Result<std::unique_ptr<Database>> open_sqlite_database(const std::string& path,
                                                       const DatabaseOptions& options);

}  // namespace rp::store
