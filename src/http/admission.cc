#include "http/admission.h"

#include "http/problem.h"

namespace rp::http {
namespace {

Response overloaded() {
  Response response =
      problem(503, "overloaded", "Too busy right now",
              "The utility's system is busy and did nothing with this request. Send it again in a "
              "moment.");
  response.set_header("Retry-After", "1");
  return response;
}

}  // namespace

Admission::Admission(AdmissionOptions options) : options_(std::move(options)) {}

Admission::Pass::~Pass() {
  if (in_flight_) in_flight_->fetch_sub(1, std::memory_order_acq_rel);
}

bool is_api_write(const Request& request) {
  if (request.method == "GET" || request.method == "HEAD" || request.method == "OPTIONS") {
    return false;
  }
  return request.path.starts_with("/api/");
}

std::optional<Admission::Pass> Admission::admit(const Request& request, Response& refusal) {
  if (!is_api_write(request)) return Pass();
  if (options_.write_wait_budget.count() > 0 && options_.write_queue_delay &&
      options_.write_queue_delay() > options_.write_wait_budget) {
    refused_writer_busy_.fetch_add(1, std::memory_order_relaxed);
    refusal = overloaded();
    return std::nullopt;
  }
  const std::size_t running = writes_in_flight_.fetch_add(1, std::memory_order_acq_rel);
  if (options_.most_writes_in_flight > 0 && running >= options_.most_writes_in_flight) {
    writes_in_flight_.fetch_sub(1, std::memory_order_acq_rel);
    refused_writes_in_flight_.fetch_add(1, std::memory_order_relaxed);
    refusal = overloaded();
    return std::nullopt;
  }
  writes_admitted_.fetch_add(1, std::memory_order_relaxed);
  return Pass(&writes_in_flight_);
}

AdmissionStats Admission::stats() const {
  return {writes_admitted_.load(), refused_writer_busy_.load(), refused_writes_in_flight_.load()};
}

}  // namespace rp::http
