#pragma once
// A synthetic utility for demos, load tests and benchmarks: customers, premises, service points,
// meters, accounts, service agreements, opening balances and account events in an Oregon-like
// territory, written straight into a Ratepayer database.
//
// Guarantees:
//  * Deterministic: the same seed, options and starting database give the same rows, byte for
//    byte (a seeded splitmix64/xoshiro256** generator, no std distributions; timestamps derive
//    from as_of, not the clock).
//  * Appends: ids start after each table's current largest id and account numbers come from the
//    'account_number' sequence (created at 10000001 when missing, advanced past every number
//    used), so generating into a database that already has data collides with nothing.
//  * Chunked: accounts are written in transactions of kGenerateChunkAccounts accounts (with the
//    bulk-write seam), so 100,000 accounts take seconds and never hold the writer for long. A
//    failure keeps the chunks already committed and reports the error.
//  * Money is integer cents throughout; each account's ledger holds at most one opening_balance
//    entry, so its balance is that entry.
//  * With usage_months > 0, the meters get their usage too (generate_usage.h): interval days
//    validated by VEE, exceptions, register reads.

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "app/generate_bills.h"
#include "app/generate_usage.h"
#include "core/result.h"
#include "core/time.h"
#include "store/database.h"

namespace rp::app {

inline constexpr std::size_t kGenerateChunkAccounts = 5000;

struct GenerateOptions {
  std::size_t accounts = 1000;
  std::uint64_t seed = 1;
  // Stored as utility_settings 'name'. Empty keeps the database's name, or sets
  // "Ratepayer Demo Utility" when it has none.
  std::string utility_name;
  // Stored as utility_settings 'time_zone'; creation times are computed in it.
  std::string time_zone = "America/Los_Angeles";
  // The "today" of the data: accounts open within the ten years before it and opening balances
  // are effective on it.
  LocalDate as_of = LocalDate{date::year{2026}, date::month{11}, date::day{1}};
  // Months of usage ending when as_of begins (generate_usage.h); 0 = none, at most
  // kUsageMaxMonths.
  std::size_t usage_months = 0;
  UsageAnomalyShares usage_anomalies;
  // With usage: bill every cycle month by month and pay the bills (generate_bills.h). Off for
  // benchmarks that time the bill run themselves.
  bool bills = true;
};

struct GenerateReport {
  std::size_t accounts = 0;
  std::size_t closed_accounts = 0;
  std::size_t persons = 0;
  std::size_t premises = 0;
  std::size_t service_points = 0;
  std::size_t meters = 0;
  std::size_t meter_channels = 0;
  std::size_t agreements = 0;
  std::size_t ledger_entries = 0;
  std::size_t events = 0;
  std::size_t text_consents = 0;     // accounts that agreed to texts (one in five with a phone)
  std::size_t usage_thresholds = 0;  // accounts with a high-usage threshold (one in five)
  std::size_t message_threads = 0;   // customers who wrote to the utility (one in fifty)
  std::size_t transformers = 0;      // the electric network drawn (outages/network.h)
  std::size_t feeders = 0;
  std::size_t substations = 0;
  std::int64_t opening_balance_cents = 0;  // the sum of every opening_balance entry written
  std::vector<std::string> sample_account_numbers;  // the first 5 numbers generated
  UsageReport usage;                                // empty unless usage_months > 0
  BillingReport billing;                            // empty unless usage_months > 0
};

// The data's "today" from the command line: "YYYY-MM-DD", or "today" in `time_zone`.
// Errors: invalid_input ("as_of") for anything else; the zone's error for an unknown zone.
Result<LocalDate> parse_as_of(const std::string& text, const std::string& time_zone);

// Generates `options.accounts` accounts into `database` (migrated). Per account: one person (a
// business for the ~10% commercial ones), one premise, an electric service point (AMI ~85%, else
// a manually read meter), a water service point (~60%, AMR meter) with a sewer service point
// (no meter), one open agreement per service point on the class's rate plan (E-RES/E-COM,
// W-RES/W-COM, S-RES/S-COM, inserted when missing), an opening balance for ~70%, and an
// 'account.opened' event. ~3% of accounts are closed: agreements ended, 'account.closed' event.
// The electric network of every electric service point without one (outages/network.h:
// transformers of 10-15 neighbours, feeders, substations, premises' positions). Then, when
// options.usage_months > 0, generate_usage over the whole database (the meters of earlier runs
// already have theirs and are left alone) and generate_bills. Rate plans without a tariff get the
// demo tariffs (demo_tariffs.h); E-TOU is the plan of a quarter of the residential accounts with
// interval meters, and commercial accounts always have interval meters. Errors: invalid_input
// (field "time_zone", "accounts" or "usage_months") for a bad option, before anything is written;
// the database's error otherwise.
Result<GenerateReport> generate_utility(store::Database& database, const GenerateOptions& options);

}  // namespace rp::app
