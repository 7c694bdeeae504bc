#include "rating/urdb_import.h"

#include <algorithm>
#include <array>
#include <chrono>
#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <utility>

#include "rating/exact_json.h"

namespace rp::rating {
namespace {

constexpr std::size_t kMaxPeriods = 255;  // schedules hold a period index in one byte
constexpr std::int64_t kMaxLookbackMonths = 60;
// startdate bounds: 1900-01-01 .. 2200-01-01 in Unix seconds.
constexpr std::int64_t kEarliestStart = -2'208'988'800;
constexpr std::int64_t kLatestStart = 7'258'118'400;
constexpr std::int64_t kSecondsPerDay = 86'400;

constexpr std::array<std::string_view, 12> kMonthNames = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                          "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

// Fields this importer maps to the model.
const std::set<std::string, std::less<>> kImported = {"name",
                                                      "utility",
                                                      "startdate",
                                                      "energyratestructure",
                                                      "energyweekdayschedule",
                                                      "energyweekendschedule",
                                                      "fixedmonthlycharge",
                                                      "fixedchargefirstmeter",
                                                      "fixedchargeunits",
                                                      "minmonthlycharge",
                                                      "annualmincharge",
                                                      "mincharge",
                                                      "minchargeunits",
                                                      "demandratestructure",
                                                      "demandweekdayschedule",
                                                      "demandweekendschedule",
                                                      "flatdemandstructure",
                                                      "flatdemandmonths",
                                                      "demandunits",
                                                      "demandrateunit",
                                                      "flatdemandunit",
                                                      "lookbackpercent",
                                                      "lookbackrange",
                                                      "lookbackmonths"};

// Fields that describe a rate without changing a bill; ignored without a warning. (`dgrules`
// governs exported energy, which rating does not price; `enddate` gets its own warning.)
const std::set<std::string, std::less<>> kDescriptive = {"label",
                                                         "uri",
                                                         "sector",
                                                         "servicetype",
                                                         "description",
                                                         "source",
                                                         "sourceparent",
                                                         "supersedes",
                                                         "approved",
                                                         "country",
                                                         "eiaid",
                                                         "is_default",
                                                         "revisions",
                                                         "version",
                                                         "voltagecategory",
                                                         "voltageminimum",
                                                         "voltagemaximum",
                                                         "phasewiring",
                                                         "peakkwcapacitymin",
                                                         "peakkwcapacitymax",
                                                         "peakkwcapacityhistory",
                                                         "peakkwhusagemin",
                                                         "peakkwhusagemax",
                                                         "peakkwhusagehistory",
                                                         "basicinformationcomments",
                                                         "energycomments",
                                                         "demandcomments",
                                                         "dgrules",
                                                         "coincidentrateunit",
                                                         "enddate"};

std::string lowercase(std::string_view text) {
  std::string lower(text);
  for (char& c : lower) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return lower;
}

// Whether a field says anything: null, false, 0, "", [] and {} (and arrays of them, like twelve
// zero fuel adjustments) do not, so they raise no "not supported" warning.
bool carries_value(const JsonValue& value) {
  switch (value.type) {
    case JsonValue::Type::null:
      return false;
    case JsonValue::Type::boolean:
      return value.boolean;
    case JsonValue::Type::number: {
      const std::string_view mantissa =
          std::string_view(value.text).substr(0, value.text.find_first_of("eE"));
      return mantissa.find_first_of("123456789") != std::string_view::npos;
    }
    case JsonValue::Type::string:
      return !value.text.empty();
    case JsonValue::Type::array:
      return std::any_of(value.items.begin(), value.items.end(), carries_value);
    case JsonValue::Type::object:
      return std::any_of(value.members.begin(), value.members.end(),
                         [](const JsonValue::Member& m) { return carries_value(m.value); });
  }
  return false;
}

// The UTC calendar date of an instant given in Unix seconds.
LocalDate utc_date(std::int64_t seconds) {
  std::int64_t days = seconds / kSecondsPerDay;
  if (seconds % kSecondsPerDay < 0) --days;  // floor, for instants before 1970
  return LocalDate{date::sys_days{date::days{days}}};
}

std::string join(const std::vector<std::string>& parts) {
  std::string text;
  for (const std::string& part : parts) text += (text.empty() ? "" : ", ") + part;
  return text;
}

// The state of one import: the rate's fields by lower-case name, and what to tell the person.
class Importer {
 public:
  explicit Importer(std::map<std::string, JsonNode> fields) : fields_(std::move(fields)) {}

