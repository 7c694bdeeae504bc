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
