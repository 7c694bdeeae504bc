#pragma once
// The rate engine: a pure function from (tariff, usage, period, zone, account facts) to bill lines.
// No I/O, no database, no floating point. See docs/tariffs.md for the conventions it implements.

#include <optional>

#include "core/money.h"
#include "core/result.h"
#include "core/time.h"
#include "rating/bill_lines.h"
#include "rating/tariff.h"
#include "rating/usage.h"

namespace rp::rating {

// Rates interval usage over `period`, whose local days are bounded in `zone` (so a period holding
// a daylight-saving change has 23 or 25 hours on that day). Intervals outside the period are
// ignored. A period spanning tariff versions is split by days and each part rated with its own
// version (fixed charges and tier limits prorated by days; lines labelled by version).
// Errors: invalid_input ("usage") when the series does not cover the whole period or its interval
// is not 5/15/30/60 minutes; invalid_input ("tariff") when no version is in force at the start.
Result<RatedBill> rate_intervals(const Tariff& tariff, const IntervalSeries& usage,
                                 const BillingPeriod& period, const UtilityZone& zone,
                                 const AccountFacts& facts = {});

// Rates a register total (no interval data) over `period`. Tariffs with time-of-use energy periods
// or demand charges cannot be rated this way: invalid_input ("usage").
Result<RatedBill> rate_total(const Tariff& tariff, Decimal total, const BillingPeriod& period,
                             const AccountFacts& facts = {});

// The annual minimum true-up (TariffVersion::annual_minimum_charge), which no single bill can
// apply: once a year billing passes the charges it billed under `version` over those 12 months
// (before taxes). When they add up to less than the annual minimum, the result is a `minimum`
// line of 1 x the difference ("Annual minimum charge 1200.00 less charges of 1000.00"), to go on
// the next bill; otherwise (or without an annual minimum) none. Errors: overflow.
Result<std::optional<BillLine>> annual_minimum_true_up(const TariffVersion& version,
                                                       Money charged_over_year);

}  // namespace rp::rating
