#pragma once
// `ratepayer rate`: rates a usage file with a tariff file, without a database. For rate analysts
// checking a tariff, and for customers' "what would I pay on this plan" comparisons.

#include <optional>
#include <string>

#include "core/result.h"
#include "rating/tariff.h"

namespace rp::app {

struct RateCommandOptions {
  std::string tariff_path;  // our tariff JSON (docs/tariffs.md) or an OpenEI URDB rate JSON
  std::string usage_path;   // usage CSV (src/rating/usage_csv.h)
  std::string time_zone = "UTC";
  std::optional<std::string> from;  // with `to`: one bill for [from, to) in local dates
  std::optional<std::string> to;    // exclusive: the first day not billed
  bool json = false;
};

// Prints the bills (one per local calendar month the usage covers in full days, or one for
// [from, to)) and returns 0; on a bad tariff, usage file or option prints one clear line naming the
// field or line and returns 2.
int rate_command(const RateCommandOptions& options);

// Reads a tariff file: ours (it has "versions") or an OpenEI URDB rate (import warnings go to
// stderr). Errors: invalid_input naming the file or the offending field.
Result<rating::Tariff> load_tariff_file(const std::string& path);

}  // namespace rp::app
