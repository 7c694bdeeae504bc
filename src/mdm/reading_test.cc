#include "mdm/reading.h"

#include <gtest/gtest.h>

namespace rp::mdm {
namespace {

TEST(Quality, NamesAreTheWordsUsersSee) {
  EXPECT_STREQ(quality_name(Quality::actual), "actual");
  EXPECT_STREQ(quality_name(Quality::estimated), "estimated");
  EXPECT_STREQ(quality_name(Quality::edited), "edited");
  EXPECT_STREQ(quality_name(Quality::missing), "missing");
}

TEST(Quality, ParsesWordsAndLettersInAnyCase) {
  const struct {
    const char* text;
    Quality expected;
  } cases[] = {
      {"actual", Quality::actual},
      {"A", Quality::actual},
      {"a", Quality::actual},
      {"ACTUAL", Quality::actual},
      {"estimated", Quality::estimated},
      {"E", Quality::estimated},
      {"Estimated", Quality::estimated},
      {"edited", Quality::edited},
      {"ED", Quality::edited},
      {"eD", Quality::edited},
      {"missing", Quality::missing},
      {"M", Quality::missing},
  };
  for (const auto& c : cases) {
    Quality parsed = Quality::missing;
    if (c.expected == Quality::missing) parsed = Quality::actual;
    EXPECT_TRUE(parse_quality(c.text, parsed)) << c.text;
    EXPECT_EQ(parsed, c.expected) << c.text;
  }
}

TEST(Quality, EveryNameParsesBackToItsQuality) {
  for (const Quality q : {Quality::actual, Quality::estimated, Quality::edited, Quality::missing}) {
    Quality parsed = q == Quality::actual ? Quality::missing : Quality::actual;
    ASSERT_TRUE(parse_quality(quality_name(q), parsed));
    EXPECT_EQ(parsed, q);
  }
}

TEST(Quality, RejectsAnythingElseAndLeavesTheOutputAlone) {
  for (const char* text : {"", "X", "act", "actual ", " A", "EST", "D", "missing!", "0", "1"}) {
    Quality parsed = Quality::edited;
    EXPECT_FALSE(parse_quality(text, parsed)) << text;
    EXPECT_EQ(parsed, Quality::edited) << text;
  }
}

}  // namespace
}  // namespace rp::mdm
