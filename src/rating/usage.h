#pragma once
// Usage as rating sees it: a packed series of equal intervals (values in the tariff's unit), or a
// single register total for a period. Packed arrays, not rows: the hot loop walks them directly.

#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "core/decimal.h"
#include "core/time.h"

namespace rp::rating {

struct IntervalSeries {
  Instant start;                       // start of the first interval (UTC)
  std::chrono::minutes interval{15};   // 5, 15, 30 or 60
  std::vector<Decimal> values;         // one per interval, consecutive
};

// What rating needs to know about the account beyond its usage.
struct AccountFacts {
  bool tax_exempt = false;
  std::string meter_size;                  // for meter-size fixed charges
  std::optional<Decimal> winter_average;   // sewer cap: average monthly water use, winter quarter
  std::vector<Decimal> prior_monthly_peaks;  // most recent last, for demand ratchets (kW)
};

}  // namespace rp::rating
