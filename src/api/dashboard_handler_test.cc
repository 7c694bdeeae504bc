// How the dashboard joins its parts (the routes themselves are tested over HTTP in
// billing_api_test.cc).

#include "api/dashboard_handler.h"

#include <gtest/gtest.h>

#include "http/problem.h"

namespace rp::api {
namespace {

http::Response ok(std::string body) {
  http::Response response;
  response.body = std::move(body);
  return response;
}

TEST(JoinDashboard, PartsAreJoinedInOrderUnderTheirNames) {
  std::vector<DashboardPart> parts;
  parts.push_back({"bills", false, ok(R"({"bills":[]})")});
  parts.push_back({"autopay", false, ok(R"({"enrolled":false})")});
  http::Response joined = join_dashboard(std::move(parts));
  EXPECT_EQ(joined.status, 200);
  EXPECT_EQ(joined.content_type, "application/json");
  EXPECT_EQ(joined.body, R"({"bills":{"bills":[]},"autopay":{"enrolled":false}})");
  EXPECT_TRUE(joined.log_detail.empty());
}

TEST(JoinDashboard, AFailedRequiredPartIsTheAnswer) {
  std::vector<DashboardPart> parts;
  parts.push_back({"bills", false, ok("{}")});
  parts.push_back({"payments", false, http::problem(404, "not-found", "Not found", "no account")});
  parts.push_back({"period_to_date", true, ok("{}")});
  http::Response joined = join_dashboard(std::move(parts));
  EXPECT_EQ(joined.status, 404);
  EXPECT_NE(joined.body.find("no account"), std::string::npos);
}

TEST(JoinDashboard, AFailedOptionalPartIsNullAndAServerFailureIsLogged) {
  std::vector<DashboardPart> parts;
  parts.push_back({"bills", false, ok("{}")});
  http::Response broken = http::problem(500, "internal", "Internal error", "sorry");
  broken.log_detail = "SQLITE_BUSY";
  parts.push_back({"period_to_date", true, std::move(broken)});
  http::Response joined = join_dashboard(std::move(parts));
  EXPECT_EQ(joined.status, 200);
  EXPECT_EQ(joined.body, R"({"bills":{},"period_to_date":null})");
  EXPECT_EQ(joined.log_detail, "period_to_date: SQLITE_BUSY");

  std::vector<DashboardPart> refused;
  refused.push_back({"period_to_date", true, http::problem(409, "conflict", "Conflict", "no")});
  http::Response quiet = join_dashboard(std::move(refused));
  EXPECT_EQ(quiet.body, R"({"period_to_date":null})");
  EXPECT_TRUE(quiet.log_detail.empty()) << "a refusal is not a server failure";
}

}  // namespace
}  // namespace rp::api
