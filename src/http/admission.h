#pragma once
// Admission control in front of the handlers: a server past its capacity says so at once instead
// of queueing requests until customers give up. Handlers run on the io threads and block on the
// database (http/server.h), so without it every thread ends up waiting for the writer, answers
// take seconds, and reads starve behind writes.
//
// A request that changes data (any method but GET, HEAD and OPTIONS, under /api/) is admitted
// only when
//  * the database's writes are waiting no longer than `write_wait_budget` now (the writer's
//    queue, store/write_pressure.h): a request admitted past that would wait longer itself; and
//  * fewer than `most_writes_in_flight` such requests are running, so the rest of the threads
//    always serve reads.
// Otherwise it is refused before anything is done: 503 "overloaded" with Retry-After: 1. Nothing
// of it was written, so the client may send it again as it was (the portal retries with backoff,
// with the same Idempotency-Key). Reads, static files and /healthz are never refused here.

#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>
#include <optional>

#include "http/request.h"
#include "http/response.h"

namespace rp::http {

struct AdmissionOptions {
  std::chrono::microseconds write_wait_budget{0};  // 0: writes are not refused for waiting
  std::size_t most_writes_in_flight = 0;           // 0: no limit
  // The database's current write delay (store::write_queue_delay); unset: always zero.
  std::function<std::chrono::microseconds()> write_queue_delay;
};

struct AdmissionStats {
  std::uint64_t writes_admitted = 0;
  std::uint64_t refused_writer_busy = 0;  // the writer's queue was past the budget
  std::uint64_t refused_writes_in_flight = 0;
};

// The route label (metrics, access log) of a refused request.
inline constexpr std::string_view kOverloadedRoute = "overloaded";

class Admission {
 public:
  explicit Admission(AdmissionOptions options);
  Admission(const Admission&) = delete;
  Admission& operator=(const Admission&) = delete;

  // Holds a write's place among those in flight until destroyed.
  class Pass {
   public:
    Pass() = default;
    explicit Pass(std::atomic<std::size_t>* in_flight) : in_flight_(in_flight) {}
    Pass(Pass&& other) noexcept : in_flight_(std::exchange(other.in_flight_, nullptr)) {}
    Pass& operator=(Pass&&) = delete;
    ~Pass();

   private:
    std::atomic<std::size_t>* in_flight_ = nullptr;
  };

  // A pass for `request`, or nullopt when it is refused (then `refusal` is the answer to send).
  std::optional<Pass> admit(const Request& request, Response& refusal);

  AdmissionStats stats() const;

 private:
  AdmissionOptions options_;
  std::atomic<std::size_t> writes_in_flight_{0};
  std::atomic<std::uint64_t> writes_admitted_{0};
  std::atomic<std::uint64_t> refused_writer_busy_{0};
  std::atomic<std::uint64_t> refused_writes_in_flight_{0};
};

// Whether `request` changes data under /api/ (what admission counts as a write).
bool is_api_write(const Request& request);

}  // namespace rp::http
