#pragma once
// What rating produces: bill lines, each quantity x rate computed exactly and rounded once to the
// cent (half away from zero); the total is the sum of the rounded lines.

#include <string>
#include <vector>

#include "core/decimal.h"
#include "core/money.h"
#include "core/time.h"
#include "rating/tariff.h"

namespace rp::rating {

struct BillingPeriod {
  LocalDate start;  // first local day billed
  LocalDate end;    // first local day NOT billed (exclusive)
};

struct BillLine {
  LineKind kind = LineKind::energy;
  std::string description;  // "Energy, Summer on-peak, tier 2 (2026 rates)"
  Decimal quantity;
  std::string unit;  // "kWh", "kW", "day", "month", "%", ...
  Decimal rate;
  Money amount;
};

struct RatedBill {
  BillingPeriod period;
  std::vector<BillLine> lines;
  Money total;
  Decimal usage_total;  // in the tariff's unit
  Decimal peak_demand;  // kW, highest interval demand in the period (0 without interval data)
};

}  // namespace rp::rating
