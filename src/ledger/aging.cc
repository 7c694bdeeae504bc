#include "ledger/aging.h"

#include <algorithm>

namespace rp::ledger {

AgingBuckets age_balance(const std::vector<AgingEntry>& entries, LocalDate as_of) {
  std::vector<AgingEntry> charges;
  Money credits;  // the sum of the credits, <= 0
  for (const AgingEntry& entry : entries) {
    if (entry.amount.cents() > 0) {
      charges.push_back(entry);
    } else {
      credits += entry.amount;
    }
  }
  std::stable_sort(charges.begin(), charges.end(), [](const AgingEntry& a, const AgingEntry& b) {
    return date::sys_days(a.due_on) < date::sys_days(b.due_on);
  });
  AgingBuckets buckets;
  Money available = -credits;  // what the credits can still pay, >= 0
  for (const AgingEntry& charge : charges) {
    Money paid = std::min(available, charge.amount);
    available -= paid;
    Money owed = charge.amount - paid;
    if (owed.cents() == 0) continue;
    auto past_due = (date::sys_days(as_of) - date::sys_days(charge.due_on)).count();
    if (past_due >= 90) {
      buckets.days_90_plus += owed;
    } else if (past_due >= 60) {
      buckets.days_60 += owed;
    } else if (past_due >= 30) {
      buckets.days_30 += owed;
    } else {
      buckets.current += owed;
    }
  }
  buckets.credit = -available;
  return buckets;
}

}  // namespace rp::ledger
