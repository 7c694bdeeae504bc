#pragma once
// Audit records of what changes nothing (a staff member reading an account), written a moment
// later in batches instead of one write per read, so reading stays a read: record() returns at
// once, and a background thread appends what has queued every kFlushInterval (or sooner once
// kBatch records wait), all in one transaction. Nothing queued is dropped: a write that fails is
// tried again on the next round, a queue past kMostQueued makes record() wait for room, and the
// destructor writes everything still queued.

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <mutex>
#include <thread>

#include "audit/audit_trail.h"
#include "store/database.h"

namespace rp::audit {

class DeferredAudit {
 public:
  static constexpr std::chrono::milliseconds kFlushInterval{100};
  static constexpr std::size_t kBatch = 1000;
  static constexpr std::size_t kMostQueued = 100000;

  explicit DeferredAudit(store::Database& database);
  ~DeferredAudit();
  DeferredAudit(const DeferredAudit&) = delete;
  DeferredAudit& operator=(const DeferredAudit&) = delete;

  // Queues `entry` (its origin must already be filled in: the writing thread has none).
  void record(AuditEntry entry);

  // Writes everything queued so far before returning. Errors: the database's (the records stay
  // queued).
  Result<void> flush();

 private:
  void run();
  Result<void> write_queued(std::unique_lock<std::mutex>& lock);

  store::Database& database_;
  std::mutex mutex_;
  std::condition_variable wake_;   // the writer: records waiting, or stopping
  std::condition_variable room_;   // callers waiting for the queue to shrink
  std::deque<AuditEntry> queued_;  // guarded by mutex_
  bool writing_ = false;           // guarded by mutex_: a batch is being written
  bool stopping_ = false;          // guarded by mutex_
  std::thread thread_;             // last: starts once the rest is ready
};

}  // namespace rp::audit
