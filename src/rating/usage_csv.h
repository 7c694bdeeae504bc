#pragma once
// The usage CSV that `ratepayer rate` reads:
//
//   interval_start,kwh
//   2026-03-01T00:00:00-08:00,0.412
//   2026-03-01T00:15:00-08:00,0.398
//
// The second column names the unit (kwh, gal, ccf or therm, any case). Start times are ISO 8601
// with an offset or Z; one row per interval, consecutive and of one length (5, 15, 30 or 60
// minutes), which is inferred from the first two rows. Values are decimal numbers, never rounded.
// Blank lines and a trailing newline are ignored; CRLF is accepted.

#include <string_view>

#include "core/result.h"
#include "rating/tariff.h"
#include "rating/usage.h"

namespace rp::rating {

struct UsageCsv {
  IntervalSeries series;
  UsageUnit unit = UsageUnit::kWh;
};

// Errors: invalid_input whose field is "line N" (1-based, the header is line 1) and whose message
// says what is wrong with that line: a bad header, a malformed time or number, a gap, an overlap, an
// interval of another length, fewer than two rows.
Result<UsageCsv> parse_usage_csv(std::string_view text);

}  // namespace rp::rating
