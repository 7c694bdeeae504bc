#include "store/setting_rules.h"

#include <nlohmann/json.hpp>

#include <charconv>

#include "core/time.h"

namespace rp::store {
namespace {

constexpr std::int64_t kMostCents = 100'000'00;  // $100,000: any fee or limit in cents

}  // namespace

const std::vector<SettingRule>& setting_rules() {
  using enum SettingKind;
  static const std::vector<SettingRule> kRules{
      {"name", text, 0, 200, "the utility's name, as customers see it on bills and email",
       "Ratepayer Demo Utility"},
      {"time_zone", time_zone, 0, 0,
       "the IANA time zone bill periods, due dates and 'today' are computed in",
       "America/Los_Angeles"},
      {"utility_address", text, 0, 400, "the postal address bills print (lines on new lines)", ""},
      {"utility_phone", text, 0, 40, "the phone number bills and the portal show", ""},
      {"utility_website", text, 0, 200, "the website bills print", ""},
      {"utility_email", text, 0, 254, "the email address customers can write to", ""},
      {"utility_hours", text, 0, 200, "when the customer service office answers", ""},
      {"bill_due_days", whole_number, 1, 90, "days from a bill's date to its due date", "21"},
      {"bill_holidays", dates, 0, 0, "days that are not bill or due dates (YYYY-MM-DD, ...)", ""},
      {"daily_jobs_hour", whole_number, 0, 23,
       "the local hour the daily jobs run (scheduled payments, autopay, late fees)", "2"},
      {"quiet_hours_start", whole_number, 0, 23,
       "the local hour texts that can wait stop for the night", "21"},
      {"quiet_hours_end", whole_number, 0, 23,
       "the local hour held texts go out in the morning (the same as the start: no quiet hours)",
       "8"},
      {"due_reminder_days", whole_number, 1, 14,
       "days before a bill's due date its reminder is sent (not when autopay will pay it)", "3"},
      {"usage_alerts_hour", whole_number, 0, 23,
       "the local hour the daily usage watch looks for high usage and possible leaks, after the "
       "night's meter data has arrived",
       "6"},
      {"leak_water_least_flow_milli", whole_number, 0, 1'000'000,
       "thousandths of a unit an hour: an interval water meter whose flow never fell to this or "
       "below for a whole day is a possible leak (0: no such check)",
       "1000"},
      {"leak_gas_least_flow_milli", whole_number, 0, 1'000'000,
       "the same for gas meters (default 0, off: furnaces and pilot lights burn all day)", "0"},
      {"leak_burst_percent", whole_number, 150, 10'000,
       "a day's use on an interval water or gas meter at this percent of the usual (the highest "
       "per day on a bill of the past year) or more is a possible leak",
       "300"},
      {"leak_read_percent", whole_number, 150, 10'000,
       "a register read implying a use per day at this percent of the usual or more is a possible "
       "leak",
       "200"},
      {"orders_need_approval", whole_number, 0, 1,
       "1: a service order whose result changes billing (a start or final read, a meter put in or "
       "taken out) waits for a supervisor's approval; 0 (the default): it completes at once",
       "0"},
      {"start_requires_birth_date", whole_number, 0, 1,
       "1: an application for service must give the applicant's date of birth", "0"},
      {"start_requires_id_last4", whole_number, 0, 1,
       "1: an application for service must give the last four digits of the applicant's Social "
       "Security number (never the whole number)",
       "0"},
      {"outage_etr_step_minutes", whole_number, 0, 240,
       "an outage's estimated restoration time that moves by less than this many minutes is "
       "kept but not announced to customers again",
       "30"},
      {"service_date_past_days", whole_number, 0, 60,
       "how many days back a customer may ask service to stop (or start) from; further back "
       "needs staff",
       "3"},
      {"late_fee_grace_days", whole_number, 0, 60, "days after the due date before a late fee",
       "5"},
      {"late_fee_percent_bp", whole_number, 0, 10'000,
       "the late fee as a share of what is past due, in basis points", "150"},
      {"late_fee_flat_cents", whole_number, 0, kMostCents, "a flat late fee, in cents", "500"},
      {"late_fee_maximum_cents", whole_number, 0, kMostCents, "the largest late fee, in cents", ""},
      {"late_fee_minimum_past_due_cents", whole_number, 0, kMostCents,
       "the least past due that draws a late fee, in cents", "1000"},
      {"late_fees_after_final_bill", whole_number, 0, 1,
       "1 to keep charging late fees on a closed account after its final bill's due date and "
       "grace period; 0 (the default) stops them there",
       "0"},
      {"adjustment_approval_cents", whole_number, 0, 10'000'000'00,
       "adjustments larger than this (cents) need a second person's approval", "10000"},
      {"returned_payment_fee_cents", whole_number, 0, 1000'00,
       "the fee for a payment the bank returns, in cents", "0"},
      {"arrangement_down_payment_bp", whole_number, 0, 10'000,
       "a payment arrangement's down payment, in basis points of what is past due", "2500"},
      {"arrangement_fewest_installments", whole_number, 2, 12,
       "the fewest installments a payment arrangement offers", "2"},
      {"arrangement_most_installments", whole_number, 2, 12,
       "the most installments a payment arrangement offers", "6"},
      {"arrangement_smallest_past_due_cents", whole_number, 0, 100'000'00,
       "the least past due a payment arrangement is offered for, in cents", "2500"},
      {"ach_odfi_routing", digits, 0, 9, "the utility's bank's routing number", ""},
      {"ach_odfi_name", text, 0, 23, "the utility's bank's name in the ACH file", ""},
      {"ach_company_name", text, 0, 16, "the utility's name on customers' bank statements", ""},
      {"ach_company_id", text, 0, 10, "the utility's company id at its bank", ""},
      {"ach_entry_description", text, 0, 10, "the ACH entry description (default UTILITY)",
       "UTILITY"},
      {"vee_rules.", json_object, 0, 0,
       "a commodity's meter data validation rules (vee_rules.electric, ...; docs/vee.md)",
       "the shipped rules (docs/vee.md)"},
  };
  return kRules;
}

const SettingRule* find_setting_rule(std::string_view key) {
  for (const SettingRule& rule : setting_rules()) {
    const bool family = rule.key.ends_with('.');
    if (family ? key.starts_with(rule.key) && key.size() > rule.key.size() : key == rule.key) {
      return &rule;
    }
  }
  return nullptr;
}

Result<void> check_setting_value(const SettingRule& rule, std::string_view key,
                                 std::string_view value) {
  const std::string name(key);
  auto refused = [&](const std::string& what) {
    return invalid_input(name, "setting " + name + ": '" + std::string(value) + "' " + what);
  };
  switch (rule.kind) {
    case SettingKind::text: {
      if (value.empty() || static_cast<std::int64_t>(value.size()) > rule.maximum) {
        return refused("must be 1 to " + std::to_string(rule.maximum) + " characters");
      }
      for (char c : value) {
        const auto byte = static_cast<unsigned char>(c);
        if ((byte < 0x20 && c != '\n') || byte == 0x7f) return refused("holds a control character");
      }
      return success();
    }
    case SettingKind::whole_number: {
      std::int64_t number = 0;
      auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), number);
      if (error != std::errc() || end != value.data() + value.size() || number < rule.minimum ||
          number > rule.maximum) {
        return refused("is not a whole number from " + std::to_string(rule.minimum) + " to " +
                       std::to_string(rule.maximum));
      }
      return success();
    }
    case SettingKind::time_zone:
      if (!UtilityZone::find(value).ok()) {
        return refused("is not a time zone the tz database knows (America/Los_Angeles, ...)");
      }
      return success();
    case SettingKind::dates: {
      std::size_t begin = 0;
      while (begin <= value.size() && !value.empty()) {
        std::size_t comma = value.find(',', begin);
        if (comma == std::string_view::npos) comma = value.size();
        std::string item(value.substr(begin, comma - begin));
        while (!item.empty() && item.front() == ' ') item.erase(item.begin());
        while (!item.empty() && item.back() == ' ') item.pop_back();
        if (!item.empty() && !parse_local_date(item, name).ok()) {
          return refused("has '" + item + "', which is not a date (YYYY-MM-DD, comma-separated)");
        }
        begin = comma + 1;
      }
      return success();
    }
    case SettingKind::digits:
      if (static_cast<std::int64_t>(value.size()) != rule.maximum ||
          value.find_first_not_of("0123456789") != std::string_view::npos) {
        return refused("must be " + std::to_string(rule.maximum) + " digits");
      }
      return success();
    case SettingKind::json_object: {
      auto parsed = nlohmann::json::parse(value, nullptr, false);
      if (parsed.is_discarded() || !parsed.is_object()) return refused("is not a JSON object");
      return success();
    }
  }
  return success();
}

}  // namespace rp::store
