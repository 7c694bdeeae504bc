#include "billing/bill_draft.h"

#include <algorithm>

#include "billing/bill_cycle.h"
#include "rating/calculator.h"

namespace rp::billing {
namespace {

constexpr std::int64_t kRawPerMilli = Decimal::kScale / 1000;

Result<rating::RatedBill> rate_section(const SectionInput& input, const UtilityZone& zone) {
  if (input.usage.source == SectionUsage::Source::interval) {
    if (!input.usage.intervals) return invalid_input("usage", "interval usage without intervals");
    return rating::rate_intervals(*input.tariff, *input.usage.intervals, input.period, zone,
                                  input.facts);
  }
  return rating::rate_total(*input.tariff,
                            Decimal::from_raw(input.usage.usage_milli * kRawPerMilli), input.period,
                            input.facts);
}

}  // namespace

bool BillDraft::held() const {
  return std::any_of(sections.begin(), sections.end(),
                     [](const SectionDraft& section) { return !section.holds.empty(); });
}

Result<BillDraft> draft_bill(const std::vector<SectionInput>& sections, const UtilityZone& zone,
                             const BillCheckRules& rules) {
  if (sections.empty()) return invalid_input("sections", "a bill needs at least one section");
  BillDraft bill;
  bill.period = sections.front().period;
  bill.final = true;
  for (const SectionInput& input : sections) {
    const std::string agreement = "agreement " + std::to_string(input.agreement_id);
    if (input.tariff == nullptr) {
      return invalid_input(
          "tariff", agreement + ": rate plan " + input.plan_code + " has no tariff to bill with");
    }
    auto rated = rate_section(input, zone);
    if (!rated.ok()) {
      return invalid_input(rated.error().field,
                           agreement + " on " + input.plan_code + ": " + rated.error().message);
    }
    SectionDraft section;
    section.input = &input;
    section.unit = rating::usage_unit_name(input.tariff->unit);
    DraftFacts facts;
    facts.total = rated->total;
    facts.days = days_in(input.period);
    facts.metered = input.usage.source != SectionUsage::Source::unmetered;
    facts.usage_milli = input.usage.usage_milli;
    facts.recent_totals = input.recent_totals;
    facts.recent_days = input.recent_days;
    facts.neighbours = input.neighbours;
    facts.last_year_total = input.last_year_total;
    facts.last_year_days = input.last_year_days;
    facts.partial_service = input.partial_service;
    section.holds = check_bill(rules, facts);
    section.rated = std::move(*rated);

    auto charges = bill.charges.checked_add(section.rated.total);
    if (!charges.ok()) return charges.error();
    bill.charges = *charges;
    bill.estimated = bill.estimated || input.usage.estimated;
    bill.final = bill.final && input.final;
    if (date::sys_days(input.period.start) < date::sys_days(bill.period.start)) {
      bill.period.start = input.period.start;
    }
    if (date::sys_days(input.period.end) > date::sys_days(bill.period.end)) {
      bill.period.end = input.period.end;
    }
    bill.sections.push_back(std::move(section));
  }
  return bill;
}

}  // namespace rp::billing
