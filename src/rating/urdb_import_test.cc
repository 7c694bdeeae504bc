#include "rating/urdb_import.h"

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "rating/tariff_check.h"
#include "rating/tariff_format.h"

namespace rp::rating {
namespace {

using ::testing::HasSubstr;

std::string testdata(const std::string& name) {
  const auto path = std::filesystem::path(__FILE__).parent_path() / "testdata" / name;
  std::ifstream file(path);
  EXPECT_TRUE(file.good()) << path;
  std::ostringstream text;
  text << file.rdbuf();
  return text.str();
}

ImportedTariff imported(std::string_view text) {
  Result<ImportedTariff> result = import_urdb(text);
  EXPECT_TRUE(result.ok()) << (result.ok() ? "" : result.error().message);
  return result.ok() ? *result : ImportedTariff{};
}

Decimal dec(std::string_view text) {
  return *Decimal::parse(text);
}

LocalDate day(int y, unsigned m, unsigned d) {
  return LocalDate{date::year{y}, date::month{m}, date::day{d}};
}

std::string row_of(int period) {
  std::string row = "[";
  for (int h = 0; h < 24; ++h) row += std::to_string(period) + (h < 23 ? "," : "]");
  return row;
}

// 12 rows; weekday rows put period `peak` from 12:00 to 17:59 in June-September.
std::string schedule(int base, int peak) {
  std::string rows = "[";
  for (int m = 0; m < 12; ++m) {
    std::string row = "[";
    for (int h = 0; h < 24; ++h) {
      const bool on_peak = m >= 5 && m <= 8 && h >= 12 && h < 18;
      row += std::to_string(on_peak ? peak : base) + (h < 23 ? "," : "]");
    }
    rows += row + (m < 11 ? "," : "]");
  }
  return rows;
}

std::string flat_rows(int period) {
  std::string rows = "[";
  for (int m = 0; m < 12; ++m) rows += row_of(period) + (m < 11 ? "," : "]");
  return rows;
}

// A commercial rate as the URDB API returns it (one object, v7 field names): TOU energy, TOU
// demand in summer afternoons, a flat monthly demand charge with summer and winter prices and
// tiers, an 11-month 75% ratchet, and a coincident-peak charge Ratepayer does not rate (its
// all-zero schedule says nothing by itself, so only the structure is reported).
std::string commercial_rate() {
  return R"j({
    "label": "539f6a23ec4f024411ec8bf9", "sector": "Commercial", "approved": true,
    "name": "Large General Service TOU (LGS-TOU)", "utility": "Example Power & Light",
    "startdate": 1767225600, "enddate": 1798761600,
    "fixedchargefirstmeter": 150, "fixedchargeunits": "$/month",
    "energyratestructure": [[{"rate": 0.0712, "adj": 0.0045, "unit": "kWh"}],
                            [{"rate": 0.1188, "adj": 0.0045, "unit": "kWh"}]],
    "energyweekdayschedule": )j" +
         schedule(0, 1) + R"j(,
    "energyweekendschedule": )j" +
         flat_rows(0) + R"j(,
    "demandunits": "kW",
    "demandratestructure": [[{"rate": 0}], [{"rate": 14.25}]],
    "demandweekdayschedule": )j" +
         schedule(0, 1) + R"j(,
    "demandweekendschedule": )j" +
         flat_rows(0) + R"j(,
    "flatdemandunit": "kW",
    "flatdemandstructure": [[{"max": 100, "rate": 8.5}, {"rate": 7.75}],
                            [{"max": 100, "rate": 6.25}, {"rate": 5.5}]],
    "flatdemandmonths": [1, 1, 1, 1, 1, 0, 0, 0, 0, 1, 1, 1],
    "lookbackpercent": 0.75, "lookbackrange": 11,
    "lookbackmonths": [false, false, false, false, false, false, false, false, false, false, false, false],
    "coincidentratestructure": [[{"rate": 4.1}]],
    "coincidentschedule": )j" +
         flat_rows(0) + R"j(,
    "coincidentrateunit": "kW",
    "demandwindow": 15
  })j";
}

