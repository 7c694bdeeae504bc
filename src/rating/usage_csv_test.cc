#include "rating/usage_csv.h"

#include <gtest/gtest.h>

namespace rp::rating {
namespace {

TEST(UsageCsv, ReadsFifteenMinuteKwhWithOffsetsAndCrlf) {
  auto usage = parse_usage_csv(
      "interval_start,kWh\r\n"
      "2026-03-08T00:00:00-08:00,0.412\r\n"
      "2026-03-08T00:15:00-08:00,0.398\r\n"
      "2026-03-08T08:30:00Z,1.5\r\n\r\n");
  ASSERT_TRUE(usage.ok()) << usage.error().message;
  EXPECT_EQ(usage->unit, UsageUnit::kWh);
  EXPECT_EQ(usage->series.interval, std::chrono::minutes(15));
  EXPECT_EQ(format_instant(usage->series.start), "2026-03-08T08:00:00Z");
  ASSERT_EQ(usage->series.values.size(), 3u);
  EXPECT_EQ(usage->series.values[0].to_string(), "0.412");
  EXPECT_EQ(usage->series.values[2].to_string(), "1.5");
}

TEST(UsageCsv, OtherUnitsAreNamedInTheHeader) {
  auto usage = parse_usage_csv("interval_start,gal\n2026-01-01T00:00:00Z,3\n2026-01-01T01:00:00Z,0\n");
  ASSERT_TRUE(usage.ok());
  EXPECT_EQ(usage->unit, UsageUnit::gal);
  EXPECT_EQ(usage->series.interval, std::chrono::minutes(60));
}

TEST(UsageCsv, EachProblemNamesItsLine) {
  auto field_of = [](std::string_view text) {
    auto usage = parse_usage_csv(text);
    return usage.ok() ? std::string("ok") : usage.error().field;
  };
  EXPECT_EQ(field_of("start,kwh\n"), "line 1");
  EXPECT_EQ(field_of("interval_start,volts\n"), "line 1");
  EXPECT_EQ(field_of("interval_start,kwh\n2026-01-01T00:00:00Z,1\n2026-01-01T00:15:00Z,abc\n"),
            "line 3");
  EXPECT_EQ(field_of("interval_start,kwh\n2026-01-01 00:00,1\n2026-01-01T00:15:00Z,1\n"), "line 2");
  // A gap: the fourth line should start at 00:30.
  EXPECT_EQ(field_of("interval_start,kwh\n2026-01-01T00:00:00Z,1\n2026-01-01T00:15:00Z,1\n"
                     "2026-01-01T00:45:00Z,1\n"),
            "line 4");
  EXPECT_EQ(field_of("interval_start,kwh\n2026-01-01T00:00:00Z,1\n2026-01-01T00:07:00Z,1\n"),
            "line 3");
  EXPECT_EQ(field_of("interval_start,kwh\n2026-01-01T00:00:00Z,1,2\n2026-01-01T00:15:00Z,1\n"),
            "line 2");
}

TEST(UsageCsv, ADaylightSavingChangeIsJustMoreIntervalsInUtc) {
  // 01:45 PST is followed by 03:00 PDT: fifteen minutes later in UTC, so no gap.
  auto usage = parse_usage_csv(
      "interval_start,kwh\n2026-03-08T01:45:00-08:00,1\n2026-03-08T03:00:00-07:00,1\n");
  ASSERT_TRUE(usage.ok()) << usage.error().message;
  EXPECT_EQ(usage->series.values.size(), 2u);
}

}  // namespace
}  // namespace rp::rating
