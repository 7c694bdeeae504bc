#include "ledger/late_fee.h"

#include <algorithm>

namespace rp::ledger {

bool grace_ended(const LateFeeRule& rule, LocalDate due_on, LocalDate today) {
  return date::sys_days(today) > date::sys_days(due_on) + date::days(rule.grace_days);
}

LateFeeDecision late_fee(const LateFeeRule& rule, const LateFeeFacts& facts) {
  if (facts.exempt) return {std::nullopt, "exempt: " + facts.exemption};
  if (facts.closed_account_final_due && !rule.after_final_bill) {
    const LocalDate last_day(date::sys_days(*facts.closed_account_final_due) +
                             date::days(rule.grace_days));
    if (facts.assessed_on > last_day) {
      return {std::nullopt,
              "the account is closed: no late fee after its final bill's grace "
              "period ended on " +
                  format_local_date(last_day)};
    }
  }
  if (facts.unpaid <= rule.minimum_past_due) {
    return {std::nullopt, "$" + facts.unpaid.to_string() + " unpaid is within the $" +
                              rule.minimum_past_due.to_string() + " allowed"};
  }
  // percent of the unpaid part, rounded half away from zero to the cent (unpaid is positive).
  std::int64_t percent_cents = (facts.unpaid.cents() * rule.percent_bp + 5'000) / 10'000;
  Money fee = std::max(Money::from_cents(percent_cents), rule.flat);
  std::string how = std::to_string(rule.percent_bp / 100) + "." +
                    std::to_string(rule.percent_bp % 100 / 10) +
                    std::to_string(rule.percent_bp % 10) + "% of $" + facts.unpaid.to_string() +
                    " unpaid " + std::to_string(rule.grace_days) + " days after the due date " +
                    format_local_date(facts.due_on);
  if (fee == rule.flat && Money::from_cents(percent_cents) < rule.flat) {
    how += ", at least $" + rule.flat.to_string();
  }
  if (rule.maximum && fee > *rule.maximum) {
    fee = *rule.maximum;
    how += ", at most $" + rule.maximum->to_string();
  }
  return {fee, how};
}

}  // namespace rp::ledger
