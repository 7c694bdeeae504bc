// The shape of the synthetic utility's usage (usage_shape.h).
#include "app/usage_shape.h"

#include <algorithm>
#include <cstdlib>

#include "app/random.h"
#include "app/usage_random.h"

namespace rp::app {

using namespace usage_random;  // the shared hash and units (usage_random.h)

namespace {

// ---- Climate and calendar -----------------------------------------------------------------------

// Willamette Valley normals (Eugene, Oregon), tenths of a degree Celsius: the daily mean and half
// the daily range, for the middle of each month.
constexpr std::int16_t kNormalMean[12] = {47, 58, 80, 102, 133, 163, 197, 197, 169, 119, 74, 44};
constexpr std::int16_t kHalfRange[12] = {35, 45, 55, 65, 70, 80, 95, 95, 90, 70, 45, 35};
// Where in the daily range each local hour sits, per mille: coolest at 05:00, warmest at 15:00.
constexpr std::int16_t kDiurnal[24] = {-550, -700, -820, -910, -980, -1000, -950, -800,
                                       -550, -250, 50,   350,  620,  830,   960,  1000,
                                       950,  820,  600,  350,  100,  -120,  -300, -430};

std::int32_t days_in_month(date::year_month month) {
  return static_cast<std::int32_t>(static_cast<unsigned>(
      date::year_month_day_last(month.year(), date::month_day_last(month.month())).day()));
}

// A monthly normal for `day`, interpolated linearly between the 15ths of the months around it.
std::int32_t seasonal(const std::int16_t (&normals)[12], LocalDate day) {
  const auto month = static_cast<std::int32_t>(static_cast<unsigned>(day.month())) - 1;
  const auto date_in_month = static_cast<std::int32_t>(static_cast<unsigned>(day.day()));
  date::year_month this_month = day.year() / day.month();
  if (date_in_month >= 15) {
    const std::int32_t span = days_in_month(this_month);
    const std::int32_t into = date_in_month - 15;
    return (normals[month] * (span - into) + normals[(month + 1) % 12] * into) / span;
  }
  const std::int32_t span = days_in_month(this_month - date::months{1});
  const std::int32_t into = date_in_month - 15 + span;
  return (normals[(month + 11) % 12] * (span - into) + normals[month] * into) / span;
}

// The day's departure from the normal, tenths of a degree: weather that lasts a few days.
std::int32_t weather(std::uint64_t seed, std::int32_t local_day) {
  constexpr std::int32_t kWeights[5] = {1, 2, 3, 2, 1};
  std::int32_t sum = 0;
  for (std::int32_t i = 0; i < 5; ++i) {
    sum += kWeights[i] * static_cast<std::int32_t>(
                             draw(hash_of(seed, Stream::weather, local_day + i - 2), 0, -120, 120));
  }
  return sum / 9;
}

DayKind day_kind_of(LocalDate day) {
  const date::weekday weekday{date::sys_days(day)};
  const unsigned month = static_cast<unsigned>(day.month());
  const unsigned date_in_month = static_cast<unsigned>(day.day());
  const unsigned week_of_month = (date_in_month - 1) / 7 + 1;
  const bool holiday = (month == 1 && date_in_month == 1) ||
                       (month == 5 && weekday == date::Monday && date_in_month + 7 > 31) ||
                       (month == 7 && date_in_month == 4) ||
                       (month == 9 && weekday == date::Monday && week_of_month == 1) ||
                       (month == 11 && weekday == date::Thursday && week_of_month == 4) ||
                       (month == 12 && date_in_month == 25);
  if (holiday || weekday == date::Sunday) return DayKind::sunday_or_holiday;
  if (weekday == date::Saturday) return DayKind::saturday;
  return DayKind::workday;
}

// The zone's offset from UTC at `seconds`, read from the offset format_local writes
// ("2026-03-08T03:00:00-07:00"; historical offsets may carry seconds).
std::int64_t utc_offset_seconds(const UtilityZone& zone, std::int64_t seconds) {
  const std::string text = zone.format_local(Instant{std::chrono::seconds{seconds}});
  const std::size_t sign = text.find_first_of("+-", 19);
  if (sign == std::string::npos) return 0;
  auto number = [&](std::size_t at) {
    return at + 2 <= text.size() ? std::stoll(text.substr(at, 2)) : 0LL;
  };
  std::int64_t offset = number(sign + 1) * 3600 + number(sign + 4) * 60 + number(sign + 7);
  return text[sign] == '-' ? -offset : offset;
}

struct LocalDayClimate {
  std::int32_t local_day = INT32_MIN;
  DayKind kind = DayKind::workday;
  std::int32_t mean = 0;        // tenths of a degree, weather included
  std::int32_t half_range = 0;  // tenths of a degree
};

LocalDayClimate climate_of(std::uint64_t seed, std::int32_t local_day) {
  const LocalDate day{date::sys_days{date::days{local_day}}};
  return LocalDayClimate{local_day, day_kind_of(day),
                         seasonal(kNormalMean, day) + weather(seed, local_day),
                         seasonal(kHalfRange, day)};
}

std::int32_t diurnal_at(std::int32_t minute) {
  const std::int32_t hour = minute / 60;
  const std::int32_t into = minute % 60;
  return (kDiurnal[hour] * (60 - into) + kDiurnal[(hour + 1) % 24] * into) / 60;
}

}  // namespace

UsageCalendar::UsageCalendar(const UtilityZone& zone, std::uint64_t seed, std::int32_t first_day,
                             std::int32_t last_day)
    : first_day_(first_day), last_day_(last_day) {
  const std::size_t days =
      last_day >= first_day ? static_cast<std::size_t>(last_day - first_day + 1) : 0;
  slots_.resize(days * kSlotsPerDay);
  midday_slots_.resize(days);
  LocalDayClimate climate;
  for (std::size_t index = 0; index < days; ++index) {
    const std::int64_t day_start = (first_day + static_cast<std::int64_t>(index)) * kDaySeconds;
    const std::int64_t first_offset = utc_offset_seconds(zone, day_start);
    const std::int64_t last_offset =
        utc_offset_seconds(zone, day_start + (kSlotsPerDay - 1) * kSlotSeconds);
    std::int32_t nearest_noon = 0;
    for (std::int32_t slot = 0; slot < kSlotsPerDay; ++slot) {
      const std::int64_t start = day_start + slot * kSlotSeconds;
      const std::int64_t offset =
          first_offset == last_offset ? first_offset : utc_offset_seconds(zone, start);
      const std::int64_t local = start + offset;
      const auto local_day = static_cast<std::int32_t>(floor_div(local, kDaySeconds));
      if (local_day != climate.local_day) climate = climate_of(seed, local_day);
      SlotConditions& conditions = slots_[index * kSlotsPerDay + static_cast<std::size_t>(slot)];
      conditions.local_day = local_day;
      conditions.local_minute = static_cast<std::int16_t>((local - local_day * kDaySeconds) / 60);
      conditions.day_kind = climate.kind;
      conditions.day_temperature = static_cast<std::int16_t>(climate.mean);
      conditions.temperature = static_cast<std::int16_t>(
          climate.mean + climate.half_range * diurnal_at(conditions.local_minute) / 1000);
      const SlotConditions& best =
          slots_[index * kSlotsPerDay + static_cast<std::size_t>(nearest_noon)];
      if (std::abs(conditions.local_minute - 720) < std::abs(best.local_minute - 720))
        nearest_noon = slot;
    }
    midday_slots_[index] = static_cast<std::uint8_t>(nearest_noon);
  }
}

const SlotConditions& UsageCalendar::at(std::int32_t utc_day, std::int32_t slot) const {
  return slots_[static_cast<std::size_t>(utc_day - first_day_) * kSlotsPerDay +
                static_cast<std::size_t>(slot)];
}

const SlotConditions& UsageCalendar::midday(std::int32_t utc_day) const {
  return at(utc_day, midday_slots_[static_cast<std::size_t>(utc_day - first_day_)]);
}

namespace {

// ---- Profiles -----------------------------------------------------------------------------------

// How a household's activity grows with its size, percent of one person's.
constexpr std::int32_t kActivityByPersons[6] = {0, 100, 170, 230, 280, 330};

void draw_household(Random& random, UsageProfile& profile) {
  const std::uint64_t size = random.below(100);
  profile.persons = size < 28 ? 1 : size < 62 ? 2 : size < 78 ? 3 : size < 92 ? 4 : 5;
  profile.base_watts = static_cast<std::int32_t>(random.between(60, 160)) + 25 * profile.persons;
  profile.activity_watts = static_cast<std::int32_t>(random.between(300, 480)) *
                           kActivityByPersons[profile.persons] / 100;
  if (random.percent(45)) {  // an electric water heater
    profile.activity_watts += profile.persons * static_cast<std::int32_t>(random.between(150, 230));
  }
  profile.shift_minutes = 15 * static_cast<std::int32_t>(random.between(-3, 3));
  profile.heating_watts_per_degree = static_cast<std::int32_t>(
      random.percent(35) ? random.between(80, 250) : random.between(10, 30));
  profile.cooling_watts_per_degree = static_cast<std::int32_t>(
      random.percent(55) ? random.between(100, 300) : random.between(0, 20));
  if (random.percent(12)) profile.ev_watts = random.percent(40) ? 7200 : 3300;
  profile.water_gallons = profile.persons * static_cast<std::int32_t>(random.between(40, 65));
  if (random.percent(55))
    profile.irrigation_gallons = static_cast<std::int32_t>(random.between(80, 400));
}

void draw_business(Random& random, UsageProfile& profile) {
  const std::uint64_t size = random.below(100);
  profile.occupied_watts = static_cast<std::int32_t>(size < 60   ? random.between(4'000, 12'000)
                                                     : size < 90 ? random.between(12'000, 30'000)
                                                                 : random.between(30'000, 45'000));
  profile.base_watts =
      profile.occupied_watts * static_cast<std::int32_t>(random.between(12, 25)) / 100;
  profile.open_minute = static_cast<std::int16_t>(360 + 30 * random.between(0, 6));
  profile.close_minute = static_cast<std::int16_t>(1020 + 30 * random.between(0, 8));
  profile.opens_saturday = random.percent(45);
  profile.opens_sunday = profile.opens_saturday && random.percent(40);
  const bool electric_heat = random.percent(30);
  profile.heating_watts_per_degree =
      profile.occupied_watts *
      static_cast<std::int32_t>(electric_heat ? random.between(15, 35) : random.between(2, 5)) /
      1000;
  profile.cooling_watts_per_degree =
      profile.occupied_watts * static_cast<std::int32_t>(random.between(20, 45)) / 1000;
  profile.water_gallons = static_cast<std::int32_t>(random.between(150, 2'500));
  if (random.percent(30))
    profile.irrigation_gallons = static_cast<std::int32_t>(random.between(200, 1'500));
}

// ---- Loads --------------------------------------------------------------------------------------

// Residential activity by local hour, per mille of the evening peak: workdays have a morning peak
// before work and school, weekends a later, broader morning and a busier middle of the day.
constexpr std::int16_t kWorkdayCurve[24] = {120, 90,  80,  80,   90,  150, 450, 700,
                                            550, 350, 300, 300,  330, 300, 300, 350,
                                            480, 750, 950, 1000, 900, 750, 500, 250};
constexpr std::int16_t kWeekendCurve[24] = {150, 110, 90,  80,   80,  90,  150, 300,
                                            550, 700, 700, 650,  650, 600, 550, 550,
                                            600, 800, 950, 1000, 900, 750, 550, 300};

std::int32_t wrap_minute(std::int32_t minute) {
  return ((minute % 1440) + 1440) % 1440;
}

std::int32_t curve_at(const std::int16_t (&curve)[24], std::int32_t minute) {
  minute = wrap_minute(minute);
  const std::int32_t hour = minute / 60;
  const std::int32_t into = minute % 60;
  return (curve[hour] * (60 - into) + curve[(hour + 1) % 24] * into) / 60;
}

// A load split by what varies it: the noise differs for each part.
struct Load {
  std::int64_t base = 0;
  std::int64_t activity = 0;  // people, appliances, business hours
  std::int64_t climate = 0;   // heating and cooling
  std::int32_t activity_permille = 0;
};

// The thermostat, per mille of full heating: set back at night, up in the morning and evening,
// lower while the house is empty on workdays.
std::int32_t thermostat(std::int32_t minute, DayKind kind) {
  if (minute < 330 || minute >= 1380) return 600;
  if (minute < 540) return 1100;
  if (minute < 960) return kind == DayKind::workday ? 850 : 1000;
  return 1050;
}

Load household_load(const UsageProfile& profile, const SlotConditions& conditions) {
  const std::int32_t minute = wrap_minute(conditions.local_minute + 7 - profile.shift_minutes);
  const bool workday = conditions.day_kind == DayKind::workday;
  Load load;
  load.activity_permille = curve_at(workday ? kWorkdayCurve : kWeekendCurve, minute);
  load.base = profile.base_watts;
  load.activity = std::int64_t{profile.activity_watts} * load.activity_permille / 1000;
  const std::int64_t deficit = std::max<std::int64_t>(0, 160 - conditions.temperature);
  const std::int64_t excess = std::max<std::int64_t>(0, conditions.temperature - 235);
  const bool away = workday && minute >= 540 && minute < 960;
  load.climate = profile.heating_watts_per_degree * deficit *
                     thermostat(minute, conditions.day_kind) / 10'000 +
                 profile.cooling_watts_per_degree * excess * (away ? 600 : 1000) / 10'000;
  return load;
}

// How busy a business is, per mille: ramping up in the hour before opening, down (to its cleaning
// and closing level) in the last hour.
std::int32_t occupancy(const UsageProfile& profile, const SlotConditions& conditions) {
  std::int32_t open = profile.open_minute;
  std::int32_t close = profile.close_minute;
  std::int32_t level = 1000;
  if (conditions.day_kind == DayKind::saturday) {
    if (!profile.opens_saturday) return 0;
    open = 600, close = 960, level = 650;
  } else if (conditions.day_kind == DayKind::sunday_or_holiday) {
    if (!profile.opens_sunday) return 0;
    open = 660, close = 1020, level = 500;
  }
  const std::int32_t minute = conditions.local_minute + 7;
  if (minute < open - 60 || minute >= close) return 0;
  if (minute < open) return level * (minute - open + 60) / 60;
  if (minute >= close - 60) return level * (400 + 600 * (close - minute) / 60) / 1000;
  return level;
}

Load business_load(const UsageProfile& profile, const SlotConditions& conditions) {
  Load load;
  load.activity_permille = occupancy(profile, conditions);
  const bool open = load.activity_permille > 0;
  load.base = profile.base_watts;
  load.activity = std::int64_t{profile.occupied_watts} * load.activity_permille / 1000;
  const std::int64_t deficit = std::max<std::int64_t>(0, 170 - conditions.temperature);
  const std::int64_t excess = std::max<std::int64_t>(0, conditions.temperature - 210);
  load.climate = profile.heating_watts_per_degree * deficit * (open ? 1000 : 350) / 10'000 +
                 profile.cooling_watts_per_degree * excess * (open ? 1000 : 150) / 10'000;
  return load;
}

Load load_of(const UsageProfile& profile, const SlotConditions& conditions) {
  return profile.commercial ? business_load(profile, conditions)
                            : household_load(profile, conditions);
}

// An EV plugged in on about half the nights, starting between 21:00 and 23:45 for 1.5 to 3.5 hours.
bool charging_ev(const UsageProfile& profile, std::uint64_t seed, std::int64_t channel_id,
                 const SlotConditions& conditions) {
  if (profile.ev_watts == 0) return false;
  const std::int32_t since_nine_pm = wrap_minute(conditions.local_minute - 1260);
  if (since_nine_pm >= 7 * 60) return false;
  const std::int32_t night =
      conditions.local_minute >= 1260 ? conditions.local_day : conditions.local_day - 1;
  const std::uint64_t bits = hash_of(seed, Stream::ev_night, channel_id, night);
  if (draw(bits, 0, 0, 999) >= 450) return false;
  const std::int64_t start = 15 * draw(bits, 16, 0, 11);
  const std::int64_t length = 15 * draw(bits, 32, 6, 14);
  return since_nine_pm >= start && since_nine_pm < start + length;
}

}  // namespace

UsageProfile draw_usage_profile(std::uint64_t seed, std::int64_t channel_id, bool commercial) {
  Random random(seed ^ static_cast<std::uint64_t>(Stream::profile),
                static_cast<std::uint64_t>(channel_id));
  UsageProfile profile;
  profile.commercial = commercial;
  if (commercial) {
    draw_business(random, profile);
  } else {
    draw_household(random, profile);
  }
  profile.vacant_watts = static_cast<std::int32_t>(random.between(5, 30));
  return profile;
}

std::int64_t typical_watts(const UsageProfile& profile, const SlotConditions& conditions) {
  const Load load = load_of(profile, conditions);
  return load.base + load.activity + load.climate;
}

std::int64_t slot_usage_milli(const UsageProfile& profile, const UsageCalendar& calendar,
                              std::uint64_t seed, std::int64_t channel_id, std::int32_t utc_day,
                              std::int32_t slot, bool occupied) {
  const std::uint64_t bits =
      hash_of(seed, Stream::slot, channel_id, std::int64_t{utc_day} * kSlotsPerDay + slot);
  if (!occupied) return (profile.vacant_watts * draw(bits, 0, 800, 1200) / 1000 + 2) / 4;
  const SlotConditions& conditions = calendar.at(utc_day, slot);
  const Load load = load_of(profile, conditions);
  const std::int64_t spread = profile.commercial ? 100 : 350;  // per mille either way
  std::int64_t watts = load.base * draw(bits, 0, 950, 1050) / 1000 +
                       load.activity * draw(bits, 16, 1000 - spread, 1000 + spread) / 1000 +
                       load.climate * draw(bits, 32, 900, 1100) / 1000;
  // Residential appliance bursts (oven, dryer, kettle): up to 6% of slots at the evening peak,
  // none while the car charges (the household's breakers and habits keep the two apart).
  if (charging_ev(profile, seed, channel_id, conditions)) {
    watts += profile.ev_watts;
  } else if (!profile.commercial && draw(bits, 48, 0, 999) < load.activity_permille * 60 / 1000) {
    watts += draw(mix(bits), 0, 800, 2400);
  }
  return (watts + 2) / 4;  // W over a quarter hour = Wh, rounded half up
}

std::int64_t water_day_milli(const UsageProfile& profile, const UsageCalendar& calendar,
                             std::uint64_t seed, std::int64_t channel_id, std::int32_t utc_day,
                             bool occupied) {
  // Irrigation by month, per mille of July's.
  constexpr std::int32_t kIrrigation[12] = {0, 0, 0, 50, 300, 700, 1000, 1000, 600, 150, 0, 0};
  if (!occupied) return 0;
  const SlotConditions& conditions = calendar.midday(utc_day);
  const std::uint64_t bits = hash_of(seed, Stream::water_day, channel_id, utc_day);
  std::int64_t level = 1000;
  if (profile.commercial && conditions.day_kind == DayKind::saturday) {
    level = profile.opens_saturday ? 650 : 200;
  } else if (profile.commercial && conditions.day_kind == DayKind::sunday_or_holiday) {
    level = profile.opens_sunday ? 500 : 120;
  } else if (!profile.commercial && conditions.day_kind != DayKind::workday) {
    level = 1100;
  }
  const LocalDate day{date::sys_days{date::days{conditions.local_day}}};
  const std::int64_t season = kIrrigation[static_cast<unsigned>(day.month()) - 1];
  const std::int64_t warmth = std::clamp<std::int64_t>(conditions.day_temperature - 80, 0, 150);
  const std::int64_t indoor = std::int64_t{profile.water_gallons} * level;  // milli-gallons
  const std::int64_t irrigation = std::int64_t{profile.irrigation_gallons} * season * warmth / 100;
  return indoor * draw(bits, 0, 800, 1200) / 1000 + irrigation * draw(bits, 16, 700, 1300) / 1000;
}

}  // namespace rp::app
