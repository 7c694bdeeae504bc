#include "app/generate_usage.h"

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <future>
#include <optional>
#include <span>
#include <string>

#include "app/generate.h"
#include "app/random.h"
#include "billing/bill_cycle.h"
#include "mdm/interval_day_store.h"
#include "mdm/vee.h"
#include "mdm/vee_checks.h"
#include "store/bulk_insert.h"

namespace rp::app {
namespace {

constexpr std::int32_t kSlotsPerDay = 96;
constexpr std::int64_t kSlotSeconds = 900;
constexpr std::int64_t kDaySeconds = 86'400;
constexpr std::int32_t kIntervalMinutes = 15;

// ---- Randomness: one hash per (stream, channel, day or slot) ----------------------------------

enum class Stream : std::uint64_t {
  profile = 1,
  weather,
  slot,
  ev_night,
  water_day,
  dial,
  meter_faults,
  day_faults
};

std::uint64_t mix(std::uint64_t value) {
  return splitmix64(value);
}

// 64 random bits for (seed, stream, a, b): the same for the same inputs, unrelated otherwise.
std::uint64_t hash_of(std::uint64_t seed, Stream stream, std::int64_t a, std::int64_t b = 0) {
  std::uint64_t h = mix(seed ^ (static_cast<std::uint64_t>(stream) * 0xD6E8FEB86659FD93ULL));
  h = mix(h ^ static_cast<std::uint64_t>(a));
  return mix(h ^ static_cast<std::uint64_t>(b));
}

// Uniform in [low, high] from the 16 bits of `bits` at `shift` (0, 16, 32 or 48).
std::int64_t draw(std::uint64_t bits, int shift, std::int64_t low, std::int64_t high) {
  const std::uint64_t field = (bits >> shift) & 0xFFFF;
  return low +
         static_cast<std::int64_t>((field * static_cast<std::uint64_t>(high - low + 1)) >> 16);
}

// Uniform in [0, 1,000,000) from the low 32 bits: a share in parts per million.
std::uint32_t ppm(std::uint64_t bits) {
  return static_cast<std::uint32_t>(((bits & 0xFFFFFFFFULL) * 1'000'000ULL) >> 32);
}

std::int64_t floor_div(std::int64_t a, std::int64_t b) {
  return a / b - ((a % b != 0 && a < 0) ? 1 : 0);
}

std::int64_t seconds_of(Instant instant) {
  return instant.time_since_epoch().count();
}

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

namespace {

// ---- The channels to fill -----------------------------------------------------------------------

struct UsageChannel {
  std::int64_t id = 0;
  bool interval = false;  // an AMI 15-minute kWh channel; otherwise a register channel
  bool water = false;
  bool manual = false;  // a register read by hand (else by an AMR drive-by)
  bool commercial = false;
  std::int64_t installed = 0;  // seconds: the first instant of the installation date
  std::int64_t data_end = 0;   // seconds: when as_of began, or the meter was removed
  // The latest agreement on the service point, [from, until); none: the premise is vacant.
  std::optional<std::int64_t> service_from;
  std::optional<std::int64_t> service_until;
  int cycle = 1;  // register reads: on the account's bill cycle's read dates (billing/bill_cycle.h)

