#pragma once
// The rules the daily usage watch applies (usage_alerts.h), pure over what billing/usage_watch.h
// reads: when a customer's own threshold is crossed, and when a water or gas meter looks like it
// is leaking.
//
// Thresholds (the customer's, at most one per basis):
// - amount: the period's charges so far reach it, or, after kLeastDaysToProject days, the
//   projection to the read date does;
// - last_bill / last_year: after kLeastDaysToProject days, the charges so far per day are at least
//   `percent` above the last bill's per day (or the bill's of the same time last year).
// Charges are the rated charges only, as the bill's sections are (no adjustments or fees). When
// any service's usage so far is estimated (a register meter between reads), the crossing says so.
//
// Leaks (water and gas):
// - continuous flow (interval meters): every interval of the day before today was measured
//   (actual: never an estimated, edited or missing one) and none fell to the least flow or below
//   (utility settings leak_water_least_flow_milli, default 1,000: one gallon an hour;
//   leak_gas_least_flow_milli, default 0: off, as furnaces and pilot lights burn all day);
// - burst (interval meters): that day's measured intervals alone add up to leak_burst_percent
//   (default 300) percent of the service's usual use per day or more;
// - high read (register meters): the latest billed read, taken in the last kReadNewsDays days and
//   not estimated, implies a use per day of leak_read_percent (default 200) percent of the usual or
//   more.
// The usual use per day is the highest among the service's bills of the past year (two at least).

#include <cstdint>
#include <optional>
#include <string>

#include "billing/usage_watch.h"
#include "core/money.h"
#include "core/time.h"

namespace rp::notify {

inline constexpr std::int32_t kLeastDaysToProject = 7;
inline constexpr std::int32_t kReadNewsDays = 7;

struct UsageThreshold {
  enum class Basis { amount, last_bill, last_year };
  std::int64_t id = 0;
  Basis basis = Basis::amount;
  Money amount;              // basis amount
  std::int64_t percent = 0;  // basis last_bill, last_year
};

std::string basis_name(UsageThreshold::Basis basis);  // amount | last_bill | last_year

struct ThresholdCrossing {
  Money so_far;
  Money projected;                                 // so_far when there is no projection
  std::optional<billing::BillCost> compared_with;  // last_bill, last_year
  std::optional<std::int64_t> change_percent;      // per day against compared_with
  bool estimated = false;
};

std::optional<ThresholdCrossing> crossing(const UsageThreshold& threshold,
                                          const billing::AccountWatch& account);

struct LeakSettings {
  std::int64_t water_least_flow_milli = 1000;  // per hour; 0: no continuous-flow check
  std::int64_t gas_least_flow_milli = 0;
  std::int64_t burst_percent = 300;
  std::int64_t read_percent = 200;
};

struct LeakFinding {
  enum class Kind { continuous_flow, burst, high_read };
  Kind kind = Kind::continuous_flow;
  LocalDate found_on;                                // the day judged, or the read's date
  std::optional<std::int64_t> least_per_hour_milli;  // continuous flow
  std::int64_t use_per_day_milli = 0;
  std::optional<std::int64_t> usual_per_day_milli;
};

std::string kind_name(LeakFinding::Kind kind);  // continuous_flow | burst | high_read

// One finding at most per meter: continuous flow before a burst.
std::optional<LeakFinding> find_leak(const billing::MeterWatch& meter, const LeakSettings& settings,
                                     LocalDate today);

}  // namespace rp::notify
