#pragma once
// What the calculator requires of a tariff before it rates anything. Parsers should produce
// tariffs that pass; the calculator checks again because tariffs can also be built in code.

#include "core/result.h"
#include "rating/tariff.h"

namespace rp::rating {

// Checks the tariff as a whole: at least one version, versions strictly ascending by effective
// date, a positive therm factor only on a therm tariff.
// Errors: invalid_input ("tariff") saying what is wrong.
Result<void> check_tariff(const Tariff& tariff);

// Checks one version: every rate period has at least one tier and ascending bounds on all tiers
// but the last; every schedule entry and flat-demand month names an existing period; a ratchet
// comes with flat demand charges and has percent >= 0 and months >= 0; each tax has exactly one
// of percent and per_unit; rider values ascend by effective date.
// Errors: invalid_input ("tariff") naming the version and what is wrong.
Result<void> check_version(const TariffVersion& version);

}  // namespace rp::rating
