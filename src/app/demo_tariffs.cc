#include "app/demo_tariffs.h"

namespace rp::app {
namespace {

// clang-format off
constexpr std::string_view kResidentialElectric = R"json({
  "format": "ratepayer-tariff/1", "name": "Residential Service (Schedule 4)", "unit": "kWh",
  "utility": "Ratepayer Demo Utility",
  "versions": [
    {"effective": "2024-01-01", "label": "2024-25 rates",
     "fixed_charges": [{"description": "Basic charge", "amount": "11.00", "per": "month"}],
     "energy": {"periods": [{"name": "Energy", "tiers": [
       {"max": "1000", "rate": "0.1085"}, {"rate": "0.1310"}]}]},
     "riders": [{"description": "Power cost adjustment",
                 "values": [{"effective": "2025-01-01", "per_unit": "0.0031"}]}]},
    {"effective": "2026-01-01", "label": "2026 rates",
     "fixed_charges": [{"description": "Basic charge", "amount": "11.50", "per": "month"}],
     "energy": {"periods": [{"name": "Energy", "tiers": [
       {"max": "1000", "rate": "0.1120"}, {"rate": "0.1350"}]}]},
     "riders": [{"description": "Power cost adjustment",
                 "values": [{"effective": "2026-01-01", "per_unit": "0.0035"},
                            {"effective": "2026-07-01", "per_unit": "0.0042"}]}],
     "taxes": [{"description": "Public purpose charge", "percent": "3",
                "applies_to": ["energy", "fixed", "rider"]}]}]})json";

constexpr std::string_view kTimeOfUse = R"json({
  "format": "ratepayer-tariff/1", "name": "Residential Time of Use (Schedule 7)", "unit": "kWh",
  "utility": "Ratepayer Demo Utility",
  "versions": [
    {"effective": "2024-01-01", "label": "2024-25 rates",
     "fixed_charges": [{"description": "Basic charge", "amount": "11.00", "per": "month"}],
     "energy": {
       "periods": [{"name": "On-peak", "tiers": [{"rate": "0.2310"}]},
                   {"name": "Off-peak", "tiers": [{"rate": "0.0905"}]}],
       "schedule": {"seasons": [{"name": "All year", "months": "Jan-Dec",
         "weekday": {"default": "Off-peak", "ranges": [{"period": "On-peak", "hours": "17-21"}]},
         "weekend": {"default": "Off-peak"}}]}}},
    {"effective": "2026-01-01", "label": "2026 rates",
     "fixed_charges": [{"description": "Basic charge", "amount": "11.50", "per": "month"}],
     "energy": {
       "periods": [{"name": "On-peak", "tiers": [{"rate": "0.2450"}]},
                   {"name": "Off-peak", "tiers": [{"rate": "0.0950"}]}],
       "schedule": {"seasons": [{"name": "All year", "months": "Jan-Dec",
         "weekday": {"default": "Off-peak", "ranges": [{"period": "On-peak", "hours": "17-21"}]},
         "weekend": {"default": "Off-peak"}}]}},
     "taxes": [{"description": "Public purpose charge", "percent": "3",
                "applies_to": ["energy", "fixed"]}]}]})json";

constexpr std::string_view kCommercialElectric = R"json({
  "format": "ratepayer-tariff/1", "name": "General Service (Schedule 23)", "unit": "kWh",
  "utility": "Ratepayer Demo Utility",
  "versions": [
    {"effective": "2024-01-01", "label": "2024-25 rates",
     "fixed_charges": [{"description": "Basic charge", "amount": "32.00", "per": "month"}],
     "energy": {
       "periods": [{"name": "On-peak", "tiers": [{"rate": "0.1180"}]},
                   {"name": "Off-peak", "tiers": [{"rate": "0.0790"}]}],
       "schedule": {"seasons": [{"name": "All year", "months": "Jan-Dec",
         "weekday": {"default": "Off-peak", "ranges": [{"period": "On-peak", "hours": "7-20"}]},
         "weekend": {"default": "Off-peak"}}]}},
     "flat_demand": {"periods": [{"name": "Demand", "tiers": [{"max": "30", "rate": "0"},
                                                          {"rate": "6.10"}]}]}},
    {"effective": "2026-01-01", "label": "2026 rates",
     "fixed_charges": [{"description": "Basic charge", "amount": "34.00", "per": "month"}],
     "energy": {
       "periods": [{"name": "On-peak", "tiers": [{"rate": "0.1240"}]},
                   {"name": "Off-peak", "tiers": [{"rate": "0.0820"}]}],
       "schedule": {"seasons": [{"name": "All year", "months": "Jan-Dec",
         "weekday": {"default": "Off-peak", "ranges": [{"period": "On-peak", "hours": "7-20"}]},
         "weekend": {"default": "Off-peak"}}]}},
     "flat_demand": {"periods": [{"name": "Demand", "tiers": [{"max": "30", "rate": "0"},
                                                          {"rate": "6.40"}]}]},
     "taxes": [{"description": "Public purpose charge", "percent": "3",
                "applies_to": ["energy", "demand", "fixed"]}]}]})json";

