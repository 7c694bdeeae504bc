#pragma once
// The one door to the database. Everything that reads or writes Ratepayer's data goes through
// Database::read or Database::write, on either engine:
//
//  * SQLite (`sqlite:path/to/file.db`): WAL mode, synchronous=FULL. One writer thread owns the only
//    writing connection and performs *group commit*: write callbacks queued while a commit is in
//    flight run back to back inside one transaction, each in its own SAVEPOINT, and share one
//    durable COMMIT (one fsync). A callback that fails is rolled back to its savepoint alone and
//    does not affect the others. Each caller gets its own result only after the shared commit is
//    durable. Reads use a pool of read-only connections, each read in one snapshot transaction.
//  * PostgreSQL (`postgresql://user@host:port/dbname?...`): a pool of connections; each write is
//    an ordinary transaction, each read a REPEATABLE READ, READ ONLY transaction.
//
// write_bulk() is write() for a long batch (a bill-run chunk, a generator's chunk): on SQLite it
// never shares a group with short writes. The writer alternates: one group of the short writes
// waiting, then one bulk write alone. So a payment waits behind at most one bulk write, never
// inside one, and bulk work still moves while short writes keep arriving. On PostgreSQL it is
// write().
//
// Guarantees of write(): the callback's changes are committed durably if and only if the result is
// ok. If the callback returns an error, nothing it did is kept. The callback may run on another
// thread; it must not block on other writes (that would deadlock the writer).

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "core/result.h"
#include "store/session.h"

namespace rp::store {

struct DatabaseOptions {
  std::size_t read_connections = 4;  // SQLite readers, or PostgreSQL pool size
  std::size_t max_group_size = 256;  // SQLite: the most write callbacks sharing one commit
  int busy_timeout_ms = 5000;        // SQLite: waiting for another process's lock
};

struct PoolStats {
  std::size_t connections = 0;  // readers (SQLite) or pool size (PostgreSQL)
  std::size_t in_use = 0;
  std::uint64_t reads = 0;
  std::uint64_t writes = 0;
  std::uint64_t commits = 0;  // durable commits; writes / commits is the group-commit factor
  std::uint64_t failed_writes = 0;
};

using WriteWork = std::function<Result<void>(Session&)>;
using ReadWork = std::function<Result<void>(Session&)>;

class Database {
 public:
  // Opens `url` ("sqlite:var/ratepayer.db", "sqlite::memory:" is refused because readers could not
  // see it, "postgresql://..."). Creates the SQLite file's parent folder when missing.
  // Errors: invalid_input (field "database_url") for an unknown scheme; unavailable with the
  // engine's message when the database cannot be opened.
  static Result<std::unique_ptr<Database>> open(std::string_view url, DatabaseOptions options = {});

  virtual ~Database() = default;
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  virtual Engine engine() const = 0;
  // The URL with any password removed, for logs.
  virtual std::string display_url() const = 0;

  virtual Result<void> write_work(WriteWork work) = 0;
  virtual Result<void> write_bulk_work(WriteWork work) { return write_work(std::move(work)); }
  virtual Result<void> read_work(ReadWork work) = 0;
  virtual PoolStats stats() const = 0;

  // Typed conveniences over write_work/read_work.
  template <typename T>
  Result<T> write(std::function<Result<T>(Session&)> work);
  template <typename T>
  Result<T> write_bulk(std::function<Result<T>(Session&)> work);
  template <typename T>
  Result<T> read(std::function<Result<T>(Session&)> work);

 protected:
  Database() = default;
};

namespace detail {
template <typename T, typename Run>
Result<T> run_typed(Run run, std::function<Result<T>(Session&)>& work) {
  std::optional<Result<T>> outcome;
  Result<void> done = run([&](Session& session) -> Result<void> {
    outcome.emplace(work(session));
    if (!outcome->ok()) return outcome->error();
    return success();
  });
  if (!done.ok()) return done.error();
  return std::move(*outcome);
}
}  // namespace detail

template <typename T>
Result<T> Database::write(std::function<Result<T>(Session&)> work) {
  return detail::run_typed<T>([this](WriteWork w) { return write_work(std::move(w)); }, work);
}

template <typename T>
Result<T> Database::write_bulk(std::function<Result<T>(Session&)> work) {
  return detail::run_typed<T>([this](WriteWork w) { return write_bulk_work(std::move(w)); }, work);
}

template <typename T>
Result<T> Database::read(std::function<Result<T>(Session&)> work) {
  return detail::run_typed<T>([this](ReadWork w) { return read_work(std::move(w)); }, work);
}

}  // namespace rp::store
