#pragma once
// The reads CSV files that head-end systems and meter-reading routes deliver (docs/meter-data.md
// shows both with examples).
//
// Interval reads:
//
//   meter,channel,interval_start,value,quality
//   E1000017,kWh,2026-11-23T08:00:00-08:00,0.412,A
//   E1000017,kWh,2026-11-23T08:15:00-08:00,0.398,
//
// Register reads:
//
//   meter,channel,read_at,reading,source
//   W2000031,gal,2026-11-23T09:41:00-08:00,183204.5,manual
//
// Both start with that header line, with exactly those column names in that order; the last
// column (quality, source) may be left out of the header, and then out of every row. Fields are
// separated by commas and are not quoted; rows end with LF or CRLF; blank lines are skipped; a
// UTF-8 byte order mark before the header is ignored. Instants are ISO 8601 with seconds and an
// offset or Z (core parse_instant's forms). Values are exact decimals in the channel's unit with at
// most 3 decimals (more zeros are fine: 0.4120 is 0.412), never rounded; a negative interval value
// is kept (VEE judges it), a negative register reading is a reject.
//
// Every line is accounted for: a row that cannot be read becomes a LineReject naming the line
// (the header is line 1) and what is wrong, and parsing goes on. The whole text is an error only
// when it is not such a CSV at all: empty, binary (holds NUL bytes) or without the header.

#include <cstdint>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "mdm/reading.h"

namespace rp::mdm {

// Interval rows. quality is actual, estimated, edited or missing, or A, E, ED, M (any case);
// empty or absent means actual. A row whose quality is missing may leave value empty (then 0).
// Values come in file order, each with its line; batch.interval_seconds is all 0 (CSV does not
// say). Errors: invalid_input, field "file" (empty or binary) or "header" (wrong first line).
// Fast: no allocation per row; the (meter, channel) of the previous row is reused when it repeats.
Result<ReadingBatch> parse_reads_csv(std::string_view text);

struct RegisterReadBatch {
  std::vector<RegisterRead> reads;  // in file order
  std::vector<LineReject> rejects;
};

// Register rows. source is amr, manual or customer (any case; stored lower case); empty or
// absent means manual. Errors as for parse_reads_csv.
Result<RegisterReadBatch> parse_register_csv(std::string_view text);

}  // namespace rp::mdm
