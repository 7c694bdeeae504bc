#pragma once
// The `ratepayer` commands. Each returns the process exit code: 0 success, 1 a clear one-line
// error on stderr (bad config, unreachable database, failed migration), 2 bad usage.

#include <cstddef>
#include <cstdint>

#include "app/config.h"

namespace rp::app {

// Applies pending migrations and reports which ran.
int migrate_command(const Config& config);

// Migrates, then serves the API and the web front end until SIGINT/SIGTERM.
int serve_command(const Config& config);

// Migrates, then generates a deterministic synthetic utility with `usage_months` months of meter
// data (0 = none) and prints a JSON report (accounts, rows per table, usage and VEE counts,
// seconds taken, database size). `as_of` is the data's today: "YYYY-MM-DD", "today" (in the
// utility's zone) or empty for GenerateOptions' fixed default. The synthetic utility's name
// (empty: keep the database's) and time zone are stored as its settings.
int generate_command(const Config& config, std::size_t accounts, std::uint64_t seed,
                     std::size_t usage_months, bool bills = true, const std::string& as_of = "",
                     const std::string& time_zone = "America/Los_Angeles",
                     const std::string& utility_name = "");

// A demo utility in one step: migrates, generates `accounts` accounts with `usage_months` months
// of meter data up to today (so the portal's charts reach yesterday) when the database has no
// accounts, prints what to open and how to sign in, then serves.
int demo_command(Config config, std::size_t accounts, std::size_t usage_months);

}  // namespace rp::app
