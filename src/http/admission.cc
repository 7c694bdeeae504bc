#include "http/admission.h"

#include <algorithm>

#include "http/problem.h"

namespace rp::http {
namespace {

using Clock = std::chrono::steady_clock;

constexpr double kLeastLimit = 2;
constexpr double kLimitWithoutBound = 1024;

Response overloaded() {
  Response response =
      problem(503, "overloaded", "Too busy right now",
              "The utility's system is busy and did nothing with this request. Send it again in a "
              "moment.");
  response.set_header("Retry-After", "1");
  return response;
}

}  // namespace

Admission::Admission(AdmissionOptions options)
    : options_(std::move(options)),
      most_(options_.most_writes_in_flight > 0
                ? std::max(kLeastLimit, static_cast<double>(options_.most_writes_in_flight))
                : kLimitWithoutBound),
      limit_(most_) {}

Admission::Pass::~Pass() {
  if (!admission_) return;
  if (write_) {
    admission_->finished(began_);
  } else {
    admission_->read_finished();
  }
}

bool is_api_write(const Request& request) {
  if (request.method == "GET" || request.method == "HEAD" || request.method == "OPTIONS") {
    return false;
  }
  return request.path.starts_with("/api/");
}

bool is_api_read(const Request& request) {
  return (request.method == "GET" || request.method == "HEAD") && request.path.starts_with("/api/");
}

Clock::time_point Admission::now() const {
  return options_.clock ? options_.clock() : Clock::now();
}

std::optional<Admission::Pass> Admission::admit(const Request& request, Response& refusal) {
  if (is_api_read(request)) {
    const std::size_t running = reads_in_flight_.fetch_add(1, std::memory_order_acq_rel);
    if (options_.most_reads_in_flight > 0 && running >= options_.most_reads_in_flight) {
      reads_in_flight_.fetch_sub(1, std::memory_order_acq_rel);
      refused_reads_in_flight_.fetch_add(1, std::memory_order_relaxed);
      refusal = overloaded();
      return std::nullopt;
    }
    return Pass(this, Clock::time_point{}, false);
  }
  if (!is_api_write(request)) return Pass();
  if (options_.write_wait_budget.count() > 0 && options_.write_queue_delay &&
      options_.write_queue_delay() > options_.write_wait_budget) {
    refused_writer_busy_.fetch_add(1, std::memory_order_relaxed);
    refusal = overloaded();
    return std::nullopt;
  }
  {
    std::lock_guard lock(mutex_);
    if (static_cast<double>(in_flight_) + 1 > limit_) {
      refused_writes_in_flight_.fetch_add(1, std::memory_order_relaxed);
      refusal = overloaded();
      return std::nullopt;
    }
    ++in_flight_;
  }
  writes_admitted_.fetch_add(1, std::memory_order_relaxed);
  return Pass(this, now(), true);
}

void Admission::read_finished() {
  reads_in_flight_.fetch_sub(1, std::memory_order_acq_rel);
}

void Admission::finished(Clock::time_point began) {
  const Clock::time_point ended = now();
  std::lock_guard lock(mutex_);
  --in_flight_;
  if (options_.write_wait_budget.count() <= 0) return;
  // The limit aims each write at a quarter of the budget: a write's time varies (the commit it
  // joins, the CPU it waits for), and aiming at the budget itself left the slowest 1% of writes
  // at about one and a half budgets past capacity (docs/payments.md, "Overload").
  const std::chrono::microseconds target = options_.write_wait_budget / 4;
  if (ended - began > target) {
    // Too slow while the server was busy with writes (at least half the limit running): cut by a
    // quarter, once per target's time (the writes of one slow moment answer together and count as
    // one signal). A write slow on its own (a password hashed at sign-in) with few others running
    // says nothing about capacity.
    const bool busy = static_cast<double>(in_flight_ + 1) >= limit_ / 2;
    if (busy && ended - last_cut_ >= target) {
      limit_ = std::max(kLeastLimit, limit_ * 0.75);
      last_cut_ = ended;
    }
  } else {
    limit_ = std::min(most_, limit_ + 1.0 / limit_);
  }
}

AdmissionStats Admission::stats() const {
  std::lock_guard lock(mutex_);
  return {writes_admitted_.load(), refused_writer_busy_.load(), refused_writes_in_flight_.load(),
          refused_reads_in_flight_.load(), static_cast<std::size_t>(limit_)};
}

}  // namespace rp::http
