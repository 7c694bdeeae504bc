#pragma once
// Demand charges for one bill part (charges.h), from the peaks found in interval data.
//
//  * Demand is interval kWh / interval hours: a 15-minute interval of 12.5 kWh is 50 kW, and the
//    peak is the highest single interval (interval_totals.h).
//  * TOU demand: each demand period is charged on the peak within that period's hours, through
//    that period's tiers (bounds in kW, not prorated).
//  * Flat (monthly) demand: the part's overall peak, through the tiers of the period that
//    `month_period` picks for the part's billing month: the calendar month holding most of the
//    part's days (the earlier month on a tie), so a 2026-01-20 -> 2026-02-19 period uses February.
//  * Ratchet (flat demand only): billing demand = max(the part's peak, percent x the highest of
//    the last `months` entries of AccountFacts::prior_monthly_peaks). When the ratchet sets it,
//    the line says so: "Demand (ratchet: 80% of 120 kW)".
//  * A part shorter than its period (the period spans rate versions) pays each demand price
//    prorated by days: the line's rate is price x part days / period days, rounded half away from
//    zero to 9 digits, and its description says "(2026 rates, 12 of 31 days)". So a bill that
//    spans a rate change pays one month of demand, not two.

#include <vector>

#include "core/result.h"
#include "rating/bill_lines.h"
#include "rating/charges.h"
#include "rating/tariff.h"
#include "rating/usage.h"

namespace rp::rating {

// Appends the TOU and flat demand lines of the part (zero-kW tiers left off).
// Errors: overflow.
Result<void> add_demand_lines(const Tariff& tariff, const BillPart& part, const PartUsage& usage,
                              const AccountFacts& facts, std::vector<BillLine>& lines);

// The 0-based calendar month holding most days of [from, to) (the earlier one on a tie).
unsigned billing_month(LocalDate from, LocalDate to);

// The highest of the last `months` prior peaks (most recent last), or zero when there are none.
Decimal highest_prior_peak(const DemandRatchet& ratchet,
                           const std::vector<Decimal>& prior_monthly_peaks);

// percent x the highest of the last `months` prior peaks, or zero when there are none.
Result<Decimal> ratchet_demand(const DemandRatchet& ratchet,
                               const std::vector<Decimal>& prior_monthly_peaks);

}  // namespace rp::rating