  bool occupied(std::int64_t at) const {
    return service_from && at >= *service_from && (!service_until || at < *service_until);
  }
  // Whether any of UTC day `day` is under the agreement.
  bool active_on(std::int32_t day) const {
    return service_from && *service_from < (day + 1) * kDaySeconds &&
           (!service_until || *service_until > day * kDaySeconds);
  }
};

// What every chunk of the run shares (read-only while chunks are computed).
struct UsageRun {
  std::uint64_t seed = 0;
  UsageAnomalyShares shares;
  UtilityZone zone;
  UsageCalendar calendar;
  mdm::VeeRules rules;
  std::int64_t window_start = 0;  // seconds: local midnight of the first month
  std::int64_t as_of_start = 0;   // seconds: local midnight of as_of
  std::string generated_at;       // updated_at and created_at of what is written
  LocalDate window_first;         // the local date the window begins
  LocalDate as_of;
};

Result<std::int64_t> start_of(const UtilityZone& zone, const std::string& text, const char* field,
                              std::int32_t days_after = 0) {
  auto day = parse_local_date(text, field);
  RP_TRY(day);
  return seconds_of(zone.start_of_day(LocalDate{date::sys_days(*day) + date::days{days_after}}));
}

Result<UsageChannel> channel_from(const store::Row& row, const UsageRun& run) {
  UsageChannel channel;
  channel.id = row.integer(0);
  channel.interval = !row.is_null(1);
  channel.manual = row.text(2) == "manual";
  channel.water = row.text(4) == "water";
  auto installed = start_of(run.zone, row.text(3), "installed_on");
  RP_TRY(installed);
  channel.installed = *installed;
  channel.data_end = run.as_of_start;
  if (!row.is_null(5)) {
    auto removed = start_of(run.zone, row.text(5), "removed_on", 1);
    RP_TRY(removed);
    channel.data_end = std::min(channel.data_end, *removed);
  }
  if (!row.is_null(6)) {
    auto from = start_of(run.zone, row.text(6), "start_date");
    RP_TRY(from);
    channel.service_from = *from;
  }
  if (!row.is_null(7)) {  // the end date is the last day of service
    auto until = start_of(run.zone, row.text(7), "end_date", 1);
    RP_TRY(until);
    channel.service_until = *until;
  }
  channel.commercial = row.text(8).ends_with("-COM");
  const std::int64_t cycle = row.integer(9);
  channel.cycle = cycle >= 1 && cycle <= billing::kMaxCycles
                      ? static_cast<int>(cycle)
                      : static_cast<int>(1 + channel.id % 20);
  return channel;
}

Result<std::vector<UsageChannel>> load_channels(store::Database& database, const UsageRun& run) {
  return database.read<std::vector<UsageChannel>>(
      [&](store::Session& session) -> Result<std::vector<UsageChannel>> {
        auto rows = session.query_named("app/usage_channels");
        RP_TRY(rows);
        std::vector<UsageChannel> channels;
        channels.reserve(rows->size());
        for (const store::Row& row : *rows) {
          auto channel = channel_from(row, run);
          if (!channel.ok()) {
            return internal_error("meter channel " + std::to_string(row.integer(0)) + ": " +
                                  channel.error().message);
          }
          channels.push_back(*channel);
        }
        return channels;
      });
}

// ---- Faults -------------------------------------------------------------------------------------

// The faults of one AMI channel. Days are UTC days; positions are utc_day x 96 + slot.
struct FaultPlan {
  std::int32_t eligible_first = 0;  // days that may carry a fault: 4 weeks of history before,
  std::int32_t eligible_last = -1;  // a week of data after, the service active all day
  std::int32_t stuck_first = 0;     // days reading exactly zero
  std::int32_t stuck_last = -1;
  std::int64_t long_gap_first = 0;  // positions left missing
  std::int64_t long_gap_last = -1;

