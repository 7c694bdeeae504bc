#pragma once
// Test support for meter data: the sample account's meter (E1000017, 15-minute kWh, installed
// 2024-05-01 in Los Angeles), reads CSV rows for it, and small queries.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/time.h"
#include "mdm/ingest.h"
#include "mdm/interval_day.h"
#include "store/database.h"
#include "store/testing/test_database.h"

namespace rp::mdm::testing {

inline const UtilityZone& los_angeles() {
  static const UtilityZone zone = *UtilityZone::find("America/Los_Angeles");
  return zone;
}
inline constexpr std::int32_t kNov2 = 20759;  // 2026-11-02, days since 1970-01-01
inline constexpr std::int64_t kDay = 86400;
inline const std::string kReadsHeader = "meter,channel,interval_start,value,quality\n";

// Ingest options whose "now" is well after early November 2026.
IngestOptions late_options();
// "2026-11-02T00:00:00Z" for seconds since the epoch.
std::string instant(std::int64_t seconds);
// Reads CSV rows for E1000017 kWh: one per slot of `day` from `first` to `last` (inclusive), each
// `value` (text), skipping the slots in `skip`.
std::string day_rows(std::int32_t day, const std::string& value, int first = 0, int last = 95,
                     std::vector<int> skip = {});
Result<IngestReport> ingest_csv(store::Database& database, const std::string& text,
                                IngestOptions options = late_options(),
                                const std::string& name = "reads.csv");
std::int64_t channel_id(store::Database& database, const std::string& serial,
                        const std::string& channel);
// E1000017 kWh's stored day, if any.
std::optional<IntervalDay> stored_day(store::Database& database, std::int32_t utc_day);
using store::testing::count;

}  // namespace rp::mdm::testing
