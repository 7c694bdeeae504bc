#pragma once
// What the daily usage watch (notify/usage_alerts.h) looks at, read for every account the way a
// bill run reads it (bill_run_facts.h), a chunk of accounts at a time, each chunk in one snapshot,
// writing nothing:
//
// - the open period so far, projected to its read date (period_to_date.h);
// - what the latest bill and the bill of the same time last year cost a day (their rated
//   sections, like the charges so far);
// - for each water and gas service, the evidence a leak check needs: on an interval meter the
//   measured slots of the day before `today` (a local day: 92 or 100 slots of 15 minutes on a
//   daylight-saving day), on a register meter the latest billed read's period (its bill released
//   or held); each beside the service's usual use, the highest use per day among its released
//   bills of the past year (for a register meter, the bills before the latest).

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "billing/period_to_date.h"
#include "core/money.h"
#include "core/result.h"
#include "core/time.h"
#include "mdm/reading.h"
#include "store/database.h"

namespace rp::billing {

// A bill's rated charges over its days.
struct BillCost {
  Money charges;
  std::int32_t days = 0;
};

// The slots of one local day on an interval meter, in time order.
struct MeterDay {
  LocalDate date;
  std::int32_t interval_minutes = 15;
  std::vector<std::int64_t> values;  // milli-units
  std::vector<mdm::Quality> quality;
};

// A register meter's latest billed read: the usage of the bill section it ended.
struct BilledRead {
  rating::BillingPeriod period;
  std::int64_t usage_milli = 0;
  bool estimated = false;
};

struct MeterWatch {
  std::int64_t service_point_id = 0;
  std::string commodity;  // water | gas
  std::string meter;      // the serial
  std::string unit;
  std::optional<MeterDay> day;                      // interval meters
  std::optional<BilledRead> latest_read;            // register meters
  std::optional<std::int64_t> usual_per_day_milli;  // none: fewer than two bills to go by
};

struct AccountWatch {
  std::int64_t account_id = 0;
  std::string account_number;
  PeriodToDate to_date;  // its last_bill is not read here: see last_bill below
  std::optional<BillCost> last_bill;
  std::optional<BillCost> last_year;  // the bill covering the day a year before as_of
  std::vector<MeterWatch> meters;
};

// Accounts per chunk: about a bill run's.
inline constexpr std::size_t kWatchChunk = 500;

// Reads every account with service in its open period as of `today` (all cycles), in chunks of
// `chunk` accounts, and passes each chunk to `visit`, which may keep what it is given; an error
// from `visit` stops the reading and is returned. Accounts whose period cannot be rated are
// passed with `to_date.problem` set. Errors: the database's; invalid_input naming a bad stored
// billing setting.
Result<void> watch_usage(store::Database& database, LocalDate today,
                         const std::function<Result<void>(std::vector<AccountWatch>&)>& visit,
                         std::size_t chunk = kWatchChunk);

// Pure: the watch of one account of a chunk (exposed for tests).
AccountWatch account_watch(const RunContext& run, const ChunkFacts& facts,
                           const AccountOutcome& outcome);

}  // namespace rp::billing
