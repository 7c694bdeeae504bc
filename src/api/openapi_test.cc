#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "api/api.h"
#include "http/metrics.h"
#include "http/router.h"
#include "store/testing/test_database.h"

namespace rp::api {
namespace {

std::string lower(std::string text) {
  for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

TEST(OpenApi, EveryRouteIsDocumented) {
  store::testing::TestDatabase test;
  http::Metrics metrics;
  ApiContext context{test.database(), metrics};
  http::Router router;
  add_routes(router, context);

  auto document = nlohmann::json::parse(openapi_json());
  ASSERT_TRUE(document.contains("paths"));
  ASSERT_FALSE(router.routes().empty());
  for (const auto& [method, pattern] : router.routes()) {
    ASSERT_TRUE(document["paths"].contains(pattern)) << pattern << " is missing from openapi.yaml";
    EXPECT_TRUE(document["paths"][pattern].contains(lower(method)))
        << method << " " << pattern << " is missing from openapi.yaml";
  }
}

TEST(OpenApi, QuotedNumbersStayStrings) {
  auto document = nlohmann::json::parse(openapi_json());
  EXPECT_EQ(document["openapi"], "3.1.0");
  EXPECT_TRUE(document["paths"]["/healthz"]["get"]["responses"].contains("200"));
}

}  // namespace
}  // namespace rp::api
