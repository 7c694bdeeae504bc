#include "store/sqlite_database.h"

#include <atomic>
#include <condition_variable>
#include <deque>
#include <filesystem>
#include <future>
#include <mutex>
#include <thread>

#include "core/request_origin.h"
#include "store/engine_support.h"
#include "store/session_pool.h"
#include "store/soci_session.h"
#include "store/write_pressure.h"

namespace rp::store {
namespace {

std::string connect_string(const std::string& path, int busy_timeout_ms) {
  // SOCI's sqlite3 backend takes the timeout in seconds.
  int seconds = std::max(1, busy_timeout_ms / 1000);
  return "db=\"" + path + "\" timeout=" + std::to_string(seconds);
}

Result<std::unique_ptr<Session>> open_configured(const std::string& path,
                                                 const DatabaseOptions& options, bool writer) {
  auto session = open_soci_session(Engine::sqlite, connect_string(path, options.busy_timeout_ms));
  if (!session.ok()) {
    return unavailable("cannot open database sqlite:" + path + ": " + session.error().message);
  }
  // WAL lets readers proceed during a write; synchronous=FULL makes each commit durable before
  // the callers are answered; foreign keys are enforced on every connection. WalCheckpointer
  // copies the log into the database beside the writer; the writer checkpoints itself only when
  // the log has grown past 4,096 pages (16 MB) because writes never paused long enough for the
  // log to start over (a generate, a bulk ingest), and a log that started over is cut back to
  // 64 MB on disk. Pages are read into each connection's cache,
  // not memory-mapped: a mapping is remapped whenever a write grows the file, and faulting the
  // pages back into every connection's mapping cost a third of a payment's time under load.
  std::string pragmas =
      "PRAGMA foreign_keys=ON; PRAGMA busy_timeout=" + std::to_string(options.busy_timeout_ms) +
      "; PRAGMA mmap_size=0; PRAGMA cache_size=-16384;";
  if (writer) {
    pragmas +=
        "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA wal_autocheckpoint=4096; PRAGMA "
        "journal_size_limit=67108864;";
  } else {
    pragmas += "PRAGMA query_only=ON;";
  }
  if (auto done = (*session)->execute_script(pragmas); !done.ok()) {
    return unavailable("cannot open database sqlite:" + path + ": " + done.error().message);
  }
  return session;
}

// Copies committed pages from the write-ahead log into the database file on a thread and a
// connection of its own. SQLite would otherwise do it inside a commit every 1,000 pages, holding
// up every write queued behind that commit for as long as the copy and its fsync take (tens of
// milliseconds: the longest waits customers saw). A passive checkpoint never blocks the writer or
// the readers; what it cannot copy yet (a reader still needs it) it copies next time.
//
// Readers that overlap without a pause (a busy portal) keep the log from ever starting over, and
// it would grow with everything written: once it passes kLogLimitBytes the writer, between two
// commits, waits for the readers to move to the newest snapshot (a few milliseconds: read
// transactions are short), copies everything and truncates the log; writes wait meanwhile.
class WalCheckpointer {
 public:
  static constexpr std::uintmax_t kLogLimitBytes = std::uintmax_t{64} << 20;

  WalCheckpointer(std::unique_ptr<Session> session, std::string log_path)
      : session_(std::move(session)), log_path_(std::move(log_path)), thread_([this] { run(); }) {}
  ~WalCheckpointer() {
    {
      std::lock_guard lock(mutex_);
      stopping_ = true;
    }
    wake_.notify_all();
    thread_.join();
  }
  WalCheckpointer(const WalCheckpointer&) = delete;
  WalCheckpointer& operator=(const WalCheckpointer&) = delete;

  // After each commit: checkpoints within the next interval.
  void committed() { dirty_.store(true, std::memory_order_relaxed); }

  // Whether the log has passed kLogLimitBytes since last asked: then the writer, between two
  // commits (so no write can starve it), checkpoints everything and truncates the log.
  bool take_log_too_large() { return log_too_large_.exchange(false, std::memory_order_relaxed); }

 private:
  static constexpr std::chrono::milliseconds kInterval{100};

  void run() {
    std::unique_lock lock(mutex_);
    while (!wake_.wait_for(lock, kInterval, [this] { return stopping_; })) {
      if (!dirty_.exchange(false, std::memory_order_relaxed)) continue;
      lock.unlock();
      if (auto done = session_->query("PRAGMA wal_checkpoint(PASSIVE)"); !done.ok()) {
        dirty_.store(true, std::memory_order_relaxed);  // busy: try again next interval
      }
      std::error_code unknown;
      if (std::filesystem::file_size(log_path_, unknown) > kLogLimitBytes && !unknown) {
        log_too_large_.store(true, std::memory_order_relaxed);
      }
      lock.lock();
    }
  }

