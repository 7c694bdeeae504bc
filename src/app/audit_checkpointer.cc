#include "app/audit_checkpointer.h"

#include <spdlog/spdlog.h>

#include <fstream>

#include "notify/email.h"

namespace rp::app {

Result<audit::Checkpoint> take_checkpoint(store::Database& database, const AuditConfig& config,
                                          const audit::SigningKey& key) {
  auto checkpoint = audit::write_checkpoint(database, key);
  RP_TRY(checkpoint);
  const std::string line = audit::checkpoint_line(*checkpoint);
  if (!config.auditor_email.empty()) {
    auto queued = database.write<std::int64_t>([&](store::Session& session) {
      return notify::queue_email(
          session,
          {config.auditor_email, "Audit trail checkpoint " + checkpoint->at,
           "A signed checkpoint of the audit trail, taken " + checkpoint->at + ":\n\n" + line +
               "\n\nKeep this email. To prove the trail still holds every record up to record " +
               std::to_string(checkpoint->last_record) +
               " as it was, save the line above to a file and run\n"
               "  ratepayer audit verify --checkpoints FILE --public-key " +
               checkpoint->public_key + "\n"});
    });
    RP_TRY(queued);
  }
  if (!config.checkpoint_file.empty()) {
    std::ofstream out(config.checkpoint_file, std::ios::app);
    out << line << "\n";
    out.flush();
    if (!out) {
      return unavailable("the checkpoint was stored but could not be appended to " +
                         config.checkpoint_file);
    }
  }
  return checkpoint;
}

CheckpointSchedule::CheckpointSchedule(store::Database& database, AuditConfig config,
                                       audit::SigningKey key)
    : database_(database), config_(std::move(config)), key_(std::move(key)) {
  if (config_.checkpoint_minutes > 0) thread_ = std::thread([this] { loop(); });
}

CheckpointSchedule::~CheckpointSchedule() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  if (thread_.joinable()) thread_.join();
}

audit::Retention retention_of(const AuditConfig& config) {
  return {config.keep_access_days, config.keep_change_years};
}

void CheckpointSchedule::loop() {
  const std::chrono::minutes every(config_.checkpoint_minutes);
  std::unique_lock lock(mutex_);
  while (!wake_.wait_for(lock, every, [this] { return stopping_; })) {
    lock.unlock();
    auto pruned = audit::prune_audit_trail(database_, retention_of(config_));
    if (!pruned.ok()) {
      spdlog::error("audit retention failed: {}", pruned.error().message);
    } else if (pruned->access_records + pruned->other_records > 0) {
      spdlog::info("audit retention: {} access records and {} others pruned",
                   pruned->access_records, pruned->other_records);
    }
    auto taken = take_checkpoint(database_, config_, key_);
    if (taken.ok()) {
      spdlog::info("audit checkpoint: record {} signed", taken->last_record);
    } else {
      spdlog::error("audit checkpoint failed: {}", taken.error().message);
    }
    lock.lock();
  }
}

}  // namespace rp::app
