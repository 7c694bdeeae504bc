#include "http/url.h"

#include <gtest/gtest.h>

namespace rp::http {
namespace {

TEST(Url, PercentDecodeHandlesEscapesAndPlusOnlyWhenAsked) {
  EXPECT_EQ(percent_decode("12%20Elm+St%2fApt", false), "12 Elm+St/Apt");
  EXPECT_EQ(percent_decode("12%20Elm+St", true), "12 Elm St");
  EXPECT_EQ(percent_decode("caf%C3%A9", false), "caf\xC3\xA9");
}

TEST(Url, PercentDecodeRejectsMalformedEscapesAndNul) {
  EXPECT_FALSE(percent_decode("%", false));
  EXPECT_FALSE(percent_decode("abc%4", false));
  EXPECT_FALSE(percent_decode("%zz", false));
  EXPECT_FALSE(percent_decode("a%00b", false));
}

TEST(Url, ParseTargetSplitsPathAndDecodedQueryInOrder) {
  auto target = parse_target("/api/v1/accounts%2Fx?q=smith+j&status=active&q=2&flag&&=v");
  ASSERT_TRUE(target);
  EXPECT_EQ(target->raw_path, "/api/v1/accounts%2Fx");
  EXPECT_EQ(target->path, "/api/v1/accounts/x");
  std::vector<std::pair<std::string, std::string>> expected = {
      {"q", "smith j"}, {"status", "active"}, {"q", "2"}, {"flag", ""}, {"", "v"}};
  EXPECT_EQ(target->query, expected);
}

TEST(Url, ParseTargetRejectsAbsoluteFormAndBadEscapes) {
  EXPECT_FALSE(parse_target("http://example.com/"));
  EXPECT_FALSE(parse_target("*"));
  EXPECT_FALSE(parse_target("/a?x=%G1"));
  EXPECT_FALSE(parse_target("/a%00"));
}

}  // namespace
}  // namespace rp::http
