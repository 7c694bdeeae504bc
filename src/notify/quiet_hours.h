#pragma once
// Quiet hours: texts that can wait are not sent at night on the customer's clock. The
// customer's clock is the utility's zone (a utility's premises share its zone). Default quiet
// hours 21:00-08:00 (utility settings quiet_hours_start and quiet_hours_end, whole hours 0-23);
// kinds marked quiet_hours_exempt in the catalog (outages, safety, disconnection) and replies to
// STOP/START/HELP go at once. A held text is queued with the end of quiet hours as its first
// attempt: it goes out then, never dropped.

#include "core/time.h"

namespace rp::notify {

struct QuietHours {
  int start_hour = 21;  // quiet from this local hour ...
  int end_hour = 8;     // ... to this one (the next morning when start > end)
};

// `at` when it is outside quiet hours, else the instant they end (on the local clock, so across
// a daylight-saving change the same 08:00).
Instant after_quiet_hours(const UtilityZone& zone, const QuietHours& quiet, Instant at);

}  // namespace rp::notify
