#include "http/dispatch.h"

#include <gtest/gtest.h>

#include <stdexcept>

#include "http/problem.h"

namespace rp::http {
namespace {

Request get(std::string target) {
  Request request;
  request.method = "GET";
  request.target = target;
  request.path = target;
  request.request_id = "req-1";
  return request;
}

TEST(Dispatch, KeepsSaneClientRequestIdAndReplacesOthers) {
  EXPECT_EQ(choose_request_id("5f0c-1a:2.b_3"), "5f0c-1a:2.b_3");
  EXPECT_EQ(choose_request_id("has space").size(), 16u);
  EXPECT_EQ(choose_request_id(std::string(129, 'a')).size(), 16u);
  EXPECT_EQ(choose_request_id(std::nullopt).size(), 16u);
  EXPECT_NE(choose_request_id(std::nullopt), choose_request_id(std::nullopt));
}

TEST(Dispatch, HandlerProblemGetsRequestIdAndStandardHeaders) {
  Router router;
  router.add("GET", "/api/v1/accounts/{number}",
             [](Request&) { return problem_from_error(not_found("no account 1000-2345-6")); });
  Request request = get("/api/v1/accounts/1000-2345-6");
  Response response = dispatch(router, nullptr, request);
  EXPECT_EQ(response.status, 404);
  EXPECT_EQ(nlohmann::json::parse(response.body)["request_id"], "req-1");
  EXPECT_EQ(response.header("X-Request-Id"), "req-1");
  EXPECT_EQ(response.header("X-Content-Type-Options"), "nosniff");
  EXPECT_EQ(request.route, "/api/v1/accounts/{number}");
}

TEST(Dispatch, EveryAnswerCarriesTheSecurityHeadersAndPrivateJsonIsNeverStored) {
  Router router;
  router.add("GET", "/api/v1/me", [](Request&) { return json_response(200, {{"id", 1}}); });
  router.add("GET", "/api/v1/openapi.json", [](Request&) {
    Response document = json_response(200, nlohmann::json::object());
    document.set_header("Cache-Control", "public, max-age=300");
    return document;
  });
  router.add("GET", "/logo.txt", [](Request&) { return text_response(200, "logo"); });
  for (const char* target : {"/api/v1/me", "/api/v1/openapi.json", "/logo.txt", "/nowhere"}) {
    Request request = get(target);
    Response response = dispatch(router, nullptr, request);
    const std::string_view policy = response.header("Content-Security-Policy");
    EXPECT_NE(policy.find("frame-ancestors 'none'"), std::string_view::npos) << target;
    EXPECT_EQ(policy.find("unsafe-inline"), std::string_view::npos) << target;
    EXPECT_EQ(response.header("X-Content-Type-Options"), "nosniff") << target;
    EXPECT_EQ(response.header("Referrer-Policy"), "no-referrer") << target;
  }
  Request me = get("/api/v1/me");
  EXPECT_EQ(dispatch(router, nullptr, me).header("Cache-Control"), "no-store");
  Request problem_answer = get("/nowhere");
  EXPECT_EQ(dispatch(router, nullptr, problem_answer).header("Cache-Control"), "no-store");
  Request document = get("/api/v1/openapi.json");
  EXPECT_EQ(dispatch(router, nullptr, document).header("Cache-Control"), "public, max-age=300");
}

TEST(Dispatch, LogsShowPathsWithoutQueriesThatMayHoldTokens) {
  EXPECT_EQ(loggable_target("/verify?token=abc123"), "/verify");
  EXPECT_EQ(loggable_target("/api/v1/staff/accounts"), "/api/v1/staff/accounts");
}

TEST(Dispatch, TheClientAddressIsReadFromTrustedProxiesOnly) {
  const std::vector<std::string> proxies{"10.0.0.5", "10.0.0.6"};
  // Not behind a proxy: whatever the client claims is ignored.
  EXPECT_EQ(client_address("203.0.113.9", "198.51.100.1", proxies), "203.0.113.9");
  EXPECT_EQ(client_address("203.0.113.9", "198.51.100.1", {}), "203.0.113.9");
  // Behind one proxy and then another: the right-most address no proxy of ours added.
  EXPECT_EQ(client_address("10.0.0.5", "198.51.100.1", proxies), "198.51.100.1");
  EXPECT_EQ(client_address("10.0.0.5", "1.2.3.4, 198.51.100.1, 10.0.0.6", proxies), "198.51.100.1");
  EXPECT_EQ(client_address("10.0.0.5", std::nullopt, proxies), "10.0.0.5");
  EXPECT_EQ(client_address("10.0.0.5", "", proxies), "10.0.0.5");
}

TEST(Dispatch, ThrowingHandlerBecomes500WithTheCauseOnlyInTheLogDetail) {
  Router router;
  router.add("GET", "/api/v1/boom",
             [](Request&) -> Response { throw std::out_of_range("vector::at"); });
  Request request = get("/api/v1/boom");
  Response response = dispatch(router, nullptr, request);
  EXPECT_EQ(response.status, 500);
  EXPECT_EQ(response.body.find("vector::at"), std::string::npos);
  EXPECT_NE(response.log_detail.find("vector::at"), std::string::npos);
  EXPECT_EQ(request.route, "/api/v1/boom");
}

TEST(Dispatch, UnmatchedRequestIsLabelledUnmatched) {
  Router router;
  Request request = get("/api/v1/nothing");
  EXPECT_EQ(dispatch(router, nullptr, request).status, 404);
  EXPECT_EQ(request.route, "unmatched");
}

}  // namespace
}  // namespace rp::http