  std::unique_ptr<Session> session_;
  std::string log_path_;  // the database's "-wal" file
  std::atomic<bool> dirty_{false};
  std::atomic<bool> log_too_large_{false};
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;  // guarded by mutex_
  std::thread thread_;     // last: starts after every other member is ready
};

// One queued write callback, where its answer goes, and the request it came from (the writer
// thread runs it with that origin current: core/request_origin.h).
struct WriteJob {
  WriteWork work;
  std::promise<Result<void>> answer;
  std::chrono::steady_clock::time_point queued_at = std::chrono::steady_clock::now();
  RequestOrigin origin = current_request_origin();
};

class SqliteDatabase final : public Database, public WritePressure {
 public:
  SqliteDatabase(std::string path, DatabaseOptions options, std::unique_ptr<Session> writer,
                 std::unique_ptr<Session> checkpointer,
                 std::vector<std::unique_ptr<Session>> readers)
      : path_(std::move(path)),
        options_(options),
        writer_session_(std::move(writer)),
        checkpointer_(std::move(checkpointer), path_ + "-wal"),
        readers_(std::move(readers)),
        writer_thread_([this] { run_writer(); }) {}

  ~SqliteDatabase() override {
    {
      std::lock_guard lock(mutex_);
      stopping_ = true;
    }
    queued_.notify_all();
    writer_thread_.join();
  }

  Engine engine() const override { return Engine::sqlite; }
  std::string display_url() const override { return "sqlite:" + path_; }

  Result<void> write_work(WriteWork work) override { return enqueue(std::move(work), queue_); }
  Result<void> write_bulk_work(WriteWork work) override {
    return enqueue(std::move(work), bulk_queue_);
  }

  Result<void> read_work(ReadWork work) override {
    auto session = readers_.acquire();
    counters_.reads.fetch_add(1, std::memory_order_relaxed);
    if (auto begun = session->execute("BEGIN"); !begun.ok()) return begun.error();
    Result<void> outcome = run_guarded(work, *session);
    (void)session->execute(outcome.ok() ? "COMMIT" : "ROLLBACK");
    return outcome;
  }

  PoolStats stats() const override { return counters_.snapshot(readers_); }

  std::chrono::microseconds write_queue_delay() const override {
    std::lock_guard lock(mutex_);
    return oldest_short_wait(std::chrono::steady_clock::now());
  }

  void set_batch_yield(BatchYield yield) override {
    std::lock_guard lock(mutex_);
    batch_yield_ = yield;
  }

 private:
  // Requires mutex_.
  std::chrono::microseconds oldest_short_wait(std::chrono::steady_clock::time_point now) const {
    if (queue_.empty()) return std::chrono::microseconds{0};
    return std::chrono::duration_cast<std::chrono::microseconds>(now - queue_.front()->queued_at);
  }

  // Whether the bulk write at the front takes its turn now (requires mutex_): yes unless short
  // writes have waited past the batch-yield threshold, and the bulk write has not yet been held
  // back for longest_hold.
  bool bulk_goes_now(bool bulk_turn) {
    if (bulk_queue_.empty()) return false;
    if (queue_.empty()) return true;
    if (!bulk_turn) return false;
    const auto now = std::chrono::steady_clock::now();
    const bool customers_wait =
        batch_yield_.threshold.count() > 0 && oldest_short_wait(now) > batch_yield_.threshold;
    if (!customers_wait) return true;
    return now - bulk_queue_.front()->queued_at > batch_yield_.longest_hold;
  }

  Result<void> enqueue(WriteWork work, std::deque<WriteJob*>& lane) {
    WriteJob job{std::move(work), {}, std::chrono::steady_clock::now(), current_request_origin()};
    auto answer = job.answer.get_future();
    {
      std::lock_guard lock(mutex_);
      if (stopping_) return unavailable("the database is shutting down");
      lane.push_back(&job);
    }
    queued_.notify_one();
    return answer.get();
  }

