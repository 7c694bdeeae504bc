#pragma once
// The tariff a rate plan bills with, stored on the plan (rate_plans.tariff) in Ratepayer's tariff
// format (rating/tariff_format.h), so every bill run reads the same versions the analyst filed.

#include <string>

#include "core/result.h"
#include "rating/tariff.h"
#include "store/database.h"

namespace rp::billing {

// Stores `tariff` on rate plan `plan_code`, replacing any earlier one, with a utility-wide
// "rate_plan.tariff_set" event naming the actor. Bills already written keep their lines, and no
// change reaches back into them: the new tariff must rate every day already billed on the plan
// (through the latest period of its sent bills) exactly as the stored one does, so a new rate is
// a new version effective after that day (a bill already sent is corrected by a rebill).
// Errors: not_found for an unknown plan; invalid_input ("tariff") when the tariff's unit cannot
// bill the plan's commodity (kWh for electric; gal or CCF for water and sewer; therm or CCF for
// gas); conflict ("tariff") for a change to days already billed, naming the last one.
Result<void> store_tariff(store::Database& database, const std::string& plan_code,
                          const rating::Tariff& tariff, const std::string& actor);

}  // namespace rp::billing
