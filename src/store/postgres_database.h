#pragma once
// Internal to store/: the PostgreSQL engine (see database.h for the guarantees).

#include <memory>
#include <string>

#include "store/database.h"

namespace rp::store {

Result<std::unique_ptr<Database>> open_postgres_database(const std::string& url,
                                                         const DatabaseOptions& options);

// `url` with any password replaced by "***", for logs and error messages.
std::string redact_password(const std::string& url);

}  // namespace rp::store
