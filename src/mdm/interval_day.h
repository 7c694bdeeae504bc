#pragma once
// Interval data as stored: one row per meter channel per UTC day, holding a packed array of values
// (milli-units, see reading.h) and a packed array of quality flags, plus a version that increases
// with every change to the row (the prior version is kept in history by the store).
//
// A day of 15-minute data has 96 slots; slot i covers [day start + i x interval, + interval).
// Every slot exists: a slot nobody has read is Quality::missing with value 0.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "mdm/reading.h"

namespace rp::mdm {

struct IntervalDay {
  std::int64_t channel_id = 0;
  std::int32_t utc_day = 0;            // days since 1970-01-01 (UTC)
  std::int32_t interval_minutes = 15;  // 5, 15, 30 or 60
  std::vector<std::int64_t> values;    // milli-units, one per slot
  std::vector<Quality> quality;        // one per slot
  std::int32_t version = 0;            // 0 = never stored

  // A day of `interval_minutes` with every slot missing.
  static IntervalDay empty(std::int64_t channel_id, std::int32_t utc_day,
                           std::int32_t interval_minutes);
  std::size_t slots() const { return values.size(); }
};

// Packs values into compact text safe for a TEXT column on both engines: zig-zag varints of the
// differences between consecutive values, base64 (RFC 4648, no padding). A day of typical 15-minute
// residential data packs to ~130-200 characters.
std::string pack_values(const std::vector<std::int64_t>& values);
// Errors: invalid_input ("values") for text that is not a packing of `expected_count` values.
Result<std::vector<std::int64_t>> unpack_values(std::string_view packed,
                                                std::size_t expected_count);

// One character per slot: '0' actual, '1' estimated, '2' edited, '3' missing.
std::string pack_quality(const std::vector<Quality>& quality);
Result<std::vector<Quality>> unpack_quality(std::string_view packed, std::size_t expected_count);

}  // namespace rp::mdm
