#pragma once
// Meter reads as they arrive, before storage: the common shape every ingest format (CSV, Green
// Button ESPI, the JSON batch API) parses into. Packed for speed: a batch of millions of interval
// values holds each (meter, channel) key once and refers to it by index.
//
// Quantities are fixed-point counts of 1/1000 of the channel's unit ("milli-units": Wh for kWh,
// 0.001 gal, 0.001 CCF, 0.001 therm). A value written with finer precision is a malformed number
// (rejected, never rounded silently).

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace rp::mdm {

inline constexpr std::int64_t kMilliUnitsPerUnit = 1000;

// The quality of one interval value. Stored as one byte per interval.
enum class Quality : std::uint8_t {
  actual = 0,     // as measured
  estimated = 1,  // filled by VEE (interpolation or history)
  edited = 2,     // changed by a person, with a reason
  missing = 3,    // no value (a gap VEE could not or may not fill)
};
const char* quality_name(Quality quality);
// "actual"/"A", "estimated"/"E", "edited"/"ED", "missing"/"M" (any case); false otherwise.
bool parse_quality(std::string_view text, Quality& quality);

// Milli-units as units with three decimals: 12345 -> "12.345", -5 -> "-0.005".
std::string format_milli_units(std::int64_t milli_units);

struct ChannelKey {
  std::string meter_serial;
  std::string channel;  // "kWh", "kW", "gal", ... as named on the meter channel
  bool operator==(const ChannelKey&) const = default;
};

struct IntervalValue {
  std::uint32_t channel;     // index into ReadingBatch::channels
  std::int64_t start;        // interval start, seconds since 1970-01-01T00:00:00Z
  std::int64_t milli_units;  // the value, in 1/1000 of the channel's unit
  Quality quality = Quality::actual;
  std::uint32_t line = 0;  // 1-based line (or record) number in the source, for rejects
};

// A line (or record) that could not be read, with the reason, as stored in the rejects table.
struct LineReject {
  std::uint32_t line = 0;
  std::string reason;  // "malformed number 'abc' in column value"
  std::string text;    // the offending line, truncated to 200 characters
};

struct ReadingBatch {
  std::vector<ChannelKey> channels;
  // One per channel: the interval length in seconds that the source states for it (Green Button's
  // ReadingType intervalLength), or 0 when the format does not say (CSV, JSON): then the meter
  // channel's configured length applies. Ingest must reject the values of a channel whose stated
  // length differs from its configured one.
  std::vector<std::int32_t> interval_seconds;
  std::vector<IntervalValue> values;
  std::vector<LineReject> rejects;
};

// A register (cumulative dial) read: manual, AMR, or customer-submitted.
struct RegisterRead {
  ChannelKey key;
  std::int64_t taken_at = 0;  // seconds since epoch
  std::int64_t milli_units = 0;
  std::string source;  // "amr", "manual", "customer"
  std::uint32_t line = 0;
};

}  // namespace rp::mdm
