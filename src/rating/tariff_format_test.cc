#include "rating/tariff_format.h"

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include <gtest/gtest.h>

#include "rating/tariff_check.h"

namespace rp::rating {
namespace {

std::string testdata(const std::string& name) {
  const auto path = std::filesystem::path(__FILE__).parent_path() / "testdata" / name;
  std::ifstream file(path);
  EXPECT_TRUE(file.good()) << path;
  std::ostringstream text;
  text << file.rdbuf();
  return text.str();
}

Tariff parsed(std::string_view text) {
  Result<Tariff> tariff = parse_tariff(text);
  EXPECT_TRUE(tariff.ok()) << (tariff.ok() ? "" : tariff.error().message);
  return tariff.ok() ? *tariff : Tariff{};
}

Decimal dec(std::string_view text) {
  return *Decimal::parse(text);
}

LocalDate day(int y, unsigned m, unsigned d) {
  return LocalDate{date::year{y}, date::month{m}, date::day{d}};
}

// Every field of the model as text, so two tariffs compare field by field without trusting
// format_tariff (which is what is under test) and a failure shows the difference.
std::string dump(const std::vector<RatePeriod>& periods) {
  std::string out;
  for (const RatePeriod& period : periods) {
    out += " period '" + period.name + "':";
    for (const Tier& tier : period.tiers) {
      out += " [" + (tier.max ? tier.max->to_string() : "-") + " " + tier.rate.to_string() + " " +
             tier.adjustment.to_string() + "]";
    }
  }
  return out + "\n";
}

std::string dump(const MonthHourSchedule& schedule) {
  std::string out;
  for (const auto& row : schedule) {
    for (std::uint8_t period : row) out += std::to_string(period) + ",";
    out += "|";
  }
  return out + "\n";
}

std::string dump(const TariffVersion& v) {
  std::string out = format_local_date(v.effective) + " '" + v.label + "'\n";
  for (const FixedCharge& c : v.fixed_charges) {
    out += "fixed '" + c.description + "' " + c.amount.to_string() + " " +
           std::to_string(static_cast<int>(c.basis)) + " " + c.meter_size.value_or("-") + "\n";
  }
  out += "energy " + std::to_string(static_cast<int>(v.energy.tier_basis)) +
         dump(v.energy.periods) + dump(v.energy.weekday) + dump(v.energy.weekend);
  out += "tou demand" + dump(v.tou_demand.periods) + dump(v.tou_demand.weekday) +
         dump(v.tou_demand.weekend);
  out += "flat demand" + dump(v.flat_demand.periods);
  for (std::uint8_t p : v.flat_demand.month_period) out += std::to_string(p) + ",";
  out +=
      "\nratchet " +
      (v.ratchet ? v.ratchet->percent.to_string() + " x" + std::to_string(v.ratchet->months) : "-");
  out += "\nminimum " + (v.minimum_monthly_charge ? v.minimum_monthly_charge->to_string() : "-") +
         " annual " + (v.annual_minimum_charge ? v.annual_minimum_charge->to_string() : "-") + "\n";
  for (const Rider& r : v.riders) {
    out += "rider '" + r.description + "'";
    for (const RiderValue& value : r.values) {
      out += " " + format_local_date(value.effective) + "=" + value.per_unit.to_string();
    }
    out += "\n";
  }
  for (const Tax& t : v.taxes) {
    out += "tax '" + t.description + "' " + (t.percent ? t.percent->to_string() : "-") + " " +
           (t.per_unit ? t.per_unit->to_string() : "-");
    for (LineKind kind : t.applies_to) out += " " + std::to_string(static_cast<int>(kind));
    out += "\n";
  }
  for (LocalDate holiday : v.holidays) out += "holiday " + format_local_date(holiday) + "\n";
  return out;
}

std::string dump(const Tariff& t) {
  std::string out = "'" + t.name + "' '" + t.utility + "' unit " +
                    std::to_string(static_cast<int>(t.unit)) + " therm " +
                    (t.therm_factor ? t.therm_factor->to_string() : "-") + " sewer " +
                    (t.sewer ? std::to_string(t.sewer->cap_at_winter_average) : "-") + "\n";
  for (const TariffVersion& version : t.versions) out += dump(version);
  return out;
}

// A tariff using every field of the model, with values chosen to stress the formatter: unnamed
// periods, wrapping hour ranges, a period used in no month, negative adjustments.
Tariff every_field() {
  Tariff t;
  t.name = "Everything \"quoted\" \\ tariff";
  t.utility = "Utility";
  t.unit = UsageUnit::CCF;
  t.sewer = SewerCap{false};
  TariffVersion v;
  v.effective = day(2026, 1, 1);
  v.label = "2026";
  v.fixed_charges = {{"Meter 1\"", dec("31.75"), FixedChargeBasis::per_month, "1"},
                     {"Daily", dec("0.5"), FixedChargeBasis::per_day, std::nullopt},
                     {"Credit", dec("-2"), FixedChargeBasis::per_month, std::nullopt}};
  v.energy.tier_basis = TierBasis::daily;
  v.energy.periods = {{"", {{dec("10"), dec("0.1"), dec("-0.01")}, {std::nullopt, dec("0.2"), {}}}},
                      {"", {{std::nullopt, dec("0.3"), dec("0.000000001")}}},
                      {"", {{std::nullopt, dec("0"), {}}}}};
  for (std::size_t m = 0; m < 12; ++m) {
    for (std::size_t h = 0; h < 24; ++h) {
      v.energy.weekday[m][h] = (h >= 22 || h < 6) ? 1 : (m == 6 && h == 12 ? 2 : 0);
      v.energy.weekend[m][h] = m < 3 ? 1 : 0;
    }
  }
  v.tou_demand.periods = {{"Peak", {{std::nullopt, dec("12.5"), {}}}},
                          {"Off", {{dec("100"), dec("0"), {}}, {std::nullopt, dec("1"), {}}}}};
  for (std::size_t m = 0; m < 12; ++m) {
    for (std::size_t h = 0; h < 24; ++h) v.tou_demand.weekday[m][h] = (h >= 14 && h < 19) ? 0 : 1;
    v.tou_demand.weekend[m].fill(1);
  }
  v.flat_demand.periods = {{"Summer", {{std::nullopt, dec("9.5"), {}}}},
                           {"Winter", {{std::nullopt, dec("7.25"), {}}}},
                           {"Never", {{std::nullopt, dec("1"), {}}}}};
  v.flat_demand.month_period = {1, 1, 1, 1, 1, 0, 0, 0, 0, 1, 1, 1};
  v.ratchet = DemandRatchet{dec("0.755"), 12};
  v.minimum_monthly_charge = dec("10");
  v.annual_minimum_charge = dec("120");
  v.riders = {{"Fuel", {{day(2026, 1, 1), dec("0.01")}, {day(2026, 2, 1), dec("-0.002")}}}};
  v.taxes = {{"Sales", dec("0.0525"), std::nullopt, {LineKind::energy, LineKind::tax}},
             {"Per unit", std::nullopt, dec("0.001"), Tax{}.applies_to}};
  v.holidays = {day(2026, 12, 25), day(2026, 1, 1)};
  t.versions.push_back(v);
  TariffVersion later;
  later.effective = day(2027, 1, 1);
  later.flat_demand.periods = {{"", {{std::nullopt, dec("5"), {}}}}};
  t.versions.push_back(later);
  return t;
}

// ---------------------------------------------------------------------------------------------
// The example files of docs/tariffs.md

TEST(TariffFormatExamples, ResidentialTieredHasTwoVersionsOfInclineBlocks) {
  const Tariff t = parsed(testdata("residential_tiered.json"));
  EXPECT_EQ(t.name, "Residential Service (Schedule R)");
  EXPECT_EQ(t.unit, UsageUnit::kWh);
  ASSERT_EQ(t.versions.size(), 2u);
  const TariffVersion& v2026 = t.versions[1];
  EXPECT_EQ(v2026.effective, day(2026, 1, 1));
  EXPECT_EQ(v2026.label, "2026 rates");
  ASSERT_EQ(v2026.fixed_charges.size(), 1u);
  EXPECT_EQ(v2026.fixed_charges[0].amount, dec("12.5"));
  EXPECT_EQ(v2026.fixed_charges[0].basis, FixedChargeBasis::per_month);
  ASSERT_EQ(v2026.energy.periods.size(), 1u);
  const std::vector<Tier>& tiers = v2026.energy.periods[0].tiers;
  ASSERT_EQ(tiers.size(), 3u);
  EXPECT_EQ(tiers[0].max, dec("500"));
  EXPECT_EQ(tiers[1].max, dec("1000"));
  EXPECT_FALSE(tiers[2].max.has_value());
  EXPECT_EQ(tiers[2].rate, dec("0.156"));
  EXPECT_EQ(v2026.energy.tier_basis, TierBasis::monthly);
  ASSERT_EQ(v2026.riders[0].values.size(), 2u);
  EXPECT_EQ(v2026.riders[0].values[1].per_unit, dec("-0.0012"));
  ASSERT_EQ(v2026.taxes.size(), 1u);
  EXPECT_EQ(v2026.taxes[0].percent, dec("0.06"));
  EXPECT_EQ(v2026.taxes[0].applies_to,
            (std::vector<LineKind>{LineKind::energy, LineKind::fixed, LineKind::rider}));
}

TEST(TariffFormatExamples, SeasonalTouExpandsSeasonsAndHourRangesToTheUrdbGrid) {
  const Tariff t = parsed(testdata("residential_seasonal_tou.json"));
  ASSERT_EQ(t.versions.size(), 1u);
  const TariffVersion& v = t.versions[0];
  const EnergyCharges& e = v.energy;
  ASSERT_EQ(e.periods.size(), 4u);
  EXPECT_EQ(e.tier_basis, TierBasis::daily);
  EXPECT_EQ(e.periods[0].name, "Summer on-peak");
  // July (month 6): 16:00-20:59 on-peak on weekdays, off-peak otherwise and on weekends.
  EXPECT_EQ(e.weekday[6][15], 1);
  EXPECT_EQ(e.weekday[6][16], 0);
  EXPECT_EQ(e.weekday[6][20], 0);
  EXPECT_EQ(e.weekday[6][21], 1);
  EXPECT_EQ(e.weekend[6][18], 1);
  // January and October: the winter periods.
  EXPECT_EQ(e.weekday[0][18], 2);
  EXPECT_EQ(e.weekday[9][3], 3);
  EXPECT_EQ(e.weekend[9][18], 3);
  EXPECT_EQ(e.weekday[5][16], 0);  // June is summer
  EXPECT_EQ(e.weekday[4][16], 2);  // May is winter
  EXPECT_EQ(v.fixed_charges[0].basis, FixedChargeBasis::per_day);
  EXPECT_EQ(v.fixed_charges[0].amount, dec("0.39425"));
  EXPECT_EQ(v.minimum_monthly_charge, dec("10"));
  EXPECT_EQ(v.holidays.size(), 8u);
  EXPECT_EQ(v.holidays[3], day(2026, 7, 3));
}

TEST(TariffFormatExamples, CommercialHasTouDemandFlatDemandByMonthAndARatchet) {
  const Tariff t = parsed(testdata("commercial_tou_demand_ratchet.json"));
  const TariffVersion& v = t.versions.at(0);
  ASSERT_EQ(v.tou_demand.periods.size(), 2u);
  EXPECT_EQ(v.tou_demand.periods[0].tiers[0].rate, dec("15"));
  EXPECT_EQ(v.tou_demand.weekday[7][12], 0);  // August noon: on-peak demand
  EXPECT_EQ(v.tou_demand.weekday[7][18], 1);
  EXPECT_EQ(v.tou_demand.weekday[0][12], 1);  // January: none
  ASSERT_EQ(v.flat_demand.periods.size(), 2u);
  EXPECT_EQ(v.flat_demand.month_period[5], 0);  // June: summer
  EXPECT_EQ(v.flat_demand.month_period[9], 1);  // October: winter
  EXPECT_EQ(v.flat_demand.month_period[0], 1);  // January: winter
  EXPECT_EQ(v.flat_demand.periods[0].tiers[0].max, dec("50"));
  ASSERT_TRUE(v.ratchet.has_value());
  EXPECT_EQ(v.ratchet->percent, dec("0.8"));
  EXPECT_EQ(v.ratchet->months, 11);
  ASSERT_EQ(v.taxes.size(), 2u);
  EXPECT_EQ(v.taxes[0].percent, dec("0.03"));
  EXPECT_EQ(v.taxes[1].per_unit, dec("0.00032"));
}

TEST(TariffFormatExamples, WaterAndSewerAreTwoTariffsOnTheSameGallons) {
  const Tariff water = parsed(testdata("water_tiered.json"));
  const Tariff sewer = parsed(testdata("sewer_winter_average.json"));
  EXPECT_EQ(water.unit, UsageUnit::gal);
  EXPECT_EQ(sewer.unit, UsageUnit::gal);
  EXPECT_FALSE(water.sewer.has_value());
  ASSERT_TRUE(sewer.sewer.has_value());
  EXPECT_TRUE(sewer.sewer->cap_at_winter_average);
  const TariffVersion& v = water.versions.at(0);
  ASSERT_EQ(v.fixed_charges.size(), 4u);
  EXPECT_EQ(v.fixed_charges[0].meter_size, "5/8");
  EXPECT_EQ(v.fixed_charges[0].description, "Service charge, 5/8\" meter");
  EXPECT_EQ(v.fixed_charges[3].amount, dec("96.4"));
  EXPECT_EQ(v.energy.periods[0].tiers[1].max, dec("15000"));
  EXPECT_EQ(sewer.versions.at(0).minimum_monthly_charge, dec("20"));
}

TEST(TariffFormatExamples, GasIsBilledInThermsConvertedFromCcf) {
  const Tariff t = parsed(testdata("gas_therms.json"));
  EXPECT_EQ(t.unit, UsageUnit::therm);
  EXPECT_EQ(t.therm_factor, dec("1.037"));
  const TariffVersion& v = t.versions.at(0);
  EXPECT_EQ(v.energy.periods[0].tiers[1].rate, dec("0.781"));  // a declining block
  EXPECT_EQ(v.riders[0].values.size(), 3u);
  EXPECT_EQ(v.taxes[0].per_unit, dec("0.0185"));
  EXPECT_EQ(v.taxes[1].percent, dec("0.04"));
}

TEST(TariffFormatExamples, EveryExamplePassesTheCalculatorsChecks) {
  for (const char* name : {"residential_tiered.json", "residential_seasonal_tou.json",
                           "commercial_tou_demand_ratchet.json", "water_tiered.json",
                           "sewer_winter_average.json", "gas_therms.json"}) {
    const Tariff t = parsed(testdata(name));
    Result<void> whole = check_tariff(t);
    EXPECT_TRUE(whole.ok()) << name << ": " << (whole.ok() ? "" : whole.error().message);
    for (const TariffVersion& version : t.versions) {
      Result<void> checked = check_version(version);
      EXPECT_TRUE(checked.ok()) << name << ": " << (checked.ok() ? "" : checked.error().message);
    }
  }
}

TEST(TariffFormatRoundTrip, EveryExampleFileReadsBackIdentically) {
  for (const char* name : {"residential_tiered.json", "residential_seasonal_tou.json",
                           "commercial_tou_demand_ratchet.json", "water_tiered.json",
                           "sewer_winter_average.json", "gas_therms.json"}) {
    const Tariff original = parsed(testdata(name));
    const std::string text = format_tariff(original);
    EXPECT_EQ(dump(parsed(text)), dump(original)) << name << "\n" << text;
  }
}

TEST(TariffFormatRoundTrip, EveryFieldOfTheModelSurvives) {
  const Tariff original = every_field();
  const std::string text = format_tariff(original);
  const Tariff back = parsed(text);
  EXPECT_EQ(dump(back), dump(original)) << text;
  EXPECT_EQ(format_tariff(back), text);
}

TEST(TariffFormatRoundTrip, OutputIsWhatAnAnalystWouldWrite) {
  const std::string text = format_tariff(parsed(testdata("residential_seasonal_tou.json")));
  EXPECT_NE(text.find("\"format\": \"ratepayer-tariff/1\""), std::string::npos) << text;
  EXPECT_NE(text.find("{\"period\": \"Summer on-peak\", \"hours\": \"16-21\"}"), std::string::npos)
      << text;
  EXPECT_NE(text.find("\"months\": \"Oct-May\""), std::string::npos) << text;
  EXPECT_NE(text.find("{\"max\": \"12\", \"rate\": \"0.4012\"}"), std::string::npos) << text;
  EXPECT_NE(text.find("\"percent\": \"5\""), std::string::npos) << text;
  EXPECT_EQ(text.find("weekday\": [["), std::string::npos) << "no raw 12 x 24 grids";
}

// ---------------------------------------------------------------------------------------------
// Reading details

std::string minimal_with(const std::string& version_fields) {
  return R"({"name": "T", "unit": "kWh", "versions": [{"effective": "2026-01-01", )" +
         version_fields + "}]}";
}

Error error_of(const std::string& text) {
  Result<Tariff> tariff = parse_tariff(text);
  EXPECT_FALSE(tariff.ok()) << text;
  return tariff.ok() ? Error{} : tariff.error();
}

TEST(TariffFormatReading, DecimalsMayBeNumbersAndAreReadExactly) {
  const Tariff t = parsed(minimal_with(
      R"("energy": {"periods": [{"tiers": [{"max": 500, "rate": 0.1}, {"rate": 0.1125}]}]})"));
  const std::vector<Tier>& tiers = t.versions[0].energy.periods[0].tiers;
  EXPECT_EQ(tiers[0].rate.raw(), 100'000'000);
  EXPECT_EQ(tiers[1].rate.raw(), 112'500'000);
  EXPECT_EQ(tiers[0].max, dec("500"));
}

TEST(TariffFormatReading, RawGridsAreAcceptedAsInTheUrdb) {
  std::string rows;
  for (int m = 0; m < 12; ++m) {
    rows += std::string(m ? "," : "") + "[0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,1,1,1,1,1,0,0,0]";
  }
  const Tariff t = parsed(minimal_with(
      R"("energy": {"periods": [{"tiers": [{"rate": "0.1"}]}, {"tiers": [{"rate": "0.3"}]}],
         "schedule": {"weekday": [)" +
      rows + R"(], "weekend": [)" + rows + "]}}"));
  EXPECT_EQ(t.versions[0].energy.weekday[11][16], 1);
  EXPECT_EQ(t.versions[0].energy.weekend[0][21], 0);

  const std::string bad_rows = rows.substr(0, rows.size() - 4) + "2,0]";
  EXPECT_EQ(error_of(minimal_with(R"("energy": {"periods": [{"tiers": [{"rate": "0.1"}]},
                                     {"tiers": [{"rate": "0.3"}]}], "schedule": {"weekday": [)" +
                                  rows + R"(], "weekend": [)" + bad_rows + "]}}"))
                .message,
            "versions[0].energy.schedule.weekend[11][22]: expected a period number 0..1");
}

TEST(TariffFormatReading, HourRangesMayWrapMidnightAndPeriodsMayBeNumbers) {
  const Tariff t = parsed(minimal_with(R"("energy": {
      "periods": [{"name": "Day", "tiers": [{"rate": "0.2"}]},
                  {"name": "Night", "tiers": [{"rate": "0.1"}]}],
      "schedule": {"seasons": [{"months": ["Jan-Dec"],
        "all_days": {"default": 0, "ranges": [{"period": "Night", "hours": ["22-6"]}]}}]}})"));
  const auto& weekday = t.versions[0].energy.weekday;
  EXPECT_EQ(weekday[3][21], 0);
  EXPECT_EQ(weekday[3][22], 1);
  EXPECT_EQ(weekday[3][0], 1);
  EXPECT_EQ(weekday[3][5], 1);
  EXPECT_EQ(weekday[3][6], 0);
  EXPECT_EQ(t.versions[0].energy.weekend, weekday);
}

TEST(TariffFormatReading, AMonthRangeMayWrapTheYear) {
  const Tariff t = parsed(minimal_with(R"("flat_demand": {"periods": [
      {"name": "Winter", "months": "Nov-Mar", "tiers": [{"rate": "7"}]},
      {"name": "Rest", "months": ["apr-oct"], "tiers": [{"rate": "9"}]}]})"));
  const auto& months = t.versions[0].flat_demand.month_period;
  EXPECT_EQ(months[0], 0);
  EXPECT_EQ(months[2], 0);
  EXPECT_EQ(months[3], 1);
  EXPECT_EQ(months[9], 1);
  EXPECT_EQ(months[10], 0);
}

struct BadTariff {
  std::string version_fields;
  std::string field;
  std::string message;
};

TEST(TariffFormatErrors, NameTheJsonPathAndWhatToDo) {
  const std::vector<BadTariff> cases = {
      {R"("energy": {"periods": [{"tiers": [{"rate": "0.1234567891"}]}]})",
       "versions[0].energy.periods[0].tiers[0].rate",
       "versions[0].energy.periods[0].tiers[0].rate: \"0.1234567891\" has more than 9 digits "
       "after the decimal point"},
      {R"("energy": {"periods": [{"tiers": [{"rate": [0.1]}]}]})",
       "versions[0].energy.periods[0].tiers[0].rate",
       "versions[0].energy.periods[0].tiers[0].rate: expected a decimal number like \"0.1125\" "
       "(a string or a number), found an array"},
      {R"("energy": {"periods": [{"tiers": [{"rate": "0.1"}, {"rate": "0.2"}]}]})",
       "versions[0].energy.periods[0].tiers[0]",
       "versions[0].energy.periods[0].tiers[0]: \"max\" is required on every tier but the last"},
      {R"("energy": {"periods": [{"tiers": [{"max": "5", "rate": "0.1"}]}]})",
       "versions[0].energy.periods[0].tiers[0].max",
       "versions[0].energy.periods[0].tiers[0].max: the last tier has no upper bound; remove "
       "\"max\" (or add a tier above it)"},
      {R"("energy": {"periods": [{"tiers": [{"max": "5", "rate": "0.1"}, {"max": "5",
          "rate": "0.2"}, {"rate": "0.3"}]}]})",
       "versions[0].energy.periods[0].tiers[1]",
       "versions[0].energy.periods[0].tiers[1]: max 5 must be above the previous tier's max 5"},
      {R"("energy": {"periods": [{"tiers": [{"rate": "0.1", "adjustmnet": "0.01"}]}]})",
       "versions[0].energy.periods[0].tiers[0].adjustmnet",
       "versions[0].energy.periods[0].tiers[0].adjustmnet: unknown field; the fields here are "
       "max, rate, adjustment"},
      {R"("energy": {"periods": [{"tiers": [{"rate": "0.1"}]}, {"tiers": [{"rate": "0.2"}]}]})",
       "versions[0].energy",
       "versions[0].energy: \"schedule\" is required with more than one period"},
      {R"("energy": {"periods": [{"name": "A", "tiers": [{"rate": "1"}]}], "schedule":
          {"seasons": [{"months": "Jan-Nov", "all_days": {"default": "A"}}]}})",
       "versions[0].energy.schedule.seasons",
       "versions[0].energy.schedule.seasons: Dec is in no season"},
      {R"("energy": {"periods": [{"name": "A", "tiers": [{"rate": "1"}]}], "schedule":
          {"seasons": [{"months": "Jan-Dec", "all_days": {"default": "A"}},
                       {"months": ["Jul"], "all_days": {"default": "A"}}]}})",
       "versions[0].energy.schedule.seasons[1].months",
       "versions[0].energy.schedule.seasons[1].months: Jul is already in seasons[0]"},
      {R"("energy": {"periods": [{"name": "A", "tiers": [{"rate": "1"}]}], "schedule":
          {"seasons": [{"months": "Jan-Dec", "all_days": {"default": "B"}}]}})",
       "versions[0].energy.schedule.seasons[0].all_days.default",
       "versions[0].energy.schedule.seasons[0].all_days.default: no period is named \"B\""},
      {R"("energy": {"periods": [{"name": "A", "tiers": [{"rate": "1"}]}], "schedule":
          {"seasons": [{"months": "Jan-Dec", "all_days": {"ranges": [
            {"period": "A", "hours": "0-12"}, {"period": 0, "hours": ["11-24"]}]}}]}})",
       "versions[0].energy.schedule.seasons[0].all_days.ranges[1].hours[0]",
       "versions[0].energy.schedule.seasons[0].all_days.ranges[1].hours[0]: hour 11 is already "
       "in ranges[0]"},
      {R"("energy": {"periods": [{"name": "A", "tiers": [{"rate": "1"}]}], "schedule":
          {"seasons": [{"months": "Jan-Dec", "all_days": {"ranges": [
            {"period": "A", "hours": "1-24"}]}}]}})",
       "versions[0].energy.schedule.seasons[0].all_days",
       "versions[0].energy.schedule.seasons[0].all_days: hour 0 has no period; add \"default\" "
       "or a range that covers it"},
      {R"("energy": {"periods": [{"name": "A", "tiers": [{"rate": "1"}]}], "schedule":
          {"seasons": [{"months": "Jan-Dec", "all_days": {"ranges": [
            {"period": "A", "hours": "4pm-9pm"}]}}]}})",
       "versions[0].energy.schedule.seasons[0].all_days.ranges[0].hours",
       "versions[0].energy.schedule.seasons[0].all_days.ranges[0].hours: \"4pm-9pm\" is not an "
       "hour range like \"16-21\" (from 16:00 up to 21:00; 0-24)"},
      {R"("energy": {"periods": [{"name": "A", "tiers": [{"rate": "1"}]}], "schedule":
          {"seasons": [{"months": "June", "all_days": {"default": "A"}}]}})",
       "versions[0].energy.schedule.seasons[0].months",
       "versions[0].energy.schedule.seasons[0].months: \"June\" is not a month or month range "
       "like \"Jun\" or \"Jun-Sep\""},
      {R"("energy": {"periods": [{"name": "A", "tiers": [{"rate": "1"}]}], "schedule":
          {"seasons": [{"months": "Jan-Dec", "weekday": {"default": "A"}}]}})",
       "versions[0].energy.schedule.seasons[0]",
       "versions[0].energy.schedule.seasons[0]: give either \"all_days\" or both \"weekday\" and "
       "\"weekend\""},
      {R"("flat_demand": {"periods": [{"months": "Jan-Jun", "tiers": [{"rate": "1"}]},
          {"months": "Jun-Dec", "tiers": [{"rate": "2"}]}]})",
       "versions[0].flat_demand.periods[1]",
       "versions[0].flat_demand.periods[1]: Jun is already in periods[0]"},
      {R"("ratchet": {"percent": "0.8"})", "versions[0].ratchet.months",
       "versions[0].ratchet.months: required"},
      {R"("ratchet": {"percent": "80", "months": 11})", "versions[0].ratchet",
       "versions[0].ratchet: a ratchet sets the billing demand of flat_demand charges, and this "
       "version has none"},
      {R"("ratchet": {"percent": "180", "months": 11})", "versions[0].ratchet.percent",
       "versions[0].ratchet.percent: must be above 0 and at most 100 (a percentage: 80 means "
       "80%)"},
      {R"("fixed_charges": [{"description": "Customer charge", "amount": "12", "per": "week"}])",
       "versions[0].fixed_charges[0].per",
       "versions[0].fixed_charges[0].per: \"week\" is not \"month\" or \"day\""},
      {R"("taxes": [{"description": "Tax", "percent": "5", "per_unit": "0.01"}])",
       "versions[0].taxes[0]",
       "versions[0].taxes[0]: give exactly one of \"percent\" and \"per_unit\""},
      {R"("taxes": [{"description": "Tax", "percent": "5", "applies_to": ["energy", "fuel"]}])",
       "versions[0].taxes[0].applies_to[1]",
       "versions[0].taxes[0].applies_to[1]: \"fuel\" is not one of \"energy\", \"demand\", "
       "\"fixed\", \"minimum\", \"rider\", \"tax\""},
      {R"("riders": [{"description": "Fuel", "values": [{"effective": "2026-02-01",
          "per_unit": "0.1"}, {"effective": "2026-01-01", "per_unit": "0.2"}]}])",
       "versions[0].riders[0].values[1].effective",
       "versions[0].riders[0].values[1].effective: must be after the previous value's date "
       "2026-02-01; list values oldest first"},
      {R"("holidays": ["2026-12-25", "2026-07-03", "2026-12-25"])", "versions[0].holidays[2]",
       "versions[0].holidays[2]: listed twice"},
      {R"("holidays": ["2026-02-30"])", "versions[0].holidays[0]",
       "versions[0].holidays[0]: \"2026-02-30\" is not a date; write it as YYYY-MM-DD"},
      {R"("minimum_monthly_charge": "-5")", "versions[0].minimum_monthly_charge",
       "versions[0].minimum_monthly_charge: must not be negative"},
  };
  for (const BadTariff& bad : cases) {
    const Error error = error_of(minimal_with(bad.version_fields));
    EXPECT_EQ(error.kind, ErrorKind::invalid_input);
    EXPECT_EQ(error.field, bad.field) << bad.version_fields;
    EXPECT_EQ(error.message, bad.message) << bad.version_fields;
  }
}

