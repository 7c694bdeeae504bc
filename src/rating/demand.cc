#include "rating/demand.h"

#include <algorithm>

#include "rating/proration.h"
#include "rating/tiers.h"

namespace rp::rating {
namespace {

std::string demand_unit(UsageUnit unit) {
  if (unit == UsageUnit::kWh) return "kW";
  return std::string(usage_unit_name(unit)) + "/h";
}

// What every demand line of a part shares.
struct DemandContext {
  std::string unit;
  std::string suffix;  // " (2026 rates, 12 of 31 days)" or ""
  bool prorated = false;
};

DemandContext context_of(const Tariff& tariff, const BillPart& part) {
  DemandContext context{demand_unit(tariff.unit), part.label, part.days != part.period_days};
  if (context.prorated) {
    const std::string days =
        std::to_string(part.days) + " of " + std::to_string(part.period_days) + " days";
    context.suffix = part.label.empty()
                         ? " (" + days + ")"
                         : part.label.substr(0, part.label.size() - 1) + ", " + days + ")";
  }
  return context;
}

// Lines for `demand` kW through the tiers of `period`, described by `name` (+ ", tier k").
Result<void> add_tiered_demand(const DemandContext& context, const RatePeriod& period,
                               const std::string& name, Decimal demand, const BillPart& part,
                               std::vector<BillLine>& lines) {
  std::vector<Decimal> bounds;
  for (std::size_t k = 0; k + 1 < period.tiers.size(); ++k) {
    bounds.push_back(period.tiers[k].max.value_or(Decimal()));
  }
  Result<std::vector<Decimal>> blocks = split_into_tiers(demand, bounds);
  if (!blocks.ok()) return blocks.error();
  for (std::size_t k = 0; k < blocks->size(); ++k) {
    if ((*blocks)[k].is_zero()) continue;
    Result<Decimal> price = period.tiers[k].rate.checked_add(period.tiers[k].adjustment);
    if (!price.ok()) return price.error();
    if (context.prorated) price = scale(*price, part.days, part.period_days);
    if (!price.ok()) return price.error();
    std::string description = name;
    if (blocks->size() > 1) description += ", tier " + std::to_string(k + 1);
    RP_TRY(add_line(lines, LineKind::demand, description + context.suffix, (*blocks)[k],
                    context.unit, *price));
  }
  return success();
}

Result<void> add_flat_demand(const DemandContext& context, const BillPart& part,
                             const PartUsage& usage, const AccountFacts& facts,
                             std::vector<BillLine>& lines) {
  const TariffVersion& version = *part.version;
  const std::size_t index = version.flat_demand.month_period[billing_month(part.from, part.to)];
  const RatePeriod& period = version.flat_demand.periods[index];
  Decimal billing_demand = usage.peak;
  std::string name = "Demand" + (period.name.empty() ? std::string() : ", " + period.name);
  if (version.ratchet) {
    Result<Decimal> ratchet = ratchet_demand(*version.ratchet, facts.prior_monthly_peaks);
    if (!ratchet.ok()) return ratchet.error();
    if (*ratchet > billing_demand) {
      billing_demand = *ratchet;
      Result<Decimal> percent = multiply(version.ratchet->percent, *Decimal::from_units(100));
      if (!percent.ok()) return percent.error();
      name += " (ratchet: " + percent->to_string() + "% of " +
              highest_prior_peak(*version.ratchet, facts.prior_monthly_peaks).to_string() + " " +
              context.unit + ")";
    }
  }
  return add_tiered_demand(context, period, name, billing_demand, part, lines);
}

}  // namespace

unsigned billing_month(LocalDate from, LocalDate to) {
  unsigned best_month = static_cast<unsigned>(from.month()) - 1;
  int best_days = 0;
  for (LocalDate month_start = from; month_start < to;) {
    const LocalDate next_month =
        LocalDate((month_start.year() / month_start.month() + date::months(1)) / 1);
    const int days = days_between(month_start, std::min(next_month, to));
    if (days > best_days) {
      best_days = days;
      best_month = static_cast<unsigned>(month_start.month()) - 1;
    }
    month_start = next_month;
  }
  return best_month;
}

Decimal highest_prior_peak(const DemandRatchet& ratchet,
                           const std::vector<Decimal>& prior_monthly_peaks) {
  const auto count = std::min<std::ptrdiff_t>(
      std::max(0, ratchet.months), static_cast<std::ptrdiff_t>(prior_monthly_peaks.size()));
  if (count == 0) return Decimal();
  return *std::max_element(prior_monthly_peaks.end() - count, prior_monthly_peaks.end());
}

Result<Decimal> ratchet_demand(const DemandRatchet& ratchet,
                               const std::vector<Decimal>& prior_monthly_peaks) {
  return multiply(highest_prior_peak(ratchet, prior_monthly_peaks), ratchet.percent);
}

Result<void> add_demand_lines(const Tariff& tariff, const BillPart& part, const PartUsage& usage,
                              const AccountFacts& facts, std::vector<BillLine>& lines) {
  const DemandContext context = context_of(tariff, part);
  const std::vector<RatePeriod>& tou = part.version->tou_demand.periods;
  for (std::size_t q = 0; q < tou.size(); ++q) {
    const Decimal peak = q < usage.demand_peak.size() ? usage.demand_peak[q] : Decimal();
    RP_TRY(
        add_tiered_demand(context, tou[q], "Demand" + period_fragment(tou, q), peak, part, lines));
  }
  if (part.version->flat_demand.periods.empty()) return success();
  return add_flat_demand(context, part, usage, facts, lines);
}

}  // namespace rp::rating
