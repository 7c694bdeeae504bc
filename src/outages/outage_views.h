#pragma once
// What the outage console reads beyond the outages themselves: the storm summary, the incoming
// signals by device, an outage's devices and homes (to restore a part), and an account's outage
// history. All read-only.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/account_number.h"
#include "core/result.h"
#include "core/time.h"
#include "outages/outages.h"
#include "store/database.h"

namespace rp::outages {

struct SignalHour {
  std::string hour;  // "2026-12-07T14:00:00Z"
  std::int64_t reports = 0;
  std::int64_t last_gasps = 0;
};

struct CustomersOutAt {
  std::string at;
  std::int64_t customers_out = 0;
};

struct StormSummary {
  std::string as_of;
  std::int64_t customers_out = 0;   // service points dark now, each once
  std::int64_t outages_open = 0;    // open outages leaving someone dark
  std::int64_t restored_today = 0;  // service points restored since `today_began`
  std::vector<SignalHour> hours;    // the last 24 hours, oldest first, every hour listed
  std::vector<CustomersOutAt> customers_out_over_time;  // at most one a minute, oldest first
};

// `today_began`: the start of the utility's day.
Result<StormSummary> storm_summary(store::Database& database, Instant today_began);

struct DeviceSignals {
  std::int64_t transformer_id = 0;
  std::string name, feeder;
  std::int64_t points = 0;  // service points it serves
  std::int64_t reports = 0, last_gasps = 0;
  std::string outage;  // the outage its signals are in ("" none yet)
};

// Reports and last gasps of the last `hours` by transformer, those in no outage yet first.
Result<std::vector<DeviceSignals>> signals_by_device(store::Database& database, int hours = 12,
                                                     std::size_t limit = 500);

struct OutageDevice {
  DeviceKind kind = DeviceKind::transformer;
  std::int64_t id = 0;
  std::string name;
  std::int64_t customers_out = 0, customers_total = 0;
};

struct OutageHome {
  std::int64_t service_point = 0, premise = 0;
  std::string line1, city;
  bool dark = false;
  std::string restored_at;  // "" not restored
  std::string moved_to;     // still dark when restored: its own outage ("" none)
};

inline constexpr std::size_t kMostHomesListed = 50;

struct OutageParts {
  std::vector<OutageDevice> devices;  // feeders then transformers under it, when it has several
  std::vector<OutageHome> homes;      // when it lists at most kMostHomesListed points
};

// Errors: the database's.
Result<OutageParts> outage_parts(store::Database& database, const Outage& outage);

struct AccountOutage {
  std::string number, status, cause, began_at, restored_at;
  std::string line1, city;
  std::int64_t reports = 0;  // the account's reports to it
};

// The outages that left one of the account's homes dark in the last two years, newest first.
Result<std::vector<AccountOutage>> account_outage_history(store::Database& database,
                                                          const AccountNumber& account);

struct RestoredAtPremise {
  Outage outage;
  std::string restored_at;  // when the premise came back
};

// The outage the premise was restored in during the last `hours`, if any (what a customer sees
// as "power back? still out?").
Result<std::optional<RestoredAtPremise>> recently_restored(store::Database& database,
                                                           std::int64_t premise_id, int hours = 24);

// The planned outage at the premise that has not begun yet, if any (each home's status page shows
// it ahead; the map and public lookups only once it has begun).
Result<std::optional<Outage>> planned_ahead(store::Database& database, std::int64_t premise_id);

}  // namespace rp::outages