// ---------------------------------------------------------------------------------------------

TEST(UrdbImport, ResidentialTouApiResponseMapsOneToOne) {
  const ImportedTariff result = imported(testdata("urdb_residential_tou.json"));
  const Tariff& t = result.tariff;
  EXPECT_EQ(t.name, "Residential Time of Use (E-TOU-X)");
  EXPECT_EQ(t.utility, "Example Gas & Electric Co");
  EXPECT_EQ(t.unit, UsageUnit::kWh);
  ASSERT_EQ(t.versions.size(), 1u);
  const TariffVersion& v = t.versions[0];
  // startdate 1735718400 is 2025-01-01T08:00:00Z (midnight in California): UTC date 2025-01-01.
  EXPECT_EQ(v.effective, day(2025, 1, 1));
  ASSERT_EQ(v.energy.periods.size(), 3u);
  EXPECT_EQ(v.energy.tier_basis, TierBasis::monthly);
  const Tier& baseline = v.energy.periods[1].tiers[0];
  EXPECT_EQ(baseline.max, dec("350"));
  EXPECT_EQ(baseline.rate, dec("0.41341"));
  EXPECT_EQ(baseline.adjustment, dec("0.00912"));
  EXPECT_EQ(v.energy.periods[2].tiers[0].rate, dec("0.07957"));  // 0.07956999999999999
  EXPECT_FALSE(v.energy.periods[2].tiers[1].max.has_value());    // 100000 on the last tier
  EXPECT_EQ(v.energy.weekday[6][16], 1);                         // July 16:00: summer peak
  EXPECT_EQ(v.energy.weekday[6][21], 2);
  EXPECT_EQ(v.energy.weekend[6][16], 2);
  EXPECT_EQ(v.energy.weekday[0][16], 0);
  ASSERT_EQ(v.fixed_charges.size(), 1u);
  EXPECT_EQ(v.fixed_charges[0].amount, dec("0.3285"));
  EXPECT_EQ(v.fixed_charges[0].basis, FixedChargeBasis::per_day);
  EXPECT_EQ(v.minimum_monthly_charge, dec("10"));
  EXPECT_FALSE(v.ratchet.has_value());
  EXPECT_TRUE(v.tou_demand.periods.empty());
}

TEST(UrdbImport, WarningsSayWhatWasLeftOutRoundedOrDropped) {
  const ImportedTariff result = imported(testdata("urdb_residential_tou.json"));
  ASSERT_EQ(result.warnings.size(), 3u) << ::testing::PrintToString(result.warnings);
  // Twelve zero fuel adjustments say nothing, so only energyattrs is listed.
  EXPECT_EQ(result.warnings[0],
            "not imported, because Ratepayer does not rate them (bills will leave these charges "
            "out): energyattrs");
  EXPECT_EQ(result.warnings[1],
            "the last tier's max was dropped in energyratestructure[2][1]: usage above it is "
            "charged at that tier's rate, as NREL SAM does");
  EXPECT_EQ(result.warnings[2],
            "1 value has more than 9 digits after the decimal point and was rounded to 9 "
            "(energyratestructure[2][0].rate 0.07956999999999999 -> 0.07957)");
}

