#include "mdm/read_fields.h"

#include <cstdint>
#include <limits>
#include <random>
#include <string>

#include <gtest/gtest.h>

#include "core/decimal.h"
#include "core/time.h"

namespace rp::mdm {
namespace {

std::int64_t milli(std::string_view text) {
  std::int64_t value = -999;
  EXPECT_EQ(parse_milli_units(text, value), QuantityProblem::none) << text;
  return value;
}

QuantityProblem problem(std::string_view text) {
  std::int64_t value = 12345;
  const QuantityProblem found = parse_milli_units(text, value);
  EXPECT_EQ(value, 12345) << "changed on a problem: " << text;
  return found;
}

TEST(ParseMilliUnits, ExactDecimalsBecomeThousandths) {
  EXPECT_EQ(milli("0.412"), 412);
  EXPECT_EQ(milli("0.4"), 400);
  EXPECT_EQ(milli("12"), 12000);
  EXPECT_EQ(milli("12.05"), 12050);
  EXPECT_EQ(milli("-3"), -3000);
  EXPECT_EQ(milli("-0.052"), -52);
  EXPECT_EQ(milli("-0"), 0);
  EXPECT_EQ(milli("007.5"), 7500);
  EXPECT_EQ(milli("0.4120"), 412);  // trailing zeros keep the value exact
  EXPECT_EQ(milli("1.000000000"), 1000);
  EXPECT_EQ(milli("183204.5"), 183204500);
  EXPECT_EQ(milli("9223372036854775.807"), std::numeric_limits<std::int64_t>::max());
  EXPECT_EQ(milli("-9223372036854775.807"), -std::numeric_limits<std::int64_t>::max());
}

TEST(ParseMilliUnits, NamesWhatIsWrong) {
  EXPECT_EQ(problem(""), QuantityProblem::empty);
  for (const char* text : {"abc", "-", ".5", "5.", "+1", "1e3", "1,000", " 1", "1 ", "0x10",
                           "1.2.3", "--1", "1-", "0.4125abc", "NaN", "1.0\r"}) {
    EXPECT_EQ(problem(text), QuantityProblem::malformed) << text;
  }
  EXPECT_EQ(problem("0.4125"), QuantityProblem::too_precise);
  EXPECT_EQ(problem("0.0001"), QuantityProblem::too_precise);
  EXPECT_EQ(problem("1.00000000001"), QuantityProblem::too_precise);
  EXPECT_EQ(problem("9223372036854775.808"), QuantityProblem::too_large);
  EXPECT_EQ(problem("9223372036854776"), QuantityProblem::too_large);
  EXPECT_EQ(problem("99999999999999999999999999999"), QuantityProblem::too_large);
  EXPECT_EQ(problem("99999999999999999999999999999x"), QuantityProblem::malformed);
}

TEST(ParseMilliUnits, AgreesWithCoreDecimalOnEveryAcceptedText) {
  std::mt19937_64 random(4);
  const std::string alphabet = "0123456789.-";
  std::uniform_int_distribution<std::size_t> pick(0, alphabet.size() - 1);
  std::uniform_int_distribution<int> length(1, 12);
  for (int trial = 0; trial < 20000; ++trial) {
    std::string text;
    for (int i = length(random); i > 0; --i) text += alphabet[pick(random)];
    std::int64_t value = 0;
    const QuantityProblem found = parse_milli_units(text, value);
    // Zeros past the third decimal are accepted (the value is exact); Decimal takes at most nine.
    std::string_view digits = text;
    if (digits.find('.') != std::string_view::npos) {
      while (digits.size() - digits.find('.') > 4 && digits.back() == '0') digits.remove_suffix(1);
    }
    Result<Decimal> decimal = Decimal::parse(digits);
    if (found == QuantityProblem::none && decimal.ok()) {
      EXPECT_EQ(decimal->raw(), value * 1'000'000) << text;
    } else if (found == QuantityProblem::none) {
      EXPECT_GT(value < 0 ? -value : value, 9'000'000'000'000) << text;  // beyond Decimal's range
    } else if (found == QuantityProblem::malformed) {
      EXPECT_FALSE(decimal.ok()) << text;
    }
  }
}

TEST(QuantityReason, SaysWhatToWrite) {
  EXPECT_EQ(quantity_reason(QuantityProblem::too_precise, "value", "0.4125"),
            "value '0.4125' has more than 3 decimals; values are kept to 0.001 of the unit and "
            "never rounded");
  EXPECT_NE(quantity_reason(QuantityProblem::malformed, "value", "abc").find("like 0.412"),
            std::string::npos);
  EXPECT_EQ(quantity_reason(QuantityProblem::empty, "reading", ""),
            "reading is empty; write a decimal number like 0.412");
}

std::int64_t instant(InstantReader& reader, std::string_view text) {
  std::int64_t seconds = -1;
  EXPECT_TRUE(reader.read(text, seconds)) << text;
  return seconds;
}

TEST(InstantReader, ReadsOffsetsAndZ) {
  InstantReader reader;
  EXPECT_EQ(instant(reader, "1970-01-01T00:00:00Z"), 0);
  EXPECT_EQ(instant(reader, "2026-11-23T08:00:00-08:00"), 1795449600);
  EXPECT_EQ(instant(reader, "2026-11-23T16:00:00Z"), 1795449600);
  EXPECT_EQ(instant(reader, "2026-11-23T21:30:00+05:30"), 1795449600);
  EXPECT_EQ(instant(reader, "2026-11-23T16:00:00.999Z"), 1795449600);  // fraction dropped
  EXPECT_EQ(instant(reader, "1969-12-31T23:59:59Z"), -1);
  EXPECT_EQ(instant(reader, "2024-02-29T00:00:00Z"), 1709164800);
  EXPECT_EQ(instant(reader, "2000-02-29T12:00:00-00:00"), 951825600);
}

TEST(InstantReader, TheDateCacheNeverLeaksIntoAnotherDate) {
  InstantReader reader;
  EXPECT_EQ(instant(reader, "2026-11-23T23:45:00Z"), 1795449600 + 7 * 3600 + 45 * 60);
  EXPECT_EQ(instant(reader, "2026-11-24T00:00:00Z"), 1795449600 + 8 * 3600);
  std::int64_t seconds = 7;
  EXPECT_FALSE(reader.read("2026-11-31T00:00:00Z", seconds));  // not a day
  EXPECT_EQ(seconds, 7);
  EXPECT_FALSE(reader.read("2026-11-24T24:00:00Z", seconds));  // same cached date, bad hour
  EXPECT_EQ(instant(reader, "2026-11-24T00:15:00Z"), 1795449600 + 8 * 3600 + 900);
}

TEST(InstantReader, RejectsWhatCoreParseInstantRejects) {
  InstantReader reader;
  for (const char* text : {"",
                           "2026-11-23",
                           "2026-11-23T08:00:00",
                           "2026-11-23 08:00:00Z",
                           "2026-11-23t08:00:00Z",
                           "2026-11-23T08:00:00z",
                           "2026-11-23T08:00Z",
                           "2026-11-23T08:00:60Z",
                           "2026-11-23T24:00:00Z",
                           "2026-13-01T00:00:00Z",
                           "2026-00-01T00:00:00Z",
                           "2026-02-29T00:00:00Z",
                           "1900-02-29T00:00:00Z",
                           "2026-11-23T08:00:00+0800",
                           "2026-11-23T08:00:00+24:00",
                           "2026-11-23T08:00:00+08:60",
                           "2026-11-23T08:00:00.Z",
                           "2026-11-23T08:00:00-08:00 ",
                           "26-11-23T08:00:00Z",
                           "2026-11-23T08:00:00+08:00:00"}) {
    std::int64_t seconds = 0;
    EXPECT_FALSE(reader.read(text, seconds)) << text;
    EXPECT_FALSE(parse_instant(text, "t").ok()) << text;
  }
}

// Differential test: random mutations of valid instants are accepted by both readers or by
// neither, and when accepted give the same instant.
TEST(InstantReader, AgreesWithCoreParseInstantOnMutatedTexts) {
  std::mt19937_64 random(11);
  const std::string seeds[] = {"2026-11-23T08:00:00-08:00", "2024-02-29T23:59:59Z",
                               "0000-01-01T00:00:00+23:59", "9999-12-31T23:59:59.123456-00:30"};
  const std::string alphabet = "0123456789-+:TZ.29 ";
  std::uniform_int_distribution<std::size_t> pick(0, alphabet.size() - 1);
  InstantReader reader;
  int accepted = 0;
  for (int trial = 0; trial < 50000; ++trial) {
    std::string text = seeds[static_cast<std::size_t>(trial) % 4];
    std::uniform_int_distribution<std::size_t> where(0, text.size() - 1);
    const int edits = 1 + trial % 3;
    for (int i = 0; i < edits; ++i) {
      const std::size_t at = where(random) % text.size();
      switch (random() % 3) {
        case 0:
          text[at] = alphabet[pick(random)];
          break;
        case 1:
          text.erase(at, 1);
          break;
        default:
          text.insert(at, 1, alphabet[pick(random)]);
      }
      if (text.empty()) text = "Z";
    }
    std::int64_t seconds = 0;
    const bool ours = reader.read(text, seconds);
    Result<Instant> core = parse_instant(text, "t");
    ASSERT_EQ(ours, core.ok()) << text;
    if (ours) {
      ++accepted;
      ASSERT_EQ(seconds, core->time_since_epoch().count()) << text;
    }
  }
  EXPECT_GT(accepted, 1000);
}

TEST(CheckName, AcceptsPrintableAsciiWithinTheLimits) {
  std::string reason;
  EXPECT_TRUE(check_name("E1000017", "meter", reason));
  EXPECT_TRUE(check_name("kWh-received", "channel", reason));
  EXPECT_TRUE(check_name("Front Electric Meter", "meter", reason));
  EXPECT_TRUE(check_name(std::string(64, 'M'), "meter", reason));
  EXPECT_FALSE(check_name(std::string(65, 'M'), "meter", reason));
  EXPECT_NE(reason.find("longer than 64 characters"), std::string::npos);
  EXPECT_FALSE(check_name(std::string(33, 'c'), "channel", reason));
  EXPECT_NE(reason.find("longer than 32"), std::string::npos);
  EXPECT_FALSE(check_name("", "meter", reason));
  EXPECT_EQ(reason, "meter is empty");
  EXPECT_FALSE(check_name("E1\t7", "meter", reason));
  EXPECT_NE(reason.find("printable ASCII"), std::string::npos);
  EXPECT_FALSE(check_name("Z\xc3\xa4hler", "meter", reason));
  EXPECT_FALSE(check_name(" E1", "meter", reason));
  EXPECT_NE(reason.find("space"), std::string::npos);
}

TEST(ChannelIndex, InternsEachKeyOnceInFirstSeenOrder) {
  ReadingBatch batch;
  ChannelIndex index(batch);
  std::string reason;
  std::uint32_t a = 9, b = 9, c = 9, again = 9;
  ASSERT_TRUE(index.find_or_add("E1", "kWh", a, reason));
  ASSERT_TRUE(index.find_or_add("E1", "kWh", again, reason));
  EXPECT_EQ(a, again);
  ASSERT_TRUE(index.find_or_add("E1", "kW", b, reason));
  ASSERT_TRUE(index.find_or_add("E2", "kWh", c, reason));
  ASSERT_TRUE(index.find_or_add("E1", "kWh", again, reason));  // not the last key: the map
  EXPECT_EQ(again, a);
  ASSERT_TRUE(index.find_or_add("E1", "kW", again, reason));
  EXPECT_EQ(again, b);
  EXPECT_EQ(a, 0u);
  EXPECT_EQ(b, 1u);
  EXPECT_EQ(c, 2u);
  ASSERT_EQ(batch.channels.size(), 3u);
  EXPECT_EQ(batch.channels[1], (ChannelKey{"E1", "kW"}));
  EXPECT_EQ(batch.interval_seconds, (std::vector<std::int32_t>{0, 0, 0}));
  // The separator cannot make two different keys collide.
  ASSERT_TRUE(index.find_or_add("E1k", "Wh", again, reason));
  EXPECT_EQ(again, 3u);
  EXPECT_FALSE(index.find_or_add("E1", "", again, reason));
  EXPECT_EQ(reason, "channel is empty");
  EXPECT_EQ(batch.channels.size(), 4u);
}

TEST(CleanExcerpt, KeepsValidUtf8AndReplacesTheRest) {
  EXPECT_EQ(clean_excerpt("E1000017,kWh"), "E1000017,kWh");
  EXPECT_EQ(clean_excerpt("Z\xc3\xa4hler \xe2\x82\xac"), "Z\xc3\xa4hler \xe2\x82\xac");
  EXPECT_EQ(clean_excerpt("a\xff"
                          "b"),
            "a?b");
  EXPECT_EQ(clean_excerpt("a\xc3"), "a?");               // a lead byte without its tail
  EXPECT_EQ(clean_excerpt("\xc0\xaf"), "??");            // overlong '/'
  EXPECT_EQ(clean_excerpt("\xed\xa0\x80"), "???");       // a UTF-16 surrogate
  EXPECT_EQ(clean_excerpt("\xf4\x90\x80\x80"), "????");  // past U+10FFFF
  EXPECT_EQ(clean_excerpt(std::string("a\0b\r\x1b\x7f\tc", 8)), "a?b???\tc");
}

TEST(CleanExcerpt, CutsAtACharacterBoundary) {
  EXPECT_EQ(clean_excerpt(std::string(300, 'x')).size(), kMaxRejectTextBytes);
  std::string euros;
  for (int i = 0; i < 100; ++i) euros += "\xe2\x82\xac";
  const std::string cut = clean_excerpt(euros);
  EXPECT_EQ(cut.size(), 198u);  // 66 whole euro signs; the 67th would pass 200 bytes
  EXPECT_EQ(clean_excerpt(euros, 4), "\xe2\x82\xac");
}

TEST(QuotedExcerpt, ShortensLongFields) {
  EXPECT_EQ(quoted_excerpt("abc"), "'abc'");
  EXPECT_EQ(quoted_excerpt(std::string(50, 'x')), "'" + std::string(40, 'x') + "...'");
  EXPECT_EQ(quoted_excerpt(std::string(40, 'x')), "'" + std::string(40, 'x') + "'");
}

TEST(MakeReject, CleansTheLineText) {
  const LineReject reject = make_reject(7, "value 'x' is not a decimal number", "E1,kWh,\xff");
  EXPECT_EQ(reject.line, 7u);
  EXPECT_EQ(reject.reason, "value 'x' is not a decimal number");
  EXPECT_EQ(reject.text, "E1,kWh,?");
}

}  // namespace
}  // namespace rp::mdm
