#include "core/text_fold.h"

#include <gtest/gtest.h>

namespace rp {
namespace {

using Words = std::vector<std::string>;

TEST(TextFoldTest, AccentsAndCaseFoldToPlainLowerCase) {
  EXPECT_EQ(fold_text("Gómez"), "gomez");
  EXPECT_EQ(fold_text("MÜLLER"), "muller");
  EXPECT_EQ(fold_text("Peña"), "pena");
  EXPECT_EQ(fold_text("Łódź"), "lodz");
  EXPECT_EQ(fold_text("Straße"), "strasse");
  EXPECT_EQ(fold_text("Ærøskøbing"), "aeroskobing");
  EXPECT_EQ(fold_text("François Œuvre"), "francois oeuvre");
}

TEST(TextFoldTest, OtherScriptsAreKeptAsTheyAre) {
  EXPECT_EQ(fold_text("Σοφία"), "Σοφία");
  EXPECT_EQ(folded_words("王 芳"), (Words{"王", "芳"}));
}

TEST(TextFoldTest, WordsSplitAtPunctuationAndSpace) {
  EXPECT_EQ(folded_words("  Apt 4-B, Eugene "), (Words{"apt", "4", "b", "eugene"}));
  EXPECT_EQ(folded_words("María José García-López"), (Words{"maria", "jose", "garcia", "lopez"}));
  EXPECT_EQ(folded_words("2×4"), (Words{"2", "4"}));
  EXPECT_TRUE(folded_words(" -- ").empty());
  EXPECT_TRUE(folded_words("").empty());
}

TEST(TextFoldTest, LettersAndDigitsJoinTheWords) {
  EXPECT_EQ(folded_letters_and_digits("Peña-López 42"), "penalopez42");
  EXPECT_EQ(utf8_characters("Peña"), 4u);
  EXPECT_EQ(utf8_characters(""), 0u);
}

TEST(TextFoldTest, ATruncatedSequenceIsKeptWithoutReadingPastTheEnd) {
  std::string cut = "G\xC3";
  EXPECT_EQ(fold_text(cut), "g\xC3");
}

}  // namespace
}  // namespace rp
