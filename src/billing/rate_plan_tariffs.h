#pragma once
// The tariff a rate plan bills with, stored on the plan (rate_plans.tariff) in Ratepayer's tariff
// format (rating/tariff_format.h), so every bill run reads the same versions the analyst filed.

#include <optional>
#include <string>
#include <vector>

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

// The checks store_tariff makes before it writes, inside the caller's transaction: its errors.
Result<void> check_tariff_change(store::Session& session, const std::string& plan_code,
                                 const rating::Tariff& tariff);

struct RatePlanTariff {
  std::string code;
  std::string name;
  std::string commodity;
  std::string customer_class;
  std::optional<rating::Tariff> tariff;     // none until one is stored
  std::string tariff_text;                  // as stored, in the tariff format; empty without one
  std::optional<LocalDate> billed_through;  // the last day billed on the plan; none before a bill
};

// Every rate plan with its tariff, by code. Errors: internal when a stored tariff does not read.
Result<std::vector<RatePlanTariff>> rate_plan_tariffs(store::Database& database);

}  // namespace rp::billing
