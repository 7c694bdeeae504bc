#pragma once
// Tiers (blocks): how a quantity is split across a rate period's tiers, and how tiers combine
// with time-of-use periods.
//
// Tier bounds are cumulative upper bounds (URDB's `max`): with bounds 500 and 1000, tier 1 holds
// usage up to 500, tier 2 from 500 to 1000, tier 3 the rest. The last tier is unbounded (a bound
// given on it is ignored, as NREL SAM does: usage beyond it is billed at its price).
//
// Tiers with TOU (the NREL SAM convention for URDB tariffs): tier bounds apply to the TOTAL
// usage of the bill part across all TOU periods, and each TOU period's usage is allocated to the
// tiers in proportion to its share of that total. Period p with usage u_p, part total U, and
// T_k = the part of U in tier k under p's bounds:  u_p,k = u_p x T_k / U.
//
// Worked example (energy_charges test "TiersApplyToTheTotalAndEachPeriodTakesItsShare"): tier 1
// up to 500 kWh, on-peak 0.20 / 0.30 and off-peak 0.10 / 0.15 $/kWh for tiers 1 / 2. On-peak
// 200 kWh, off-peak 600 kWh: U = 800, T = (500, 300). On-peak takes 200/800 = 1/4 of each tier:
// 125 kWh x 0.20 = 25.00 and 75 kWh x 0.30 = 22.50; off-peak takes 3/4: 375 x 0.10 = 37.50 and
// 225 x 0.15 = 33.75. Energy total 118.75.
//
// Rounding: shares are rarely whole. The CUMULATIVE share u_p x (T_1 + ... + T_k) / U is computed
// exactly and rounded once, half away from zero, to 9 digits; each tier's quantity is the
// difference of consecutive cumulative shares. So a period's tier quantities always add up to
// exactly its usage.

#include <span>
#include <vector>

#include "core/decimal.h"
#include "core/result.h"

namespace rp::rating {

// The part of `quantity` (>= 0) in each tier, given the ascending bounds of all tiers but the
// last: bounds.size() + 1 entries that add up to `quantity`.
// Errors: invalid_input ("tariff") when the bounds are not ascending.
Result<std::vector<Decimal>> split_into_tiers(Decimal quantity, std::span<const Decimal> bounds);

// Allocates `share` (>= 0; one period's usage) to tiers in proportion to `tiers_of_total`, which
// must add up to `total`, by the cumulative rounding above: the result adds up to exactly `share`.
// When total is zero everything goes to the first tier. (The calculator also uses this to scale a
// list of usages to a new sum, e.g. down to a sewer cap: share = the cap.)
std::vector<Decimal> allocate_pro_rata(Decimal share, Decimal total,
                                       std::span<const Decimal> tiers_of_total);

}  // namespace rp::rating
