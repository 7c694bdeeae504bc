#include "rating/tariff_check.h"

#include <algorithm>

namespace rp::rating {
namespace {

std::string version_name(const TariffVersion& version) {
  return "tariff version " +
         (version.label.empty() ? format_local_date(version.effective) : version.label);
}

Error bad(const TariffVersion& version, const std::string& what) {
  return invalid_input("tariff", version_name(version) + ": " + what);
}

// "energy period 2 tier 1": where in a version a problem is (built only for an error).
std::string tier_name(const char* charge, std::size_t period, std::size_t tier) {
  return std::string(charge) + " period " + std::to_string(period) + " tier " +
         std::to_string(tier + 1);
}

Result<void> check_periods(const TariffVersion& version, const std::vector<RatePeriod>& periods,
                           const char* charge) {
  for (std::size_t p = 0; p < periods.size(); ++p) {
    const std::vector<Tier>& tiers = periods[p].tiers;
    if (tiers.empty()) {
      return bad(version, std::string(charge) + " period " + std::to_string(p) +
                              " has no tiers; give it at least one rate");
    }
    Decimal below;
    for (std::size_t k = 0; k + 1 < tiers.size(); ++k) {
      if (!tiers[k].max) {
        return bad(version, tier_name(charge, p, k) +
                                " has no upper bound; only the last tier may be unbounded");
      }
      if (*tiers[k].max < below) {
        return bad(version, tier_name(charge, p, k) + " bound " + tiers[k].max->to_string() +
                                " is below the previous " + below.to_string() +
                                "; tier bounds must ascend");
      }
      below = *tiers[k].max;
    }
  }
  return success();
}

static_assert(sizeof(MonthHourSchedule) == 12 * 24, "schedule rows are contiguous bytes");

Result<void> check_schedule(const TariffVersion& version, const MonthHourSchedule& schedule,
                            std::size_t period_count, const char* name) {
  if (period_count == 0) return success();
  // One pass over all 288 entries (contiguous bytes) finds whether any is out of range.
  const std::uint8_t* entries = schedule.front().data();
  std::uint8_t highest = 0;
  for (std::size_t i = 0; i < 12 * 24; ++i) highest = std::max(highest, entries[i]);
  if (highest < period_count) return success();
  for (std::size_t m = 0; m < 12; ++m) {
    const auto month_highest = *std::max_element(schedule[m].begin(), schedule[m].end());
    if (month_highest >= period_count) {
      return bad(version, std::string(name) + " schedule month " + std::to_string(m + 1) +
                              " names period " + std::to_string(month_highest) +
                              " but there are only " + std::to_string(period_count) +
                              " (numbered from 0)");
    }
  }
  return success();
}

Result<void> check_demand(const TariffVersion& version) {
  RP_TRY(check_periods(version, version.tou_demand.periods, "demand"));
  RP_TRY(check_periods(version, version.flat_demand.periods, "flat demand"));
  const std::size_t tou = version.tou_demand.periods.size();
  RP_TRY(check_schedule(version, version.tou_demand.weekday, tou, "demand weekday"));
  RP_TRY(check_schedule(version, version.tou_demand.weekend, tou, "demand weekend"));
  const FlatDemandCharges& flat = version.flat_demand;
  if (!flat.periods.empty()) {
    const auto highest = *std::max_element(flat.month_period.begin(), flat.month_period.end());
    if (highest >= flat.periods.size()) {
      return bad(version, "flat demand months name period " + std::to_string(highest) +
                              " but there are only " + std::to_string(flat.periods.size()));
    }
  }
  if (version.ratchet) {
    if (flat.periods.empty()) {
      return bad(version,
                 "a demand ratchet sets the billing demand of flat (monthly) demand "
                 "charges, and this version has none");
    }
    if (version.ratchet->percent.is_negative() || version.ratchet->months < 0) {
      return bad(version, "a demand ratchet needs a percent and a number of months >= 0");
    }
  }
  return success();
}

Result<void> check_adjustments(const TariffVersion& version) {
  for (const Tax& tax : version.taxes) {
    if (tax.percent.has_value() == tax.per_unit.has_value()) {
      return bad(version, "tax \"" + tax.description +
                              "\" needs exactly one of a percent and an amount per unit");
    }
  }
  for (const Rider& rider : version.riders) {
    const bool ascending = std::is_sorted(
        rider.values.begin(), rider.values.end(),
        [](const RiderValue& a, const RiderValue& b) { return a.effective < b.effective; });
    if (!ascending) {
      return bad(version, "rider \"" + rider.description +
                              "\" values must be in order of their effective dates");
    }
  }
  return success();
}

}  // namespace

Result<void> check_tariff(const Tariff& tariff) {
  if (tariff.versions.empty()) {
    return invalid_input("tariff", "tariff \"" + tariff.name + "\" has no versions");
  }
  for (std::size_t v = 1; v < tariff.versions.size(); ++v) {
    if (!(tariff.versions[v - 1].effective < tariff.versions[v].effective)) {
      return invalid_input(
          "tariff", "tariff \"" + tariff.name + "\" versions must have ascending effective dates");
    }
  }
  if (tariff.therm_factor && (tariff.unit != UsageUnit::therm || tariff.therm_factor->raw() <= 0)) {
    return invalid_input("tariff", "tariff \"" + tariff.name +
                                       "\": a therm factor must be positive and is only for "
                                       "tariffs billed in therms");
  }
  return success();
}

Result<void> check_version(const TariffVersion& version) {
  RP_TRY(check_periods(version, version.energy.periods, "energy"));
  const std::size_t energy = version.energy.periods.size();
  RP_TRY(check_schedule(version, version.energy.weekday, energy, "energy weekday"));
  RP_TRY(check_schedule(version, version.energy.weekend, energy, "energy weekend"));
  RP_TRY(check_demand(version));
  return check_adjustments(version);
}

}  // namespace rp::rating
