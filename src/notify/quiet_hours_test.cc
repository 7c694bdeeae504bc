#include "notify/quiet_hours.h"

#include <gtest/gtest.h>

namespace rp::notify {
namespace {

Instant at(const char* text) {
  return *parse_instant(text, "at");
}

TEST(QuietHours, ATextAtNightWaitsForEightOnTheCustomersClockAcrossADaylightSavingChange) {
  const UtilityZone new_york = *UtilityZone::find("America/New_York");
  const QuietHours quiet;
  // 22:00 EDT on Saturday Oct 31; clocks fall back overnight: 08:00 EST is 13:00 UTC.
  EXPECT_EQ(after_quiet_hours(new_york, quiet, at("2026-11-01T02:00:00Z")),
            at("2026-11-01T13:00:00Z"));
  // 01:30 EST (the second one), still night: the same morning.
  EXPECT_EQ(after_quiet_hours(new_york, quiet, at("2026-11-01T06:30:00Z")),
            at("2026-11-01T13:00:00Z"));
  // Spring forward: 23:00 EST on Mar 7 waits for 08:00 EDT, 12:00 UTC.
  EXPECT_EQ(after_quiet_hours(new_york, quiet, at("2026-03-08T04:00:00Z")),
            at("2026-03-08T12:00:00Z"));
  // Daytime goes at once; 20:59 too; 21:00 waits; 08:00 goes.
  EXPECT_EQ(after_quiet_hours(new_york, quiet, at("2026-11-02T17:00:00Z")),
            at("2026-11-02T17:00:00Z"));
  EXPECT_EQ(after_quiet_hours(new_york, quiet, at("2026-11-03T01:59:00Z")),
            at("2026-11-03T01:59:00Z"));
  EXPECT_EQ(after_quiet_hours(new_york, quiet, at("2026-11-03T02:00:00Z")),
            at("2026-11-03T13:00:00Z"));
  EXPECT_EQ(after_quiet_hours(new_york, quiet, at("2026-11-03T13:00:00Z")),
            at("2026-11-03T13:00:00Z"));
}

TEST(QuietHours, SameStartAndEndMeansNone) {
  const UtilityZone zone = *UtilityZone::find("America/Los_Angeles");
  EXPECT_EQ(after_quiet_hours(zone, {0, 0}, at("2026-11-03T10:00:00Z")),
            at("2026-11-03T10:00:00Z"));
}

}  // namespace
}  // namespace rp::notify
