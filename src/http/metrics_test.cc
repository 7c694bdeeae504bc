#include "http/metrics.h"

#include <gtest/gtest.h>

#include <thread>

namespace rp::http {
namespace {

using std::chrono::microseconds;
using std::chrono::milliseconds;

bool contains(const std::string& text, const std::string& needle) {
  return text.find(needle) != std::string::npos;
}

TEST(Metrics, CountsRequestsPerMethodRouteAndStatus) {
  Metrics metrics;
  metrics.record_request("GET", "/api/v1/accounts/{number}", 200, milliseconds(3));
  metrics.record_request("GET", "/api/v1/accounts/{number}", 200, milliseconds(4));
  metrics.record_request("GET", "/api/v1/accounts/{number}", 404, milliseconds(1));
  metrics.record_request("BREW", "unmatched", 405, milliseconds(1));
  std::string text = metrics.prometheus_text();
  EXPECT_TRUE(contains(text, "# TYPE http_requests_total counter\n"));
  EXPECT_TRUE(contains(
      text,
      "http_requests_total{method=\"GET\",route=\"/api/v1/accounts/{number}\",status=\"200\"} 2\n"))
      << text;
  EXPECT_TRUE(contains(text,
                       "http_requests_total{method=\"GET\",route=\"/api/v1/accounts/"
                       "{number}\",status=\"404\"} 1\n"));
  EXPECT_TRUE(contains(
      text, "http_requests_total{method=\"other\",route=\"unmatched\",status=\"405\"} 1\n"));
  EXPECT_EQ(metrics.request_count("GET", "/api/v1/accounts/{number}", 200), 2u);
}

TEST(Metrics, LatencyHistogramIsCumulativeWithSumAndCount) {
  Metrics metrics;
  metrics.record_request("POST", "/api/v1/payments", 201, microseconds(300));        // <= 0.0005
  metrics.record_request("POST", "/api/v1/payments", 201, milliseconds(20));         // <= 0.025
  metrics.record_request("POST", "/api/v1/payments", 422, std::chrono::seconds(7));  // +Inf
  std::string text = metrics.prometheus_text();
  const std::string labels = "method=\"POST\",route=\"/api/v1/payments\"";
  EXPECT_TRUE(contains(text, "# TYPE http_request_duration_seconds histogram\n"));
  EXPECT_TRUE(
      contains(text, "http_request_duration_seconds_bucket{" + labels + ",le=\"0.0005\"} 1\n"))
      << text;
  EXPECT_TRUE(
      contains(text, "http_request_duration_seconds_bucket{" + labels + ",le=\"0.01\"} 1\n"));
  EXPECT_TRUE(
      contains(text, "http_request_duration_seconds_bucket{" + labels + ",le=\"0.025\"} 2\n"));
  EXPECT_TRUE(contains(text, "http_request_duration_seconds_bucket{" + labels + ",le=\"5\"} 2\n"));
  EXPECT_TRUE(
      contains(text, "http_request_duration_seconds_bucket{" + labels + ",le=\"+Inf\"} 3\n"));
  EXPECT_TRUE(contains(text, "http_request_duration_seconds_sum{" + labels + "} 7.0203\n"));
  EXPECT_TRUE(contains(text, "http_request_duration_seconds_count{" + labels + "} 3\n"));
}

TEST(Metrics, GaugeSourcesAreReportedWithOneHelpAndTypePerName) {
  Metrics metrics;
  metrics.add_gauge_source([] {
    return std::vector<Gauge>{
        {"rp_db_pool_connections", "Database connections by state.", {{"state", "idle"}}, 3},
        {"rp_db_pool_connections", "Database connections by state.", {{"state", "busy"}}, 1},
    };
  });
  metrics.add_gauge_source([] {
    return std::vector<Gauge>{{"rp_outbox_pending", "Notifications waiting to be sent.", {}, 12}};
  });
  std::string text = metrics.prometheus_text();
  EXPECT_TRUE(contains(text,
                       "# HELP rp_db_pool_connections Database connections by state.\n"
                       "# TYPE rp_db_pool_connections gauge\n"
                       "rp_db_pool_connections{state=\"idle\"} 3\n"
                       "rp_db_pool_connections{state=\"busy\"} 1\n"))
      << text;
  EXPECT_TRUE(contains(text, "# TYPE rp_outbox_pending gauge\nrp_outbox_pending 12\n"));
}

TEST(Metrics, LabelValuesAreEscaped) {
  Metrics metrics;
  metrics.add_gauge_source([] {
    return std::vector<Gauge>{{"rp_test", "t", {{"path", "C:\\dir \"x\"\nnext"}}, 1}};
  });
  EXPECT_TRUE(contains(metrics.prometheus_text(), R"(rp_test{path="C:\\dir \"x\"\nnext"} 1)"));
}

TEST(Metrics, ConcurrentRecordingLosesNoCounts) {
  Metrics metrics;
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&] {
      for (int i = 0; i < 10000; ++i) {
        metrics.record_request("GET", "/api/v1/usage", 200, microseconds(200));
      }
    });
  }
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(metrics.request_count("GET", "/api/v1/usage", 200), 40000u);
  EXPECT_TRUE(contains(metrics.prometheus_text(),
                       "http_request_duration_seconds_count{method=\"GET\",route=\"/api/v1/"
                       "usage\"} 40000\n"));
}

}  // namespace
}  // namespace rp::http
