// The rate engine's entry points: check the inputs, split the period into parts by tariff
// version, find each part's billed usage, and collect each part's lines (charges.h, demand.h).

#include "rating/calculator.h"

#include <algorithm>
#include <span>

#include "rating/charges.h"
#include "rating/demand.h"
#include "rating/interval_totals.h"
#include "rating/proration.h"
#include "rating/tariff_check.h"
#include "rating/tiers.h"
#include "rating/tou_calendar.h"

namespace rp::rating {
namespace {

Result<void> check_period(const BillingPeriod& period) {
  if (!period.start.ok() || !period.end.ok() || !(period.start < period.end)) {
    return invalid_input("period", "a billing period needs a start date before its end date");
  }
  return success();
}

Result<void> check_interval(const IntervalSeries& usage) {
  const auto minutes = usage.interval.count();
  if (minutes != 5 && minutes != 15 && minutes != 30 && minutes != 60) {
    return invalid_input("usage", "intervals of " + std::to_string(minutes) +
                                      " minutes are not supported; use 5, 15, 30 or 60");
  }
  return success();
}

std::string version_label(const TariffVersion& version) {
  return " (" +
         (version.label.empty() ? "rates from " + format_local_date(version.effective)
                                : version.label) +
         ")";
}

// The parts of `period`, one per tariff version in force on some of its days.
Result<std::vector<BillPart>> split_by_version(const Tariff& tariff, const BillingPeriod& period) {
  RP_TRY(check_tariff(tariff));
  const auto& versions = tariff.versions;
  auto in_force = std::upper_bound(
      versions.begin(), versions.end(), period.start,
      [](const LocalDate& day, const TariffVersion& version) { return day < version.effective; });
  if (in_force == versions.begin()) {
    return invalid_input("tariff", "tariff \"" + tariff.name + "\" has no version in force on " +
                                       format_local_date(period.start) +
                                       "; its first takes effect " +
                                       format_local_date(versions.front().effective));
  }
  std::vector<BillPart> parts;
  const int period_days = days_between(period.start, period.end);
  for (auto version = in_force - 1; version != versions.end() && version->effective < period.end;
       ++version) {
    RP_TRY(check_version(*version));
    BillPart part;
    part.version = &*version;
    part.from = std::max(period.start, version->effective);
    part.to =
        version + 1 == versions.end() ? period.end : std::min(period.end, (version + 1)->effective);
    part.days = days_between(part.from, part.to);
    part.period_days = period_days;
    part.months = month_segments(period.start, part.from, part.to);
    parts.push_back(std::move(part));
  }
  if (parts.size() > 1) {
    for (BillPart& part : parts) part.label = version_label(*part.version);
  }
  return parts;
}

Result<Decimal> sum(const std::vector<Decimal>& values) {
  Decimal total;
  for (const Decimal value : values) {
    Result<Decimal> next = total.checked_add(value);
    if (!next.ok()) return next.error();
    total = *next;
  }
  return total;
}

// Converts metered CCF to therms (therm tariffs with a factor), per energy period.
Result<std::vector<Decimal>> in_tariff_units(const Tariff& tariff, std::vector<Decimal> metered) {
  if (!tariff.therm_factor) return metered;
  for (Decimal& value : metered) {
    Result<Decimal> therms = multiply(value, *tariff.therm_factor);
    if (!therms.ok()) return therms.error();
    value = *therms;
  }
  return metered;
}

// The part's billed usage from its metered usage per energy period and per day (series units):
// therms converted per period; daily usage scaled to the converted total by tiers.h's cumulative
// rounding (so it adds up exactly); then, for sewer with a winter average, everything scaled down
// to the cap (the winter average prorated like a monthly tier bound) when usage exceeds it.
Result<PartUsage> billed_usage(const Tariff& tariff, const BillPart& part,
                               const std::vector<Decimal>& energy,
                               const std::vector<Decimal>& daily, const AccountFacts& facts) {
  PartUsage usage;
  Result<std::vector<Decimal>> converted = in_tariff_units(tariff, energy);
  if (!converted.ok()) return converted.error();
  usage.energy = std::move(*converted);
  Result<Decimal> total = sum(usage.energy);
  if (!total.ok()) return total.error();
  usage.total = *total;
  usage.uncapped_total = *total;
  Result<Decimal> metered_days = sum(daily);
  if (!metered_days.ok()) return metered_days.error();
  usage.daily = allocate_pro_rata(usage.total, *metered_days, daily);

  if (!tariff.sewer || !tariff.sewer->cap_at_winter_average || !facts.winter_average) {
    return usage;
  }
  Result<Decimal> cap = prorate_limit(*facts.winter_average, part.months);
  if (!cap.ok()) return cap.error();
  if (usage.total <= *cap) return usage;
  usage.energy = allocate_pro_rata(*cap, usage.total, usage.energy);
  usage.daily = allocate_pro_rata(*cap, usage.total, usage.daily);
  usage.total = *cap;
  return usage;
}

// All of one part's lines, in the order charges.h gives.
Result<void> add_part_lines(const Tariff& tariff, const BillPart& part, const PartUsage& usage,
                            const AccountFacts& facts, std::vector<BillLine>& lines) {
  const std::size_t first_line = lines.size();
  RP_TRY(add_fixed_lines(part, facts, lines));
  RP_TRY(add_energy_lines(tariff, part, usage, lines));
  RP_TRY(add_demand_lines(tariff, part, usage, facts, lines));
  RP_TRY(add_rider_lines(tariff, part, usage, lines));
  RP_TRY(add_minimum_line(part, first_line, lines));
  return add_tax_lines(tariff, part, usage, facts, first_line, lines);
}

Result<void> add_totals(RatedBill& bill) {
  Money total;
  for (const BillLine& line : bill.lines) {
    Result<Money> next = total.checked_add(line.amount);
    if (!next.ok()) return next.error();
    total = *next;
  }
  bill.total = total;
  return success();
}

// Rates one part of an interval bill and adds its lines and usage to `bill`.
Result<void> rate_interval_part(const Tariff& tariff, const IntervalSeries& usage,
                                const BillPart& part, std::span<const DayIntervals> days,
                                const AccountFacts& facts, RatedBill& bill) {
  Result<IntervalTotals> totals = total_intervals(usage, days, *part.version);
  if (!totals.ok()) return totals.error();
  Result<PartUsage> billed = billed_usage(tariff, part, totals->energy, totals->daily, facts);
  if (!billed.ok()) return billed.error();
  billed->demand_peak = std::move(totals->demand_peak);
  billed->peak = totals->peak;
  RP_TRY(add_part_lines(tariff, part, *billed, facts, bill.lines));
  Result<Decimal> usage_total = bill.usage_total.checked_add(billed->uncapped_total);
  if (!usage_total.ok()) return usage_total.error();
  bill.usage_total = *usage_total;
  bill.peak_demand = std::max(bill.peak_demand, totals->peak);
  return success();
}

Result<void> check_register_tariff(const Tariff& tariff, const std::vector<BillPart>& parts) {
  for (const BillPart& part : parts) {
    const TariffVersion& version = *part.version;
    if (version.energy.periods.size() > 1) {
      return invalid_input("usage", "tariff \"" + tariff.name +
                                        "\" has time-of-use energy periods; rate it with interval "
                                        "data, not a register total");
    }
    if (!version.tou_demand.periods.empty() || !version.flat_demand.periods.empty()) {
      return invalid_input("usage", "tariff \"" + tariff.name +
                                        "\" has demand charges; rate it with interval data, not a "
                                        "register total");
    }
  }
  return success();
}

// `total` spread over `count` equal shares by cumulative rounding (they add up to `total`).
std::vector<Decimal> spread(Decimal total, const std::vector<Decimal>& weights) {
  Decimal weight_total;
  for (const Decimal weight : weights)
    weight_total = Decimal::from_raw(weight_total.raw() + weight.raw());
  return allocate_pro_rata(total, weight_total, weights);
}

}  // namespace

Result<RatedBill> rate_intervals(const Tariff& tariff, const IntervalSeries& usage,
                                 const BillingPeriod& period, const UtilityZone& zone,
                                 const AccountFacts& facts) {
  RP_TRY(check_period(period));
  RP_TRY(check_interval(usage));
  Result<std::vector<BillPart>> parts = split_by_version(tariff, period);
  if (!parts.ok()) return parts.error();
  Result<std::vector<DayIntervals>> days =
      layout_days(usage.start, usage.interval, static_cast<std::int64_t>(usage.values.size()), zone,
                  period.start, period.end);
  if (!days.ok()) return days.error();

  RatedBill bill;
  bill.period = period;
  bill.lines.reserve(24);
  std::size_t first_day = 0;
  for (const BillPart& part : *parts) {
    const std::span<const DayIntervals> part_days(days->data() + first_day,
                                                  static_cast<std::size_t>(part.days));
    RP_TRY(rate_interval_part(tariff, usage, part, part_days, facts, bill));
    first_day += static_cast<std::size_t>(part.days);
  }
  RP_TRY(add_totals(bill));
  return bill;
}

Result<RatedBill> rate_total(const Tariff& tariff, Decimal total, const BillingPeriod& period,
                             const AccountFacts& facts) {
  RP_TRY(check_period(period));
  if (total.is_negative()) {
    return invalid_input("usage",
                         "a register total cannot be negative (" + total.to_string() + ")");
  }
  Result<std::vector<BillPart>> parts = split_by_version(tariff, period);
  if (!parts.ok()) return parts.error();
  RP_TRY(check_register_tariff(tariff, *parts));

  // Without interval data, usage is taken to be spread evenly over the days of the period.
  std::vector<Decimal> part_days;
  for (const BillPart& part : *parts) part_days.push_back(*Decimal::from_units(part.days));
  const std::vector<Decimal> part_totals = spread(total, part_days);

  RatedBill bill;
  bill.period = period;
  for (std::size_t i = 0; i < parts->size(); ++i) {
    const BillPart& part = (*parts)[i];
    const std::vector<Decimal> daily(static_cast<std::size_t>(part.days), *Decimal::from_units(1));
    Result<PartUsage> billed =
        billed_usage(tariff, part, {part_totals[i]}, spread(part_totals[i], daily), facts);
    if (!billed.ok()) return billed.error();
    RP_TRY(add_part_lines(tariff, part, *billed, facts, bill.lines));
  }
  Result<std::vector<Decimal>> in_units = in_tariff_units(tariff, {total});
  if (!in_units.ok()) return in_units.error();
  bill.usage_total = in_units->front();
  RP_TRY(add_totals(bill));
  return bill;
}

Result<std::optional<BillLine>> annual_minimum_true_up(const TariffVersion& version,
                                                       Money charged_over_year) {
  if (!version.annual_minimum_charge) return std::optional<BillLine>();
  Result<Money> minimum = version.annual_minimum_charge->round_to_cents();
  if (!minimum.ok()) return minimum.error();
  if (charged_over_year >= *minimum) return std::optional<BillLine>();
  Result<Money> difference = minimum->checked_sub(charged_over_year);
  if (!difference.ok()) return difference.error();
  Result<Decimal> rate = dollars(*difference);
  if (!rate.ok()) return rate.error();
  std::vector<BillLine> lines;
  RP_TRY(add_line(lines, LineKind::minimum,
                  "Annual minimum charge " + minimum->to_string() + " less charges of " +
                      charged_over_year.to_string(),
                  *Decimal::from_units(1), "year", *rate));
  return std::optional<BillLine>(std::move(lines.front()));
}

}  // namespace rp::rating
