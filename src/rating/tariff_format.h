#pragma once
// Ratepayer's own tariff file: JSON that a utility rate analyst can read and review, covering every
// field of tariff.h. docs/tariffs.md describes each field with complete examples
// (src/rating/testdata/*.json). In short:
//
//   {"format": "ratepayer-tariff/1", "name": "...", "utility": "...", "unit": "kWh",
//    "versions": [{"effective": "2026-01-01", "label": "2026 rates",
//                  "fixed_charges": [...], "energy": {...}, "tou_demand": {...},
//                  "flat_demand": {...}, "ratchet": {...}, "minimum_monthly_charge": "10",
//                  "annual_minimum_charge": "120", "riders": [...], "taxes": [...],
//                  "holidays": [...]}]}
//
// Decimals may be JSON strings ("0.1125") or JSON numbers (0.1125); either way they are read from
// their text, exactly, and a value with more than 9 fractional digits is an error, never rounded.
// Percentages are written as percentages ("80" for 80%) and held in the model as fractions (0.8).
// Time-of-use schedules may be the URDB's raw 12 x 24 arrays or a compact form of seasons (month
// ranges) and hour ranges naming periods. Unknown fields are errors, so a misspelt field is never
// silently ignored.

#include <string>
#include <string_view>

#include "core/result.h"
#include "rating/tariff.h"

namespace rp::rating {

// Reads a tariff file. Guarantees on success: at least one version, versions strictly ascending by
// effective date; every schedule entry names an existing period; every period has at least one
// tier, every tier but the last has a `max`, maxima strictly ascending and positive, the last tier
// has none; rider values strictly ascending by date; each tax has exactly one of percent/per_unit.
// Errors: invalid_input whose field is the JSON path of the offending value
// ("versions[0].energy.periods[1].tiers[0].rate") and whose message starts with that path and
// says what is wrong ("...: \"0.1234567891\" has more than 9 digits after the decimal point").
Result<Tariff> parse_tariff(std::string_view json_text);

// Writes `tariff` in the format parse_tariff reads: decimals as strings, schedules in the compact
// season form, fields that hold their defaults left out. For any tariff parse_tariff accepts (and
// any tariff import_urdb produces), parse_tariff(format_tariff(t)) succeeds and gives back t.
std::string format_tariff(const Tariff& tariff);

}  // namespace rp::rating
