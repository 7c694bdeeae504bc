#include "http/json_body.h"

#include <gtest/gtest.h>

#include "http/problem.h"

namespace rp::http {
namespace {

Request post(std::string content_type, std::string body) {
  Request request;
  request.method = "POST";
  if (!content_type.empty()) request.headers.emplace_back("content-type", content_type);
  request.body = std::move(body);
  return request;
}

TEST(JsonBody, ParsesJsonSentAsApplicationJson) {
  auto body = parse_json_body(post("application/json; charset=utf-8", R"({"amount":"12.50"})"));
  ASSERT_TRUE(body.ok());
  EXPECT_EQ((*body)["amount"], "12.50");
}

TEST(JsonBody, AcceptsStructuredJsonSuffixTypes) {
  EXPECT_TRUE(parse_json_body(post("application/merge-patch+json", R"({"paperless":true})")).ok());
}

TEST(JsonBody, MalformedJsonIsInvalidInputOnBodyWithParserMessage) {
  auto body = parse_json_body(post("application/json", R"({"amount": 12.50,})"));
  ASSERT_FALSE(body.ok());
  EXPECT_EQ(body.error().kind, ErrorKind::invalid_input);
  EXPECT_EQ(body.error().field, "body");
  EXPECT_TRUE(body.error().message.starts_with("request body is not valid JSON: parse error at"))
      << body.error().message;
  EXPECT_EQ(problem_from_error(body.error()).status, 422);
}

TEST(JsonBody, NumbersTooLargeAreInvalidInputNamingWhere) {
  auto huge = parse_json_body(post("application/json", R"({"amount": 1e400})"));
  ASSERT_FALSE(huge.ok());
  EXPECT_EQ(huge.error().field, "body");
  EXPECT_EQ(problem_from_error(huge.error()).status, 422);
  auto wrapped =
      parse_json_body(post("application/json", R"({"card": {"exp_month": 18446744073709551615}})"));
  ASSERT_FALSE(wrapped.ok());
  EXPECT_EQ(wrapped.error().field, "card.exp_month");
  auto listed = parse_json_body(post("application/json", R"([1, 9223372036854775808])"));
  ASSERT_FALSE(listed.ok());
  EXPECT_EQ(listed.error().field, "[1]");
  EXPECT_TRUE(parse_json_body(post("application/json", R"({"n": 9223372036854775807})")).ok());
}

TEST(JsonBody, EmptyBodyIsInvalidInputOnBody) {
  auto body = parse_json_body(post("application/json", ""));
  ASSERT_FALSE(body.ok());
  EXPECT_EQ(body.error().field, "body");
  EXPECT_NE(body.error().message.find("empty"), std::string::npos);
}

TEST(JsonBody, OtherContentTypeIsA415Problem) {
  auto body = parse_json_body(post("text/plain", R"({"amount":"12.50"})"));
  ASSERT_FALSE(body.ok());
  EXPECT_EQ(body.error().field, kContentTypeField);
  Response response = problem_from_error(body.error());
  EXPECT_EQ(response.status, 415);
  EXPECT_NE(response.body.find("text/plain"), std::string::npos);
}

TEST(JsonBody, MissingContentTypeWithBodyIsA415Problem) {
  auto body = parse_json_body(post("", R"({"amount":"12.50"})"));
  ASSERT_FALSE(body.ok());
  EXPECT_EQ(problem_from_error(body.error()).status, 415);
}

}  // namespace
}  // namespace rp::http
