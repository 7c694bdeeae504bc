#include "http/server.h"

#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <memory>
#include <mutex>
#include <stdexcept>
#include <string>
#include <thread>

#include "http/json_body.h"
#include "http/problem.h"
#include "http/test_client.h"

namespace rp::http {
namespace {

using testing::ClientResponse;
using testing::RunningServer;
using testing::TestClient;

// A router shaped like the portal API.
void add_account_routes(Router& router) {
  router.add("GET", "/api/v1/accounts/{number}/summary", [](Request& request) {
    return json_response(200, {{"account", request.path_param("number")},
                               {"period", request.query_param("period").value_or("")},
                               {"route", request.route}});
  });
  router.add("POST", "/api/v1/accounts/{number}/payments", [](Request& request) {
    auto body = parse_json_body(request);
    if (!body.ok()) return problem_from_error(body.error());
    return json_response(201, {{"amount", body->value("amount", "")}});
  });
  router.add("GET", "/api/v1/boom",
             [](Request&) -> Response { throw std::runtime_error("database handle was null"); });
}

class ServerTest : public ::testing::Test {
 protected:
  ServerTest() { add_account_routes(router_); }

  // GET /api/v1/events: an event stream whose sink is kept in `kept` (under `mutex`) once it is
  // open, after `first` (when not empty) has been sent on it.
  void add_event_route(std::shared_ptr<EventSink>& kept, std::mutex& mutex,
                       std::string first = "") {
    router_.add("GET", "/api/v1/events", [&kept, &mutex, first](Request&) {
      Response response;
      response.events = std::make_shared<EventStream>();
      response.events->on_open = [&kept, &mutex, first](std::shared_ptr<EventSink> sink) {
        if (!first.empty()) {
          EXPECT_TRUE(sink->send(first));
        }
        std::lock_guard lock(mutex);
        kept = std::move(sink);
      };
      return response;
    });
  }

