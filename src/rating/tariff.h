#pragma once
// The tariff model: every rate a utility files, as plain values. Rating (calculator.h) is a pure
// function of (tariff, usage, period, account facts); parsers (urdb_import.h, tariff_format.h)
// produce these values. No floating point anywhere: prices and quantities are Decimal (9 fractional
// digits), money is Money (cents).
//
// Conventions (the OpenEI URDB's, so imports map one to one):
//  * Energy and demand periods are numbered 0..n-1; a schedule maps [month 0..11][hour 0..23] of the
//    utility's LOCAL wall-clock time to a period. Weekends and listed holidays use the weekend
//    schedule. Seasons are simply months whose rows differ.
//  * A tier's `max` is the upper bound of that tier in units per billing month (or per day when the
//    tariff's tier basis is daily: the bound is max x days in the period). The last tier has none.
//  * A period's price for a tier is rate + adjustment (URDB's `rate` and `adj`).

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/decimal.h"
#include "core/time.h"

namespace rp::rating {

enum class UsageUnit { kWh, gal, CCF, therm };
const char* usage_unit_name(UsageUnit unit);

struct Tier {
  std::optional<Decimal> max;  // upper bound of this tier; none for the last
  Decimal rate;                // dollars per unit (energy) or per kW (demand)
  Decimal adjustment;          // added to rate (fuel/power cost adjustments carried in the tier)
};

// The tiers of one TOU (or flat) period.
struct RatePeriod {
  std::string name;  // "Off-peak", "Summer on-peak"; may be empty (then "Period N")
  std::vector<Tier> tiers;
};

using MonthHourSchedule = std::array<std::array<std::uint8_t, 24>, 12>;  // [month][hour] -> period

enum class TierBasis { monthly, daily };

struct EnergyCharges {
  std::vector<RatePeriod> periods;  // empty: no energy charge
  MonthHourSchedule weekday{};
  MonthHourSchedule weekend{};
  TierBasis tier_basis = TierBasis::monthly;
};

// Demand charges on the peak kW within each TOU demand period (interval kWh / interval hours).
struct TouDemandCharges {
  std::vector<RatePeriod> periods;  // empty: none
  MonthHourSchedule weekday{};
  MonthHourSchedule weekend{};
};

// Demand charges on the month's overall peak, with a tier structure chosen per month.
struct FlatDemandCharges {
  std::vector<RatePeriod> periods;             // empty: none
  std::array<std::uint8_t, 12> month_period{};  // [month] -> index into periods
};

// Billing demand = max(this month's peak, percent x the highest peak of the previous `months`).
struct DemandRatchet {
  Decimal percent;  // 0.8 for 80%
  int months = 11;
};

enum class FixedChargeBasis { per_month, per_day };

struct FixedCharge {
  std::string description;
  Decimal amount;  // dollars per month or per day
  FixedChargeBasis basis = FixedChargeBasis::per_month;
  // When set, applies only to accounts whose meter size (e.g. "5/8", "1", "2") matches.
  std::optional<std::string> meter_size;
};

// A per-unit adder with values that change on effective dates (fuel/power cost adjustment).
struct RiderValue {
  LocalDate effective;
  Decimal per_unit;
};
struct Rider {
  std::string description;
  std::vector<RiderValue> values;  // ascending by effective date
};

enum class LineKind { energy, demand, fixed, minimum, rider, tax };
const char* line_kind_name(LineKind kind);

// A tax or fee: a percentage of the lines of the listed kinds, or an amount per unit of usage.
struct Tax {
  std::string description;
  std::optional<Decimal> percent;   // 0.05 for 5%
  std::optional<Decimal> per_unit;  // dollars per usage unit
  std::vector<LineKind> applies_to = {LineKind::energy, LineKind::demand, LineKind::fixed,
                                      LineKind::minimum, LineKind::rider};
};

// Sewer billed on water usage, capped at the customer's winter-quarter average (AccountFacts).
struct SewerCap {
  bool cap_at_winter_average = true;
};

// One version of a tariff, in force from `effective` until the next version's effective date.
struct TariffVersion {
  LocalDate effective;
  std::string label;  // shown on lines when a period spans versions, e.g. "2026 rates"
  std::vector<FixedCharge> fixed_charges;
  EnergyCharges energy;
  TouDemandCharges tou_demand;
  FlatDemandCharges flat_demand;
  std::optional<DemandRatchet> ratchet;
  std::optional<Decimal> minimum_monthly_charge;
  std::optional<Decimal> annual_minimum_charge;  // trued up by the caller once a year; see docs
  std::vector<Rider> riders;
  std::vector<Tax> taxes;
  std::vector<LocalDate> holidays;  // rated with the weekend schedules
};

struct Tariff {
  std::string name;
  std::string utility;
  UsageUnit unit = UsageUnit::kWh;
  // Gas measured in CCF and billed in therms: therms = CCF x therm_factor.
  std::optional<Decimal> therm_factor;
  std::optional<SewerCap> sewer;
  std::vector<TariffVersion> versions;  // ascending by effective date; at least one
};

}  // namespace rp::rating
