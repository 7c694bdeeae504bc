#include "audit/deferred_audit.h"

#include <spdlog/spdlog.h>

#include <vector>

namespace rp::audit {

DeferredAudit::DeferredAudit(store::Database& database)
    : database_(database), thread_([this] { run(); }) {}

DeferredAudit::~DeferredAudit() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  thread_.join();
}

void DeferredAudit::record(AuditEntry entry) {
  std::unique_lock lock(mutex_);
  room_.wait(lock, [this] { return queued_.size() < kMostQueued || stopping_; });
  queued_.push_back(std::move(entry));
  if (queued_.size() >= kBatch) wake_.notify_one();
}

Result<void> DeferredAudit::flush() {
  std::unique_lock lock(mutex_);
  room_.wait(lock, [this] { return !writing_; });
  while (!queued_.empty()) RP_TRY(write_queued(lock));
  return {};
}

// Writes up to kBatch queued records in one transaction, with mutex_ released meanwhile.
Result<void> DeferredAudit::write_queued(std::unique_lock<std::mutex>& lock) {
  const std::size_t count = std::min(queued_.size(), kBatch);
  std::vector<AuditEntry> batch(std::make_move_iterator(queued_.begin()),
                                std::make_move_iterator(queued_.begin() + count));
  writing_ = true;
  lock.unlock();
  auto written = database_.write<bool>([&](store::Session& session) -> Result<bool> {
    RP_TRY(append_audits(session, batch));
    return true;
  });
  lock.lock();
  writing_ = false;
  if (written.ok()) queued_.erase(queued_.begin(), queued_.begin() + count);
  room_.notify_all();
  wake_.notify_all();
  if (!written.ok()) return written.error();
  return {};
}

void DeferredAudit::run() {
  std::unique_lock lock(mutex_);
  for (;;) {
    wake_.wait_for(lock, kFlushInterval,
                   [this] { return stopping_ || (!writing_ && queued_.size() >= kBatch); });
    if (!writing_ && !queued_.empty()) {
      if (auto written = write_queued(lock); !written.ok()) {
        spdlog::error("audit trail: {} deferred records wait, writing them failed: {}",
                      queued_.size(), written.error().message);
        if (stopping_) return;  // the database is going away: said so above
      }
    }
    if (stopping_ && queued_.empty()) return;
  }
}

}  // namespace rp::audit
