#pragma once
// Bill validation before release: what looks wrong is held for a person, never silently billed.
// Pure: the bill run gathers the facts (the draft's total, days and usage; the agreement's recent
// bills; the neighbours' usage) and asks check_bill which holds apply. docs/billing.md explains
// each rule with examples.
//
// Comparisons are per day, so a 28-day and a 33-day period compare fairly, and exact: integer
// cents and milli-units, ratios as integer percentages computed in 128 bits; no floating point.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/money.h"

namespace rp::billing {

struct BillCheckRules {
  // The draft's charge per day above this % of the median charge per day of the agreement's
  // recent bills is high_bill; below low_percent is low_bill. Only when both are at least
  // min_compared (small bills swing a lot without anything being wrong).
  std::int32_t high_percent = 250;
  std::int32_t low_percent = 30;
  Money min_compared = Money::from_cents(20'00);
  // How many recent bills the median needs before the comparison is made.
  std::int32_t min_history_bills = 3;
  // Usage per day above this % of the neighbours' median usage per day (same rate plan, same
  // cycle) is high_vs_neighbours, when there are at least min_neighbours of them.
  std::int32_t neighbour_high_percent = 400;
  std::int32_t min_neighbours = 10;
  // Periods outside [min_days, max_days] are held.
  std::int32_t min_days = 25;
  std::int32_t max_days = 36;
};

enum class HoldReason {
  high_bill,           // far above the agreement's own recent bills
  low_bill,            // far below them
  high_vs_neighbours,  // usage far above similar customers'
  zero_usage,          // an active, metered service used nothing
  negative_total,      // the bill would credit the customer
  short_period,
  long_period,
};
// The stable snake_case name stored with a hold ("high_bill").
const char* hold_reason_name(HoldReason reason);
// Every hold reason's name, in the order above.
std::vector<std::string_view> hold_reason_names();

struct BillHold {
  HoldReason reason = HoldReason::high_bill;
  std::string evidence;  // a sentence for staff with the figures compared
};

// The neighbours' usage (same rate plan, same cycle), summarised once per run: the median usage
// per day and how many neighbours it is the median of.
struct Neighbours {
  std::int64_t median_per_day_milli = 0;
  std::int32_t count = 0;
};
// The summary of `usage_per_day_milli` (one per neighbour; the lower middle for an even count).
Neighbours summarise_neighbours(std::vector<std::int64_t> usage_per_day_milli);

struct DraftFacts {
  Money total;                       // the draft's total, every section
  std::int32_t days = 0;             // days in the period
  bool metered = true;               // has metered usage (a flat-rate service is not zero-checked)
  std::int64_t usage_milli = 0;      // the period's metered usage, milli-units
  std::vector<Money> recent_totals;  // the agreement's last bills (released), newest first
  std::vector<std::int32_t> recent_days;  // their days, same order and size
  // The agreement's bill for the same period a year earlier, when there is one: a draft in line
  // with it (between low_percent and high_percent of it per day) is not high_bill or low_bill.
  std::optional<Money> last_year_total;
  std::int32_t last_year_days = 0;
  // The period was cut short by the service starting or ending (move-in, move-out): a short
  // period is then expected, not held.
  bool partial_service = false;
  Neighbours neighbours;
};

// The holds that apply to `draft`, in the order of HoldReason. Requires recent_totals and
// recent_days to have the same size and every day count to be positive.
std::vector<BillHold> check_bill(const BillCheckRules& rules, const DraftFacts& draft);

}  // namespace rp::billing
