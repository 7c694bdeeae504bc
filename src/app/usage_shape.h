#pragma once
// The shape of the synthetic utility's usage (pure): the climate and calendar every meter shares,
// each customer's profile, and the energy or water one slot or day records. generate_usage.h
// writes it to the database; docs/generate.md describes the shapes.

#include <cstdint>
#include <vector>

#include "core/time.h"

namespace rp::app {

enum class DayKind : std::uint8_t { workday, saturday, sunday_or_holiday };

// What every meter shares in one UTC slot: the utility's local wall-clock time, the kind of local
// day (New Year's Day, Memorial Day, July 4, Labor Day, Thanksgiving and Christmas count as
// Sundays) and the outdoor temperature (a Willamette Valley climate: monthly normals, a daily
// swing, and weather that departs from the normal for days at a time).
struct SlotConditions {
  std::int32_t local_day = 0;     // the local date, days since 1970-01-01
  std::int16_t local_minute = 0;  // wall-clock minutes since local midnight at the slot's start
  DayKind day_kind = DayKind::workday;
  std::int16_t temperature = 0;      // tenths of a degree Celsius, at the slot
  std::int16_t day_temperature = 0;  // tenths of a degree Celsius, the local day's mean
};

// Slot conditions for every 15-minute slot of the UTC days [first_day, last_day] in `zone`,
// computed once and shared by every meter. The weather is drawn from `seed`.
class UsageCalendar {
 public:
  UsageCalendar(const UtilityZone& zone, std::uint64_t seed, std::int32_t first_day,
                std::int32_t last_day);

  std::int32_t first_day() const { return first_day_; }
  std::int32_t last_day() const { return last_day_; }
  // Requires first_day <= utc_day <= last_day and 0 <= slot < 96.
  const SlotConditions& at(std::int32_t utc_day, std::int32_t slot) const;
  // The slot of `utc_day` nearest local noon: the day's conditions for daily (water) usage.
  const SlotConditions& midday(std::int32_t utc_day) const;

 private:
  std::int32_t first_day_;
  std::int32_t last_day_;
  std::vector<SlotConditions> slots_;       // 96 per day, from first_day
  std::vector<std::uint8_t> midday_slots_;  // one per day
};

// One meter's customer. Residential: a household of 1-5 people with morning and evening peaks
// (later, broader mornings at weekends), optional electric space heat, air conditioning, electric
// water heating and an electric vehicle charged late at night. Commercial: a business open on
// workdays (some on Saturdays, a few on Sundays) with heating and cooling during open hours.
struct UsageProfile {
  bool commercial = false;
  std::int32_t persons = 0;         // residential
  std::int32_t base_watts = 0;      // always on
  std::int32_t activity_watts = 0;  // residential: people and appliances at the evening peak
  std::int32_t shift_minutes = 0;   // residential: the household's day runs early or late
  std::int32_t ev_watts = 0;        // residential: charger power, 0 = no EV
  std::int32_t occupied_watts = 0;  // commercial: lights, equipment, people while open
  std::int16_t open_minute = 0;     // commercial, local wall clock on workdays
  std::int16_t close_minute = 0;
  bool opens_saturday = false;
  bool opens_sunday = false;
  std::int32_t heating_watts_per_degree = 0;  // below 16 C (residential) or 17 C (commercial)
  std::int32_t cooling_watts_per_degree = 0;  // above 23.5 C (residential) or 21 C (commercial)
  std::int32_t vacant_watts = 0;              // standby while no one takes service
  // Water (register meters): gallons per day.
  std::int32_t water_gallons = 0;       // indoor use (residential) or a workday's (commercial)
  std::int32_t irrigation_gallons = 0;  // on a July day, 0 = no irrigation
};

// Draws the profile of `channel_id` (the same one for the same seed and channel).
UsageProfile draw_usage_profile(std::uint64_t seed, std::int64_t channel_id, bool commercial);

// The profile's expected load, in watts averaged over the slot, under `conditions`, without noise.
std::int64_t typical_watts(const UsageProfile& profile, const SlotConditions& conditions);

// The energy one 15-minute slot records, in milli-kWh (Wh): the typical load with the slot's own
// noise, appliance bursts and EV charging, all drawn from (seed, channel_id, utc_day, slot).
// `occupied` false gives the standby load of a vacant premise (under 1 kWh a day).
std::int64_t slot_usage_milli(const UsageProfile& profile, const UsageCalendar& calendar,
                              std::uint64_t seed, std::int64_t channel_id, std::int32_t utc_day,
                              std::int32_t slot, bool occupied);

// The water one UTC day uses, in milli-gallons: indoor use by the day's kind, irrigation by season
// and temperature, daily noise; 0 when not occupied.
std::int64_t water_day_milli(const UsageProfile& profile, const UsageCalendar& calendar,
                             std::uint64_t seed, std::int64_t channel_id, std::int32_t utc_day,
                             bool occupied);

}  // namespace rp::app
