#pragma once
// Imports an OpenEI Utility Rate Database (URDB) rate, as the API (version 7/8, detail=full)
// returns it, into the tariff model. The URDB's conventions are the model's (0-based periods, 12 x
// 24 schedules, tiers with rate + adj and a monthly max), so the mapping is one to one; the few
// choices it makes are listed in docs/tariffs.md ("Importing from the URDB"):
//
//  * numbers are read from their text, never through a double; a value written with more than 9
//    fractional digits (0.07956999999999999, an artefact of the URDB's own doubles) is rounded
//    half away from zero to 9 digits, and a warning says how many were rounded;
//  * `startdate` (Unix seconds) becomes the version's effective date, the UTC calendar date of that
//    instant; without it the version is effective from 1970-01-01, with a warning;
//  * `lookbackpercent` with `lookbackrange` N gives a ratchet over the previous N months; with
//    `lookbackmonths` only (12 flags), a ratchet over the previous 11 months, and a warning when
//    the flags do not select every month (the model looks back over every month). The ratchet
//    applies to flat demand, so on a rate without `flatdemandstructure` it is left out, with a
//    warning;
//  * a last tier carrying a `max` keeps its rate and loses the bound (usage above it stays in that
//    tier, as NREL SAM rates it), with a warning;
//  * fields that change a bill but are not modelled (coincident demand, fuel adjustments by
//    month, additional meters, reactive power, demand windows, textual *attrs, ...) and fields
//    this importer does not know are listed by name in one warning. Descriptive fields (label,
//    uri, sector, description, source, eiaid, approved, ...) are ignored silently.

#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "rating/tariff.h"

namespace rp::rating {

struct ImportedTariff {
  Tariff tariff;  // one version, unit kWh
  // Sentences for the person importing: what was ignored, rounded or assumed. Empty when the
  // rate mapped exactly.
  std::vector<std::string> warnings;
};

// Imports a single URDB rate object, or an API response {"items": [rate, ...]} (the first item
// is imported; a warning says so when there are more). Errors are invalid_input naming the field
// and index within the rate object: field "energyratestructure[1][0].rate", message
// "energyratestructure[1][0].rate: expected a decimal number ..., found a string". They cover
// malformed JSON, a schedule that is not 12 rows of 24 integers or names a period that does not
// exist, tiers whose maxima do not ascend, demand in units other than kW, energy tiers in units
// other than kWh / "kWh daily", fixed charges per year, and a rate with no charges at all.
Result<ImportedTariff> import_urdb(std::string_view json_text);

}  // namespace rp::rating