  Router router_;
  Metrics metrics_;
};

TEST_F(ServerTest, RoutesRequestToHandlerWithDecodedPathParamsAndQuery) {
  RunningServer server(router_, metrics_);
  TestClient client(server.port());
  ClientResponse response =
      client.request("GET", "/api/v1/accounts/1000%2D2345-6/summary?period=2024-03+Q1");
  ASSERT_EQ(response.status, 200);
  EXPECT_EQ(response.header("content-type"), "application/json");
  EXPECT_EQ(response.json()["account"], "1000-2345-6");
  EXPECT_EQ(response.json()["period"], "2024-03 Q1");
  EXPECT_EQ(response.json()["route"], "/api/v1/accounts/{number}/summary");
}

TEST_F(ServerTest, UnknownRouteAnswers404ProblemNamingThePath) {
  RunningServer server(router_, metrics_);
  TestClient client(server.port());
  ClientResponse response = client.request("GET", "/api/v1/acounts/1000-2345-6");
  ASSERT_EQ(response.status, 404);
  EXPECT_EQ(response.header("content-type"), "application/problem+json");
  auto body = response.json();
  EXPECT_EQ(body["type"], "https://ratepayer.dev/problems/not-found");
  EXPECT_EQ(body["status"], 404);
  EXPECT_NE(body["detail"].get<std::string>().find("/api/v1/acounts/1000-2345-6"),
            std::string::npos);
  EXPECT_EQ(body["request_id"], response.header("x-request-id"));
}

TEST_F(ServerTest, KnownPathWithWrongMethodAnswers405WithAllow) {
  RunningServer server(router_, metrics_);
  TestClient client(server.port());
  ClientResponse response = client.request("DELETE", "/api/v1/accounts/1000-2345-6/summary");
  ASSERT_EQ(response.status, 405);
  EXPECT_EQ(response.header("allow"), "GET, HEAD");
  EXPECT_EQ(response.json()["type"], "https://ratepayer.dev/problems/method-not-allowed");
}

TEST_F(ServerTest, BodyOverLimitAnswers413AndClosesConnection) {
  ServerOptions options;
  options.body_limit = 1024;
  RunningServer server(router_, metrics_, options);
  TestClient client(server.port());
  ClientResponse response =
      client.request("POST", "/api/v1/accounts/1000-2345-6/payments",
                     {{"Content-Type", "application/json"}}, std::string(4096, ' '));
  ASSERT_EQ(response.status, 413);
  EXPECT_EQ(response.json()["type"], "https://ratepayer.dev/problems/payload-too-large");
  EXPECT_EQ(response.header("connection"), "close");
  EXPECT_TRUE(client.closed_by_server());
}

TEST_F(ServerTest, AnUploadPathTakesTheUploadLimitAndOnlyIt) {
  ServerOptions options;
  options.body_limit = 1024;
  options.upload_path_suffixes = {"/message-attachments"};
  options.upload_limit = 8192;
  RunningServer server(router_, metrics_, options);
  TestClient client(server.port());
  ClientResponse within =
      client.request("POST", "/api/v1/accounts/1000-2345-6/message-attachments?name=a.jpg",
                     {{"Content-Type", "image/jpeg"}}, std::string(4096, 'x'));
  EXPECT_NE(within.status, 413);
  TestClient second(server.port());
  ClientResponse over = second.request("POST", "/api/v1/accounts/1000-2345-6/message-attachments",
                                       {{"Content-Type", "image/jpeg"}}, std::string(9000, 'x'));
  ASSERT_EQ(over.status, 413);
  EXPECT_NE(over.json()["detail"].get<std::string>().find("8192"), std::string::npos);
  // Anywhere else the body limit holds.
  TestClient third(server.port());
  EXPECT_EQ(third
                .request("POST", "/api/v1/accounts/1000-2345-6/message-attachments/x",
                         {{"Content-Type", "image/jpeg"}}, std::string(4096, 'x'))
                .status,
            413);
}

TEST_F(ServerTest, ChunkedBodyOverLimitAnswers413) {
  ServerOptions options;
  options.body_limit = 1024;
  RunningServer server(router_, metrics_, options);
  TestClient client(server.port());
  std::string chunk(1000, 'x');
  client.send_raw(
      "POST /api/v1/accounts/1000-2345-6/payments HTTP/1.1\r\nHost: x\r\n"
      "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
      "3e8\r\n" +
      chunk + "\r\n3e8\r\n" + chunk + "\r\n0\r\n\r\n");
  EXPECT_EQ(client.read_response().status, 413);
}

TEST_F(ServerTest, GarbageInsteadOfHttpAnswers400) {
  RunningServer server(router_, metrics_);
  TestClient client(server.port());
  client.send_raw("HELLO THERE\x01\x02 not http\r\n\r\n");
  ClientResponse response = client.read_response();
  ASSERT_EQ(response.status, 400);
  EXPECT_EQ(response.json()["type"], "https://ratepayer.dev/problems/bad-request");
  EXPECT_TRUE(response.header("x-request-id").has_value());
  EXPECT_TRUE(client.closed_by_server());
}

TEST_F(ServerTest, InvalidJsonBodyAnswers422NamingBody) {
  RunningServer server(router_, metrics_);
  TestClient client(server.port());
  ClientResponse response =
      client.request("POST", "/api/v1/accounts/1000-2345-6/payments",
                     {{"Content-Type", "application/json"}}, R"({"amount": "12.50",)");
  ASSERT_EQ(response.status, 422);
  auto body = response.json();
  EXPECT_EQ(body["type"], "https://ratepayer.dev/problems/invalid-input");
  EXPECT_EQ(body["field"], "body");
  EXPECT_NE(body["detail"].get<std::string>().find("request body is not valid JSON"),
            std::string::npos);
}

TEST_F(ServerTest, JsonEndpointRejectsFormContentTypeWith415) {
  RunningServer server(router_, metrics_);
  TestClient client(server.port());
  ClientResponse response =
      client.request("POST", "/api/v1/accounts/1000-2345-6/payments",
                     {{"Content-Type", "application/x-www-form-urlencoded"}}, "amount=12.50");
  ASSERT_EQ(response.status, 415);
  EXPECT_EQ(response.json()["type"], "https://ratepayer.dev/problems/unsupported-media-type");
}

TEST_F(ServerTest, KeepAliveConnectionServesSeveralRequestsIncludingPipelined) {
  RunningServer server(router_, metrics_);
  TestClient client(server.port());
  for (int i = 0; i < 5; ++i) {
    ClientResponse response = client.request("POST", "/api/v1/accounts/1000-2345-6/payments",
                                             {{"Content-Type", "application/json"}},
                                             R"({"amount": ")" + std::to_string(i) + R"("})");
    ASSERT_EQ(response.status, 201) << "request " << i;
    EXPECT_EQ(response.json()["amount"], std::to_string(i));
    EXPECT_NE(response.header("connection"), "close");
  }
  client.send_raw(
      "GET /api/v1/accounts/1/summary HTTP/1.1\r\nHost: x\r\n\r\n"
      "GET /api/v1/accounts/2/summary HTTP/1.1\r\nHost: x\r\n\r\n");
  EXPECT_EQ(client.read_response().json()["account"], "1");
  EXPECT_EQ(client.read_response().json()["account"], "2");
}

TEST_F(ServerTest, EchoesSaneClientRequestIdAndReplacesUnsafeOne) {
  RunningServer server(router_, metrics_);
  TestClient client(server.port());
  ClientResponse echoed =
      client.request("GET", "/api/v1/accounts/1/summary", {{"X-Request-Id", "lb-7f3a.01:9"}});
  EXPECT_EQ(echoed.header("x-request-id"), "lb-7f3a.01:9");

  ClientResponse replaced = client.request("GET", "/api/v1/accounts/1/summary",
                                           {{"X-Request-Id", "<script>alert(1)</script>"}});
  auto id = replaced.header("x-request-id");
  ASSERT_TRUE(id.has_value());
  EXPECT_EQ(id->size(), 16u);
  EXPECT_EQ(id->find('<'), std::string::npos);

  ClientResponse generated = client.request("GET", "/api/v1/accounts/1/summary");
  EXPECT_EQ(generated.header("x-request-id")->size(), 16u);
  EXPECT_NE(generated.header("x-request-id"), id);
}

TEST_F(ServerTest, EveryAnswerCarriesNosniffAndDate) {
  RunningServer server(router_, metrics_);
  TestClient client(server.port());
  for (const char* target : {"/api/v1/accounts/1/summary", "/nowhere", "/api/v1/boom"}) {
    ClientResponse response = client.request("GET", target);
    EXPECT_EQ(response.header("x-content-type-options"), "nosniff") << target;
    EXPECT_TRUE(response.header("date").has_value()) << target;
  }
}

TEST_F(ServerTest, HandlerExceptionAnswersGeneric500AndServerKeepsServing) {
  RunningServer server(router_, metrics_);
  TestClient client(server.port());
  ClientResponse response = client.request("GET", "/api/v1/boom");
  ASSERT_EQ(response.status, 500);
  EXPECT_EQ(response.json()["type"], "https://ratepayer.dev/problems/internal");
  EXPECT_EQ(response.body.find("database handle"), std::string::npos);  // no internals leak
  EXPECT_EQ(client.request("GET", "/api/v1/accounts/1/summary").status, 200);
}

TEST_F(ServerTest, HeadIsAnsweredByGetRouteWithLengthButNoBody) {
  RunningServer server(router_, metrics_);
  TestClient client(server.port());
  ClientResponse head = client.request("HEAD", "/api/v1/accounts/1/summary");
  ASSERT_EQ(head.status, 200);
  EXPECT_TRUE(head.body.empty());
  ClientResponse get = client.request("GET", "/api/v1/accounts/1/summary");  // same connection
  EXPECT_EQ(head.header("content-length"), std::to_string(get.body.size()));
}

TEST_F(ServerTest, MetricsCountRequestsByRoutePatternIncludingUnmatched) {
  RunningServer server(router_, metrics_);
  TestClient client(server.port());
  for (int i = 0; i < 3; ++i)
    client.request("GET", "/api/v1/accounts/" + std::to_string(i) + "/summary");
  client.request("GET", "/api/v1/unknown");
  client.request("GET", "/api/v1/boom");
  std::string text = metrics_.prometheus_text();
  EXPECT_NE(
      text.find(
          R"(http_requests_total{method="GET",route="/api/v1/accounts/{number}/summary",status="200"} 3)"),
      std::string::npos)
      << text;
  EXPECT_NE(text.find(R"(http_requests_total{method="GET",route="unmatched",status="404"} 1)"),
            std::string::npos);
  EXPECT_NE(text.find(R"(http_requests_total{method="GET",route="/api/v1/boom",status="500"} 1)"),
            std::string::npos);
  EXPECT_NE(
      text.find(
          R"(http_request_duration_seconds_count{method="GET",route="/api/v1/accounts/{number}/summary"} 3)"),
      std::string::npos);
}

TEST_F(ServerTest, AnOverloadedServerRefusesWritesAtOnceAndStillServesReads) {
  ServerOptions options;
  options.admission.write_wait_budget = std::chrono::milliseconds(50);
  options.admission.write_queue_delay = [] { return std::chrono::microseconds(2'000'000); };
  RunningServer server(router_, metrics_, options);
  TestClient client(server.port());
  ClientResponse refused =
      client.request("POST", "/api/v1/accounts/1000-2345-6/payments",
                     {{"Content-Type", "application/json"}}, R"({"amount": "5.00"})");
  ASSERT_EQ(refused.status, 503) << refused.body;
  EXPECT_EQ(refused.header("retry-after"), "1");
  EXPECT_EQ(refused.json()["type"], "https://ratepayer.dev/problems/overloaded");
  EXPECT_FALSE(refused.json()["request_id"].get<std::string>().empty());
  EXPECT_EQ(refused.header("x-content-type-options"), "nosniff");
  EXPECT_EQ(client.request("GET", "/api/v1/accounts/1/summary").status, 200);
  EXPECT_EQ(server.server().admission_stats().refused_writer_busy, 1u);
  EXPECT_NE(metrics_.prometheus_text().find(
                R"(http_requests_total{method="POST",route="overloaded",status="503"} 1)"),
            std::string::npos)
      << metrics_.prometheus_text();
}

TEST_F(ServerTest, ExpectContinueGetsInterimResponseThenAnswer) {
  RunningServer server(router_, metrics_);
  TestClient client(server.port());
  std::string body = R"({"amount": "3.00"})";
  client.send_raw(
      "POST /api/v1/accounts/1/payments HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
      "Expect: 100-continue\r\nContent-Length: " +
      std::to_string(body.size()) + "\r\n\r\n");
  // The server says 100 Continue before the client sends the body.
  std::this_thread::sleep_for(std::chrono::milliseconds(50));
  client.send_raw(body);
  ClientResponse response = client.read_response();  // skips the 100
  EXPECT_EQ(response.status, 201);
  EXPECT_EQ(response.json()["amount"], "3.00");
}

TEST_F(ServerTest, StartReportsAddressAlreadyInUse) {
  RunningServer first(router_, metrics_);
  ServerOptions options;
  options.port = first.port();
  Server second(options, router_, metrics_);
  auto started = second.start();
  ASSERT_FALSE(started.ok());
  EXPECT_EQ(started.error().message, "cannot listen on 127.0.0.1:" + std::to_string(first.port()) +
                                         ": Address already in use");
}

TEST_F(ServerTest, StopLetsInFlightRequestFinishThenRunReturns) {
  std::atomic<bool> entered{false};
  router_.add("GET", "/api/v1/slow", [&](Request&) {
    entered = true;
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    return json_response(200, {{"done", true}});
  });
  RunningServer server(router_, metrics_);
  TestClient busy(server.port());
  TestClient idle(server.port());
  EXPECT_EQ(idle.request("GET", "/api/v1/accounts/1/summary").status, 200);  // now idle

  busy.send_raw("GET /api/v1/slow HTTP/1.1\r\nHost: x\r\n\r\n");
  while (!entered) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  auto stop_started = std::chrono::steady_clock::now();
  EXPECT_TRUE(server.stop_and_wait(std::chrono::seconds(5)));
  EXPECT_LT(std::chrono::steady_clock::now() - stop_started, std::chrono::seconds(3));

  ClientResponse response = busy.read_response();
  EXPECT_EQ(response.status, 200);
  EXPECT_EQ(response.json()["done"], true);
  EXPECT_EQ(response.header("connection"), "close");
  EXPECT_TRUE(idle.closed_by_server());
}

TEST_F(ServerTest, StopBeforeAnyConnectionReturnsFromRunPromptly) {
  RunningServer server(router_, metrics_);
  EXPECT_TRUE(server.stop_and_wait(std::chrono::seconds(2)));
}

TEST_F(ServerTest, StopGivesUpOnRequestsThatOutliveTheGracePeriod) {
  ServerOptions options;
  options.shutdown_grace = std::chrono::seconds(1);
  options.read_timeout = std::chrono::seconds(30);
  RunningServer server(router_, metrics_, options);
  TestClient slow_upload(server.port());
  // Half a request: the server is busy reading it and would wait for the read timeout (30 s).
  slow_upload.send_raw(
      "POST /api/v1/accounts/1/payments HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
      "Content-Length: 100\r\n\r\n{\"amount\":");
  std::this_thread::sleep_for(std::chrono::milliseconds(100));
  auto stop_started = std::chrono::steady_clock::now();
  EXPECT_TRUE(server.stop_and_wait(std::chrono::seconds(5)));
  auto waited = std::chrono::steady_clock::now() - stop_started;
  EXPECT_GE(waited, std::chrono::milliseconds(900));
  EXPECT_LT(waited, std::chrono::seconds(3));
}

class StaticServerTest : public ServerTest {
 protected:
  StaticServerTest() {
    root_ = std::filesystem::temp_directory_path() /
            ("rp_http_static_" + std::to_string(::getpid()) + "_" +
             ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::create_directories(root_ / "assets");
    write("index.html", "<!doctype html><title>Ratepayer</title>");
    write("assets/index-4f2a9c.js", std::string(5000, 'j'));
    write("assets/index-4f2a9c.js.gz", "gzip-bytes");
  }
  ~StaticServerTest() override { std::filesystem::remove_all(root_); }
  void write(const std::string& name, const std::string& content) {
    std::ofstream(root_ / name, std::ios::binary) << content;
  }
  ServerOptions options() {
    ServerOptions options;
    options.static_root = root_.string();
    return options;
  }
  std::filesystem::path root_;
};

TEST_F(StaticServerTest, StreamsCompressedAssetWithImmutableCaching) {
  RunningServer server(router_, metrics_, options());
  TestClient client(server.port());
  ClientResponse response =
      client.request("GET", "/assets/index-4f2a9c.js", {{"Accept-Encoding", "gzip, deflate, br"}});
  ASSERT_EQ(response.status, 200);
  EXPECT_EQ(response.body, "gzip-bytes");
  EXPECT_EQ(response.header("content-encoding"), "gzip");
  EXPECT_EQ(response.header("vary"), "Accept-Encoding");
  EXPECT_EQ(response.header("content-type"), "text/javascript; charset=utf-8");
  EXPECT_EQ(response.header("cache-control"), "public, max-age=31536000, immutable");

  ClientResponse plain = client.request("GET", "/assets/index-4f2a9c.js");
  EXPECT_EQ(plain.body.size(), 5000u);
  EXPECT_FALSE(plain.header("content-encoding").has_value());

  ClientResponse head = client.request("HEAD", "/assets/index-4f2a9c.js");
  EXPECT_EQ(head.header("content-length"), "5000");
  EXPECT_TRUE(head.body.empty());
  EXPECT_EQ(metrics_.request_count("GET", "static", 200), 2u);
}

TEST_F(StaticServerTest, ClientRouteFallsBackToIndexButApiPathStays404) {
  RunningServer server(router_, metrics_, options());
  TestClient client(server.port());
  ClientResponse page = client.request("GET", "/accounts/1000-2345-6/bills");
  ASSERT_EQ(page.status, 200);
  EXPECT_EQ(page.header("content-type"), "text/html; charset=utf-8");
  EXPECT_EQ(page.header("cache-control"), "no-cache");
  ClientResponse api = client.request("GET", "/api/v1/nothing-here");
  EXPECT_EQ(api.status, 404);
  EXPECT_EQ(api.header("content-type"), "application/problem+json");
}

TEST_F(StaticServerTest, RevalidationWithMatchingEtagAnswers304) {
  RunningServer server(router_, metrics_, options());
  TestClient client(server.port());
  ClientResponse first = client.request("GET", "/");
  auto etag = first.header("etag");
  ASSERT_TRUE(etag.has_value());
  ClientResponse again = client.request("GET", "/", {{"If-None-Match", *etag}});
  EXPECT_EQ(again.status, 304);
  EXPECT_TRUE(again.body.empty());
  EXPECT_EQ(again.header("etag"), etag);
  EXPECT_EQ(client.request("GET", "/").status, 200);  // the connection is still usable
}

TEST_F(StaticServerTest, EncodedTraversalIsRefused) {
  std::filesystem::create_directories(root_ / "sub");
  RunningServer server(router_, metrics_, options());
  TestClient client(server.port());
  for (const char* target :
       {"/../secret.txt", "/%2e%2e/secret.txt", "/sub/%2E%2E/%2e%2e/etc/passwd",
        "/assets/..%2f..%2fetc/passwd.txt", "/.%2e/etc/passwd.txt"}) {
    ClientResponse response = client.request("GET", target);
    EXPECT_EQ(response.status, 404) << target;
    EXPECT_EQ(response.header("content-type"), "application/problem+json") << target;
  }
}

TEST_F(ServerTest, AnEventStreamSendsEachEventAsItIsSentUntilTheServerStops) {
  std::shared_ptr<EventSink> kept;
  std::mutex mutex;
  add_event_route(kept, mutex, "retry: 3000\n\n");
  auto server = std::make_unique<RunningServer>(router_, metrics_);
  TestClient client(server->port());
  client.send_raw("GET /api/v1/events HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
  std::string received = client.read_until("retry: 3000");
  EXPECT_NE(received.find("200 OK"), std::string::npos);
  EXPECT_NE(received.find("text/event-stream"), std::string::npos);
  EXPECT_NE(received.find("Transfer-Encoding: chunked"), std::string::npos);
  // Sent from another thread, later: it arrives.
  std::thread([&] {
    std::lock_guard lock(mutex);
    ASSERT_TRUE(kept);
    EXPECT_TRUE(kept->send("event: account\ndata: {\"kind\":\"payment.received\"}\n\n"));
  }).join();
  EXPECT_NE(client.read_until("payment.received").find("event: account"), std::string::npos);
  // Stopping the server ends the stream at once, and the sink says so.
  EXPECT_TRUE(server->stop_and_wait(std::chrono::seconds(3)));
  EXPECT_TRUE(client.closed_by_server());
  std::lock_guard lock(mutex);
  EXPECT_FALSE(kept->send("data: late\n\n"));
}

TEST_F(ServerTest, EndingAnEventStreamWritesWhatWasSentThenClosesTheConnection) {
  std::shared_ptr<EventSink> kept;
  std::mutex mutex;
  add_event_route(kept, mutex);
  auto server = std::make_unique<RunningServer>(router_, metrics_);
  TestClient client(server->port());
  client.send_raw("GET /api/v1/events HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
  client.read_until("text/event-stream");
  for (int waited = 0; waited < 200; ++waited) {
    {
      std::lock_guard lock(mutex);
      if (kept) break;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  std::lock_guard lock(mutex);
  ASSERT_TRUE(kept);
  EXPECT_TRUE(kept->send("data: last words\n\n"));
  kept->end();
  // The event sent before the end arrives, then the last chunk, then the server closes.
  std::string received = client.read_until("0\r\n\r\n");
  EXPECT_NE(received.find("data: last words"), std::string::npos);
  EXPECT_TRUE(client.closed_by_server());
  EXPECT_FALSE(kept->send("data: too late\n\n"));
  EXPECT_TRUE(server->stop_and_wait(std::chrono::seconds(3)));
}

}  // namespace
}  // namespace rp::http