TEST(TariffFormatErrors, TariffLevelMistakes) {
  EXPECT_EQ(error_of(R"({"name": "T", "unit": "kW", "versions": []})").message,
            "unit: \"kW\" is not one of \"kWh\", \"gal\", \"CCF\", \"therm\"");
  EXPECT_EQ(error_of(R"({"name": "T", "unit": "kWh", "versions": []})").message,
            "versions: a tariff needs at least one version");
  EXPECT_EQ(error_of(R"({"unit": "kWh", "versions": []})").message, "name: required");
  EXPECT_EQ(
      error_of(R"({"name": "T", "unit": "kWh", "therm_factor": "1.03", "versions": []})").message,
      "therm_factor: only a tariff billed in therms converts CCF with a therm factor");
  EXPECT_EQ(error_of(R"({"name": "T", "unit": "therm", "sewer": {}, "versions": []})").message,
            "sewer: sewer is billed on water usage: the unit must be \"gal\" or \"CCF\"");
  EXPECT_EQ(error_of(R"({"format": "ratepayer-tariff/2", "name": "T", "unit": "kWh"})").message,
            "format: \"ratepayer-tariff/2\" is not \"ratepayer-tariff/1\"");
  EXPECT_EQ(error_of(R"({"name": "T", "unit": "kWh", "versions": [{"effective": "2026-01-01"},
                         {"effective": "2025-01-01"}]})")
                .message,
            "versions[1].effective: must be after versions[0].effective 2026-01-01; list "
            "versions oldest first");
  EXPECT_EQ(error_of("[]").message, "the top level: expected an object {...}, found an array");
  EXPECT_EQ(error_of("{\"name\": ").field, "tariff");
}

}  // namespace
}  // namespace rp::rating