TEST(UrdbImport, CommercialRateWithFlatAndTouDemandAndALookbackRatchet) {
  const ImportedTariff result = imported(commercial_rate());
  const TariffVersion& v = result.tariff.versions.at(0);
  EXPECT_EQ(v.effective, day(2026, 1, 1));
  ASSERT_EQ(v.energy.periods.size(), 2u);
  EXPECT_EQ(v.energy.periods[1].tiers[0].rate, dec("0.1188"));
  ASSERT_EQ(v.tou_demand.periods.size(), 2u);
  EXPECT_EQ(v.tou_demand.periods[1].tiers[0].rate, dec("14.25"));
  EXPECT_EQ(v.tou_demand.weekday[7][13], 1);
  EXPECT_EQ(v.tou_demand.weekday[7][18], 0);
  EXPECT_EQ(v.tou_demand.weekend[7][13], 0);
  ASSERT_EQ(v.flat_demand.periods.size(), 2u);
  EXPECT_EQ(v.flat_demand.periods[0].tiers[0].max, dec("100"));
  EXPECT_EQ(v.flat_demand.periods[1].tiers[1].rate, dec("5.5"));
  EXPECT_EQ(v.flat_demand.month_period[6], 0);
  EXPECT_EQ(v.flat_demand.month_period[11], 1);
  ASSERT_TRUE(v.ratchet.has_value());
  EXPECT_EQ(v.ratchet->percent, dec("0.75"));
  EXPECT_EQ(v.ratchet->months, 11);
  ASSERT_EQ(v.fixed_charges.size(), 1u);
  EXPECT_EQ(v.fixed_charges[0].amount, dec("150"));
  EXPECT_EQ(v.fixed_charges[0].basis, FixedChargeBasis::per_month);
  ASSERT_EQ(result.warnings.size(), 2u) << ::testing::PrintToString(result.warnings);
  EXPECT_EQ(result.warnings[0],
            "not imported, because Ratepayer does not rate them (bills will leave these charges "
            "out): coincidentratestructure, demandwindow");
  EXPECT_EQ(result.warnings[1],
            "the URDB says this rate ended on 2027-01-01 (enddate); it is imported as in force "
            "with no end");
}

TEST(UrdbImport, ImportedTariffsPassTheCalculatorsChecksAndReadBackInOurFormat) {
  for (const std::string& text : {testdata("urdb_residential_tou.json"), commercial_rate()}) {
    const Tariff t = imported(text).tariff;
    EXPECT_TRUE(check_tariff(t).ok());
    EXPECT_TRUE(check_version(t.versions.at(0)).ok());
    const std::string ours = format_tariff(t);
    Result<Tariff> back = parse_tariff(ours);
    ASSERT_TRUE(back.ok()) << back.error().message << "\n" << ours;
    EXPECT_EQ(format_tariff(*back), ours);
    EXPECT_EQ(back->versions[0].energy.weekday, t.versions[0].energy.weekday);
    EXPECT_EQ(back->versions[0].flat_demand.month_period, t.versions[0].flat_demand.month_period);
  }
}

TEST(UrdbImport, DailyTiersAndTheOlderFieldNames) {
  const ImportedTariff result = imported(R"({
    "name": "Residential Baseline", "utility": "Example", "startdate": 1704067200,
    "energyRateStructure": [[{"max": 11.3, "rate": 0.25, "unit": "kWh daily"},
                             {"rate": 0.31, "unit": "kWh daily"}]],
    "fixedmonthlycharge": 7.5, "minmonthlycharge": 5, "annualmincharge": 60})");
  const TariffVersion& v = result.tariff.versions.at(0);
  EXPECT_EQ(v.energy.tier_basis, TierBasis::daily);
  EXPECT_EQ(v.energy.periods.at(0).tiers.at(0).max, dec("11.3"));
  EXPECT_EQ(v.energy.weekday[3][3], 0);  // one period, no schedules: all hours in it
  EXPECT_EQ(v.fixed_charges.at(0).amount, dec("7.5"));
  EXPECT_EQ(v.minimum_monthly_charge, dec("5"));
  EXPECT_EQ(v.annual_minimum_charge, dec("60"));
  EXPECT_EQ(v.effective, day(2024, 1, 1));
  EXPECT_TRUE(result.warnings.empty()) << ::testing::PrintToString(result.warnings);
}

TEST(UrdbImport, StartDateIsTheUtcCalendarDate) {
  const std::string rest = R"(, "name": "R", "energyratestructure": [[{"rate": 0.1}]]})";
  EXPECT_EQ(imported(R"({"startdate": 1735689599)" + rest).tariff.versions[0].effective,
            day(2024, 12, 31));  // 2024-12-31T23:59:59Z
  EXPECT_EQ(imported(R"({"startdate": 1735689600)" + rest).tariff.versions[0].effective,
            day(2025, 1, 1));
  const ImportedTariff undated = imported(R"({"utility": "U")" + rest);
  EXPECT_EQ(undated.tariff.versions[0].effective, day(1970, 1, 1));
  EXPECT_THAT(undated.warnings.at(0), HasSubstr("no startdate"));
}

