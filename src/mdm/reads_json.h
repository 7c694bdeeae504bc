#pragma once
// The body of the JSON batch API (POST /api/v1/reads):
//
//   {"reads": [
//     {"meter": "E1000017", "channel": "kWh", "interval_start": "2026-11-23T08:00:00-08:00",
//      "value": "0.412", "quality": "actual"},
//     ...]}
//
// meter, channel, interval_start and value are required; quality is optional (actual when absent
// or null) and takes the CSV's spellings. value is a string or a JSON number holding an exact
// decimal with at most 3 decimals ("0.412", 0.412, 12): it is read from the text as written, never
// through a double, and never rounded; exponents ("4.12e-1") are rejected. A read whose quality
// is missing may give value null or leave it out (then 0). Instants and names follow the reads
// CSV (reads_csv.h).
//
// Each read is accounted for: one that cannot be used becomes a LineReject whose line is its
// 1-based position in the array and whose reason names it by path ("reads[3].value: ..."); its
// text is the read as compact JSON. The body is an error only when it is not such a document:
// not JSON, not an object, no "reads" array, or a top-level member other than "reads".

#include <string_view>

#include "core/result.h"
#include "mdm/reading.h"

namespace rp::mdm {

// Errors: invalid_input with field "body" (not JSON, not an object) or "reads".
Result<ReadingBatch> parse_reads_json(std::string_view body);

}  // namespace rp::mdm
