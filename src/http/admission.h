#pragma once
// Admission control in front of the handlers: a server past its capacity says so at once instead
// of queueing requests until customers give up. Handlers run on the io threads and block on the
// database (http/server.h), so without it every thread ends up waiting (for the writer, for the
// CPU), answers take seconds, and reads starve behind writes.
//
// A request that changes data (any method but GET, HEAD and OPTIONS, under /api/) is admitted
// only when
//  * the database's writes are waiting no longer than `write_wait_budget` now (the writer's
//    queue, store/write_pressure.h): a request admitted past that would wait longer itself; and
//  * fewer writes are running than the write limit. The limit adapts to how long writes take
//    (additive increase, multiplicative decrease, as TCP finds a link's capacity): a write
//    answered within a quarter of the budget lets it grow by about one per limit's worth of
//    writes, up to `most_writes_in_flight` (the rest of the threads always serve reads); a write
//    that took longer while at least half the limit was running cuts it by a quarter, at most
//    once per quarter budget, never below 2 (a write slow by nature, a password hashed at
//    sign-in, with few others running, does not). The limit aims at a quarter of the budget so
//    that the slowest writes, not the typical one, stay within it. Past capacity, whatever makes
//    writes slow (the writer, the CPU, a slow disk), the server takes about as many writes as it
//    can answer that way and refuses the rest.
// A read (GET or HEAD under /api/) is admitted while fewer than `most_reads_in_flight` reads are
// running. With both bounds below the thread count, some threads are always free to read the
// next request and answer it, if only to refuse it: a refusal never waits behind the work.
// A refused request gets 503 "overloaded" with Retry-After: 1 before anything is done, so the
// client may send it again as it was (the portal retries with backoff, with the same
// Idempotency-Key). Static files and /healthz are never refused.

#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>
#include <mutex>
#include <optional>

#include "http/request.h"
#include "http/response.h"

namespace rp::http {

struct AdmissionOptions {
  // The longest a write should take to be answered; 0: writes are never refused for time.
  std::chrono::microseconds write_wait_budget{0};
  std::size_t most_writes_in_flight = 0;  // 0: no limit of its own (the adaptive one still runs)
  std::size_t most_reads_in_flight = 0;   // 0: no limit
  // The database's current write delay (store::write_queue_delay); unset: always zero.
  std::function<std::chrono::microseconds()> write_queue_delay;
  // The clock writes are timed with; unset: std::chrono::steady_clock (tests pass their own).
  std::function<std::chrono::steady_clock::time_point()> clock;
};

struct AdmissionStats {
  std::uint64_t writes_admitted = 0;
  std::uint64_t refused_writer_busy = 0;  // the writer's queue was past the budget
  std::uint64_t refused_writes_in_flight = 0;
  std::uint64_t refused_reads_in_flight = 0;
  std::size_t write_limit = 0;  // the adaptive limit now
};

// The route label (metrics, access log) of a refused request.
inline constexpr std::string_view kOverloadedRoute = "overloaded";

class Admission {
 public:
  explicit Admission(AdmissionOptions options);
  Admission(const Admission&) = delete;
  Admission& operator=(const Admission&) = delete;

  // Holds a write's place among those in flight until destroyed; then its time counts.
  class Pass {
   public:
    Pass() = default;
    Pass(Admission* admission, std::chrono::steady_clock::time_point began, bool write)
        : admission_(admission), began_(began), write_(write) {}
    Pass(Pass&& other) noexcept
        : admission_(std::exchange(other.admission_, nullptr)),
          began_(other.began_),
          write_(other.write_) {}
    Pass& operator=(Pass&&) = delete;
    ~Pass();

   private:
    Admission* admission_ = nullptr;
    std::chrono::steady_clock::time_point began_;
    bool write_ = false;
  };

  // A pass for `request`, or nullopt when it is refused (then `refusal` is the answer to send).
  std::optional<Pass> admit(const Request& request, Response& refusal);

  AdmissionStats stats() const;

 private:
  std::chrono::steady_clock::time_point now() const;
  void finished(std::chrono::steady_clock::time_point began);
  void read_finished();

  AdmissionOptions options_;
  double most_ = 0;  // the highest the limit goes
  mutable std::mutex mutex_;
  double limit_ = 0;                                // guarded by mutex_
  std::chrono::steady_clock::time_point last_cut_;  // guarded by mutex_
  std::size_t in_flight_ = 0;                       // guarded by mutex_
  std::atomic<std::uint64_t> writes_admitted_{0};
  std::atomic<std::uint64_t> refused_writer_busy_{0};
  std::atomic<std::uint64_t> refused_writes_in_flight_{0};
  std::atomic<std::size_t> reads_in_flight_{0};
  std::atomic<std::uint64_t> refused_reads_in_flight_{0};
};

// Whether `request` changes data under /api/ (what admission counts as a write).
bool is_api_write(const Request& request);
// Whether `request` is a GET or HEAD under /api/ (what admission counts as a read).
bool is_api_read(const Request& request);

}  // namespace rp::http
