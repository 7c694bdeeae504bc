#include "rating/charges.h"

#include <algorithm>

#include "rating/tiers.h"

namespace rp::rating {
namespace {

bool is_included(const std::vector<LineKind>& kinds, LineKind kind) {
  return std::find(kinds.begin(), kinds.end(), kind) != kinds.end();
}

// "2026-03-15". core's format_local_date goes through an ostringstream, which costs more than
// the rest of a rider line; a bill run writes millions of these.
std::string date_text(LocalDate date) {
  std::string text = "0000-00-00";
  auto put = [&text](std::size_t end, unsigned value, int digits) {
    for (int i = 0; i < digits; ++i, value /= 10)
      text[end - static_cast<std::size_t>(i)] = static_cast<char>('0' + value % 10);
  };
  put(3, static_cast<unsigned>(static_cast<int>(date.year())), 4);
  put(6, static_cast<unsigned>(date.month()), 2);
  put(9, static_cast<unsigned>(date.day()), 2);
  return text;
}

// The upper bounds of all tiers but the last, prorated for the part.
Result<std::vector<Decimal>> tier_bounds(const RatePeriod& period, TierBasis basis,
                                         const BillPart& part) {
  std::vector<Decimal> bounds;
  for (std::size_t k = 0; k + 1 < period.tiers.size(); ++k) {
    const Decimal max = period.tiers[k].max.value_or(Decimal());
    Result<Decimal> bound =
        basis == TierBasis::daily ? scale(max, part.days, 1) : prorate_limit(max, part.months);
    if (!bound.ok()) return bound.error();
    bounds.push_back(*bound);
  }
  return bounds;
}

Result<void> add_period_energy(const Tariff& tariff, const BillPart& part, const PartUsage& usage,
                               std::size_t p, std::vector<BillLine>& lines) {
  const EnergyCharges& energy = part.version->energy;
  const RatePeriod& period = energy.periods[p];
  Result<std::vector<Decimal>> bounds = tier_bounds(period, energy.tier_basis, part);
  if (!bounds.ok()) return bounds.error();
  Result<std::vector<Decimal>> of_total = split_into_tiers(usage.total, *bounds);
  if (!of_total.ok()) return of_total.error();
  const std::vector<Decimal> quantities =
      allocate_pro_rata(usage.energy[p], usage.total, *of_total);
  for (std::size_t k = 0; k < quantities.size(); ++k) {
    if (quantities[k].is_zero()) continue;
    Result<Decimal> price = period.tiers[k].rate.checked_add(period.tiers[k].adjustment);
    if (!price.ok()) return price.error();
    std::string description = usage_noun(tariff.unit) + period_fragment(energy.periods, p);
    if (quantities.size() > 1) description += ", tier " + std::to_string(k + 1);
    RP_TRY(add_line(lines, LineKind::energy, description + part.label, quantities[k],
                    usage_unit_name(tariff.unit), *price));
  }
  return success();
}

// The usage of the part's days [first_day, end_day) (indices into usage.daily).
Result<Decimal> usage_of_days(const PartUsage& usage, int first_day, int end_day) {
  Decimal sum;
  for (int d = std::max(0, first_day); d < end_day; ++d) {
    Result<Decimal> next = sum.checked_add(usage.daily[static_cast<std::size_t>(d)]);
    if (!next.ok()) return next.error();
    sum = *next;
  }
  return sum;
}

Result<void> add_one_rider(const Tariff& tariff, const BillPart& part, const PartUsage& usage,
                           const Rider& rider, std::vector<BillLine>& lines) {
  // The values in force during the part: the last one effective by its first day, and later ones.
  std::size_t first = 0;
  while (first + 1 < rider.values.size() && rider.values[first + 1].effective <= part.from) ++first;
  for (std::size_t i = first; i < rider.values.size(); ++i) {
    const RiderValue& value = rider.values[i];
    const int begin = days_between(part.from, value.effective);
    if (begin >= part.days) break;
    const int end =
        i + 1 < rider.values.size()
            ? std::min(part.days, days_between(part.from, rider.values[i + 1].effective))
            : part.days;
    Result<Decimal> quantity = usage_of_days(usage, begin, end);
    if (!quantity.ok()) return quantity.error();
    if (quantity->is_zero() || end <= 0) continue;
    std::string description = rider.description;
    const bool spans_change = begin > 0 || end < part.days;
    if (spans_change) description += " from " + date_text(add_days(part.from, std::max(0, begin)));
    RP_TRY(add_line(lines, LineKind::rider, description + part.label, *quantity,
                    usage_unit_name(tariff.unit), value.per_unit));
  }
  return success();
}

Result<Money> sum_amounts(const std::vector<BillLine>& lines, std::size_t first,
                          const std::vector<LineKind>* kinds) {
  Money sum;
  for (std::size_t i = first; i < lines.size(); ++i) {
    if (kinds != nullptr && !is_included(*kinds, lines[i].kind)) continue;
    Result<Money> next = sum.checked_add(lines[i].amount);
    if (!next.ok()) return next.error();
    sum = *next;
  }
  return sum;
}

}  // namespace

Result<Decimal> dollars(Money amount) {
  std::int64_t raw = 0;
  if (__builtin_mul_overflow(amount.cents(), Decimal::kScale / 100, &raw)) {
    return overflow("the amount " + amount.to_string() + " does not fit in a decimal");
  }
  return Decimal::from_raw(raw);
}

const char* usage_noun(UsageUnit unit) {
  return unit == UsageUnit::kWh ? "Energy" : "Usage";
}

std::string period_fragment(const std::vector<RatePeriod>& periods, std::size_t index) {
  const std::string& name = periods[index].name;
  if (!name.empty()) return ", " + name;
  if (periods.size() > 1) return ", Period " + std::to_string(index + 1);
  return "";
}

Result<void> add_line(std::vector<BillLine>& lines, LineKind kind, std::string description,
                      Decimal quantity, std::string unit, Decimal rate) {
  Result<Money> amount = extend(quantity, rate);
  if (!amount.ok()) return amount.error();
  lines.push_back({kind, std::move(description), quantity, std::move(unit), rate, *amount});
  return success();
}

Result<void> add_fixed_lines(const BillPart& part, const AccountFacts& facts,
                             std::vector<BillLine>& lines) {
  for (const FixedCharge& charge : part.version->fixed_charges) {
    if (charge.meter_size && *charge.meter_size != facts.meter_size) continue;
    if (charge.basis == FixedChargeBasis::per_day) {
      RP_TRY(add_line(lines, LineKind::fixed, charge.description + part.label,
                      *Decimal::from_units(part.days), "day", charge.amount));
      continue;
    }
    Result<std::vector<ProratedCharge>> items = prorate_monthly_charge(charge.amount, part.months);
    if (!items.ok()) return items.error();
    for (const ProratedCharge& item : *items) {
      std::string description = charge.description;
      if (item.in_days) {
        description +=
            ", " + std::to_string(item.days) + " of " + std::to_string(item.month_days) + " days";
      }
      RP_TRY(add_line(lines, LineKind::fixed, description + part.label, item.quantity,
                      item.in_days ? "day" : "month", item.rate));
    }
  }
  return success();
}

Result<void> add_energy_lines(const Tariff& tariff, const BillPart& part, const PartUsage& usage,
                              std::vector<BillLine>& lines) {
  const std::vector<RatePeriod>& periods = part.version->energy.periods;
  for (std::size_t p = 0; p < periods.size(); ++p) {
    if (usage.energy[p].is_zero()) continue;
    RP_TRY(add_period_energy(tariff, part, usage, p, lines));
  }
  return success();
}

Result<void> add_rider_lines(const Tariff& tariff, const BillPart& part, const PartUsage& usage,
                             std::vector<BillLine>& lines) {
  for (const Rider& rider : part.version->riders) {
    RP_TRY(add_one_rider(tariff, part, usage, rider, lines));
  }
  return success();
}

Result<void> add_minimum_line(const BillPart& part, std::size_t first_line,
                              std::vector<BillLine>& lines) {
  if (!part.version->minimum_monthly_charge) return success();
  Result<std::vector<ProratedCharge>> items =
      prorate_monthly_charge(*part.version->minimum_monthly_charge, part.months);
  if (!items.ok()) return items.error();
  Money minimum;
  for (const ProratedCharge& item : *items) {
    Result<Money> amount = extend(item.quantity, item.rate);
    if (!amount.ok()) return amount.error();
    minimum += *amount;  // a handful of amounts, each far below the int64 limit
  }
  Result<Money> charged = sum_amounts(lines, first_line, nullptr);
  if (!charged.ok()) return charged.error();
  if (*charged >= minimum) return success();
  Result<Decimal> difference = dollars(minimum - *charged);
  if (!difference.ok()) return difference.error();
  return add_line(lines, LineKind::minimum,
                  "Minimum charge " + minimum.to_string() + " less charges of " +
                      charged->to_string() + part.label,
                  *Decimal::from_units(1), "bill", *difference);
}

Result<void> add_tax_lines(const Tariff& tariff, const BillPart& part, const PartUsage& usage,
                           const AccountFacts& facts, std::size_t first_line,
                           std::vector<BillLine>& lines) {
  if (facts.tax_exempt) return success();
  for (const Tax& tax : part.version->taxes) {
    if (tax.per_unit) {
      if (usage.total.is_zero()) continue;
      RP_TRY(add_line(lines, LineKind::tax, tax.description + part.label, usage.total,
                      usage_unit_name(tariff.unit), *tax.per_unit));
      continue;
    }
    Result<Money> base = sum_amounts(lines, first_line, &tax.applies_to);
    if (!base.ok()) return base.error();
    if (base->is_zero()) continue;
    Result<Decimal> quantity = dollars(*base);
    if (!quantity.ok()) return quantity.error();
    RP_TRY(add_line(lines, LineKind::tax, tax.description + part.label, *quantity, "$",
                    tax.percent.value_or(Decimal())));
  }
  return success();
}

}  // namespace rp::rating
