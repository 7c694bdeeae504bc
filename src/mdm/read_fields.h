#pragma once
// The field grammar the read formats share (the reads CSV, the register CSV, the JSON batch API):
// exact quantities in milli-units, ISO 8601 instants, meter and channel names, and the cleaned
// excerpts of bad input that rejects carry. Allocation-free unless something is wrong: the CSV
// parser calls these millions of times a second.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>

#include "mdm/reading.h"

namespace rp::mdm {

// Longest names accepted; longer ones are rejects, not truncated.
inline constexpr std::size_t kMaxMeterSerialLength = 64;
inline constexpr std::size_t kMaxChannelNameLength = 32;
// LineReject::text keeps at most this many bytes of the offending input.
inline constexpr std::size_t kMaxRejectTextBytes = 200;

enum class QuantityProblem { none, empty, malformed, too_precise, too_large };

// Parses an optional '-', one or more digits, then optionally '.' and one or more digits, as an
// exact count of 1/1000 units: "0.412" -> 412, "-3" -> -3000, "7.5" -> 7500. Zeros after the
// third decimal are accepted because the value is still exact ("0.4120" -> 412); any other
// fourth decimal is too_precise, never rounded. No '+', exponent, spaces or thousands separators.
// too_large when |value| x 1000 does not fit in int64. Leaves `milli_units` alone on a problem.
QuantityProblem parse_milli_units(std::string_view text, std::int64_t& milli_units);

// A reject reason for `problem` (not none) in `column`:
// "value '0.4125' has more than 3 decimals: ...".
std::string quantity_reason(QuantityProblem problem, std::string_view column,
                            std::string_view text);

// Reads instants in exactly the forms core parse_instant accepts (core/time.h):
// "YYYY-MM-DDTHH:MM:SS", optional fractional seconds (dropped), then "Z" or "+hh:mm" / "-hh:mm".
// Remembers the last date it read, so the rows of one day parse their date once.
class InstantReader {
 public:
  // Seconds since 1970-01-01T00:00:00Z; false (and `seconds` unchanged) when `text` is not such
  // an instant or names a day not on the calendar.
  bool read(std::string_view text, std::int64_t& seconds);

 private:
  char date_[10] = {};
  std::int64_t day_ = 0;  // days since the epoch of date_
  bool has_date_ = false;
};

// "interval_start '2026-13-01T00:00Z' is not an ISO 8601 instant ...".
std::string instant_reason(std::string_view column, std::string_view text);

// Whether `name` may be a meter serial (what = "meter") or channel name (what = "channel"):
// 1 to kMaxMeterSerialLength / kMaxChannelNameLength bytes of printable ASCII, no leading or
// trailing space. On false, `reason` says what is wrong.
bool check_name(std::string_view name, std::string_view what, std::string& reason);

// Interns (meter, channel) keys into a batch: the index of a key in batch.channels, adding it
// (with interval_seconds 0) the first time it is seen. Consecutive rows usually repeat the key,
// so the last one is checked before the hash map. `batch` must outlive the index and gain
// channels only through it.
class ChannelIndex {
 public:
  explicit ChannelIndex(ReadingBatch& batch) : batch_(&batch) {}
  ChannelIndex(const ChannelIndex&) = delete;
  ChannelIndex& operator=(const ChannelIndex&) = delete;

  // False, with `reason` set, when either name fails check_name.
  bool find_or_add(std::string_view meter, std::string_view channel, std::uint32_t& index,
                   std::string& reason);

 private:
  ReadingBatch* batch_;
  std::unordered_map<std::string, std::uint32_t> indices_;  // "meter\nchannel" -> index
  std::string lookup_;                                      // reused key buffer
  std::string last_meter_;
  std::string last_channel_;
  std::uint32_t last_index_ = 0;
  bool has_last_ = false;
};

// `text` cut to at most `max_bytes` at a character boundary, with bytes that are not valid UTF-8
// and control characters (tab aside) replaced by '?', so that it can be stored in any TEXT column
// and shown in any JSON document.
std::string clean_excerpt(std::string_view text, std::size_t max_bytes = kMaxRejectTextBytes);

// 'text' in single quotes for a reject reason, cleaned and cut to 40 bytes ("..." marks a cut).
std::string quoted_excerpt(std::string_view text);

// A reject for line (or record) `line`: the reason, and the cleaned excerpt of `text`.
LineReject make_reject(std::uint32_t line, std::string reason, std::string_view text);

}  // namespace rp::mdm