  Result<ImportedTariff> run();

 private:
  std::optional<JsonNode> field(std::string_view name) const {
    auto found = fields_.find(std::string(name));
    if (found == fields_.end() || found->second.is_null()) return std::nullopt;
    return found->second;
  }
  Error missing(std::string_view name, const std::string& why) const {
    return invalid_input(std::string(name), std::string(name) + ": required " + why);
  }
  Result<Decimal> decimal(const JsonNode& node);
  Result<std::optional<Decimal>> optional_amount(std::string_view name);
  Result<std::optional<std::string>> optional_word(std::string_view name) const;
  Result<Tier> read_tier(const JsonNode& node, bool last, std::optional<TierBasis>* basis);
  Result<std::vector<RatePeriod>> read_structure(std::string_view name,
                                                 std::optional<TierBasis>* basis);
  Result<MonthHourSchedule> read_schedule(std::string_view name, std::string_view structure,
                                          std::size_t period_count) const;
  Result<std::array<std::uint8_t, 12>> read_flat_demand_months(std::size_t period_count) const;
  Result<void> read_energy(TariffVersion& version);
  Result<void> read_demand(TariffVersion& version);
  Result<void> check_demand_units(const TariffVersion& version) const;
  Result<void> read_fixed_charges(TariffVersion& version);
  Result<void> read_minimums(TariffVersion& version);
  Result<void> read_ratchet(TariffVersion& version);
  Result<LocalDate> read_start_date();
  void warn_about_what_was_left_out();

