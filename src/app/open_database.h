#pragma once
// Opening and migrating the configured database, shared by every command.

#include <memory>

#include "app/config.h"
#include "store/database.h"

namespace rp::app {

// Opens config.database and applies pending migrations. Errors carry one clear line.
Result<std::unique_ptr<store::Database>> open_migrated_database(const Config& config);

// Sets spdlog's level from the configuration.
void configure_logging(const Config& config);

// What a command does when it fails: prints the error as one line on standard error ("ratepayer:
// field: message (what the database said)") and returns the exit status, 1.
int command_failed(const Error& error);

}  // namespace rp::app
