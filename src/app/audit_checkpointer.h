#pragma once
// Signed checkpoints of the audit trail (audit/checkpoints.h), taken on a schedule by the server
// and on demand by `ratepayer audit checkpoint`, and each delivered beyond the database's reach:
// appended as one line to the configured file, and emailed to the utility's auditor.

#include <condition_variable>
#include <mutex>
#include <thread>

#include "app/config.h"
#include "audit/checkpoints.h"
#include "audit/retention.h"
#include "store/database.h"

namespace rp::app {

// Signs a checkpoint now, stores it, appends its line to audit.checkpoint_file and queues an email
// of it to audit.auditor_email (each when set). Errors: the key's, the database's, unavailable
// when the file cannot be appended to (the checkpoint is stored all the same).
Result<audit::Checkpoint> take_checkpoint(store::Database& database, const AuditConfig& config,
                                          const audit::SigningKey& key);

// The retention the configuration asks for.
audit::Retention retention_of(const AuditConfig& config);

// Every audit.checkpoint_minutes (none when 0), the first one checkpoint_minutes after the start:
// prunes what is past its retention, then takes a checkpoint; failures are logged and tried again
// next time.
class CheckpointSchedule {
 public:
  CheckpointSchedule(store::Database& database, AuditConfig config, audit::SigningKey key);
  ~CheckpointSchedule();
  CheckpointSchedule(const CheckpointSchedule&) = delete;
  CheckpointSchedule& operator=(const CheckpointSchedule&) = delete;

 private:
  void loop();

  store::Database& database_;
  const AuditConfig config_;
  const audit::SigningKey key_;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace rp::app
