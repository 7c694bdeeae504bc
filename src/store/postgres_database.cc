#include "store/postgres_database.h"

#include <atomic>
#include <mutex>
#include <regex>
#include <thread>

#include "store/engine_support.h"
#include "store/session_pool.h"
#include "store/soci_session.h"
#include "store/write_pressure.h"

namespace rp::store {
namespace {

class PostgresDatabase final : public Database, public WritePressure {
 public:
  PostgresDatabase(std::string url, std::vector<std::unique_ptr<Session>> sessions)
      : url_(std::move(url)), pool_(std::move(sessions)) {}

  Engine engine() const override { return Engine::postgresql; }
  std::string display_url() const override { return redact_password(url_); }

  Result<void> write_work(WriteWork work) override {
    auto session = pool_.acquire();
    Result<void> outcome = run_transaction(*session, "BEGIN", work);
    counters_.writes.fetch_add(1);
    if (outcome.ok()) {
      counters_.commits.fetch_add(1);
    } else {
      counters_.failed_writes.fetch_add(1);
    }
    return outcome;
  }

  // A bulk write waits while callers have waited for a connection past the batch-yield threshold
  // (for at most longest_hold), then is an ordinary write.
  Result<void> write_bulk_work(WriteWork work) override {
    const BatchYield yield = batch_yield();
    if (yield.threshold.count() > 0) {
      const auto give_up = std::chrono::steady_clock::now() + yield.longest_hold;
      while (pool_.oldest_wait() > yield.threshold && std::chrono::steady_clock::now() < give_up) {
        std::this_thread::sleep_for(std::chrono::milliseconds(2));
      }
    }
    return write_work(std::move(work));
  }

  std::chrono::microseconds write_queue_delay() const override { return pool_.oldest_wait(); }

  void set_batch_yield(BatchYield yield) override {
    std::lock_guard lock(yield_mutex_);
    batch_yield_ = yield;
  }

  Result<void> read_work(ReadWork work) override {
    auto session = pool_.acquire();
    counters_.reads.fetch_add(1, std::memory_order_relaxed);
    return run_transaction(*session, "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY", work);
  }

  PoolStats stats() const override { return counters_.snapshot(pool_); }

 private:
  static Result<void> run_transaction(Session& session, const char* begin,
                                      const std::function<Result<void>(Session&)>& work) {
    if (auto begun = session.execute(begin); !begun.ok()) return begun.error();
    Result<void> outcome = run_guarded(work, session);
    if (!outcome.ok()) {
      (void)session.execute("ROLLBACK");
      return outcome;
    }
    if (auto committed = session.execute("COMMIT"); !committed.ok()) {
      (void)session.execute("ROLLBACK");
      return committed.error();
    }
    return success();
  }

  BatchYield batch_yield() const {
    std::lock_guard lock(yield_mutex_);
    return batch_yield_;
  }

  std::string url_;
  mutable SessionPool pool_;
  WorkCounters counters_;
  mutable std::mutex yield_mutex_;
  BatchYield batch_yield_;
};

}  // namespace

std::string redact_password(const std::string& url) {
  static const std::regex password(R"((://[^:/@]+:)[^@]*@)");
  return std::regex_replace(url, password, "$1***@");
}

Result<std::unique_ptr<Database>> open_postgres_database(const std::string& url,
                                                         const DatabaseOptions& options) {
  std::vector<std::unique_ptr<Session>> sessions;
  for (std::size_t i = 0; i < std::max<std::size_t>(1, options.read_connections); ++i) {
    auto session = open_soci_session(Engine::postgresql, url);
    if (!session.ok()) {
      return unavailable("cannot open database " + redact_password(url) + ": " +
                         session.error().message);
    }
    // No JIT compilation: our queries are short transactions and reports over indexes, and
    // compiling one took longer than running it (4.5 of 7 s for the aging report over 100,000
    // accounts, docs/reports.md).
    if (auto set = (*session)->execute("SET jit = off"); !set.ok()) return set.error();
    sessions.push_back(std::move(*session));
  }
  return std::unique_ptr<Database>(std::make_unique<PostgresDatabase>(url, std::move(sessions)));
}

}  // namespace rp::store