  bool stuck(std::int32_t day) const { return day >= stuck_first && day <= stuck_last; }
  // Whether `day` may carry a gap or spike: eligible, and a day away from the meter's faults.
  bool free(std::int32_t day) const {
    const std::int64_t first = std::int64_t{day - 1} * kSlotsPerDay;
    const std::int64_t last = std::int64_t{day + 2} * kSlotsPerDay - 1;
    return day >= eligible_first && day <= eligible_last && !stuck(day - 1) && !stuck(day) &&
           !stuck(day + 1) && (last < long_gap_first || first > long_gap_last);
  }
};

FaultPlan plan_faults(const UsageRun& run, const UsageChannel& channel, std::int32_t first_day,
                      std::int32_t last_day) {
  FaultPlan plan;
  plan.eligible_first = first_day + 29;
  plan.eligible_last = last_day - 6;
  if (!channel.service_from) plan.eligible_last = plan.eligible_first - 1;
  if (channel.service_from) {
    const auto active_first =
        static_cast<std::int32_t>((*channel.service_from + kDaySeconds - 1) / kDaySeconds);
    plan.eligible_first = std::max(plan.eligible_first, active_first);
  }
  if (channel.service_until) {
    const auto active_last =
        static_cast<std::int32_t>(floor_div(*channel.service_until, kDaySeconds) - 1);
    plan.eligible_last = std::min(plan.eligible_last, active_last);
  }
  Random random(run.seed ^ static_cast<std::uint64_t>(Stream::meter_faults),
                static_cast<std::uint64_t>(channel.id));
  const bool stuck = random.below(1'000'000) < run.shares.stuck_meters_ppm;
  const std::int32_t stuck_days = static_cast<std::int32_t>(random.between(4, 6));
  const bool long_gap = random.below(1'000'000) < run.shares.long_gap_meters_ppm;
  const std::int64_t gap_slots = random.between(3 * kSlotsPerDay + 1, 6 * kSlotsPerDay);
  if (stuck && plan.eligible_last - plan.eligible_first + 1 >= stuck_days) {
    plan.stuck_first = static_cast<std::int32_t>(
        random.between(plan.eligible_first, plan.eligible_last - stuck_days + 1));
    plan.stuck_last = plan.stuck_first + stuck_days - 1;
  }
  const std::int64_t lowest = std::int64_t{plan.eligible_first} * kSlotsPerDay;
  const std::int64_t highest = std::int64_t{plan.eligible_last + 1} * kSlotsPerDay - gap_slots;
  if (long_gap && highest >= lowest) {
    const std::int64_t start = random.between(lowest, highest);
    const std::int64_t end = start + gap_slots - 1;
    const bool near_stuck = plan.stuck_last >= plan.stuck_first &&
                            end >= std::int64_t{plan.stuck_first - 1} * kSlotsPerDay &&
                            start < std::int64_t{plan.stuck_last + 2} * kSlotsPerDay;
    if (!near_stuck) plan.long_gap_first = start, plan.long_gap_last = end;
  }
  return plan;
}

struct DayFault {
  enum class Kind { none, gap, spike } kind = Kind::none;
  std::int32_t slot = 0;
  std::int32_t length = 0;      // gap: slots
  std::int64_t multiplier = 0;  // spike: times the normal value
};

DayFault day_fault(const UsageRun& run, std::int64_t channel_id, std::int32_t day) {
  const std::uint64_t bits = hash_of(run.seed, Stream::day_faults, channel_id, day);
  const std::uint32_t share = ppm(bits);
  DayFault fault;
  if (share < run.shares.gap_days_ppm) {
    fault.kind = DayFault::Kind::gap;
    fault.length = static_cast<std::int32_t>(draw(bits, 32, 1, 12));
    fault.slot = static_cast<std::int32_t>(draw(bits, 48, 0, kSlotsPerDay - fault.length));
  } else if (share - run.shares.gap_days_ppm < run.shares.spike_days_ppm) {
    fault.kind = DayFault::Kind::spike;
    fault.slot = static_cast<std::int32_t>(draw(bits, 32, 0, kSlotsPerDay - 1));
    fault.multiplier = draw(bits, 48, 20, 50);
  }
  return fault;
}

// ---- One AMI channel ----------------------------------------------------------------------------

struct ChunkWork {
  std::vector<mdm::IntervalDay> days;  // validated, ready to store
  std::vector<store::Params> exceptions;
  std::vector<store::Params> register_reads;
  UsageReport report;
};

void add_long_gap(const FaultPlan& plan, mdm::IntervalDay& day, UsageReport& report) {
  const std::int64_t day_first = std::int64_t{day.utc_day} * kSlotsPerDay;
  const std::int64_t first = std::max(plan.long_gap_first, day_first);
  const std::int64_t last = std::min(plan.long_gap_last, day_first + kSlotsPerDay - 1);
  if (first > last) return;
  for (std::int64_t position = first; position <= last; ++position) {
    const auto slot = static_cast<std::size_t>(position - day_first);
    day.values[slot] = 0;
    day.quality[slot] = mdm::Quality::missing;
  }
  report.long_gap_slots += static_cast<std::size_t>(last - first + 1);
  ++report.long_gap_days;
}

void add_short_gap(const UsageRun& run, const FaultPlan& plan, mdm::IntervalDay& day,
                   UsageReport& report) {
  if (!plan.free(day.utc_day)) return;
  const DayFault fault = day_fault(run, day.channel_id, day.utc_day);
  if (fault.kind != DayFault::Kind::gap) return;
  for (std::int32_t slot = fault.slot; slot < fault.slot + fault.length; ++slot) {
    day.values[static_cast<std::size_t>(slot)] = 0;
    day.quality[static_cast<std::size_t>(slot)] = mdm::Quality::missing;
  }
  ++report.gaps;
  report.gap_slots += static_cast<std::size_t>(fault.length);
}

// The days [first_day, last_day] as the head-end delivers them: actual reads from installation
// until as_of began (missing outside), zero on stuck days, gaps missing. Spikes come later.
std::vector<mdm::IntervalDay> raw_days(const UsageRun& run, const UsageChannel& channel,
                                       const FaultPlan& plan, std::int32_t first_day,
                                       std::int32_t last_day, UsageReport& report) {
  const UsageProfile profile = draw_usage_profile(run.seed, channel.id, channel.commercial);
  std::vector<mdm::IntervalDay> days;
  days.reserve(static_cast<std::size_t>(last_day - first_day + 1));
  for (std::int32_t utc_day = first_day; utc_day <= last_day; ++utc_day) {
    mdm::IntervalDay day = mdm::IntervalDay::empty(channel.id, utc_day, kIntervalMinutes);
    for (std::int32_t slot = 0; slot < kSlotsPerDay; ++slot) {
      const std::int64_t start = utc_day * kDaySeconds + slot * kSlotSeconds;
      if (start < channel.installed || start >= channel.data_end) continue;
      day.quality[static_cast<std::size_t>(slot)] = mdm::Quality::actual;
      day.values[static_cast<std::size_t>(slot)] =
          plan.stuck(utc_day) ? 0
                              : slot_usage_milli(profile, run.calendar, run.seed, channel.id,
                                                 utc_day, slot, channel.occupied(start));
    }
    if (plan.stuck(utc_day)) ++report.stuck_days;
    add_long_gap(plan, day, report);
    add_short_gap(run, plan, day, report);
    days.push_back(std::move(day));
  }
  if (plan.stuck_last >= plan.stuck_first) ++report.stuck_meters;
  if (plan.long_gap_last >= plan.long_gap_first) ++report.long_gaps;
  return days;
}

constexpr std::size_t kPercentileBlockDays = 30;

// The spike percentile VEE is given for each block of 30 days, computed once from the 28 days
// before the block (none for the first block: VEE then computes it day by day). Spikes go into a
// block only when it has one, sized against it: at least 20 times the larger of the slot's normal
// value and the percentile, and above the rules' floor, so that VEE finds every one.
std::vector<std::optional<std::int64_t>> add_spikes(const UsageRun& run, const FaultPlan& plan,
                                                    std::vector<mdm::IntervalDay>& days,
                                                    UsageReport& report) {
  const std::int64_t floor = run.rules.spike_floor_milli_per_hour * kIntervalMinutes / 60 + 1;
  std::vector<std::optional<std::int64_t>> percentiles;
  std::vector<const mdm::IntervalDay*> window;
  for (std::size_t begin = 0; begin < days.size(); begin += kPercentileBlockDays) {
    window.clear();
    for (std::size_t i = begin > 28 ? begin - 28 : 0; i < begin; ++i) window.push_back(&days[i]);
    std::optional<std::int64_t> percentile;
    if (begin > 0) {
      percentile = mdm::recent_percentile(run.rules, days[begin].utc_day, kIntervalMinutes, window);
    }
    percentiles.push_back(percentile);
    const std::size_t end = std::min(days.size(), begin + kPercentileBlockDays);
    for (std::size_t i = begin; percentile && i < end; ++i) {
      mdm::IntervalDay& day = days[i];
      if (!plan.free(day.utc_day)) continue;
      const DayFault fault = day_fault(run, day.channel_id, day.utc_day);
      if (fault.kind != DayFault::Kind::spike) continue;
      std::int64_t& value = day.values[static_cast<std::size_t>(fault.slot)];
      value = std::max(fault.multiplier * std::max(value, *percentile), floor);
      ++report.spikes;
    }
  }
  return percentiles;
}

void record_result(const UsageRun& run, mdm::VeeResult& result, ChunkWork& work) {
  UsageReport& report = work.report;
  const mdm::IntervalDay& day = result.day;
  for (std::size_t slot = 0; slot < day.slots(); ++slot) {
    switch (day.quality[slot]) {
      case mdm::Quality::missing:
        ++report.missing_slots;
        break;
      case mdm::Quality::estimated:
        ++report.interval_values;
        break;
      default:
        ++report.actual_slots, ++report.interval_values;
        break;
    }
    report.interval_milli += day.values[slot];
  }
  report.estimated_slots += static_cast<std::size_t>(result.estimated_slots);
  ++report.interval_days;
  for (mdm::VeeFinding& finding : result.findings) {
    if (!finding.needs_review) continue;
    const std::string rule = mdm::vee_rule_name(finding.rule);
    ++report.exceptions_by_rule[rule];
    work.exceptions.push_back({day.channel_id, std::int64_t{day.utc_day},
                               std::int64_t{finding.first_slot}, std::int64_t{finding.last_slot},
                               rule, std::move(finding.evidence), std::string("open"),
                               run.generated_at});
  }
  work.days.push_back(std::move(result.day));
}

// VEE over every day, each with the meter's neighbouring raw days as its context, as an ingest of
// the whole span would run it.
void validate_days(const UsageRun& run, const UsageChannel& channel,
                   const std::vector<mdm::IntervalDay>& days,
                   const std::vector<std::optional<std::int64_t>>& percentiles, ChunkWork& work) {
  const auto before = static_cast<std::size_t>(mdm::history_days_needed(run.rules));
  const auto after = static_cast<std::size_t>(mdm::following_days_needed(run.rules));
  std::vector<const mdm::IntervalDay*> pointers;
  for (const mdm::IntervalDay& day : days) pointers.push_back(&day);
  mdm::ChannelContext context;
  context.reads_expected_from = channel.installed;
  for (std::size_t i = 0; i < days.size(); ++i) {
    context.history.assign(
        pointers.begin() + static_cast<std::ptrdiff_t>(i > before ? i - before : 0),
        pointers.begin() + static_cast<std::ptrdiff_t>(i));
    context.following.assign(
        pointers.begin() + static_cast<std::ptrdiff_t>(i + 1),
        pointers.begin() + static_cast<std::ptrdiff_t>(std::min(days.size(), i + 1 + after)));
    context.service_active = channel.active_on(days[i].utc_day);
    context.recent_percentile_milli = percentiles[i / kPercentileBlockDays];
    mdm::VeeResult result = mdm::validate_and_estimate(run.rules, days[i], context);
    record_result(run, result, work);
  }
}

void fill_interval_channel(const UsageRun& run, const UsageChannel& channel, ChunkWork& work) {
  const auto first_day = static_cast<std::int32_t>(
      std::max<std::int64_t>(run.calendar.first_day(), floor_div(channel.installed, kDaySeconds)));
  const auto last_day = static_cast<std::int32_t>(std::min<std::int64_t>(
      run.calendar.last_day(), floor_div(channel.data_end - 1, kDaySeconds)));
  if (first_day > last_day) return;
  ++work.report.interval_channels;
  const FaultPlan plan = plan_faults(run, channel, first_day, last_day);
  std::vector<mdm::IntervalDay> days =
      raw_days(run, channel, plan, first_day, last_day, work.report);
  const auto percentiles = add_spikes(run, plan, days, work.report);
  validate_days(run, channel, days, percentiles, work);
}

// ---- One register channel -----------------------------------------------------------------------

// When the channel's register is read: when it is set, then its cycle's read date of every month
// from the window's first month to as_of's, at a business-hours time set by the meter's place on
// the reader's route.
std::vector<std::int64_t> read_instants(const UsageRun& run, const UsageChannel& channel,
                                        std::int64_t data_start) {
  std::vector<std::int64_t> instants;
  const std::int64_t minute_of_day = 9 * 60 + (channel.id * 37) % (8 * 60);
  const date::year_month last = run.as_of.year() / run.as_of.month();
  // A meter installed inside the window is read when it is set (the move-in read), so its first
  // bill has a read to start from.
  if (data_start >= run.window_start && data_start < channel.data_end) {
    instants.push_back(data_start + minute_of_day * 60);
  }
  for (date::year_month month = run.window_first.year() / run.window_first.month(); month <= last;
       month += date::months{1}) {
    const LocalDate read_on =
        billing::cycle_dates(billing::CycleCalendar{}, channel.cycle, month).read_date;
    const std::int64_t at = seconds_of(run.zone.start_of_day(read_on)) + minute_of_day * 60;
    if (at > data_start && at < channel.data_end && (instants.empty() || at > instants.back())) {
      instants.push_back(at);
    }
  }
  return instants;
}

// What the meter records in [from, to): its 15-minute slots (electric) or each day's water in
// proportion to the part of the day inside.
std::int64_t consumption(const UsageRun& run, const UsageChannel& channel,
                         const UsageProfile& profile, std::int64_t from, std::int64_t to) {
  std::int64_t total = 0;
  for (std::int64_t day = floor_div(from, kDaySeconds); day * kDaySeconds < to; ++day) {
    const std::int64_t day_start = day * kDaySeconds;
    const auto utc_day = static_cast<std::int32_t>(day);
    if (channel.water) {
      const std::int64_t begin = std::max(from, day_start);
      const std::int64_t end = std::min(to, day_start + kDaySeconds);
      const std::int64_t whole = water_day_milli(profile, run.calendar, run.seed, channel.id,
                                                 utc_day, channel.occupied((begin + end) / 2));
      total += whole * (end - begin) / kDaySeconds;
      continue;
    }
    for (std::int32_t slot = 0; slot < kSlotsPerDay; ++slot) {
      const std::int64_t start = day_start + slot * kSlotSeconds;
      if (start < from || start >= to) continue;
      total += slot_usage_milli(profile, run.calendar, run.seed, channel.id, utc_day, slot,
                                channel.occupied(start));
    }
  }
  return total;
}

// The whole units a dial shows before it wraps to 0: the defaults of ingest's register check
// (5 digits for kWh, 7 for gallons), since generated channels leave dial_digits unset.
std::int64_t dial_units(const UsageChannel& channel) {
  return channel.water ? 10'000'000 : 100'000;
}

void fill_register_channel(const UsageRun& run, const UsageChannel& channel, ChunkWork& work) {
  const UsageProfile profile = draw_usage_profile(run.seed, channel.id, channel.commercial);
  const std::int64_t data_start =
      std::max(channel.installed, std::int64_t{run.calendar.first_day()} * kDaySeconds);
  const std::uint64_t dial = hash_of(run.seed, Stream::dial, channel.id);
  std::int64_t reading =
      1000 * (channel.water ? draw(dial, 0, 10'000, 900'000) : draw(dial, 0, 1'000, 60'000));
  std::int64_t read_until = data_start;
  const std::vector<std::int64_t> instants = read_instants(run, channel, data_start);
  for (std::int64_t at : instants) {
    reading += consumption(run, channel, profile, read_until, at);
    read_until = at;
    const std::string taken_at = format_instant(Instant{std::chrono::seconds{at}});
    const std::int64_t shown = reading / 1000 % dial_units(channel) * 1000;  // whole units
    work.register_reads.push_back({channel.id, taken_at, shown,
                                   std::string(channel.manual ? "manual" : "amr"),
                                   std::string("accepted"), taken_at});
  }
  ++work.report.register_channels;
  work.report.register_reads += instants.size();
}

// ---- Writing ------------------------------------------------------------------------------------

const store::BulkTable kVeeExceptions{"vee_exceptions",
                                      {"channel_id", "utc_day", "first_slot", "last_slot", "rule",
                                       "evidence", "status", "created_at"}};
const store::BulkTable kRegisterReads{
    "register_reads", {"channel_id", "taken_at", "milli_units", "source", "status", "created_at"}};

ChunkWork compute_chunk(const UsageRun& run, std::span<const UsageChannel> channels) {
  ChunkWork work;
  for (const UsageChannel& channel : channels) {
    if (channel.interval) {
      fill_interval_channel(run, channel, work);
    } else {
      fill_register_channel(run, channel, work);
    }
  }
  return work;
}

Result<void> write_chunk(store::Database& database, const ChunkWork& work,
                         const std::string& generated_at) {
  std::vector<const mdm::IntervalDay*> days;
  days.reserve(work.days.size());
  for (const mdm::IntervalDay& day : work.days) days.push_back(&day);
  return database.write_work([&](store::Session& session) -> Result<void> {
    RP_TRY(mdm::insert_interval_days(session, days, generated_at));
    RP_TRY(store::bulk_insert(session, kVeeExceptions, work.exceptions));
    return store::bulk_insert(session, kRegisterReads, work.register_reads);
  });
}

void add_to_report(UsageReport& total, const UsageReport& part) {
  std::size_t UsageReport::*const counts[] = {&UsageReport::interval_channels,
                                              &UsageReport::interval_days,
                                              &UsageReport::interval_values,
                                              &UsageReport::actual_slots,
                                              &UsageReport::estimated_slots,
                                              &UsageReport::missing_slots,
                                              &UsageReport::gaps,
                                              &UsageReport::gap_slots,
                                              &UsageReport::long_gaps,
                                              &UsageReport::long_gap_slots,
                                              &UsageReport::long_gap_days,
                                              &UsageReport::spikes,
                                              &UsageReport::stuck_meters,
                                              &UsageReport::stuck_days,
                                              &UsageReport::register_channels,
                                              &UsageReport::register_reads};
  for (auto count : counts) total.*count += part.*count;
  total.interval_milli += part.interval_milli;
  for (const auto& [rule, count] : part.exceptions_by_rule) total.exceptions_by_rule[rule] += count;
}

// Computes each chunk while the one before it is written: the two cores share the work.
Result<void> fill_channels(store::Database& database, const UsageRun& run,
                           const std::vector<UsageChannel>& channels, UsageReport& report) {
  auto compute_from = [&](std::size_t start) {
    std::span<const UsageChannel> part(channels.data() + start,
                                       std::min(kUsageChunkChannels, channels.size() - start));
    return std::async(std::launch::async, [&run, part] { return compute_chunk(run, part); });
  };
  if (channels.empty()) return success();
  std::future<ChunkWork> pending = compute_from(0);
  for (std::size_t start = 0; start < channels.size(); start += kUsageChunkChannels) {
    ChunkWork work = pending.get();
    if (start + kUsageChunkChannels < channels.size()) {
      pending = compute_from(start + kUsageChunkChannels);
    }
    RP_TRY(write_chunk(database, work, run.generated_at));
    add_to_report(report, work.report);
  }
  return success();
}

// The first day of the month `months` months before `day`'s month.
LocalDate first_of_month_before(LocalDate day, std::size_t months) {
  const date::year_month month =
      day.year() / day.month() - date::months{static_cast<std::int64_t>(months)};
  return month / date::day{1};
}

}  // namespace

Result<UsageReport> generate_usage(store::Database& database, const GenerateOptions& options) {
  if (options.usage_months > kUsageMaxMonths) {
    return invalid_input("usage_months", "usage_months must be between 0 and " +
                                             std::to_string(kUsageMaxMonths) + " months");
  }
  auto zone = UtilityZone::find(options.time_zone);
  RP_TRY(zone);
  if (!options.as_of.ok()) return invalid_input("as_of", "as_of is not a calendar date");
  UsageReport report;
  if (options.usage_months == 0) return report;
  auto rules = mdm::default_vee_rules("electric");
  RP_TRY(rules);
  const LocalDate window_first = first_of_month_before(options.as_of, options.usage_months);
  const std::int64_t window_start = seconds_of(zone->start_of_day(window_first));
  const std::int64_t as_of_start = seconds_of(zone->start_of_day(options.as_of));
  const auto first_day = static_cast<std::int32_t>(floor_div(window_start, kDaySeconds));
  const auto last_day = static_cast<std::int32_t>(floor_div(as_of_start - 1, kDaySeconds));
  const std::uint64_t seed = options.seed ^ 0x75736167652D3235ULL;  // apart from account draws
  const UsageRun run{seed,         options.usage_anomalies,
                     *zone,        UsageCalendar(*zone, seed, first_day, last_day),
                     *rules,       window_start,
                     as_of_start,  format_instant(zone->start_of_day(options.as_of)),
                     window_first, options.as_of};
  auto channels = load_channels(database, run);
  RP_TRY(channels);
  const bool any_interval = std::any_of(channels->begin(), channels->end(),
                                        [](const UsageChannel& c) { return c.interval; });
  if (any_interval) RP_TRY(mdm::prepare_interval_days(database, first_day, last_day));
  RP_TRY(fill_channels(database, run, *channels, report));
  RP_TRY(database.write<void>(
      [](store::Session& session) -> Result<void> { return store::refresh_statistics(session); }));
  return report;
}

}  // namespace rp::app
