#include "app/generate_usage.h"

#include <algorithm>
#include <map>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "app/generate.h"
#include "mdm/interval_day.h"
#include "notify/usage_alerts.h"
#include "store/testing/test_database.h"

namespace rp::app {
namespace {

using store::Rows;
using store::Session;
using store::testing::TestDatabase;

constexpr std::int64_t kDay = 86'400;

LocalDate date_of(int year, unsigned month, unsigned day) {
  return LocalDate{date::year{year}, date::month{month}, date::day{day}};
}

std::int32_t utc_day_of(Instant instant) {
  const std::int64_t seconds = instant.time_since_epoch().count();
  return static_cast<std::int32_t>(seconds / kDay - (seconds % kDay < 0 ? 1 : 0));
}

UtilityZone pacific() {
  return *UtilityZone::find("America/Los_Angeles");
}

// The UTC day and slot of `minute` past local midnight of `day` (elapsed minutes).
std::pair<std::int32_t, std::int32_t> slot_at(const UtilityZone& zone, LocalDate day,
                                              std::int64_t minute) {
  const std::int64_t at = zone.start_of_day(day).time_since_epoch().count() + minute * 60;
  const auto utc_day = static_cast<std::int32_t>(at / kDay);
  return {utc_day, static_cast<std::int32_t>((at - utc_day * kDay) / 900)};
}

// A calendar over the UTC days around [first, last] (local dates).
UsageCalendar calendar_for(const UtilityZone& zone, LocalDate first, LocalDate last) {
  return UsageCalendar(zone, 7, utc_day_of(zone.start_of_day(first)),
                       utc_day_of(zone.end_of_day(last)));
}

// ---- The shape (pure) ---------------------------------------------------------------------------

TEST(GenerateUsageShape, TheSameSeedAndChannelGiveTheSameProfileAndReads) {
  const UtilityZone zone = pacific();
  const UsageCalendar calendar = calendar_for(zone, date_of(2026, 1, 5), date_of(2026, 1, 6));
  const std::int32_t day = calendar.first_day() + 1;
  auto day_of = [&](std::uint64_t seed, std::int64_t channel) {
    const UsageProfile profile = draw_usage_profile(seed, channel, false);
    std::vector<std::int64_t> values;
    for (std::int32_t slot = 0; slot < 96; ++slot) {
      values.push_back(slot_usage_milli(profile, calendar, seed, channel, day, slot, true));
    }
    return values;
  };
  EXPECT_EQ(day_of(7, 42), day_of(7, 42));
  EXPECT_NE(day_of(7, 42), day_of(8, 42));
  EXPECT_NE(day_of(7, 42), day_of(7, 43));
  const UsageProfile first = draw_usage_profile(7, 42, true);
  const UsageProfile again = draw_usage_profile(7, 42, true);
  EXPECT_EQ(first.occupied_watts, again.occupied_watts);
  EXPECT_EQ(first.open_minute, again.open_minute);
  EXPECT_GT(first.occupied_watts, 0);
}

TEST(GenerateUsageShape, AWinterEveningUsesMoreThanASummerNight) {
  const UtilityZone zone = pacific();
  const UsageCalendar calendar = calendar_for(zone, date_of(2026, 1, 1), date_of(2026, 7, 31));
  const auto [winter_day, winter_slot] = slot_at(zone, date_of(2026, 1, 14), 19 * 60);  // Wed
  const auto [summer_day, summer_slot] = slot_at(zone, date_of(2026, 7, 15), 3 * 60);   // Wed
  EXPECT_EQ(calendar.at(winter_day, winter_slot).local_minute, 19 * 60);
  EXPECT_EQ(calendar.at(summer_day, summer_slot).local_minute, 3 * 60);
  std::int64_t winter_total = 0;
  std::int64_t summer_total = 0;
  for (std::int64_t channel = 1; channel <= 200; ++channel) {
    const UsageProfile home = draw_usage_profile(7, channel, false);
    const std::int64_t winter = typical_watts(home, calendar.at(winter_day, winter_slot));
    const std::int64_t summer = typical_watts(home, calendar.at(summer_day, summer_slot));
    EXPECT_GT(winter, summer) << "channel " << channel;
    winter_total += slot_usage_milli(home, calendar, 7, channel, winter_day, winter_slot, true);
    summer_total += slot_usage_milli(home, calendar, 7, channel, summer_day, summer_slot, true);
  }
  EXPECT_GT(winter_total, 2 * summer_total);
}

TEST(GenerateUsageShape, ABusinessUsesMoreAtMiddayOnAWorkdayThanOnASunday) {
  SlotConditions workday;
  workday.local_minute = 12 * 60;
  workday.day_kind = DayKind::workday;
  workday.temperature = 180;
  SlotConditions sunday = workday;
  sunday.day_kind = DayKind::sunday_or_holiday;
  SlotConditions night = workday;
  night.local_minute = 2 * 60;
  for (std::int64_t channel = 1; channel <= 100; ++channel) {
    const UsageProfile business = draw_usage_profile(7, channel, true);
    EXPECT_GT(typical_watts(business, workday), typical_watts(business, sunday)) << channel;
    EXPECT_GT(typical_watts(business, workday), 2 * typical_watts(business, night)) << channel;
  }
  // On the calendar too: Wednesday 2026-04-15 against Sunday 2026-04-19, noise included.
  const UtilityZone zone = pacific();
  const UsageCalendar calendar = calendar_for(zone, date_of(2026, 4, 15), date_of(2026, 4, 19));
  const auto [wednesday, wednesday_slot] = slot_at(zone, date_of(2026, 4, 15), 12 * 60);
  const auto [sunday_day, sunday_slot] = slot_at(zone, date_of(2026, 4, 19), 12 * 60);
  EXPECT_EQ(calendar.at(sunday_day, sunday_slot).day_kind, DayKind::sunday_or_holiday);
  std::int64_t weekday_total = 0;
  std::int64_t sunday_total = 0;
  for (std::int64_t channel = 1; channel <= 100; ++channel) {
    const UsageProfile business = draw_usage_profile(7, channel, true);
    weekday_total +=
        slot_usage_milli(business, calendar, 7, channel, wednesday, wednesday_slot, true);
    sunday_total += slot_usage_milli(business, calendar, 7, channel, sunday_day, sunday_slot, true);
  }
  EXPECT_GT(weekday_total, 2 * sunday_total);
}

// The local minutes, in UTC order, of the slots that make up local day `day`.
std::vector<int> local_minutes_of(const UtilityZone& zone, const UsageCalendar& calendar,
                                  LocalDate day) {
  std::vector<int> minutes;
  const std::int64_t local_day = date::sys_days(day).time_since_epoch().count();
  for (Instant at = zone.start_of_day(day); at < zone.end_of_day(day);
       at += std::chrono::minutes{15}) {
    const std::int64_t seconds = at.time_since_epoch().count();
    const SlotConditions& slot =
        calendar.at(utc_day_of(at), static_cast<std::int32_t>((seconds % kDay) / 900));
    EXPECT_EQ(slot.local_day, local_day);
    minutes.push_back(slot.local_minute);
  }
  return minutes;
}

TEST(GenerateUsageShape, LocalTimeRunsThroughTheDaylightSavingDays) {
  const UtilityZone zone = pacific();
  const UsageCalendar calendar = calendar_for(zone, date_of(2026, 3, 7), date_of(2026, 11, 2));
  std::vector<int> spring = local_minutes_of(zone, calendar, date_of(2026, 3, 8));
  ASSERT_EQ(spring.size(), 92u);  // 02:00-03:00 does not exist
  EXPECT_EQ(spring[7], 105);      // 01:45
  EXPECT_EQ(spring[8], 180);      // then 03:00
  EXPECT_EQ(spring.back(), 1425);
  std::vector<int> autumn = local_minutes_of(zone, calendar, date_of(2026, 11, 1));
  ASSERT_EQ(autumn.size(), 100u);  // 01:00-02:00 twice
  EXPECT_EQ(std::count(autumn.begin(), autumn.end(), 75), 2);
  EXPECT_EQ(autumn.back(), 1425);
}

TEST(GenerateUsageShape, TheEveningPeakStaysAtItsLocalHourWhenTheClocksChange) {
  const UtilityZone zone = pacific();
  const UsageCalendar calendar = calendar_for(zone, date_of(2026, 3, 4), date_of(2026, 3, 11));
  UsageProfile home = draw_usage_profile(7, 1, false);
  home.heating_watts_per_degree = 0;  // the weather would move the peak; the clock must not
  home.cooling_watts_per_degree = 0;
  home.shift_minutes = 0;
  // The slot with the highest typical load of each Wednesday: before and after 2026-03-08.
  auto peak_of = [&](LocalDate day) {
    std::int64_t best = -1;
    Instant best_at;
    for (Instant at = zone.start_of_day(day); at < zone.end_of_day(day);
         at += std::chrono::minutes{15}) {
      const auto slot = static_cast<std::int32_t>((at.time_since_epoch().count() % kDay) / 900);
      const std::int64_t watts = typical_watts(home, calendar.at(utc_day_of(at), slot));
      if (watts > best) best = watts, best_at = at;
    }
    return best_at;
  };
  const Instant standard = peak_of(date_of(2026, 3, 4));
  const Instant daylight = peak_of(date_of(2026, 3, 11));
  EXPECT_EQ(zone.format_local(standard).substr(11, 5), zone.format_local(daylight).substr(11, 5));
  EXPECT_EQ(zone.format_local(standard).substr(11, 2), "18");  // the evening peak
  const std::int64_t standard_utc = standard.time_since_epoch().count() % kDay;
  const std::int64_t daylight_utc = daylight.time_since_epoch().count() % kDay;
  EXPECT_EQ(standard_utc - daylight_utc, 3600) << "one hour earlier in UTC once clocks go forward";
}

TEST(GenerateUsageShape, AVacantPremiseStaysUnderVeesInactiveAllowance) {
  const UtilityZone zone = pacific();
  const UsageCalendar calendar = calendar_for(zone, date_of(2026, 1, 5), date_of(2026, 1, 6));
  for (std::int64_t channel = 1; channel <= 200; ++channel) {
    const UsageProfile profile = draw_usage_profile(7, channel, channel % 5 == 0);
    std::int64_t day_total = 0;
    for (std::int32_t slot = 0; slot < 96; ++slot) {
      day_total +=
          slot_usage_milli(profile, calendar, 7, channel, calendar.first_day() + 1, slot, false);
    }
    EXPECT_GT(day_total, 0);
    EXPECT_LT(day_total, 1000) << "1 kWh a day: VEE's consumption_on_inactive_service allowance";
  }
}

TEST(GenerateUsageShape, HomesUseWhatOregonHomesUseAndMoreInWinter) {
  const UtilityZone zone = pacific();
  const UsageCalendar calendar = calendar_for(zone, date_of(2026, 1, 1), date_of(2026, 7, 31));
  auto average_kwh_per_day = [&](LocalDate first) {
    std::int64_t total = 0;
    const std::int32_t day = utc_day_of(zone.start_of_day(first));
    for (std::int64_t channel = 1; channel <= 100; ++channel) {
      const UsageProfile home = draw_usage_profile(7, channel, false);
      for (std::int32_t d = day; d < day + 7; ++d) {
        for (std::int32_t slot = 0; slot < 96; ++slot) {
          total += slot_usage_milli(home, calendar, 7, channel, d, slot, true);
        }
      }
    }
    return total / 100 / 7 / 1000;
  };
  const std::int64_t january = average_kwh_per_day(date_of(2026, 1, 12));
  const std::int64_t april = average_kwh_per_day(date_of(2026, 4, 13));
  const std::int64_t july = average_kwh_per_day(date_of(2026, 7, 13));
  EXPECT_GE(january, 22);  // ~700-1,300 kWh a month (a third of homes heat with electricity)
  EXPECT_LE(january, 45);
  EXPECT_GE(july, 12);
  EXPECT_LE(july, 30);
  EXPECT_GT(january, april);
}

// ---- In the database ----------------------------------------------------------------------------

GenerateOptions small_utility(std::uint64_t seed = 7) {
  GenerateOptions options;
  options.accounts = 20;
  options.seed = seed;
  options.usage_months = 2;
  options.utility_name = "Willamette Valley Utilities";
  // Many more faults than in life, so that a small utility has every kind.
  options.usage_anomalies.gap_days_ppm = 50'000;
  options.usage_anomalies.spike_days_ppm = 30'000;
  options.usage_anomalies.stuck_meters_ppm = 300'000;
  options.usage_anomalies.long_gap_meters_ppm = 300'000;
  return options;
}

GenerateReport generate(store::Database& database, const GenerateOptions& options) {
  auto report = generate_utility(database, options);
  EXPECT_TRUE(report.ok()) << report.error().message;
  return report.ok() ? *report : GenerateReport{};
}

using store::testing::count;
using store::testing::query;

struct StoredDays {
  std::size_t days = 0;
  std::size_t actual = 0;
  std::size_t estimated = 0;
  std::size_t missing = 0;
  std::int64_t milli = 0;
};

// Every stored interval day, unpacked.
StoredDays stored_days(store::Database& database) {
  StoredDays stored;
  for (const store::Row& row : query(database, "SELECT vals, quality FROM interval_days")) {
    auto values = mdm::unpack_values(row.text(0), 96);
    auto quality = mdm::unpack_quality(row.text(1), 96);
    EXPECT_TRUE(values.ok() && quality.ok());
    if (!values.ok() || !quality.ok()) continue;
    ++stored.days;
    for (std::size_t slot = 0; slot < 96; ++slot) {
      stored.milli += (*values)[slot];
      stored.actual += (*quality)[slot] == mdm::Quality::actual;
      stored.estimated += (*quality)[slot] == mdm::Quality::estimated;
      stored.missing += (*quality)[slot] == mdm::Quality::missing;
    }
  }
  return stored;
}

std::map<std::string, std::size_t> exceptions_by_rule(store::Database& database) {
  std::map<std::string, std::size_t> rules;
  for (const store::Row& row :
       query(database, "SELECT rule, COUNT(*) FROM vee_exceptions GROUP BY rule")) {
    rules[row.text(0)] = static_cast<std::size_t>(row.integer(1));
  }
  return rules;
}

TEST(GenerateUsage, TheReportCountsWhatIsInTheTables) {
  TestDatabase test;
  const UsageReport usage = generate(test.database(), small_utility()).usage;
  // The small utility has every kind of fault, so that every count below is tested.
  EXPECT_GT(usage.gaps, 0u);
  EXPECT_GT(usage.spikes, 0u);
  EXPECT_GT(usage.stuck_meters, 0u);
  EXPECT_GT(usage.long_gaps, 0u);
  EXPECT_EQ(usage.interval_channels,
            static_cast<std::size_t>(
                count(test.database(), "SELECT COUNT(DISTINCT channel_id) FROM interval_days")));
  const StoredDays stored = stored_days(test.database());
  EXPECT_EQ(stored.days, usage.interval_days);
  EXPECT_EQ(stored.actual, usage.actual_slots);
  EXPECT_EQ(stored.estimated, usage.estimated_slots);
  EXPECT_EQ(stored.missing, usage.missing_slots);
  EXPECT_EQ(stored.actual + stored.estimated, usage.interval_values);
  EXPECT_EQ(stored.milli, usage.interval_milli);
  EXPECT_EQ(exceptions_by_rule(test.database()), usage.exceptions_by_rule);
  EXPECT_EQ(count(test.database(), "SELECT COUNT(*) FROM register_reads"),
            static_cast<std::int64_t>(usage.register_reads));
  EXPECT_EQ(count(test.database(), "SELECT COUNT(*) FROM vee_exceptions WHERE status <> 'open'"),
            0);
}

TEST(GenerateUsage, VeeFindsEveryInjectedFaultAndFillsEveryShortGap) {
  TestDatabase test;
  const UsageReport usage = generate(test.database(), small_utility()).usage;
  std::map<std::string, std::size_t> rules = exceptions_by_rule(test.database());
  EXPECT_EQ(rules["spike_history"] + rules["spike_physical_max"], usage.spikes);
  EXPECT_EQ(rules["zero_consumption"], usage.stuck_days);
  EXPECT_GE(usage.stuck_days, 4 * usage.stuck_meters);
  EXPECT_LE(usage.stuck_days, 6 * usage.stuck_meters);
  EXPECT_EQ(rules["gap_too_long"], usage.long_gap_days);
  EXPECT_GT(usage.long_gap_slots, 3 * 96 * usage.long_gaps);
  EXPECT_EQ(usage.estimated_slots, usage.gap_slots) << "every gap of 1-12 slots is estimated";
  for (const auto& [rule, count] : exceptions_by_rule(test.database())) {
    EXPECT_THAT(rule, testing::AnyOf("spike_history", "spike_physical_max", "zero_consumption",
                                     "gap_too_long"))
        << count << " unexpected: the shapes must hold no false alarms";
  }
}

// Each interval day as "channel|day|values|quality", then each exception and register read.
std::vector<std::string> usage_rows(store::Database& database) {
  std::vector<std::string> rows;
  for (const char* sql :
       {"SELECT channel_id, utc_day, vals, quality, version, updated_at FROM interval_days "
        "ORDER BY channel_id, utc_day",
        "SELECT channel_id, utc_day, first_slot, last_slot, rule, evidence FROM vee_exceptions "
        "ORDER BY channel_id, utc_day, first_slot, rule",
        "SELECT channel_id, taken_at, milli_units, source, status FROM register_reads "
        "ORDER BY channel_id, taken_at"}) {
    for (const store::Row& row : query(database, sql)) {
      std::string line;
      for (std::size_t column = 0; column < row.size(); ++column) line += row.text(column) + "|";
      rows.push_back(line);
    }
  }
  return rows;
}

TEST(GenerateUsage, TheSameSeedGivesTheSameUsageAndAnotherSeedDoesNot) {
  TestDatabase first;
  TestDatabase second;
  TestDatabase other;
  generate(first.database(), small_utility(7));
  generate(second.database(), small_utility(7));
  generate(other.database(), small_utility(8));
  const std::vector<std::string> rows = usage_rows(first.database());
  EXPECT_GT(rows.size(), 500u);
  EXPECT_EQ(rows, usage_rows(second.database()));
  EXPECT_NE(rows, usage_rows(other.database()));
}

TEST(GenerateUsage, RegisterReadsAreMonthlyAndMoveForwardRollingOverLikeADial) {
  TestDatabase test;
  GenerateOptions options = small_utility();
  options.accounts = 60;
  options.usage_months = 12;
  generate(test.database(), options);
  Rows reads = query(test.database(),
                     "SELECT r.channel_id, r.milli_units, r.source, m.kind, c.unit FROM "
                     "register_reads r JOIN meter_channels c ON c.id = r.channel_id JOIN meters m "
                     "ON m.id = c.meter_id ORDER BY r.channel_id, r.taken_at");
  ASSERT_GT(reads.size(), 300u);
  std::map<std::int64_t, std::vector<std::int64_t>> by_channel;
  std::map<std::int64_t, std::int64_t> dial;  // milli-units at which the dial wraps
  for (const store::Row& read : reads) {
    by_channel[read.integer(0)].push_back(read.integer(1));
    dial[read.integer(0)] = read.text(4) == "gal" ? 10'000'000'000 : 100'000'000;
    EXPECT_EQ(read.integer(1) % 1000, 0) << "a dial shows whole units";
    EXPECT_LT(read.integer(1), dial[read.integer(0)]) << "5 digits of kWh, 7 of gallons";
    EXPECT_EQ(read.text(2), read.text(3) == "manual" ? "manual" : "amr");
  }
  std::size_t used = 0;
  for (const auto& [channel, values] : by_channel) {
    EXPECT_LE(values.size(), 13u) << "one read a month and the move-in read, channel " << channel;
    std::int64_t total = 0;
    for (std::size_t i = 1; i < values.size(); ++i) {
      // What ingest's register check computes: forward, across a rollover when the dial wrapped.
      const std::int64_t step = (values[i] - values[i - 1] + dial[channel]) % dial[channel];
      EXPECT_LT(step, dial[channel] / 2) << "channel " << channel << " went backwards";
      total += step;
    }
    used += total > 0;
  }
  EXPECT_GT(used, by_channel.size() * 9 / 10);
  // Demand and time-of-use rates need interval data: no commercial account has a register meter.
  EXPECT_EQ(count(test.database(),
                  "SELECT COUNT(*) FROM meters m JOIN service_agreements sa ON "
                  "sa.service_point_id = m.service_point_id JOIN rate_plans rp ON rp.id = "
                  "sa.rate_plan_id WHERE m.kind = 'manual' AND rp.code = 'E-COM'"),
            0);
  EXPECT_EQ(count(test.database(),
                  "SELECT COUNT(*) FROM register_reads WHERE status <> 'accepted' OR "
                  "taken_at >= '2026-11-01T07:00:00Z' OR taken_at < '2025-11-01T07:00:00Z'"),
            0);
}

TEST(GenerateUsage, TheUsageWatchFindsTheGeneratedLeaksAndNoOtherMeter) {
  TestDatabase test;
  GenerateOptions options;
  options.accounts = 300;
  options.usage_months = 4;
  const GenerateReport report = generate(test.database(), options);
  EXPECT_GT(report.usage.leaking_meters, 0u);
  auto watched = notify::run_usage_alerts(test.database(), options.as_of);
  ASSERT_TRUE(watched.ok()) << watched.error().message;
  // Most, not all: 50 gallons an hour more is not twice the summer use of a premise that waters
  // a large garden (the usual is the highest per day of the past year's bills).
  EXPECT_GT(watched->leaks, 0);
  EXPECT_LE(static_cast<std::size_t>(watched->leaks), report.usage.leaking_meters);
  // A leaking meter is one in five by channel id, read in the 6 days before as_of
  // (generate_usage.h): no other meter is taken for one.
  Rows leaks = query(test.database(),
                     "SELECT l.kind, c.id, l.found_on FROM leak_alerts l JOIN meters m ON "
                     "m.serial = l.meter JOIN meter_channels c ON c.meter_id = m.id");
  ASSERT_EQ(leaks.size(), static_cast<std::size_t>(watched->leaks));
  for (const store::Row& leak : leaks) {
    EXPECT_EQ(leak.text(0), "high_read");
    EXPECT_EQ(leak.integer(1) % 5, 3) << "channel " << leak.integer(1);
    EXPECT_GE(leak.text(2), "2026-10-26");
  }
}

TEST(GenerateUsage, DaysRunFromInstallationToTheStartOfAsOf) {
  TestDatabase test;
  generate(test.database(), small_utility());
  // as_of 2026-11-01 begins at 07:00Z (PDT): its UTC day holds 28 slots read, 68 not yet.
  const std::int32_t last_day = utc_day_of(pacific().start_of_day(date_of(2026, 11, 1)));
  EXPECT_EQ(count(test.database(), "SELECT MAX(utc_day) FROM interval_days"), last_day);
  EXPECT_EQ(count(test.database(),
                  "SELECT COUNT(*) FROM interval_days WHERE utc_day = " + std::to_string(last_day) +
                      " AND quality <> '" + std::string(28, '0') + std::string(68, '3') + "'"),
            0);
  // Two months: from 2026-09-01 local, no day before a meter's installation day.
  EXPECT_EQ(count(test.database(), "SELECT MIN(utc_day) FROM interval_days"),
            utc_day_of(pacific().start_of_day(date_of(2026, 9, 1))));
  for (const store::Row& meter :
       query(test.database(),
             "SELECT m.installed_on, (SELECT MIN(d.utc_day) FROM interval_days d WHERE "
             "d.channel_id = c.id) FROM meters m JOIN meter_channels c ON c.meter_id = m.id "
             "WHERE m.kind = 'ami' AND c.name = 'kWh' AND m.installed_on >= '2026-09-01'")) {
    auto installed = parse_local_date(meter.text(0), "installed_on");
    ASSERT_TRUE(installed.ok());
    EXPECT_EQ(meter.integer(1), utc_day_of(pacific().start_of_day(*installed)));
  }
  EXPECT_EQ(count(test.database(),
                  "SELECT COUNT(*) FROM meter_channels c JOIN interval_days d ON "
                  "d.channel_id = c.id WHERE c.name <> 'kWh'"),
            0)
      << "commercial kW channels stay empty";
}

TEST(GenerateUsage, GeneratingAgainFillsOnlyTheNewMeters) {
  TestDatabase test;
  const GenerateReport first = generate(test.database(), small_utility(7));
  const GenerateReport second = generate(test.database(), small_utility(8));
  EXPECT_GT(second.usage.interval_channels, 0u);
  EXPECT_EQ(count(test.database(), "SELECT COUNT(*) FROM interval_days"),
            static_cast<std::int64_t>(first.usage.interval_days + second.usage.interval_days));
  EXPECT_EQ(
      count(test.database(), "SELECT COUNT(DISTINCT channel_id) FROM interval_days"),
      static_cast<std::int64_t>(first.usage.interval_channels + second.usage.interval_channels));
  EXPECT_EQ(count(test.database(), "SELECT COUNT(*) FROM register_reads"),
            static_cast<std::int64_t>(first.usage.register_reads + second.usage.register_reads));
}

TEST(GenerateUsage, MoreThan36MonthsIsRefusedBeforeAnythingIsWritten) {
  TestDatabase test;
  GenerateOptions options = small_utility();
  options.usage_months = 37;
  auto report = generate_utility(test.database(), options);
  ASSERT_FALSE(report.ok());
  EXPECT_EQ(report.error().field, "usage_months");
  EXPECT_EQ(count(test.database(), "SELECT COUNT(*) FROM accounts"), 0);
  auto usage = generate_usage(test.database(), options);
  ASSERT_FALSE(usage.ok());
  EXPECT_EQ(usage.error().field, "usage_months");
}

}  // namespace
}  // namespace rp::app