  std::map<std::string, JsonNode> fields_;
  std::vector<std::string> warnings_;
  std::set<std::string> unsupported_;
  std::vector<std::string> unbounded_last_tiers_;
  int rounded_count_ = 0;
  std::string first_rounded_;
};

Result<Decimal> Importer::decimal(const JsonNode& node) {
  bool rounded = false;
  Result<Decimal> value = node.as_decimal(ExtraDigits::round, &rounded);
  if (value.ok() && rounded && rounded_count_++ == 0) {
    first_rounded_ = node.path() + " " + node.value().text + " -> " + value->to_string();
  }
  return value;
}

// A dollar amount that must not be negative; nullopt when absent or zero.
Result<std::optional<Decimal>> Importer::optional_amount(std::string_view name) {
  std::optional<JsonNode> node = field(name);
  if (!node.has_value()) return std::optional<Decimal>();
  Result<Decimal> amount = decimal(*node);
  if (!amount.ok()) return amount.error();
  if (amount->is_negative()) return node->error("must not be negative");
  if (amount->is_zero()) return std::optional<Decimal>();
  return std::optional<Decimal>(*amount);
}

Result<std::optional<std::string>> Importer::optional_word(std::string_view name) const {
  std::optional<JsonNode> node = field(name);
  if (!node.has_value()) return std::optional<std::string>();
  Result<std::string> text = node->as_string();
  if (!text.ok()) return text.error();
  return std::optional<std::string>(*text);
}

// {"rate": 0.1, "adj": 0.01, "max": 500, "unit": "kWh"}. `basis` is null for demand tiers.
Result<Tier> Importer::read_tier(const JsonNode& node, bool last, std::optional<TierBasis>* basis) {
  RP_TRY(node.expect_object());
  Tier tier;
  std::optional<JsonNode> rate = node.member("rate");
  std::optional<JsonNode> adj = node.member("adj");
  if (!rate.has_value() && !adj.has_value()) return node.error("no \"rate\" (or \"adj\")");
  if (rate.has_value()) {
    Result<Decimal> value = decimal(*rate);
    if (!value.ok()) return value.error();
    tier.rate = *value;
  }
  if (adj.has_value()) {
    Result<Decimal> value = decimal(*adj);
    if (!value.ok()) return value.error();
    tier.adjustment = *value;
  }
  if (std::optional<JsonNode> unit = node.member("unit")) {
    Result<std::string> text = unit->as_string();
    if (!text.ok()) return text.error();
    const std::string word = lowercase(*text);
    if (basis == nullptr && word != "kw") {
      return unit->error("\"" + *text + "\" is not supported; only demand in kW can be rated");
    }
    if (basis != nullptr) {
      if (word != "kwh" && word != "kwh daily") {
        return unit->error("\"" + *text +
                           "\" is not supported; energy tiers must be in \"kWh\" or \"kWh daily\"");
      }
      const TierBasis tier_basis = word == "kwh daily" ? TierBasis::daily : TierBasis::monthly;
      if (basis->has_value() && **basis != tier_basis) {
        return unit->error("mixes \"kWh\" and \"kWh daily\" tiers; a tariff uses one of them");
      }
      *basis = tier_basis;
    }
  }
  if (std::optional<JsonNode> max = node.member("max")) {
    Result<Decimal> value = decimal(*max);
    if (!value.ok()) return value.error();
    if (value->is_negative() || value->is_zero()) return max->error("must be above zero");
    if (last) {
      unbounded_last_tiers_.push_back(node.path());
    } else {
      tier.max = *value;
    }
  } else if (!last) {
    return node.error("\"max\" is required on every tier but the last");
  }
  return tier;
}

// A structure: an array of periods, each an array of tiers. Absent or empty: no periods.
Result<std::vector<RatePeriod>> Importer::read_structure(std::string_view name,
                                                         std::optional<TierBasis>* basis) {
  std::vector<RatePeriod> periods;
  std::optional<JsonNode> node = field(name);
  if (!node.has_value()) return periods;
  RP_TRY(node->expect_array());
  if (node->size() > kMaxPeriods) {
    return node->error("more than " + std::to_string(kMaxPeriods) + " periods");
  }
  for (std::size_t p = 0; p < node->size(); ++p) {
    const JsonNode tiers = node->item(p);
    RP_TRY(tiers.expect_array());
    if (tiers.size() == 0) return tiers.error("a period with no tiers");
    RatePeriod period;
    for (std::size_t t = 0; t < tiers.size(); ++t) {
      const JsonNode item = tiers.item(t);
      Result<Tier> tier = read_tier(item, t + 1 == tiers.size(), basis);
      if (!tier.ok()) return tier.error();
      if (tier->max.has_value() && !period.tiers.empty() &&
          *tier->max <= *period.tiers.back().max) {
        return item.member("max")->error(tier->max->to_string() + " is not above the previous " +
                                         "tier's max " + period.tiers.back().max->to_string());
      }
      for (const JsonValue::Member& member : item.value().members) {
        const bool known = member.key == "rate" || member.key == "adj" || member.key == "max" ||
                           member.key == "unit";
        if (!known && carries_value(member.value)) {
          unsupported_.insert(std::string(name) + "[...]." + member.key);
        }
      }
      period.tiers.push_back(std::move(*tier));
    }
    periods.push_back(std::move(period));
  }
  return periods;
}

// 12 rows (January first) of 24 periods (midnight first), 0-based. Absent: all period 0, which
// is only allowed when the structure has a single period.
Result<MonthHourSchedule> Importer::read_schedule(std::string_view name, std::string_view structure,
                                                  std::size_t period_count) const {
  MonthHourSchedule schedule{};
  std::optional<JsonNode> node = field(name);
  if (!node.has_value()) {
    if (period_count <= 1) return schedule;
    return missing(name, "when " + std::string(structure) + " has more than one period");
  }
  RP_TRY(node->expect_array());
  if (node->size() != 12)
    return node->error("expected 12 rows (one per month), found " + std::to_string(node->size()));
  const std::string periods_are = std::string(structure) + " has " + std::to_string(period_count) +
                                  " period" + (period_count == 1 ? "" : "s");
  for (std::size_t m = 0; m < 12; ++m) {
    const JsonNode row = node->item(m);
    RP_TRY(row.expect_array());
    if (row.size() != 24) {
      return row.error("expected 24 periods (one per hour), found " + std::to_string(row.size()));
    }
    for (std::size_t h = 0; h < 24; ++h) {
      const JsonNode cell = row.item(h);
      Result<std::int64_t> period = cell.as_integer(0, 1'000'000);
      if (!period.ok()) return cell.error("expected a period number (0-based)");
      if (static_cast<std::size_t>(*period) >= period_count) {
        return cell.error("period " + std::to_string(*period) + " does not exist (" + periods_are +
                          ")");
      }
      schedule[m][h] = static_cast<std::uint8_t>(*period);
    }
  }
  return schedule;
}

Result<void> Importer::read_energy(TariffVersion& version) {
  std::optional<TierBasis> basis;
  Result<std::vector<RatePeriod>> periods = read_structure("energyratestructure", &basis);
  if (!periods.ok()) return periods.error();
  if (periods->empty()) return success();
  const std::size_t count = periods->size();
  Result<MonthHourSchedule> weekday =
      read_schedule("energyweekdayschedule", "energyratestructure", count);
  if (!weekday.ok()) return weekday.error();
  Result<MonthHourSchedule> weekend =
      read_schedule("energyweekendschedule", "energyratestructure", count);
  if (!weekend.ok()) return weekend.error();
  version.energy.periods = std::move(*periods);
  version.energy.weekday = *weekday;
  version.energy.weekend = *weekend;
  version.energy.tier_basis = basis.value_or(TierBasis::monthly);
  return success();
}

Result<std::array<std::uint8_t, 12>> Importer::read_flat_demand_months(
    std::size_t period_count) const {
  std::array<std::uint8_t, 12> months{};
  std::optional<JsonNode> node = field("flatdemandmonths");
  if (!node.has_value()) {
    if (period_count <= 1) return months;
    return missing("flatdemandmonths", "when flatdemandstructure has more than one period");
  }
  RP_TRY(node->expect_array());
  if (node->size() != 12) {
    return node->error("expected 12 periods (one per month), found " +
                       std::to_string(node->size()));
  }
  for (std::size_t m = 0; m < 12; ++m) {
    const JsonNode cell = node->item(m);
    Result<std::int64_t> period = cell.as_integer(0, 1'000'000);
    if (!period.ok()) return cell.error("expected a period number (0-based)");
    if (static_cast<std::size_t>(*period) >= period_count) {
      return cell.error("period " + std::to_string(*period) +
                        " does not exist (flatdemandstructure has " + std::to_string(period_count) +
                        " period" + (period_count == 1 ? "" : "s") + ")");
    }
    months[m] = static_cast<std::uint8_t>(*period);
  }
  return months;
}

Result<void> Importer::read_demand(TariffVersion& version) {
  Result<std::vector<RatePeriod>> tou = read_structure("demandratestructure", nullptr);
  if (!tou.ok()) return tou.error();
  if (!tou->empty()) {
    const std::size_t count = tou->size();
    Result<MonthHourSchedule> weekday =
        read_schedule("demandweekdayschedule", "demandratestructure", count);
    if (!weekday.ok()) return weekday.error();
    Result<MonthHourSchedule> weekend =
        read_schedule("demandweekendschedule", "demandratestructure", count);
    if (!weekend.ok()) return weekend.error();
    version.tou_demand.periods = std::move(*tou);
    version.tou_demand.weekday = *weekday;
    version.tou_demand.weekend = *weekend;
  }
  Result<std::vector<RatePeriod>> flat = read_structure("flatdemandstructure", nullptr);
  if (!flat.ok()) return flat.error();
  if (!flat->empty()) {
    Result<std::array<std::uint8_t, 12>> months = read_flat_demand_months(flat->size());
    if (!months.ok()) return months.error();
    version.flat_demand.periods = std::move(*flat);
    version.flat_demand.month_period = *months;
  }
  return check_demand_units(version);
}

// Demand is rated in kW; kVA or hp demand would need data rating does not have.
Result<void> Importer::check_demand_units(const TariffVersion& version) const {
  const bool has_demand =
      !version.tou_demand.periods.empty() || !version.flat_demand.periods.empty();
  for (std::string_view name : {"demandunits", "demandrateunit", "flatdemandunit"}) {
    Result<std::optional<std::string>> unit = optional_word(name);
    if (!unit.ok()) return unit.error();
    if (has_demand && unit->has_value() && lowercase(**unit) != "kw") {
      return field(name)->error("\"" + **unit +
                                "\" is not supported; only demand in kW can be rated");
    }
  }
  return success();
}

// fixedchargefirstmeter with fixedchargeunits "$/month" or "$/day"; or the older
// fixedmonthlycharge. Both present must agree.
Result<void> Importer::read_fixed_charges(TariffVersion& version) {
  Result<std::optional<Decimal>> monthly = optional_amount("fixedmonthlycharge");
  if (!monthly.ok()) return monthly.error();
  Result<std::optional<Decimal>> first_meter = optional_amount("fixedchargefirstmeter");
  if (!first_meter.ok()) return first_meter.error();
  Result<std::optional<std::string>> units = optional_word("fixedchargeunits");
  if (!units.ok()) return units.error();
  FixedCharge charge;
  if (first_meter->has_value()) {
    const std::string unit = units->value_or("$/month");
    if (!units->has_value()) {
      warnings_.push_back("fixedchargefirstmeter has no fixedchargeunits; taken as $/month");
    }
    if (unit == "$/day") {
      charge = FixedCharge{"Fixed daily charge", **first_meter, FixedChargeBasis::per_day, {}};
    } else if (unit == "$/month") {
      charge = FixedCharge{"Fixed monthly charge", **first_meter, FixedChargeBasis::per_month, {}};
    } else {
      return field("fixedchargeunits")
          ->error("\"" + unit + "\" is not supported; use \"$/month\" or \"$/day\"");
    }
    if (monthly->has_value() &&
        (charge.basis != FixedChargeBasis::per_month || charge.amount != **monthly)) {
      return field("fixedmonthlycharge")
          ->error("disagrees with fixedchargefirstmeter; keep one of the two");
    }
  } else if (monthly->has_value()) {
    charge = FixedCharge{"Fixed monthly charge", **monthly, FixedChargeBasis::per_month, {}};
  } else {
    return success();
  }
  version.fixed_charges.push_back(std::move(charge));
  return success();
}

// minmonthlycharge and annualmincharge; or mincharge with minchargeunits "$/month" / "$/year".
Result<void> Importer::read_minimums(TariffVersion& version) {
  Result<std::optional<Decimal>> monthly = optional_amount("minmonthlycharge");
  if (!monthly.ok()) return monthly.error();
  Result<std::optional<Decimal>> annual = optional_amount("annualmincharge");
  if (!annual.ok()) return annual.error();
  Result<std::optional<Decimal>> minimum = optional_amount("mincharge");
  if (!minimum.ok()) return minimum.error();
  Result<std::optional<std::string>> units = optional_word("minchargeunits");
  if (!units.ok()) return units.error();
  version.minimum_monthly_charge = *monthly;
  version.annual_minimum_charge = *annual;
  if (!minimum->has_value()) return success();
  const std::string unit = units->value_or("$/month");
  if (!units->has_value()) warnings_.push_back("mincharge has no minchargeunits; taken as $/month");
  std::optional<Decimal>* target = nullptr;
  if (unit == "$/month") {
    target = &version.minimum_monthly_charge;
  } else if (unit == "$/year") {
    target = &version.annual_minimum_charge;
  } else {
    unsupported_.insert("mincharge (" + unit + ")");
    return success();
  }
  if (target->has_value() && **target != **minimum) {
    return field("mincharge")
        ->error("disagrees with " +
                std::string(unit == "$/year" ? "annualmincharge" : "minmonthlycharge"));
  }
  *target = *minimum;
  return success();
}

Result<void> Importer::read_ratchet(TariffVersion& version) {
  Result<std::optional<Decimal>> percent = optional_amount("lookbackpercent");
  if (!percent.ok()) return percent.error();
  if (percent->has_value() && **percent > Decimal::from_raw(Decimal::kScale)) {
    return field("lookbackpercent")
        ->error((*percent)->to_string() + " is above 1; the URDB holds a fraction (0.8 for 80%)");
  }
  std::int64_t range = 0;
  if (std::optional<JsonNode> node = field("lookbackrange")) {
    Result<std::int64_t> value = node->as_integer(0, kMaxLookbackMonths);
    if (!value.ok()) return value.error();
    range = *value;
  }
  std::vector<std::string> flagged;
  if (std::optional<JsonNode> node = field("lookbackmonths")) {
    RP_TRY(node->expect_array());
    if (node->size() != 12) return node->error("expected 12 flags (one per month)");
    for (std::size_t m = 0; m < 12; ++m) {
      const JsonNode flag = node->item(m);
      const bool on = flag.type() == JsonValue::Type::boolean ? flag.value().boolean
                                                              : carries_value(flag.value());
      if (flag.type() != JsonValue::Type::boolean && flag.type() != JsonValue::Type::number) {
        return flag.error("expected true or false");
      }
      if (on) flagged.emplace_back(kMonthNames[m]);
    }
  }
  if (!percent->has_value()) return success();
  if (version.flat_demand.periods.empty()) {
    warnings_.push_back(
        "lookbackpercent is not imported: Ratepayer applies a demand ratchet to "
        "flat (monthly) demand charges, and this rate has no flatdemandstructure");
    return success();
  }
  if (range > 0) {
    version.ratchet = DemandRatchet{**percent, static_cast<int>(range)};
  } else if (!flagged.empty()) {
    version.ratchet = DemandRatchet{**percent, 11};
    if (flagged.size() < 12) {
      warnings_.push_back("lookbackmonths limits the ratchet to peaks set in " + join(flagged) +
                          "; Ratepayer's ratchet looks back over all of the previous 11 months, "
                          "so billing demand can be higher than the tariff's");
    }
  } else {
    warnings_.push_back(
        "lookbackpercent is given without lookbackrange or lookbackmonths; no "
        "demand ratchet was imported");
  }
  return success();
}

// The UTC calendar date of `startdate` (Unix seconds).
Result<LocalDate> Importer::read_start_date() {
  std::optional<JsonNode> node = field("startdate");
  if (!node.has_value()) {
    warnings_.push_back("the rate has no startdate; it is taken as effective from 1970-01-01");
    return LocalDate{date::year{1970}, date::January, date::day{1}};
  }
  Result<std::int64_t> seconds = node->as_integer(kEarliestStart, kLatestStart);
  if (!seconds.ok()) return node->error("expected Unix seconds between 1900 and 2200");
  return utc_date(*seconds);
}

void Importer::warn_about_what_was_left_out() {
  for (const auto& [name, node] : fields_) {
    if (kImported.count(name) == 0 && kDescriptive.count(name) == 0 &&
        carries_value(node.value())) {
      unsupported_.insert(node.path());
    }
  }
  if (!unsupported_.empty()) {
    warnings_.push_back(
        "not imported, because Ratepayer does not rate them (bills will leave "
        "these charges out): " +
        join(std::vector<std::string>(unsupported_.begin(), unsupported_.end())));
  }
  if (!unbounded_last_tiers_.empty()) {
    warnings_.push_back("the last tier's max was dropped in " + join(unbounded_last_tiers_) +
                        ": usage above it is charged at that tier's rate, as NREL SAM does");
  }
  if (rounded_count_ > 0) {
    warnings_.push_back(std::to_string(rounded_count_) + " value" +
                        (rounded_count_ == 1 ? " has" : "s have") +
                        " more than 9 digits after the decimal point and " +
                        (rounded_count_ == 1 ? "was" : "were") + " rounded to 9 (" +
                        (rounded_count_ == 1 ? "" : "first: ") + first_rounded_ + ")");
  }
  if (std::optional<JsonNode> end = field("enddate")) {
    Result<std::int64_t> seconds = end->as_integer(kEarliestStart, kLatestStart);
    if (seconds.ok()) {
      warnings_.push_back("the URDB says this rate ended on " +
                          format_local_date(utc_date(*seconds)) +
                          " (enddate); it is imported as in force with no end");
    }
  }
}

Result<ImportedTariff> Importer::run() {
  ImportedTariff imported;
  Tariff& tariff = imported.tariff;
  std::optional<JsonNode> name = field("name");
  if (!name.has_value()) return missing("name", "(the rate's name)");
  Result<std::string> text = name->as_string();
  if (!text.ok()) return text.error();
  if (text->empty()) return name->error("must not be empty");
  tariff.name = std::move(*text);
  Result<std::optional<std::string>> utility = optional_word("utility");
  if (!utility.ok()) return utility.error();
  tariff.utility = utility->value_or("");
  tariff.unit = UsageUnit::kWh;
  TariffVersion version;
  Result<LocalDate> effective = read_start_date();
  if (!effective.ok()) return effective.error();
  version.effective = *effective;
  RP_TRY(read_energy(version));
  RP_TRY(read_demand(version));
  RP_TRY(read_fixed_charges(version));
  RP_TRY(read_minimums(version));
  RP_TRY(read_ratchet(version));
  if (version.energy.periods.empty() && version.tou_demand.periods.empty() &&
      version.flat_demand.periods.empty() && version.fixed_charges.empty() &&
      !version.minimum_monthly_charge.has_value()) {
    return invalid_input("energyratestructure",
                         "the rate has no charges: no energyratestructure, demandratestructure, "
                         "flatdemandstructure, fixed or minimum charge");
  }
  tariff.versions.push_back(std::move(version));
  warn_about_what_was_left_out();
  imported.warnings = std::move(warnings_);
  return imported;
}

// The rate object: the document itself, or the first of an API response's "items".
Result<JsonNode> rate_object(const JsonNode& root, std::vector<std::string>& warnings) {
  RP_TRY(root.expect_object());
  if (std::optional<JsonNode> error = root.member("error")) {
    std::optional<JsonNode> message = error->member("message");
    const std::string said = message.has_value() && message->type() == JsonValue::Type::string
                                 ? message->value().text
                                 : "no message";
    return invalid_input("error", "the file is a URDB API error response: " + said);
  }
  std::optional<JsonNode> items = root.member("items");
  if (!items.has_value() || root.member("energyratestructure").has_value()) return root;
  RP_TRY(items->expect_array());
  if (items->size() == 0) return items->error("the response holds no rates");
  if (items->size() > 1) {
    warnings.push_back("the response holds " + std::to_string(items->size()) +
                       " rates; the first was imported");
  }
  // Paths inside the rate are given from the rate object ("energyratestructure[0][0].rate").
  const JsonNode first = items->item(0);
  RP_TRY(first.expect_object());
  return JsonNode(first.value(), "");
}

}  // namespace

Result<ImportedTariff> import_urdb(std::string_view json_text) {
  Result<JsonValue> document = parse_exact_json(json_text, "URDB rate");
  if (!document.ok()) return document.error();
  std::vector<std::string> warnings;
  Result<JsonNode> rate = rate_object(JsonNode(*document, ""), warnings);
  if (!rate.ok()) return rate.error();
  std::map<std::string, JsonNode> fields;
  for (const JsonValue::Member& member : rate->value().members) {
    auto [at, added] = fields.emplace(lowercase(member.key), JsonNode(member.value, member.key));
    if (!added) {
      return invalid_input(member.key, member.key + ": the rate also has \"" + at->second.path() +
                                           "\"; field names are not case-sensitive");
    }
  }
  Result<ImportedTariff> imported = Importer(std::move(fields)).run();
  if (!imported.ok()) return imported.error();
  warnings.insert(warnings.end(), imported->warnings.begin(), imported->warnings.end());
  imported->warnings = std::move(warnings);
  return imported;
}

}  // namespace rp::rating
