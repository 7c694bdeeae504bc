#include "app/audit_command.h"

#include <chrono>
#include <iostream>

#include "app/commands.h"
#include "app/open_database.h"
#include "audit/audit_trail.h"

namespace rp::app {

int audit_verify_command(const Config& config) {
  configure_logging(config);
  auto database = open_migrated_database(config);
  if (!database.ok()) return command_failed(database.error());
  const auto started = std::chrono::steady_clock::now();
  auto report = audit::verify_audit_trail(**database);
  if (!report.ok()) return command_failed(report.error());
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  if (!report->intact) {
    std::cerr << "the audit trail is NOT intact: " << report->problem << "\n";
    return 1;
  }
  std::cout << "the audit trail is intact: " << report->records << " records checked in " << seconds
            << " s\n";
  return 0;
}

}  // namespace rp::app