TEST(UrdbImport, LookbackMonthsOnlyLooksBackElevenMonthsAndSaysSo) {
  const ImportedTariff result = imported(R"({"name": "R", "startdate": 1735689600,
    "flatdemandstructure": [[{"rate": 9}]], "lookbackpercent": 0.6,
    "lookbackmonths": [0, 0, 0, 0, 0, 1, 1, 1, 1, 0, 0, 0]})");
  const TariffVersion& v = result.tariff.versions.at(0);
  ASSERT_TRUE(v.ratchet.has_value());
  EXPECT_EQ(v.ratchet->percent, dec("0.6"));
  EXPECT_EQ(v.ratchet->months, 11);
  ASSERT_EQ(result.warnings.size(), 1u);
  EXPECT_EQ(result.warnings[0],
            "lookbackmonths limits the ratchet to peaks set in Jun, Jul, Aug, Sep; Ratepayer's "
            "ratchet looks back over all of the previous 11 months, so billing demand can be "
            "higher than the tariff's");
}

TEST(UrdbImport, ARatchetNeedsFlatDemandToApplyTo) {
  const ImportedTariff result = imported(R"({"name": "R", "startdate": 1735689600,
    "demandratestructure": [[{"rate": 12}]], "lookbackpercent": 0.8, "lookbackrange": 11})");
  EXPECT_FALSE(result.tariff.versions.at(0).ratchet.has_value());
  ASSERT_EQ(result.warnings.size(), 1u);
  EXPECT_EQ(result.warnings[0],
            "lookbackpercent is not imported: Ratepayer applies a demand ratchet to flat "
            "(monthly) demand charges, and this rate has no flatdemandstructure");
}

TEST(UrdbImport, MoreThanOneItemImportsTheFirstAndSaysSo) {
  const ImportedTariff result = imported(R"({"items": [
    {"name": "First", "startdate": 1735689600, "energyratestructure": [[{"rate": 0.1}]]},
    {"name": "Second", "startdate": 1735689600, "energyratestructure": [[{"rate": 0.2}]]}]})");
  EXPECT_EQ(result.tariff.name, "First");
  ASSERT_EQ(result.warnings.size(), 1u);
  EXPECT_EQ(result.warnings[0], "the response holds 2 rates; the first was imported");
}

struct BadRate {
  std::string fields;  // added to a valid single-period rate
  std::string field;
  std::string message;
};

