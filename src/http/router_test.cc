#include "http/router.h"

#include <gtest/gtest.h>

namespace rp::http {
namespace {

Handler answer(std::string name) {
  return [name](Request&) { return json_response(200, {{"handler", name}}); };
}

Request request_for(std::string method, std::string target) {
  Request request;
  request.method = std::move(method);
  request.target = target;
  request.path = target.substr(0, target.find('?'));
  request.request_id = "test";
  return request;
}

TEST(Router, CapturesNamedSegmentsOfTheMatchedPattern) {
  Router router;
  router.add("GET", "/api/v1/accounts/{number}/bills/{bill}", answer("bill"));
  Router::Match match = router.find("GET", "/api/v1/accounts/1000-2345-6/bills/B-77");
  ASSERT_EQ(match.outcome, Router::Match::Outcome::found);
  EXPECT_EQ(match.pattern, "/api/v1/accounts/{number}/bills/{bill}");
  EXPECT_EQ(match.params.at("number"), "1000-2345-6");
  EXPECT_EQ(match.params.at("bill"), "B-77");
}

TEST(Router, DecodesEachSegmentSoAnEncodedSlashStaysInItsCapture) {
  Router router;
  router.add("GET", "/api/v1/premises/{address}", answer("premise"));
  Router::Match match = router.find("GET", "/api/v1/premises/12%20Elm%20St%2FApt%203");
  ASSERT_EQ(match.outcome, Router::Match::Outcome::found);
  EXPECT_EQ(match.params.at("address"), "12 Elm St/Apt 3");
}

TEST(Router, LiteralSegmentBeatsCaptureWhateverTheRegistrationOrder) {
  Router router;
  router.add("GET", "/api/v1/accounts/{number}", answer("by-number"));
  router.add("GET", "/api/v1/accounts/search", answer("search"));
  EXPECT_EQ(router.find("GET", "/api/v1/accounts/search").pattern, "/api/v1/accounts/search");
  EXPECT_EQ(router.find("GET", "/api/v1/accounts/1000-2345-6").pattern,
            "/api/v1/accounts/{number}");
}

TEST(Router, CaptureDoesNotMatchAnEmptySegmentOrExtraSegments) {
  Router router;
  router.add("GET", "/api/v1/accounts/{number}", answer("account"));
  EXPECT_EQ(router.find("GET", "/api/v1/accounts/").outcome, Router::Match::Outcome::not_found);
  EXPECT_EQ(router.find("GET", "/api/v1/accounts/1/x").outcome, Router::Match::Outcome::not_found);
  EXPECT_EQ(router.find("GET", "/api/v1/accounts").outcome, Router::Match::Outcome::not_found);
}

TEST(Router, HandleFillsParamsAndRouteAndCallsHandler) {
  Router router;
  router.add("GET", "/api/v1/accounts/{number}", [](Request& request) {
    return json_response(200, {{"number", request.path_param("number")}});
  });
  Request request = request_for("GET", "/api/v1/accounts/42?include=balance");
  Response response = router.handle(request);
  EXPECT_EQ(response.status, 200);
  EXPECT_EQ(response.body, R"({"number":"42"})");
  EXPECT_EQ(request.route, "/api/v1/accounts/{number}");
}

TEST(Router, UnknownPathIs404ProblemNamingThePath) {
  Router router;
  router.add("GET", "/api/v1/accounts", answer("list"));
  Request request = request_for("GET", "/api/v1/acounts");
  Response response = router.handle(request);
  EXPECT_EQ(response.status, 404);
  EXPECT_EQ(response.content_type, "application/problem+json");
  auto body = nlohmann::json::parse(response.body);
  EXPECT_EQ(body["type"], "https://ratepayer.dev/problems/not-found");
  EXPECT_NE(body["detail"].get<std::string>().find("/api/v1/acounts"), std::string::npos);
  EXPECT_EQ(request.route, "unmatched");
}

TEST(Router, KnownPathWithOtherMethodIs405ListingAllowedMethods) {
  Router router;
  router.add("GET", "/api/v1/accounts/{number}/payments", answer("list"));
  router.add("POST", "/api/v1/accounts/{number}/payments", answer("pay"));
  Request request = request_for("DELETE", "/api/v1/accounts/7/payments");
  Response response = router.handle(request);
  EXPECT_EQ(response.status, 405);
  EXPECT_EQ(response.header("Allow"), "GET, HEAD, POST");
  EXPECT_EQ(nlohmann::json::parse(response.body)["type"],
            "https://ratepayer.dev/problems/method-not-allowed");
}

TEST(Router, HeadFallsBackToGetRoute) {
  Router router;
  router.add("GET", "/api/v1/tariffs", answer("tariffs"));
  Router::Match match = router.find("HEAD", "/api/v1/tariffs");
  ASSERT_EQ(match.outcome, Router::Match::Outcome::found);
  EXPECT_EQ(match.pattern, "/api/v1/tariffs");
}

TEST(Router, RootPathMatchesRootPatternOnly) {
  Router router;
  router.add("GET", "/", answer("root"));
  EXPECT_EQ(router.find("GET", "/").outcome, Router::Match::Outcome::found);
  EXPECT_EQ(router.find("GET", "/x").outcome, Router::Match::Outcome::not_found);
}

TEST(Router, MalformedEscapeInPathMatchesNothing) {
  Router router;
  router.add("GET", "/api/v1/accounts/{number}", answer("account"));
  EXPECT_EQ(router.find("GET", "/api/v1/accounts/%zz").outcome, Router::Match::Outcome::not_found);
}

TEST(Router, RoutesListsEveryRegisteredMethodAndPattern) {
  Router router;
  router.add("GET", "/api/v1/accounts/{number}", answer("a"));
  router.add("POST", "/api/v1/accounts/{number}/payments", answer("b"));
  std::vector<std::pair<std::string, std::string>> expected = {
      {"GET", "/api/v1/accounts/{number}"}, {"POST", "/api/v1/accounts/{number}/payments"}};
  EXPECT_EQ(router.routes(), expected);
}

TEST(RouterDeathTest, RegisteringTheSameRouteTwiceIsADefect) {
  Router router;
  router.add("GET", "/api/v1/accounts/{number}", answer("a"));
  EXPECT_DEATH(router.add("GET", "/api/v1/accounts/{id}", answer("b")), "registered twice");
}

TEST(RouterDeathTest, CaptureThatIsNotAWholeSegmentIsADefect) {
  Router router;
  EXPECT_DEATH(router.add("GET", "/api/v1/bills/B-{number}", answer("a")), "whole segment");
}

}  // namespace
}  // namespace rp::http
