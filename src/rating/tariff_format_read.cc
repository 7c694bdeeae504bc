// Reading a tariff file (rating/tariff_format.h): tiers, periods, charges, versions; schedules
// are read in tariff_schedule_read.cc.
#include "rating/tariff_format.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <utility>
#include <vector>

#include "rating/tariff_format_parts.h"

namespace rp::rating {

using namespace tariff_file;  // the format's shared pieces (tariff_format_parts.h)

namespace tariff_file {

Error missing(const JsonNode& object, std::string_view key) {
  const std::string path =
      object.path().empty() ? std::string(key) : object.path() + "." + std::string(key);
  return invalid_input(path, path + ": required");
}

Result<std::string> required_string(const JsonNode& object, std::string_view key) {
  std::optional<JsonNode> node = object.member(key);
  if (!node.has_value()) return missing(object, key);
  Result<std::string> text = node->as_string();
  if (text.ok() && text->empty()) return node->error("must not be empty");
  return text;
}

Result<std::string> optional_string(const JsonNode& object, std::string_view key) {
  std::optional<JsonNode> node = object.member(key);
  if (!node.has_value()) return std::string();
  return node->as_string();
}

Result<Decimal> required_decimal(const JsonNode& object, std::string_view key) {
  std::optional<JsonNode> node = object.member(key);
  if (!node.has_value()) return missing(object, key);
  return node->as_decimal();
}

// A decimal that must not be negative (charges that are floors, factors, percentages).
Result<std::optional<Decimal>> optional_nonnegative(const JsonNode& object, std::string_view key) {
  std::optional<JsonNode> node = object.member(key);
  if (!node.has_value()) return std::optional<Decimal>();
  Result<Decimal> value = node->as_decimal();
  if (!value.ok()) return value.error();
  if (value->is_negative()) return node->error("must not be negative");
  return std::optional<Decimal>(*value);
}

}  // namespace tariff_file

namespace {

Result<Tier> read_tier(const JsonNode& node, bool last) {
  RP_TRY(node.expect_object_with_keys({"max", "rate", "adjustment"}));
  Tier tier;
  Result<Decimal> rate = required_decimal(node, "rate");
  if (!rate.ok()) return rate.error();
  tier.rate = *rate;
  if (std::optional<JsonNode> adjustment = node.member("adjustment")) {
    Result<Decimal> value = adjustment->as_decimal();
    if (!value.ok()) return value.error();
    tier.adjustment = *value;
  }
  std::optional<JsonNode> max = node.member("max");
  if (last && max.has_value()) {
    return max->error("the last tier has no upper bound; remove \"max\" (or add a tier above it)");
  }
  if (!last && !max.has_value()) {
    return node.error("\"max\" is required on every tier but the last");
  }
  if (max.has_value()) {
    Result<Decimal> value = max->as_decimal();
    if (!value.ok()) return value.error();
    if (value->is_negative() || value->is_zero()) return max->error("must be above zero");
    tier.max = *value;
  }
  return tier;
}

Result<std::vector<Tier>> read_tiers(const JsonNode& node) {
  RP_TRY(node.expect_array());
  if (node.size() == 0) return node.error("a period needs at least one tier");
  std::vector<Tier> tiers;
  for (std::size_t i = 0; i < node.size(); ++i) {
    Result<Tier> tier = read_tier(node.item(i), i + 1 == node.size());
    if (!tier.ok()) return tier.error();
    if (!tiers.empty() && tier->max.has_value() && *tier->max <= *tiers.back().max) {
      return node.item(i).error("max " + tier->max->to_string() +
                                " must be above the previous tier's max " +
                                tiers.back().max->to_string());
    }
    tiers.push_back(std::move(*tier));
  }
  return tiers;
}

// One period: {"name": "On-peak", "tiers": [...]}; flat demand periods also list their months.
Result<RatePeriod> read_period(const JsonNode& node, std::vector<int>* months) {
  if (months != nullptr) {
    RP_TRY(node.expect_object_with_keys({"name", "months", "tiers"}));
  } else {
    RP_TRY(node.expect_object_with_keys({"name", "tiers"}));
  }
  RatePeriod period;
  Result<std::string> name = optional_string(node, "name");
  if (!name.ok()) return name.error();
  period.name = std::move(*name);
  std::optional<JsonNode> tiers = node.member("tiers");
  if (!tiers.has_value()) return missing(node, "tiers");
  Result<std::vector<Tier>> read = read_tiers(*tiers);
  if (!read.ok()) return read.error();
  period.tiers = std::move(*read);
  if (months != nullptr) {
    if (std::optional<JsonNode> listed = node.member("months")) {
      Result<std::vector<int>> list = read_months(*listed);
      if (!list.ok()) return list.error();
      *months = std::move(*list);
    }
  }
  return period;
}

Result<std::vector<RatePeriod>> read_periods(const JsonNode& node,
                                             std::vector<std::vector<int>>* months) {
  RP_TRY(node.expect_array());
  if (node.size() == 0) return node.error("at least one period is required");
  if (node.size() > kMaxPeriods) {
    return node.error("at most " + std::to_string(kMaxPeriods) + " periods are supported");
  }
  std::vector<RatePeriod> periods;
  for (std::size_t i = 0; i < node.size(); ++i) {
    std::vector<int> listed;
    Result<RatePeriod> period = read_period(node.item(i), months != nullptr ? &listed : nullptr);
    if (!period.ok()) return period.error();
    periods.push_back(std::move(*period));
    if (months != nullptr) months->push_back(std::move(listed));
  }
  return periods;
}

Result<EnergyCharges> read_energy(const JsonNode& node) {
  RP_TRY(node.expect_object_with_keys({"tier_basis", "periods", "schedule"}));
  EnergyCharges energy;
  if (std::optional<JsonNode> basis = node.member("tier_basis")) {
    Result<std::string> word = basis->as_string();
    if (!word.ok()) return word.error();
    if (*word == "daily") {
      energy.tier_basis = TierBasis::daily;
    } else if (*word != "monthly") {
      return basis->error("\"" + *word + "\" is not \"monthly\" or \"daily\"");
    }
  }
  std::optional<JsonNode> periods = node.member("periods");
  if (!periods.has_value()) return missing(node, "periods");
  Result<std::vector<RatePeriod>> read = read_periods(*periods, nullptr);
  if (!read.ok()) return read.error();
  energy.periods = std::move(*read);
  RP_TRY(read_schedule(node, energy.periods, energy.weekday, energy.weekend));
  return energy;
}

Result<TouDemandCharges> read_tou_demand(const JsonNode& node) {
  RP_TRY(node.expect_object_with_keys({"periods", "schedule"}));
  TouDemandCharges demand;
  std::optional<JsonNode> periods = node.member("periods");
  if (!periods.has_value()) return missing(node, "periods");
  Result<std::vector<RatePeriod>> read = read_periods(*periods, nullptr);
  if (!read.ok()) return read.error();
  demand.periods = std::move(*read);
  RP_TRY(read_schedule(node, demand.periods, demand.weekday, demand.weekend));
  return demand;
}

// {"periods": [{"name": "Summer", "months": "Jun-Sep", "tiers": [...]}, ...]}: each month in
// exactly one period; a single period without "months" applies all year.
Result<FlatDemandCharges> read_flat_demand(const JsonNode& node) {
  RP_TRY(node.expect_object_with_keys({"periods"}));
  FlatDemandCharges demand;
  std::optional<JsonNode> periods = node.member("periods");
  if (!periods.has_value()) return missing(node, "periods");
  std::vector<std::vector<int>> months;
  Result<std::vector<RatePeriod>> read = read_periods(*periods, &months);
  if (!read.ok()) return read.error();
  demand.periods = std::move(*read);
  if (demand.periods.size() == 1 && months[0].empty()) return demand;
  std::array<int, 12> period_of{};
  period_of.fill(-1);
  for (std::size_t p = 0; p < months.size(); ++p) {
    for (int m : months[p]) {
      const auto at = static_cast<std::size_t>(m);
      if (period_of[at] >= 0) {
        return periods->item(p).error(std::string(kMonthNames[at]) + " is already in periods[" +
                                      std::to_string(period_of[at]) + "]");
      }
      period_of[at] = static_cast<int>(p);
      demand.month_period[at] = static_cast<std::uint8_t>(p);
    }
  }
  for (std::size_t m = 0; m < 12; ++m) {
    if (period_of[m] < 0) {
      return periods->error(std::string(kMonthNames[m]) + " is in no period's \"months\"");
    }
  }
  return demand;
}

Result<DemandRatchet> read_ratchet(const JsonNode& node) {
  RP_TRY(node.expect_object_with_keys({"percent", "months"}));
  DemandRatchet ratchet;
  std::optional<JsonNode> percent = node.member("percent");
  std::optional<JsonNode> months = node.member("months");
  if (!percent.has_value()) return missing(node, "percent");
  if (!months.has_value()) return missing(node, "months");
  Result<Decimal> fraction = percent->as_percent();
  if (!fraction.ok()) return fraction.error();
  if (fraction->is_negative() || fraction->is_zero() ||
      *fraction > Decimal::from_raw(Decimal::kScale)) {
    return percent->error("must be above 0 and at most 100 (a percentage: 80 means 80%)");
  }
  ratchet.percent = *fraction;
  Result<std::int64_t> count = months->as_integer(1, kMaxRatchetMonths);
  if (!count.ok()) return count.error();
  ratchet.months = static_cast<int>(*count);
  return ratchet;
}

Result<FixedCharge> read_fixed_charge(const JsonNode& node) {
  RP_TRY(node.expect_object_with_keys({"description", "amount", "per", "meter_size"}));
  FixedCharge charge;
  Result<std::string> description = required_string(node, "description");
  if (!description.ok()) return description.error();
  charge.description = std::move(*description);
  Result<Decimal> amount = required_decimal(node, "amount");
  if (!amount.ok()) return amount.error();
  charge.amount = *amount;
  Result<std::string> per = required_string(node, "per");
  if (!per.ok()) return per.error();
  if (*per == "day") {
    charge.basis = FixedChargeBasis::per_day;
  } else if (*per != "month") {
    return node.member("per")->error("\"" + *per + "\" is not \"month\" or \"day\"");
  }
  if (node.member("meter_size").has_value()) {
    Result<std::string> size = required_string(node, "meter_size");
    if (!size.ok()) return size.error();
    charge.meter_size = std::move(*size);
  }
  return charge;
}

Result<Rider> read_rider(const JsonNode& node) {
  RP_TRY(node.expect_object_with_keys({"description", "values"}));
  Rider rider;
  Result<std::string> description = required_string(node, "description");
  if (!description.ok()) return description.error();
  rider.description = std::move(*description);
  std::optional<JsonNode> values = node.member("values");
  if (!values.has_value()) return missing(node, "values");
  RP_TRY(values->expect_array());
  if (values->size() == 0) return values->error("a rider needs at least one value");
  for (std::size_t i = 0; i < values->size(); ++i) {
    const JsonNode item = values->item(i);
    RP_TRY(item.expect_object_with_keys({"effective", "per_unit"}));
    std::optional<JsonNode> effective = item.member("effective");
    if (!effective.has_value()) return missing(item, "effective");
    Result<LocalDate> date = effective->as_date();
    if (!date.ok()) return date.error();
    Result<Decimal> per_unit = required_decimal(item, "per_unit");
    if (!per_unit.ok()) return per_unit.error();
    if (!rider.values.empty() && *date <= rider.values.back().effective) {
      return effective->error("must be after the previous value's date " +
                              format_local_date(rider.values.back().effective) +
                              "; list values oldest first");
    }
    rider.values.push_back(RiderValue{*date, *per_unit});
  }
  return rider;
}

Result<std::vector<LineKind>> read_applies_to(const JsonNode& node) {
  RP_TRY(node.expect_array());
  if (node.size() == 0) return node.error("list at least one kind of line");
  std::vector<LineKind> kinds;
  for (std::size_t i = 0; i < node.size(); ++i) {
    Result<LineKind> kind = read_word(node.item(i), kLineKinds);
    if (!kind.ok()) return kind.error();
    if (std::find(kinds.begin(), kinds.end(), *kind) != kinds.end()) {
      return node.item(i).error("listed twice");
    }
    kinds.push_back(*kind);
  }
  return kinds;
}

Result<Tax> read_tax(const JsonNode& node) {
  RP_TRY(node.expect_object_with_keys({"description", "percent", "per_unit", "applies_to"}));
  Tax tax;
  Result<std::string> description = required_string(node, "description");
  if (!description.ok()) return description.error();
  tax.description = std::move(*description);
  std::optional<JsonNode> percent = node.member("percent");
  std::optional<JsonNode> per_unit = node.member("per_unit");
  if (percent.has_value() == per_unit.has_value()) {
    return node.error("give exactly one of \"percent\" and \"per_unit\"");
  }
  if (percent.has_value()) {
    Result<Decimal> fraction = percent->as_percent();
    if (!fraction.ok()) return fraction.error();
    if (fraction->is_negative()) return percent->error("must not be negative");
    tax.percent = *fraction;
  } else {
    Result<Decimal> amount = per_unit->as_decimal();
    if (!amount.ok()) return amount.error();
    if (amount->is_negative()) return per_unit->error("must not be negative");
    tax.per_unit = *amount;
  }
  if (std::optional<JsonNode> applies_to = node.member("applies_to")) {
    if (!percent.has_value()) {
      return applies_to->error(
          "only a percentage tax applies to lines; a per-unit tax applies to "
          "usage");
    }
    Result<std::vector<LineKind>> kinds = read_applies_to(*applies_to);
    if (!kinds.ok()) return kinds.error();
    tax.applies_to = std::move(*kinds);
  }
  return tax;
}

// Reads the array at `key` (when present) with `read_one` for each element.
template <typename T, typename ReadOne>
Result<std::vector<T>> read_list(const JsonNode& owner, std::string_view key, ReadOne read_one) {
  std::vector<T> list;
  std::optional<JsonNode> node = owner.member(key);
  if (!node.has_value()) return list;
  RP_TRY(node->expect_array());
  for (std::size_t i = 0; i < node->size(); ++i) {
    Result<T> one = read_one(node->item(i));
    if (!one.ok()) return one.error();
    list.push_back(std::move(*one));
  }
  return list;
}

Result<LocalDate> read_holiday(const JsonNode& node) {
  return node.as_date();
}

Result<void> read_charges(const JsonNode& node, TariffVersion& version) {
  if (std::optional<JsonNode> energy = node.member("energy")) {
    Result<EnergyCharges> read = read_energy(*energy);
    if (!read.ok()) return read.error();
    version.energy = std::move(*read);
  }
  if (std::optional<JsonNode> demand = node.member("tou_demand")) {
    Result<TouDemandCharges> read = read_tou_demand(*demand);
    if (!read.ok()) return read.error();
    version.tou_demand = std::move(*read);
  }
  if (std::optional<JsonNode> demand = node.member("flat_demand")) {
    Result<FlatDemandCharges> read = read_flat_demand(*demand);
    if (!read.ok()) return read.error();
    version.flat_demand = std::move(*read);
  }
  if (std::optional<JsonNode> ratchet = node.member("ratchet")) {
    Result<DemandRatchet> read = read_ratchet(*ratchet);
    if (!read.ok()) return read.error();
    if (version.flat_demand.periods.empty()) {
      return ratchet->error(
          "a ratchet sets the billing demand of flat_demand charges, and this "
          "version has none");
    }
    version.ratchet = *read;
  }
  Result<std::optional<Decimal>> minimum = optional_nonnegative(node, "minimum_monthly_charge");
  if (!minimum.ok()) return minimum.error();
  version.minimum_monthly_charge = *minimum;
  Result<std::optional<Decimal>> annual = optional_nonnegative(node, "annual_minimum_charge");
  if (!annual.ok()) return annual.error();
  version.annual_minimum_charge = *annual;
  return success();
}

Result<TariffVersion> read_version(const JsonNode& node) {
  RP_TRY(node.expect_object_with_keys(
      {"effective", "label", "fixed_charges", "energy", "tou_demand", "flat_demand", "ratchet",
       "minimum_monthly_charge", "annual_minimum_charge", "riders", "taxes", "holidays"}));
  TariffVersion version;
  std::optional<JsonNode> effective = node.member("effective");
  if (!effective.has_value()) return missing(node, "effective");
  Result<LocalDate> date = effective->as_date();
  if (!date.ok()) return date.error();
  version.effective = *date;
  Result<std::string> label = optional_string(node, "label");
  if (!label.ok()) return label.error();
  version.label = std::move(*label);
  Result<std::vector<FixedCharge>> fixed =
      read_list<FixedCharge>(node, "fixed_charges", read_fixed_charge);
  if (!fixed.ok()) return fixed.error();
  version.fixed_charges = std::move(*fixed);
  RP_TRY(read_charges(node, version));
  Result<std::vector<Rider>> riders = read_list<Rider>(node, "riders", read_rider);
  if (!riders.ok()) return riders.error();
  version.riders = std::move(*riders);
  Result<std::vector<Tax>> taxes = read_list<Tax>(node, "taxes", read_tax);
  if (!taxes.ok()) return taxes.error();
  version.taxes = std::move(*taxes);
  Result<std::vector<LocalDate>> holidays = read_list<LocalDate>(node, "holidays", read_holiday);
  if (!holidays.ok()) return holidays.error();
  std::set<date::sys_days> seen;
  for (std::size_t i = 0; i < holidays->size(); ++i) {
    if (!seen.insert(date::sys_days((*holidays)[i])).second) {
      return node.member("holidays")->item(i).error("listed twice");
    }
  }
  version.holidays = std::move(*holidays);
  return version;
}

Result<void> read_commodity(const JsonNode& root, Tariff& tariff) {
  std::optional<JsonNode> unit = root.member("unit");
  if (!unit.has_value()) return missing(root, "unit");
  Result<UsageUnit> read = read_word(*unit, kUnits);
  if (!read.ok()) return read.error();
  tariff.unit = *read;
  if (std::optional<JsonNode> factor = root.member("therm_factor")) {
    if (tariff.unit != UsageUnit::therm) {
      return factor->error("only a tariff billed in therms converts CCF with a therm factor");
    }
    Result<Decimal> value = factor->as_decimal();
    if (!value.ok()) return value.error();
    if (value->is_negative() || value->is_zero()) return factor->error("must be above zero");
    tariff.therm_factor = *value;
  }
  if (std::optional<JsonNode> sewer = root.member("sewer")) {
    if (tariff.unit != UsageUnit::gal && tariff.unit != UsageUnit::CCF) {
      return sewer->error("sewer is billed on water usage: the unit must be \"gal\" or \"CCF\"");
    }
    RP_TRY(sewer->expect_object_with_keys({"cap_at_winter_average"}));
    SewerCap cap;
    if (std::optional<JsonNode> flag = sewer->member("cap_at_winter_average")) {
      Result<bool> value = flag->as_bool();
      if (!value.ok()) return value.error();
      cap.cap_at_winter_average = *value;
    }
    tariff.sewer = cap;
  }
  return success();
}

Result<Tariff> read_tariff(const JsonNode& root) {
  RP_TRY(root.expect_object_with_keys(
      {"format", "name", "utility", "unit", "therm_factor", "sewer", "versions"}));
  if (std::optional<JsonNode> format = root.member("format")) {
    Result<std::string> name = format->as_string();
    if (!name.ok()) return name.error();
    if (*name != kFormatName) {
      return format->error("\"" + *name + "\" is not \"" + std::string(kFormatName) + "\"");
    }
  }
  Tariff tariff;
  Result<std::string> name = required_string(root, "name");
  if (!name.ok()) return name.error();
  tariff.name = std::move(*name);
  Result<std::string> utility = optional_string(root, "utility");
  if (!utility.ok()) return utility.error();
  tariff.utility = std::move(*utility);
  RP_TRY(read_commodity(root, tariff));
  std::optional<JsonNode> versions = root.member("versions");
  if (!versions.has_value()) return missing(root, "versions");
  Result<std::vector<TariffVersion>> read =
      read_list<TariffVersion>(root, "versions", read_version);
  if (!read.ok()) return read.error();
  if (read->empty()) return versions->error("a tariff needs at least one version");
  for (std::size_t i = 1; i < read->size(); ++i) {
    if ((*read)[i].effective <= (*read)[i - 1].effective) {
      return versions->item(i)
          .member("effective")
          ->error("must be after versions[" + std::to_string(i - 1) + "].effective " +
                  format_local_date((*read)[i - 1].effective) + "; list versions oldest first");
    }
  }
  tariff.versions = std::move(*read);
  return tariff;
}

}  // namespace

Result<Tariff> parse_tariff(std::string_view json_text) {
  Result<JsonValue> document = parse_exact_json(json_text, "tariff");
  if (!document.ok()) return document.error();
  return read_tariff(JsonNode(*document, ""));
}

}  // namespace rp::rating
