#include "http/metrics.h"

#include <atomic>
#include <charconv>
#include <cmath>
#include <exception>
#include <map>
#include <system_error>
#include <tuple>
#include <unordered_map>

#include <spdlog/spdlog.h>

namespace rp::http {
namespace {

constexpr std::size_t kBucketCount = Metrics::kLatencyBuckets.size() + 1;  // + the +Inf bucket

struct Series {
  std::string method;
  std::string route;
  int status = 0;
  std::uint64_t count = 0;
  std::array<std::uint64_t, kBucketCount> buckets{};  // not cumulative; cumulated when written
  double sum_seconds = 0;
};

std::string_view normalized_method(std::string_view method) {
  static constexpr std::string_view kKnown[] = {"GET",   "HEAD",   "POST",   "PUT",
                                                "PATCH", "DELETE", "OPTIONS"};
  for (std::string_view known : kKnown) {
    if (method == known) return known;
  }
  return "other";
}

void build_key(std::string& key, std::string_view method, std::string_view route, int status) {
  key.clear();
  key.append(method);
  key.push_back('\n');
  key.append(route);
  key.push_back('\n');
  char digits[12];
  auto end = std::to_chars(digits, digits + sizeof digits, status).ptr;
  key.append(digits, end);
}

std::string format_number(double value) {
  if (std::isnan(value)) return "NaN";
  if (std::isinf(value)) return value > 0 ? "+Inf" : "-Inf";
  // Plain decimals ("0.0005", as other Prometheus clients write bucket bounds) unless huge.
  char buffer[64];
  auto format = std::abs(value) < 1e15 ? std::chars_format::fixed : std::chars_format::general;
  auto [end, error] = std::to_chars(buffer, buffer + sizeof buffer, value, format);
  if (error != std::errc{}) end = std::to_chars(buffer, buffer + sizeof buffer, value).ptr;
  return std::string(buffer, end);
}

void append_escaped(std::string& out, std::string_view value) {
  for (char c : value) {
    if (c == '\\') {
      out += "\\\\";
    } else if (c == '"') {
      out += "\\\"";
    } else if (c == '\n') {
      out += "\\n";
    } else {
      out.push_back(c);
    }
  }
}

void append_labels(std::string& out,
                   std::initializer_list<std::pair<std::string_view, std::string_view>> labels) {
  out.push_back('{');
  bool first = true;
  for (const auto& [name, value] : labels) {
    if (!first) out.push_back(',');
    first = false;
    out.append(name);
    out += "=\"";
    append_escaped(out, value);
    out.push_back('"');
  }
  out.push_back('}');
}

void append_help_and_type(std::string& out, std::string_view name, std::string_view help,
                          std::string_view type) {
  out += "# HELP ";
  out += name;
  out.push_back(' ');
  for (char c : help) {  // HELP text escapes only backslash and newline
    if (c == '\\') {
      out += "\\\\";
    } else if (c == '\n') {
      out += "\\n";
    } else {
      out.push_back(c);
    }
  }
  out += "\n# TYPE ";
  out += name;
  out.push_back(' ');
  out += type;
  out.push_back('\n');
}

using CounterKey = std::tuple<std::string, std::string, int>;  // method, route, status
using HistogramKey = std::pair<std::string, std::string>;      // method, route

void write_request_counters(std::string& out, const std::map<CounterKey, std::uint64_t>& counters) {
  append_help_and_type(out, "http_requests_total",
                       "HTTP requests answered, by method, route pattern and status code.",
                       "counter");
  for (const auto& [key, count] : counters) {
    const auto& [method, route, status] = key;
    std::string status_text = std::to_string(status);
    out += "http_requests_total";
    append_labels(out, {{"method", method}, {"route", route}, {"status", status_text}});
    out.push_back(' ');
    out += std::to_string(count);
    out.push_back('\n');
  }
}

void write_latency_histograms(std::string& out, const std::map<HistogramKey, Series>& histograms) {
  append_help_and_type(
      out, "http_request_duration_seconds",
      "Time from a request's complete header to its answer being ready to send, seconds.",
      "histogram");
  for (const auto& [key, series] : histograms) {
    const auto& [method, route] = key;
    std::uint64_t cumulative = 0;
    for (std::size_t i = 0; i < kBucketCount; ++i) {
      cumulative += series.buckets[i];
      std::string le =
          i < Metrics::kLatencyBuckets.size() ? format_number(Metrics::kLatencyBuckets[i]) : "+Inf";
      out += "http_request_duration_seconds_bucket";
      append_labels(out, {{"method", method}, {"route", route}, {"le", le}});
      out.push_back(' ');
      out += std::to_string(cumulative);
      out.push_back('\n');
    }
    out += "http_request_duration_seconds_sum";
    append_labels(out, {{"method", method}, {"route", route}});
    out.push_back(' ');
    out += format_number(series.sum_seconds);
    out += "\nhttp_request_duration_seconds_count";
    append_labels(out, {{"method", method}, {"route", route}});
    out.push_back(' ');
    out += std::to_string(series.count);
    out.push_back('\n');
  }
}

// Samples grouped by name, so that each name gets one HELP and TYPE line.
void write_gauges(std::string& out, const std::map<std::string, std::vector<Gauge>>& gauges) {
  for (const auto& [name, samples] : gauges) {
    append_help_and_type(out, name, samples.front().help, "gauge");
    for (const Gauge& gauge : samples) {
      out += name;
      if (!gauge.labels.empty()) {
        out.push_back('{');
        for (std::size_t i = 0; i < gauge.labels.size(); ++i) {
          if (i > 0) out.push_back(',');
          out += gauge.labels[i].first;
          out += "=\"";
          append_escaped(out, gauge.labels[i].second);
          out.push_back('"');
        }
        out.push_back('}');
      }
      out.push_back(' ');
      out += format_number(gauge.value);
      out.push_back('\n');
    }
  }
}

}  // namespace

struct Metrics::Shard {
  mutable std::mutex mutex;
  std::unordered_map<std::string, Series> series;
};

Metrics::Metrics() {
  for (auto& shard : shards_) shard = std::make_unique<Shard>();
}

Metrics::~Metrics() = default;

Metrics::Shard& Metrics::shard_for_this_thread() {
  // Threads are spread over the shards round-robin, so io threads rarely share a mutex.
  static std::atomic<std::size_t> next_index{0};
  thread_local const std::size_t index = next_index.fetch_add(1) % kShards;
  return *shards_[index];
}

void Metrics::record_request(std::string_view method, std::string_view route, int status,
                             std::chrono::nanoseconds duration) {
  method = normalized_method(method);
  double seconds = std::chrono::duration<double>(duration).count();
  std::size_t bucket = 0;
  while (bucket < kLatencyBuckets.size() && seconds > kLatencyBuckets[bucket]) ++bucket;

  thread_local std::string key;
  build_key(key, method, route, status);
  Shard& shard = shard_for_this_thread();
  std::lock_guard lock(shard.mutex);
  auto it = shard.series.find(key);
  if (it == shard.series.end()) {
    it = shard.series.emplace(key, Series{std::string(method), std::string(route), status}).first;
  }
  Series& series = it->second;
  ++series.count;
  ++series.buckets[bucket];
  series.sum_seconds += seconds;
}

void Metrics::add_gauge_source(std::function<std::vector<Gauge>()> source) {
  std::lock_guard lock(gauges_mutex_);
  gauge_sources_.push_back(std::move(source));
}

std::uint64_t Metrics::request_count(std::string_view method, std::string_view route,
                                     int status) const {
  std::string key;
  build_key(key, normalized_method(method), route, status);
  std::uint64_t total = 0;
  for (const auto& shard : shards_) {
    std::lock_guard lock(shard->mutex);
    auto it = shard->series.find(key);
    if (it != shard->series.end()) total += it->second.count;
  }
  return total;
}

std::string Metrics::prometheus_text() const {
  std::map<CounterKey, std::uint64_t> counters;
  std::map<HistogramKey, Series> histograms;
  for (const auto& shard : shards_) {
    std::lock_guard lock(shard->mutex);
    for (const auto& [key, series] : shard->series) {
      counters[{series.method, series.route, series.status}] += series.count;
      Series& merged = histograms[{series.method, series.route}];
      merged.count += series.count;
      merged.sum_seconds += series.sum_seconds;
      for (std::size_t i = 0; i < kBucketCount; ++i) merged.buckets[i] += series.buckets[i];
    }
  }

  std::vector<std::function<std::vector<Gauge>()>> sources;
  {
    std::lock_guard lock(gauges_mutex_);
    sources = gauge_sources_;
  }
  std::map<std::string, std::vector<Gauge>> gauges;
  for (const auto& source : sources) {  // outside any lock: sources may be slow-ish
    try {
      for (Gauge& gauge : source()) gauges[gauge.name].push_back(std::move(gauge));
    } catch (const std::exception& error) {
      spdlog::warn("metrics: a gauge source failed: {}", error.what());
    }
  }

  std::string out;
  out.reserve(512 + counters.size() * 128 + histograms.size() * 2048);
  write_request_counters(out, counters);
  write_latency_histograms(out, histograms);
  write_gauges(out, gauges);
  return out;
}

}  // namespace rp::http