TEST(UrdbImportErrors, NameTheFieldAndIndex) {
  const std::vector<BadRate> cases = {
      {R"("energyratestructure": [[{"rate": 0.1}], [{"rate": "abc"}]],
          "energyweekdayschedule": )" +
           flat_rows(1) + R"(, "energyweekendschedule": )" + flat_rows(0),
       "energyratestructure[1][0].rate",
       "energyratestructure[1][0].rate: \"abc\" is not a number; write digits with an optional "
       "'-' and '.'"},
      {R"("energyratestructure": [[{"rate": 0.1}], [{"rate": 0.2}]],
          "energyweekdayschedule": )" +
           flat_rows(2) + R"(, "energyweekendschedule": )" + flat_rows(0),
       "energyweekdayschedule[0][0]",
       "energyweekdayschedule[0][0]: period 2 does not exist (energyratestructure has 2 "
       "periods)"},
      {R"("energyratestructure": [[{"rate": 0.1}], [{"rate": 0.2}]],
          "energyweekdayschedule": [[0]], "energyweekendschedule": )" +
           flat_rows(0),
       "energyweekdayschedule", "energyweekdayschedule: expected 12 rows (one per month), found 1"},
      {R"("energyratestructure": [[{"rate": 0.1}], [{"rate": 0.2}]],
          "energyweekendschedule": )" +
           flat_rows(0),
       "energyweekdayschedule",
       "energyweekdayschedule: required when energyratestructure has more than one period"},
      {R"("energyratestructure": [[{"rate": 0.1, "unit": "kWh/kW"}]])",
       "energyratestructure[0][0].unit",
       "energyratestructure[0][0].unit: \"kWh/kW\" is not supported; energy tiers must be in "
       "\"kWh\" or \"kWh daily\""},
      {R"("energyratestructure": [[{"rate": 0.1, "max": 500}, {"rate": 0.2, "max": 400},
          {"rate": 0.3}]])",
       "energyratestructure[0][1].max",
       "energyratestructure[0][1].max: 400 is not above the previous tier's max 500"},
      {R"("energyratestructure": [[{"rate": 0.1}, {"rate": 0.2}]])", "energyratestructure[0][0]",
       "energyratestructure[0][0]: \"max\" is required on every tier but the last"},
      {R"("energyratestructure": [[{"unit": "kWh"}]])", "energyratestructure[0][0]",
       "energyratestructure[0][0]: no \"rate\" (or \"adj\")"},
      {R"("flatdemandstructure": [[{"rate": 9}]], "demandunits": "kVA")", "demandunits",
       "demandunits: \"kVA\" is not supported; only demand in kW can be rated"},
      {R"("flatdemandstructure": [[{"rate": 9}], [{"rate": 7}]],
          "flatdemandmonths": [0, 0, 1])",
       "flatdemandmonths", "flatdemandmonths: expected 12 periods (one per month), found 3"},
      {R"("fixedchargefirstmeter": 120, "fixedchargeunits": "$/year")", "fixedchargeunits",
       "fixedchargeunits: \"$/year\" is not supported; use \"$/month\" or \"$/day\""},
      {R"("flatdemandstructure": [[{"rate": 9}]], "lookbackpercent": 80, "lookbackrange": 11)",
       "lookbackpercent",
       "lookbackpercent: 80 is above 1; the URDB holds a fraction (0.8 for 80%)"},
      {R"("startdate": "2026-01-01", "fixedmonthlycharge": 10)", "startdate",
       "startdate: expected Unix seconds between 1900 and 2200"},
      {R"("sector": "Residential")", "energyratestructure",
       "the rate has no charges: no energyratestructure, demandratestructure, "
       "flatdemandstructure, fixed or minimum charge"},
      {R"("fixedmonthlycharge": 10, "FixedMonthlyCharge": 10)", "FixedMonthlyCharge",
       "FixedMonthlyCharge: the rate also has \"fixedmonthlycharge\"; field names are not "
       "case-sensitive"},
  };
  for (const BadRate& bad : cases) {
    Result<ImportedTariff> result = import_urdb(R"({"name": "R", )" + bad.fields + "}");
    ASSERT_FALSE(result.ok()) << bad.fields;
    EXPECT_EQ(result.error().kind, ErrorKind::invalid_input);
    EXPECT_EQ(result.error().field, bad.field) << bad.fields;
    EXPECT_EQ(result.error().message, bad.message) << bad.fields;
  }
}

TEST(UrdbImportErrors, DocumentLevelProblems) {
  EXPECT_THAT(import_urdb("{\"name\": ").error().message, HasSubstr("URDB rate is not valid JSON"));
  EXPECT_EQ(import_urdb(R"({"items": []})").error().message, "items: the response holds no rates");
  EXPECT_EQ(import_urdb(R"({"error": {"message": "API key is invalid"}})").error().message,
            "the file is a URDB API error response: API key is invalid");
  EXPECT_EQ(import_urdb(R"({"energyratestructure": [[{"rate": 0.1}]]})").error().message,
            "name: required (the rate's name)");
  EXPECT_EQ(import_urdb("[1]").error().message,
            "the top level: expected an object {...}, found an array");
}

}  // namespace
}  // namespace rp::rating