  // Alternates between the lanes: a group of the short writes waiting, then one bulk write on its
  // own, so neither waits behind more than one turn of the other; while short writes wait past the
  // batch-yield threshold, the bulk write gives up its turns (for at most longest_hold).
  void run_writer() {
    bool bulk_turn = false;
    for (;;) {
      std::vector<WriteJob*> group;
      {
        std::unique_lock lock(mutex_);
        queued_.wait(lock, [this] { return stopping_ || !queue_.empty() || !bulk_queue_.empty(); });
        if (queue_.empty() && bulk_queue_.empty()) return;  // stopping, nothing left
        if (bulk_goes_now(bulk_turn)) {
          group.push_back(bulk_queue_.front());
          bulk_queue_.pop_front();
          bulk_turn = false;
        } else {
          while (!queue_.empty() && group.size() < options_.max_group_size) {
            group.push_back(queue_.front());
            queue_.pop_front();
          }
          bulk_turn = true;
        }
      }
      commit_group(group);
      if (checkpointer_.take_log_too_large()) {
        (void)writer_session_->query("PRAGMA wal_checkpoint(TRUNCATE)");
      }
    }
  }

  // Runs each job under its own savepoint inside one transaction, then commits once.
  void commit_group(const std::vector<WriteJob*>& group) {
    Session& session = *writer_session_;
    std::vector<Result<void>> outcomes;
    outcomes.reserve(group.size());
    if (auto begun = session.execute("BEGIN IMMEDIATE"); !begun.ok()) {
      answer_all(group, Result<void>(begun.error()));
      return;
    }
    for (WriteJob* job : group) outcomes.push_back(run_in_savepoint(*job, session));
    auto committed = session.execute("COMMIT");
    if (!committed.ok()) {
      (void)session.execute("ROLLBACK");
      answer_all(group, unavailable("the commit failed: " + committed.error().message));
      return;
    }
    counters_.commits.fetch_add(1);
    checkpointer_.committed();
    for (std::size_t i = 0; i < group.size(); ++i) {
      counters_.writes.fetch_add(1);
      if (!outcomes[i].ok()) counters_.failed_writes.fetch_add(1);
      group[i]->answer.set_value(std::move(outcomes[i]));
    }
  }

  static Result<void> run_in_savepoint(WriteJob& job, Session& session) {
    if (auto saved = session.execute("SAVEPOINT rp_write"); !saved.ok()) return saved.error();
    ScopedRequestOrigin origin(job.origin);
    Result<void> outcome = run_guarded(job.work, session);
    if (!outcome.ok()) {
      (void)session.execute("ROLLBACK TO SAVEPOINT rp_write");
    }
    if (auto released = session.execute("RELEASE SAVEPOINT rp_write"); !released.ok()) {
      return released.error();
    }
    return outcome;
  }

  void answer_all(const std::vector<WriteJob*>& group, const Result<void>& outcome) {
    for (WriteJob* job : group) {
      counters_.failed_writes.fetch_add(1);
      job->answer.set_value(outcome);
    }
  }

  std::string path_;
  DatabaseOptions options_;
  std::unique_ptr<Session> writer_session_;
  WalCheckpointer checkpointer_;
  mutable SessionPool readers_;
  mutable std::mutex mutex_;
  std::condition_variable queued_;
  std::deque<WriteJob*> queue_;       // short writes, committed in groups
  std::deque<WriteJob*> bulk_queue_;  // long batches, each committed alone
  bool stopping_ = false;
  BatchYield batch_yield_;
  WorkCounters counters_;
  std::thread writer_thread_;  // last: starts after every other member is ready
};

}  // namespace

Result<std::unique_ptr<Database>> open_sqlite_database(const std::string& path,
                                                       const DatabaseOptions& options) {
  std::filesystem::path parent = std::filesystem::path(path).parent_path();
  std::error_code ignored;
  if (!parent.empty()) std::filesystem::create_directories(parent, ignored);
  auto writer = open_configured(path, options, true);
  if (!writer.ok()) return writer.error();
  auto checkpointer = open_configured(path, options, true);
  if (!checkpointer.ok()) return checkpointer.error();
  std::vector<std::unique_ptr<Session>> readers;
  for (std::size_t i = 0; i < std::max<std::size_t>(1, options.read_connections); ++i) {
    auto reader = open_configured(path, options, false);
    if (!reader.ok()) return reader.error();
    readers.push_back(std::move(*reader));
  }
  return std::unique_ptr<Database>(std::make_unique<SqliteDatabase>(
      path, options, std::move(*writer), std::move(*checkpointer), std::move(readers)));
}

}  // namespace rp::store
