#pragma once
// The lines of one bill part: the days of a billing period rated with one tariff version. The
// calculator splits a period into parts at version changes, works out each part's billed usage,
// then asks these functions for its lines in a fixed order: fixed, energy, demand (demand.h),
// riders, minimum, taxes. Every line is quantity x rate computed exactly and rounded once, half
// away from zero, to the cent (rp::extend), so a reader can check every line by hand.

#include <cstddef>
#include <string>
#include <vector>

#include "core/decimal.h"
#include "core/result.h"
#include "core/time.h"
#include "rating/bill_lines.h"
#include "rating/proration.h"
#include "rating/tariff.h"
#include "rating/usage.h"

namespace rp::rating {

struct BillPart {
  const TariffVersion* version = nullptr;
  LocalDate from;  // first day of the part
  LocalDate to;    // first day after it
  int days = 0;
  int period_days = 0;               // days in the whole billing period
  std::vector<MonthSegment> months;  // the part's days by anniversary month (proration.h)
  std::string label;                 // " (2026 rates)" when the period spans versions, else ""
};

// A part's usage as billed, in the tariff's unit: therms already converted from CCF and sewer
// usage already capped. `daily` and `energy` both add up to exactly `total`.
struct PartUsage {
  std::vector<Decimal> energy;  // per energy period (one entry when the tariff has none)
  std::vector<Decimal> daily;   // per day of the part
  Decimal total;
  Decimal uncapped_total;            // `total` before the sewer cap
  std::vector<Decimal> demand_peak;  // kW per TOU demand period (interval data only)
  Decimal peak;                      // kW, the part's highest interval demand
};

// Appends a line of quantity x rate (rp::extend). Overflow when the amount does not fit.
Result<void> add_line(std::vector<BillLine>& lines, LineKind kind, std::string description,
                      Decimal quantity, std::string unit, Decimal rate);

// The per-month and per-day fixed charges that apply to the account (a charge with a meter size
// applies only when it equals facts.meter_size). Per-month charges are prorated by
// proration.h's rule: "Customer charge" 1 month x 12.00, or "Customer charge, 22 of 31 days"
// 22 day x 0.387096774 = 8.52. Per-day charges are days x amount.
Result<void> add_fixed_lines(const BillPart& part, const AccountFacts& facts,
                             std::vector<BillLine>& lines);

// Energy (or volume) lines: one per TOU period and tier with usage, tiers and TOU combined as in
// tiers.h. Monthly tier bounds are prorated by proration.h's rule; daily bounds are bound x days.
// A tier's price is rate + adjustment. Errors: overflow.
Result<void> add_energy_lines(const Tariff& tariff, const BillPart& part, const PartUsage& usage,
                              std::vector<BillLine>& lines);

// Rider lines: for each rider, the part's usage on the days each of its values is in force
// (usage before a rider's first effective date is not charged), times that value. A part that
// spans a value change gets one line per value, described "... from 2026-03-01".
Result<void> add_rider_lines(const Tariff& tariff, const BillPart& part, const PartUsage& usage,
                             std::vector<BillLine>& lines);

// When the version has a minimum monthly charge and the part's lines from `first_line` on (all
// before taxes) add up to less than that minimum prorated by proration.h's rule (amounts rounded
// per item, as for fixed charges), a `minimum` line of 1 x the difference makes it up.
Result<void> add_minimum_line(const BillPart& part, std::size_t first_line,
                              std::vector<BillLine>& lines);

// Tax lines, in the version's order: a percent tax is (sum of the part's lines from `first_line`
// of the kinds it applies to, earlier taxes included when listed) x percent, shown as that base
// in "$" x the percent; a per-unit tax is the part's billed usage x the amount. Tax-exempt
// accounts get none. Taxes with a zero base are left off.
Result<void> add_tax_lines(const Tariff& tariff, const BillPart& part, const PartUsage& usage,
                           const AccountFacts& facts, std::size_t first_line,
                           std::vector<BillLine>& lines);

// `amount` as a Decimal number of dollars (12.34 -> 12.34). Overflow above ~9.2 billion dollars.
Result<Decimal> dollars(Money amount);

// "Energy" for kWh, "Usage" for water and gas: the noun that starts energy line descriptions.
const char* usage_noun(UsageUnit unit);

// The description fragment naming a rate period when the charge has more than one period or the
// period is named: ", Summer on-peak" or ", Period 2" (1-based); otherwise "".
std::string period_fragment(const std::vector<RatePeriod>& periods, std::size_t index);

}  // namespace rp::rating