constexpr std::string_view kResidentialWater = R"json({
  "format": "ratepayer-tariff/1", "name": "Residential Water", "unit": "gal",
  "utility": "Ratepayer Demo Utility",
  "versions": [
    {"effective": "2024-07-01", "label": "FY2025 rates",
     "fixed_charges": [{"description": "Service charge", "amount": "18.50", "per": "month"}],
     "energy": {"periods": [{"name": "Water", "tiers": [
       {"max": "5000", "rate": "0.0042"}, {"max": "15000", "rate": "0.0058"},
       {"rate": "0.0083"}]}]}},
    {"effective": "2026-07-01", "label": "FY2027 rates",
     "fixed_charges": [{"description": "Service charge", "amount": "19.25", "per": "month"}],
     "energy": {"periods": [{"name": "Water", "tiers": [
       {"max": "5000", "rate": "0.0045"}, {"max": "15000", "rate": "0.0062"},
       {"rate": "0.0089"}]}]}}]})json";

constexpr std::string_view kCommercialWater = R"json({
  "format": "ratepayer-tariff/1", "name": "Commercial Water", "unit": "gal",
  "utility": "Ratepayer Demo Utility",
  "versions": [
    {"effective": "2024-07-01", "label": "FY2025 rates",
     "fixed_charges": [{"description": "Service charge", "amount": "42.00", "per": "month"}],
     "energy": {"periods": [{"name": "Water", "tiers": [{"rate": "0.0051"}]}]}},
    {"effective": "2026-07-01", "label": "FY2027 rates",
     "fixed_charges": [{"description": "Service charge", "amount": "44.00", "per": "month"}],
     "energy": {"periods": [{"name": "Water", "tiers": [{"rate": "0.0054"}]}]}}]})json";

constexpr std::string_view kResidentialSewer = R"json({
  "format": "ratepayer-tariff/1", "name": "Residential Sewer", "unit": "gal",
  "utility": "Ratepayer Demo Utility", "sewer": {"cap_at_winter_average": true},
  "versions": [
    {"effective": "2024-07-01", "label": "FY2025 rates",
     "fixed_charges": [{"description": "Sewer service charge", "amount": "14.00", "per": "month"}],
     "energy": {"periods": [{"name": "Sewer volume", "tiers": [{"rate": "0.0068"}]}]}},
    {"effective": "2026-07-01", "label": "FY2027 rates",
     "fixed_charges": [{"description": "Sewer service charge", "amount": "14.75", "per": "month"}],
     "energy": {"periods": [{"name": "Sewer volume", "tiers": [{"rate": "0.0071"}]}]}}]})json";

constexpr std::string_view kCommercialSewer = R"json({
  "format": "ratepayer-tariff/1", "name": "Commercial Sewer", "unit": "gal",
  "utility": "Ratepayer Demo Utility",
  "versions": [
    {"effective": "2024-07-01", "label": "FY2025 rates",
     "fixed_charges": [{"description": "Sewer service charge", "amount": "30.00", "per": "month"}],
     "energy": {"periods": [{"name": "Sewer volume", "tiers": [{"rate": "0.0074"}]}]}},
    {"effective": "2026-07-01", "label": "FY2027 rates",
     "fixed_charges": [{"description": "Sewer service charge", "amount": "31.50", "per": "month"}],
     "energy": {"periods": [{"name": "Sewer volume", "tiers": [{"rate": "0.0077"}]}]}}]})json";
// clang-format on

}  // namespace

const std::vector<std::pair<std::string_view, std::string_view>>& demo_tariffs() {
  static const std::vector<std::pair<std::string_view, std::string_view>> tariffs{
      {"E-RES", kResidentialElectric}, {"E-TOU", kTimeOfUse},       {"E-COM", kCommercialElectric},
      {"W-RES", kResidentialWater},    {"W-COM", kCommercialWater}, {"S-RES", kResidentialSewer},
      {"S-COM", kCommercialSewer}};
  return tariffs;
}

}  // namespace rp::app
