#pragma once
// The payment commands for the back office's bank files: `ratepayer ach export` (the day's ACH
// debit file), `ratepayer ach returns FILE` (the bank's return file) and `ratepayer lockbox import
// FILE` (the lockbox bank's BAI2 file). docs/payments.md describes each.

#include <optional>
#include <string>

#include "app/config.h"

namespace rp::app {

struct AchExportOptions {
  std::optional<std::string> effective_date;  // YYYY-MM-DD; default the next weekday
  std::optional<std::string> out;             // the file to write; default standard output
};

// Writes the ACH file of every bank payment not yet sent; says so, and writes no file, when
// there is none. Exit 0 on success, 1 with the error named.
int ach_export_command(const Config& config, const AchExportOptions& options);

// Applies a NACHA return file, all or nothing. Exit 0 on success, 1 with the error named.
int ach_returns_command(const Config& config, const std::string& file, bool json);

// Imports a lockbox BAI2 file: posts what it can match, lists what went to suspense. Exit 0 on
// success (also when the file was imported before: nothing is posted again), 1 with the error.
int lockbox_import_command(const Config& config, const std::string& file, bool json);

}  // namespace rp::app
