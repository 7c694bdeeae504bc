#include "app/audit_command.h"

#include <chrono>
#include <fstream>
#include <iostream>

#include "app/audit_checkpointer.h"
#include "app/commands.h"
#include "app/open_database.h"
#include "audit/audit_trail.h"
#include "audit/checkpoints.h"

namespace rp::app {
namespace {

// The checkpoint lines of `file` (blank lines and lines starting with '#' skipped).
Result<std::vector<audit::Checkpoint>> checkpoints_in(const std::string& file) {
  std::ifstream in(file);
  if (!in) return invalid_input("checkpoints", "cannot read " + file);
  std::vector<audit::Checkpoint> out;
  std::string line;
  for (int number = 1; std::getline(in, line); ++number) {
    if (line.empty() || line.starts_with('#')) continue;
    auto checkpoint = audit::parse_checkpoint_line(line);
    if (!checkpoint.ok()) {
      return invalid_input("checkpoints", file + " line " + std::to_string(number) + ": " +
                                              checkpoint.error().message);
    }
    out.push_back(*checkpoint);
  }
  return out;
}

}  // namespace

int audit_verify_command(const Config& config, const AuditVerifyRequest& request) {
  configure_logging(config);
  auto database = open_migrated_database(config);
  if (!database.ok()) return command_failed(database.error());
  const auto started = std::chrono::steady_clock::now();
  auto report = audit::verify_audit_trail(**database);
  if (!report.ok()) return command_failed(report.error());
  if (!report->intact) {
    std::cerr << "the audit trail is NOT intact: " << report->problem << "\n";
    return 1;
  }
  auto checkpoints = audit::stored_checkpoints(**database);
  if (!checkpoints.ok()) return command_failed(checkpoints.error());
  const std::size_t stored = checkpoints->size();
  if (!request.checkpoints_file.empty()) {
    auto exported = checkpoints_in(request.checkpoints_file);
    if (!exported.ok()) return command_failed(exported.error());
    checkpoints->insert(checkpoints->end(), exported->begin(), exported->end());
  }
  std::optional<std::string> trusted;
  if (!request.public_key.empty()) trusted = request.public_key;
  auto held = audit::verify_checkpoints(**database, *checkpoints, trusted);
  if (!held.ok()) return command_failed(held.error());
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  if (!held->holds) {
    std::cerr << "the audit trail is NOT intact: " << held->problem << "\n";
    return 1;
  }
  std::cout << "the audit trail is intact: " << report->records << " records and " << held->checked
            << " checkpoints (" << stored << " stored, "
            << held->checked - static_cast<std::int64_t>(stored) << " from "
            << (request.checkpoints_file.empty() ? "no file" : request.checkpoints_file)
            << ") checked in " << seconds << " s\n";
  return 0;
}

int audit_checkpoint_command(const Config& config) {
  configure_logging(config);
  auto database = open_migrated_database(config);
  if (!database.ok()) return command_failed(database.error());
  auto key = audit::load_or_create_signing_key(config.audit.signing_key_file);
  if (!key.ok()) return command_failed(key.error());
  auto checkpoint = take_checkpoint(**database, config.audit, *key);
  if (!checkpoint.ok()) return command_failed(checkpoint.error());
  std::cout << audit::checkpoint_line(*checkpoint) << "\n";
  return 0;
}

int audit_prune_command(const Config& config) {
  configure_logging(config);
  auto database = open_migrated_database(config);
  if (!database.ok()) return command_failed(database.error());
  auto pruned = audit::prune_audit_trail(**database, retention_of(config.audit));
  if (!pruned.ok()) return command_failed(pruned.error());
  std::cout << "pruned " << pruned->access_records << " access records older than "
            << config.audit.keep_access_days << " days and " << pruned->other_records
            << " other records older than " << config.audit.keep_change_years << " years\n";
  return 0;
}

}  // namespace rp::app
