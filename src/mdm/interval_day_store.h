#pragma once
// Interval days in the database (table interval_days, migrations 0003 and 0004): the one place that
// reads and writes them, so that every writer keeps the history and the partitions right.
//
// A stored day is replaced only through replace_interval_day, which keeps the prior version in
// interval_day_history with who replaced it, when and why, and refuses when someone else replaced
// it first (optimistic: the caller's copy must carry the stored version).

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "mdm/interval_day.h"
#include "store/database.h"

namespace rp::mdm {

// The stored days of `channel_id` with utc_day in [first_day, last_day], ascending.
// Errors: internal when a stored row does not unpack (names the channel and day).
Result<std::vector<IntervalDay>> load_interval_days(store::Session& session,
                                                    std::int64_t channel_id, std::int32_t first_day,
                                                    std::int32_t last_day);

// Makes the database ready to store days in [first_day, last_day]: on PostgreSQL, creates the
// missing monthly partitions in a short transaction of its own; nothing on SQLite. Call before
// the write that inserts the days.
Result<void> prepare_interval_days(store::Database& database, std::int32_t first_day,
                                   std::int32_t last_day);

// Inserts new days (version 0 in memory) as version 1. Errors: conflict when one already exists.
Result<void> insert_interval_days(store::Session& session,
                                  const std::vector<const IntervalDay*>& days,
                                  std::string_view updated_at);

struct Replacement {
  std::string at;      // the instant, "2026-11-23T16:05:00Z"
  std::string by;      // "ingest:42", "staff:jdoe"
  std::string reason;  // why, for the history
};

// Stores `updated` over the stored `previous` (same channel and day, previous.version >= 1):
// previous goes to interval_day_history, updated is stored as previous.version + 1.
// Errors: conflict when the stored version is no longer previous.version.
Result<void> replace_interval_day(store::Session& session, const IntervalDay& previous,
                                  const IntervalDay& updated, const Replacement& replacement);

}  // namespace rp::mdm
