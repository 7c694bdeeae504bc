#pragma once
// Usage for the synthetic utility (generate.h): 15-minute interval data for AMI meters and monthly
// register reads for the others, shaped like real customers' in the utility's local time, with a
// small, known share of the faults VEE exists to find. docs/generate.md describes the shapes and
// the shares.
//
// Guarantees:
//  * Deterministic: the same seed, options and starting database give the same rows. Profiles are
//    drawn per channel (xoshiro256**, app/random.h) and every slot's noise and every fault from a
//    splitmix64 hash of (seed, channel, day, slot): nothing depends on chunking, order or the
//    clock.
//  * Integer arithmetic: loads in watts, temperatures in tenths of a degree Celsius, factors per
//    mille; no floating point. Values are milli-units (mdm/reading.h): 1 = 0.001 kWh (or gal).
//  * Stored as an ingest would store it: each AMI day is made as a head-end delivers it (actual
//    reads, gaps missing), then validated by VEE (mdm/vee.h) with the meter's neighbouring days
//    as context; the validated day is stored (version 1, estimates filled) and every finding that
//    needs review is queued in vee_exceptions.
//  * Appends: only channels without interval days and without register reads are filled, so
//    generating again after adding accounts fills the new meters only.
//  * Chunked: kUsageChunkChannels channels per Database::write (25 months of 16 AMI meters hold
//    the SQLite writer ~30 ms), the next chunk computed while the previous one is written.
//    PostgreSQL month partitions are made once beforehand (mdm::prepare_interval_days). A failure
//    keeps the chunks already written and reports the error.

#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "app/usage_shape.h"
#include "core/result.h"
#include "core/time.h"
#include "store/database.h"

namespace rp::app {

struct GenerateOptions;  // generate.h

inline constexpr std::size_t kUsageChunkChannels = 16;
inline constexpr std::size_t kUsageMaxMonths = 36;

// How often each fault is injected, in parts per million. Faults are placed only where VEE can
// judge them: on days with 4 weeks of history before and a week of data after, on an active
// service, away from each other.
struct UsageAnomalyShares {
  std::uint32_t gap_days_ppm = 10'000;      // meter-days with a gap of 1 to 12 slots (1%)
  std::uint32_t spike_days_ppm = 500;       // meter-days with one slot 20-50x normal (0.05%)
  std::uint32_t stuck_meters_ppm = 3'000;   // meters reading exactly 0 for 4-6 days (0.3%)
  std::uint32_t long_gap_meters_ppm = 500;  // meters silent for 3 to 6 days (0.05%)
};

struct UsageReport {
  std::size_t interval_channels = 0;
  std::size_t interval_days = 0;
  std::size_t interval_values = 0;  // slots holding a value: actual or estimated
  std::size_t actual_slots = 0;
  std::size_t estimated_slots = 0;  // gaps VEE filled
  std::size_t missing_slots = 0;    // before installation, after as_of began, gaps VEE left
  std::int64_t interval_milli = 0;  // the sum of every stored value (milli-kWh)
  // The faults injected into the raw days (before VEE).
  std::size_t gaps = 0;
  std::size_t gap_slots = 0;
  std::size_t long_gaps = 0;
  std::size_t long_gap_slots = 0;
  std::size_t long_gap_days = 0;  // UTC days a long gap touches
  std::size_t spikes = 0;
  std::size_t stuck_meters = 0;
  std::size_t stuck_days = 0;
  // What VEE queued for review, by rule name (vee_rule_name), as stored in vee_exceptions.
  std::map<std::string, std::size_t> exceptions_by_rule;
  std::size_t register_channels = 0;
  std::size_t register_reads = 0;
  std::size_t leaking_meters = 0;  // water meters given a leak, installed before it began
};

// Fills usage from the first day of the month `options.usage_months` months before as_of's month
// to the start of options.as_of (local) in options.time_zone (so a mid-month as_of gets whole
// months and its part of this one, and every cycle's first bill finds a start read), for every
// channel without usage yet:
//  * AMI 15-minute "kWh" channels (meters.kind 'ami'): one interval day per UTC day from the
//    meter's installation (slots before it are missing) to the UTC day in which as_of begins
//    (slots from then on are missing: not yet delivered), validated by VEE with
//    default_vee_rules("electric");
//  * register channels (interval_minutes NULL: manual electric kWh, AMR water gal): one read a
//    month on the account's bill-cycle day, source 'manual' or 'amr', status 'accepted': the
//    whole units the dial shows, moving forward by what the premise used, rolling over at the
//    dial's end as real dials do (5 digits for kWh, 7 for gallons: ingest's defaults). One in five
//    water meters whose cycle was read in the 6 days before as_of has a leak: 50 gallons an hour
//    for the 40 days before as_of, which that read shows (the usage watch on as_of,
//    notify/usage_alerts.h, finds each once billed).
// The shape follows the latest agreement on the meter's service point: its rate plan (codes
// ending "-COM" are commercial) and its dates (outside them the premise is vacant: a standby
// load, no faults). Requires a migrated database; time_zone and as_of valid.
// Errors: invalid_input ("usage_months") for more than kUsageMaxMonths, before anything is
// written; the database's error otherwise (chunks already written stay).
Result<UsageReport> generate_usage(store::Database& database, const GenerateOptions& options);

}  // namespace rp::app
