#pragma once
// Contracts every meter-data parser keeps, checked by the mdm fuzz targets: keys and indices are
// consistent, and what a reject carries can be stored and shown anywhere (valid UTF-8, short).
// A broken contract prints what broke and aborts, which libFuzzer reports as a crash.

#include <cstdio>
#include <cstdlib>
#include <string>

#include "mdm/read_fields.h"
#include "mdm/reading.h"

namespace rp::mdm::fuzz {

[[noreturn]] inline void broken(const std::string& what) {
  std::fprintf(stderr, "contract broken: %s\n", what.c_str());
  std::abort();
}

inline bool is_clean(const std::string& text) {
  return clean_excerpt(text, text.size()) == text;
}

inline void check_reject(const LineReject& reject) {
  if (reject.text.size() > kMaxRejectTextBytes) broken("reject text longer than 200 bytes");
  if (!is_clean(reject.text)) broken("reject text not clean UTF-8: " + reject.text);
  if (!is_clean(reject.reason)) broken("reject reason not clean UTF-8: " + reject.reason);
  if (reject.reason.empty()) broken("reject without a reason");
}

inline void check_batch(const ReadingBatch& batch) {
  if (batch.interval_seconds.size() != batch.channels.size()) {
    broken("interval_seconds is not one per channel");
  }
  std::string reason;
  for (const ChannelKey& key : batch.channels) {
    if (!check_name(key.meter_serial, "meter", reason) ||
        !check_name(key.channel, "channel", reason)) {
      broken("a channel key that check_name rejects: " + reason);
    }
  }
  for (const std::int32_t seconds : batch.interval_seconds) {
    if (seconds != 0 && seconds != 300 && seconds != 900 && seconds != 1800 && seconds != 3600) {
      broken("interval length " + std::to_string(seconds) + " s");
    }
  }
  for (const IntervalValue& value : batch.values) {
    if (value.channel >= batch.channels.size()) broken("a value's channel index is out of range");
    if (static_cast<int>(value.quality) > 3) broken("a quality out of range");
  }
  for (const LineReject& reject : batch.rejects) check_reject(reject);
}

}  // namespace rp::mdm::fuzz
