#pragma once
// Prometheus metrics for the HTTP layer, plus gauges other modules report (connection pool size,
// outbox depth). Thread-safe. Recording a request takes one uncontended mutex (the registry is
// sharded by thread) and no allocation once a (method, route, status) series exists.

#include <array>
#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace rp::http {

// One gauge sample reported by a module at scrape time.
struct Gauge {
  std::string name;  // e.g. "rp_db_pool_connections"; samples sharing a name share HELP/TYPE
  std::string help;
  std::vector<std::pair<std::string, std::string>> labels;  // e.g. {{"state", "idle"}}
  double value = 0;
};

class Metrics {
 public:
  // Upper bounds (seconds) of the latency histogram buckets; +Inf is implied.
  static constexpr std::array<double, 13> kLatencyBuckets = {
      0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5};

  Metrics();
  ~Metrics();
  Metrics(const Metrics&) = delete;
  Metrics& operator=(const Metrics&) = delete;

  // Counts one answered request. `route` is the matched pattern (bounded cardinality: never pass
  // the raw path); methods outside the standard set are counted as "other".
  void record_request(std::string_view method, std::string_view route, int status,
                      std::chrono::nanoseconds duration);

  // `source` is called on every scrape (from the scraping thread); it must be thread-safe and fast.
  void add_gauge_source(std::function<std::vector<Gauge>()> source);

  // Everything in the Prometheus text exposition format 0.0.4:
  //   http_requests_total{method,route,status} counter
  //   http_request_duration_seconds{method,route} histogram
  //   then each gauge source's samples.
  std::string prometheus_text() const;

  // Requests recorded so far for one series; for tests and diagnostics.
  std::uint64_t request_count(std::string_view method, std::string_view route, int status) const;

  static constexpr std::string_view kContentType = "text/plain; version=0.0.4; charset=utf-8";

 private:
  struct Shard;
  static constexpr std::size_t kShards = 16;
  Shard& shard_for_this_thread();

  std::array<std::unique_ptr<Shard>, kShards> shards_;
  mutable std::mutex gauges_mutex_;
  std::vector<std::function<std::vector<Gauge>()>> gauge_sources_;
};

}  // namespace rp::http
