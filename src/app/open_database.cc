#include "app/open_database.h"

#include <iostream>

#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>

#include "store/migrations.h"

namespace rp::app {

Result<std::unique_ptr<store::Database>> open_migrated_database(const Config& config) {
  store::DatabaseOptions options;
  options.read_connections = static_cast<std::size_t>(config.database.read_connections);
  auto database = store::Database::open(config.database.url, options);
  if (!database.ok()) return database.error();
  auto applied = store::migrate(**database);
  if (!applied.ok()) {
    Error failed = applied.error();
    failed.message = "cannot migrate " + (*database)->display_url() + ": " + failed.message;
    return failed;
  }
  for (const std::string& id : *applied) {
    spdlog::info("applied migration {} to {}", id, (*database)->display_url());
  }
  return database;
}

void configure_logging(const Config& config) {
  // Logs go to stderr so that command output on stdout (generate's JSON report) stays clean.
  static bool installed = false;
  if (!installed) {
    spdlog::set_default_logger(spdlog::stderr_logger_mt("ratepayer"));
    installed = true;
  }
  spdlog::set_level(spdlog::level::from_str(log_level_name(config.log.level)));
}

int command_failed(const Error& error) {
  std::cerr << "ratepayer: " << (error.field.empty() ? "" : error.field + ": ") << error.message;
  if (!error.log_detail.empty()) std::cerr << " (" << error.log_detail << ")";
  std::cerr << "\n";
  return 1;
}

}  // namespace rp::app
