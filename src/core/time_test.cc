#include "core/time.h"

#include <chrono>

#include <gtest/gtest.h>

namespace rp {
namespace {

using std::chrono::hours;
using std::chrono::seconds;

UtilityZone zone(std::string_view name) {
  Result<UtilityZone> found = UtilityZone::find(name);
  EXPECT_TRUE(found.ok()) << name << ": " << found.error().message;
  return *found;
}

Instant at(std::string_view iso) {
  Result<Instant> instant = parse_instant(iso, "at");
  EXPECT_TRUE(instant.ok()) << iso << ": " << instant.error().message;
  return instant.ok() ? *instant : Instant();
}

LocalDate day(std::string_view text) {
  Result<LocalDate> date = parse_local_date(text, "date");
  EXPECT_TRUE(date.ok()) << text << ": " << date.error().message;
  return date.ok() ? *date : LocalDate();
}

TEST(UtilityZone, NewYorkSpringForwardDayHas23Hours) {
  const UtilityZone new_york = zone("America/New_York");
  EXPECT_EQ(new_york.start_of_day(day("2026-03-08")), at("2026-03-08T05:00:00Z"));
  EXPECT_EQ(new_york.end_of_day(day("2026-03-08")), at("2026-03-09T04:00:00Z"));
  EXPECT_EQ(new_york.hours_in_day(day("2026-03-08")), hours(23));
}

TEST(UtilityZone, NewYorkFallBackDayHas25Hours) {
  const UtilityZone new_york = zone("America/New_York");
  EXPECT_EQ(new_york.start_of_day(day("2026-11-01")), at("2026-11-01T04:00:00Z"));
  EXPECT_EQ(new_york.end_of_day(day("2026-11-01")), at("2026-11-02T05:00:00Z"));
  EXPECT_EQ(new_york.hours_in_day(day("2026-11-01")), hours(25));
  EXPECT_EQ(new_york.day_length(day("2026-11-01")), seconds(25 * 3600));
}

TEST(UtilityZone, LocalTimesOfDayAcrossDaylightSavingChanges) {
  const UtilityZone new_york = zone("America/New_York");
  // 08:00 on the fall-back day is 13:00 UTC (EST), the day before 12:00 UTC (EDT).
  EXPECT_EQ(new_york.at_local_time(day("2026-11-01"), hours(8)), at("2026-11-01T13:00:00Z"));
  EXPECT_EQ(new_york.at_local_time(day("2026-10-31"), hours(21)), at("2026-11-01T01:00:00Z"));
  EXPECT_EQ(new_york.local_time_of_day(at("2026-11-01T13:00:00Z")), hours(8));
  EXPECT_EQ(new_york.local_time_of_day(at("2026-11-01T05:30:00Z")),
            hours(1) + std::chrono::minutes(30));  // 01:30 EDT
  EXPECT_EQ(new_york.local_time_of_day(at("2026-11-01T06:30:00Z")),
            hours(1) + std::chrono::minutes(30));  // 01:30 EST, the second time
  // 02:30 does not exist on the spring-forward day: the change itself (03:00 EDT).
  EXPECT_EQ(new_york.at_local_time(day("2026-03-08"), hours(2) + std::chrono::minutes(30)),
            at("2026-03-08T07:00:00Z"));
  // 01:30 happens twice on the fall-back day: the earlier (EDT).
  EXPECT_EQ(new_york.at_local_time(day("2026-11-01"), hours(1) + std::chrono::minutes(30)),
            at("2026-11-01T05:30:00Z"));
}

TEST(UtilityZone, LosAngelesDaylightSavingDays) {
  const UtilityZone los_angeles = zone("America/Los_Angeles");
  EXPECT_EQ(los_angeles.start_of_day(day("2026-03-08")), at("2026-03-08T08:00:00Z"));
  EXPECT_EQ(los_angeles.end_of_day(day("2026-03-08")), at("2026-03-09T07:00:00Z"));
  EXPECT_EQ(los_angeles.hours_in_day(day("2026-03-08")), hours(23));
  EXPECT_EQ(los_angeles.start_of_day(day("2026-11-01")), at("2026-11-01T07:00:00Z"));
  EXPECT_EQ(los_angeles.end_of_day(day("2026-11-01")), at("2026-11-02T08:00:00Z"));
  EXPECT_EQ(los_angeles.hours_in_day(day("2026-11-01")), hours(25));
}

TEST(UtilityZone, OrdinaryDaysHave24Hours) {
  const UtilityZone new_york = zone("America/New_York");
  for (const char* date :
       {"2026-03-07", "2026-03-09", "2026-10-31", "2026-11-02", "2026-07-04", "2028-02-29"}) {
    EXPECT_EQ(new_york.hours_in_day(day(date)), hours(24)) << date;
  }
  EXPECT_EQ(new_york.start_of_day(day("2026-07-04")), at("2026-07-04T04:00:00Z"));
  EXPECT_EQ(zone("UTC").start_of_day(day("2026-07-04")), at("2026-07-04T00:00:00Z"));
  EXPECT_EQ(zone("Asia/Kolkata").start_of_day(day("2026-07-04")), at("2026-07-03T18:30:00Z"));
}

TEST(UtilityZone, ConsecutiveDaysTileTimeWithoutGapsOrOverlaps) {
  const UtilityZone new_york = zone("America/New_York");
  LocalDate date = day("2026-01-01");
  seconds year{0};
  for (int i = 0; i < 365; ++i) {
    const LocalDate next{date::sys_days(date) + date::days(1)};
    EXPECT_EQ(new_york.end_of_day(date), new_york.start_of_day(next));
    year += new_york.day_length(date);
    date = next;
  }
  EXPECT_EQ(year, hours(365 * 24));
}

TEST(UtilityZone, DayWhoseMidnightDoesNotExistStartsAtTheTransition) {
  // Havana springs forward at 00:00 -> 01:00, so 2026-03-08 begins at 01:00 CDT.
  const UtilityZone havana = zone("America/Havana");
  EXPECT_EQ(havana.start_of_day(day("2026-03-08")), at("2026-03-08T05:00:00Z"));
  EXPECT_EQ(havana.end_of_day(day("2026-03-07")), at("2026-03-08T05:00:00Z"));
  EXPECT_EQ(havana.hours_in_day(day("2026-03-08")), hours(23));
  EXPECT_EQ(havana.hours_in_day(day("2026-03-07")), hours(24));
  EXPECT_EQ(havana.format_local(havana.start_of_day(day("2026-03-08"))),
            "2026-03-08T01:00:00-04:00");
}

TEST(UtilityZone, DayWhoseMidnightHappensTwiceStartsAtTheFirst) {
  // Havana falls back at 01:00 CDT -> 00:00 CST, so 00:00-01:00 on 2026-11-01 happens twice.
  const UtilityZone havana = zone("America/Havana");
  EXPECT_EQ(havana.start_of_day(day("2026-11-01")), at("2026-11-01T04:00:00Z"));
  EXPECT_EQ(havana.hours_in_day(day("2026-11-01")), hours(25));
  EXPECT_EQ(havana.hours_in_day(day("2026-10-31")), hours(24));
}

TEST(UtilityZone, LocalDateAroundDayBoundaries) {
  const UtilityZone new_york = zone("America/New_York");
  EXPECT_EQ(new_york.local_date(at("2026-03-08T05:00:00Z")), day("2026-03-08"));
  EXPECT_EQ(new_york.local_date(at("2026-03-08T04:59:59Z")), day("2026-03-07"));
  EXPECT_EQ(new_york.local_date(at("2026-03-09T04:00:00Z")), day("2026-03-09"));
  EXPECT_EQ(new_york.local_date(at("2026-03-09T03:59:59Z")), day("2026-03-08"));
  EXPECT_EQ(new_york.local_date(at("2026-11-02T04:59:59Z")), day("2026-11-01"));
  EXPECT_EQ(new_york.local_date(at("2026-11-02T05:00:00Z")), day("2026-11-02"));
  EXPECT_EQ(zone("Pacific/Auckland").local_date(at("2026-11-23T12:00:00Z")), day("2026-11-24"));
}

TEST(UtilityZone, FormatsLocalTimeWithTheOffsetInForce) {
  const UtilityZone new_york = zone("America/New_York");
  EXPECT_EQ(new_york.format_local(at("2026-03-08T06:59:59Z")), "2026-03-08T01:59:59-05:00");
  EXPECT_EQ(new_york.format_local(at("2026-03-08T07:00:00Z")), "2026-03-08T03:00:00-04:00");
  EXPECT_EQ(new_york.format_local(at("2026-11-01T05:30:00Z")), "2026-11-01T01:30:00-04:00");
  EXPECT_EQ(new_york.format_local(at("2026-11-01T06:30:00Z")), "2026-11-01T01:30:00-05:00");
  EXPECT_EQ(zone("Asia/Kolkata").format_local(at("2026-11-23T00:00:00Z")),
            "2026-11-23T05:30:00+05:30");
  EXPECT_EQ(zone("UTC").format_local(at("2026-11-23T00:00:00Z")), "2026-11-23T00:00:00+00:00");
}

TEST(UtilityZone, FormatLocalRoundTripsThroughParseInstant) {
  const UtilityZone new_york = zone("America/New_York");
  for (const char* iso : {"2026-03-08T06:59:59Z", "2026-03-08T07:00:00Z", "2026-11-01T05:30:00Z",
                          "2026-11-01T06:30:00Z"}) {
    EXPECT_EQ(at(new_york.format_local(at(iso))), at(iso)) << iso;
  }
}

TEST(UtilityZone, UnknownZoneIsInvalidInputNamingIt) {
  for (const char* name : {"America/Nowhere", "", "Eastern Standard Time", "america/new_york"}) {
    Result<UtilityZone> found = UtilityZone::find(name);
    ASSERT_FALSE(found.ok()) << name;
    EXPECT_EQ(found.error().kind, ErrorKind::invalid_input);
    EXPECT_EQ(found.error().field, "time_zone");
    EXPECT_NE(found.error().message.find(std::string("\"") + name + "\""), std::string::npos)
        << found.error().message;
  }
}

TEST(UtilityZone, KeepsItsNameAndComparesByIt) {
  EXPECT_EQ(zone("America/Chicago").name(), "America/Chicago");
  EXPECT_EQ(zone("America/Chicago"), zone("America/Chicago"));
  EXPECT_FALSE(zone("America/Chicago") == zone("America/Denver"));
}

TEST(LocalDateText, ParsesAndFormatsIsoDates) {
  EXPECT_EQ(day("2026-11-23"), date::year(2026) / 11 / 23);
  EXPECT_EQ(day("2028-02-29"), date::year(2028) / 2 / 29);
  EXPECT_EQ(format_local_date(date::year(2026) / 11 / 23), "2026-11-23");
  EXPECT_EQ(format_local_date(date::year(2026) / 1 / 5), "2026-01-05");
}

TEST(LocalDateText, RejectsDatesNotOnTheCalendar) {
  for (const char* text : {"2026-02-30", "2026-02-29", "2026-13-01", "2026-00-10", "2026-04-31"}) {
    Result<LocalDate> date = parse_local_date(text, "due_date");
    ASSERT_FALSE(date.ok()) << text;
    EXPECT_EQ(date.error().field, "due_date");
    EXPECT_NE(date.error().message.find("not a day on the calendar"), std::string::npos);
  }
}

TEST(LocalDateText, RejectsOtherShapes) {
  for (const char* text : {"", "2026-2-3", "20261123", "2026/11/23", "2026-11-23T00:00:00Z",
                           " 2026-11-23", "2026-11-2x", "23-11-2026"}) {
    Result<LocalDate> date = parse_local_date(text, "start_date");
    ASSERT_FALSE(date.ok()) << text;
    EXPECT_EQ(date.error().kind, ErrorKind::invalid_input);
    EXPECT_EQ(date.error().field, "start_date");
    EXPECT_NE(date.error().message.find("YYYY-MM-DD"), std::string::npos);
  }
}

TEST(InstantText, ParsesUtcAndOffsets) {
  const Instant expected =
      Instant(date::sys_days(date::year(2026) / 11 / 23)) + hours(14) + std::chrono::minutes(5);
  EXPECT_EQ(at("2026-11-23T14:05:00Z"), expected);
  EXPECT_EQ(at("2026-11-23T09:05:00-05:00"), expected);
  EXPECT_EQ(at("2026-11-23T19:35:00+05:30"), expected);
  EXPECT_EQ(at("2026-11-24T00:05:00+10:00"), expected);
  EXPECT_EQ(at("2026-11-23T14:05:00+00:00"), expected);
}

TEST(InstantText, DropsFractionalSecondsFlooringToTheSecond) {
  EXPECT_EQ(at("2026-11-23T14:05:00.999Z"), at("2026-11-23T14:05:00Z"));
  EXPECT_EQ(at("2026-11-23T09:05:00.000-05:00"), at("2026-11-23T14:05:00Z"));
  EXPECT_EQ(at("1969-12-31T23:59:59.5Z").time_since_epoch(), seconds(-1));
}

TEST(InstantText, RejectsAnythingElseNamingTheField) {
  for (const char* text :
       {"", "2026-11-23", "2026-11-23T14:05:00", "2026-11-23 14:05:00Z", "2026-11-23T14:05Z",
        "2026-11-23T24:00:00Z", "2026-11-23T14:60:00Z", "2026-11-23T23:59:60Z",
        "2026-02-30T00:00:00Z", "2026-11-23T14:05:00+0500", "2026-11-23T14:05:00Zjunk",
        "2026-11-23T14:05:00.Z", "2026-11-23T14:05:00EST", "1700000000"}) {
    Result<Instant> instant = parse_instant(text, "read_at");
    ASSERT_FALSE(instant.ok()) << text;
    EXPECT_EQ(instant.error().kind, ErrorKind::invalid_input);
    EXPECT_EQ(instant.error().field, "read_at");
    EXPECT_NE(instant.error().message.find("2026-11-23T14:05:00Z"), std::string::npos);
  }
}

TEST(InstantText, FormatsUtcWithZ) {
  EXPECT_EQ(format_instant(at("2026-11-23T09:05:00-05:00")), "2026-11-23T14:05:00Z");
  EXPECT_EQ(format_instant(Instant()), "1970-01-01T00:00:00Z");
  EXPECT_EQ(format_instant(Instant(seconds(-1))), "1969-12-31T23:59:59Z");
}

TEST(Now, IsTheSystemClockFlooredToTheSecond) {
  const auto before = std::chrono::floor<seconds>(std::chrono::system_clock::now());
  const Instant instant = now();
  const auto after = std::chrono::system_clock::now();
  EXPECT_LE(before, instant);
  EXPECT_LE(instant, after);
}

}  // namespace
}  // namespace rp
