#pragma once
// The first estimated restoration time (ETR) of an outage, from the utility's own history: the
// median time from beginning to restoration of the last year's restored outages on the same kind
// of device (of the same cause, once staff say it and there are enough), at least
// kLeastHistory of them; otherwise a default per kind of device. An ETR already past is moved to
// an hour from now. Rounded up to the quarter hour: customers read "back by 6:30 PM". Staff
// override it (outage_moves.h set_etr); one the history set is set again when staff name the cause.

#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "core/time.h"
#include "outages/prediction.h"
#include "store/session.h"

namespace rp::outages {

inline constexpr std::size_t kLeastHistory = 5;
inline constexpr const char* kHistoryActor = "system:history";

// The median of `durations`, or none when there are fewer than kLeastHistory (pure).
std::optional<std::chrono::minutes> median_restoration(std::vector<std::chrono::minutes> durations);

// The default time to restore when history is too thin (pure): a home 4 h, a transformer 3 h, a
// feeder or substation 2 h (crews go to the big ones first).
std::chrono::minutes default_restoration(DeviceKind kind);

// `began` + the restoration time, moved to an hour from `now` when that is past, rounded up to
// the quarter hour (pure).
Instant etr_from(Instant began, std::chrono::minutes restoration, Instant now);

struct EtrEstimate {
  Instant etr{};
  std::string basis;  // "median of 37 transformer outages: 2 h 10 min", or "default for a feeder"
};

// The estimate for an outage on a device of `kind` (of `cause` when it is not unknown) that began
// at `began`. Errors: the database's.
Result<EtrEstimate> estimate_etr(store::Session& session, DeviceKind kind, std::string_view cause,
                                 Instant began, Instant now);

}  // namespace rp::outages
