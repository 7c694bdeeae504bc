#pragma once
// Internal to store/: what the SQLite and PostgreSQL engines share.

#include <atomic>
#include <cstdint>
#include <exception>
#include <functional>

#include "store/database.h"
#include "store/session_pool.h"

namespace rp::store {

// Counts behind Database::stats().
struct WorkCounters {
  std::atomic<std::uint64_t> reads{0}, writes{0}, commits{0}, failed_writes{0};

  PoolStats snapshot(const SessionPool& pool) const {
    PoolStats stats;
    stats.connections = pool.size();
    stats.in_use = pool.in_use();
    stats.reads = reads.load();
    stats.writes = writes.load();
    stats.commits = commits.load();
    stats.failed_writes = failed_writes.load();
    return stats;
  }
};

// Runs a read or write callback; an exception escaping it becomes an internal error (and so a
// rollback) instead of crossing the module boundary.
inline Result<void> run_guarded(const std::function<Result<void>(Session&)>& work,
                                Session& session) {
  try {
    return work(session);
  } catch (const std::exception& failure) {
    return internal_error(std::string("unexpected failure: ") + failure.what());
  }
}

}  // namespace rp::store
