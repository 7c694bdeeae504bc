#include "billing/bill_checks.h"

#include <algorithm>
#include <utility>

namespace rp::billing {
namespace {

constexpr std::pair<HoldReason, const char*> kNames[] = {
    {HoldReason::high_bill, "high_bill"},
    {HoldReason::low_bill, "low_bill"},
    {HoldReason::high_vs_neighbours, "high_vs_neighbours"},
    {HoldReason::zero_usage, "zero_usage"},
    {HoldReason::negative_total, "negative_total"},
    {HoldReason::short_period, "short_period"},
    {HoldReason::long_period, "long_period"},
};

// The median of `values` (the lower middle one for an even count), which must not be empty.
template <typename T>
T median(std::vector<T> values) {
  auto middle = values.begin() + static_cast<std::ptrdiff_t>((values.size() - 1) / 2);
  std::nth_element(values.begin(), middle, values.end());
  return *middle;
}

// Cents per day as a fraction a / b, compared without dividing: a/b > p% of c/d  <=>
// 100 a d > p c b.
bool above_percent(std::int64_t a, std::int64_t b, std::int32_t percent, std::int64_t c,
                   std::int64_t d) {
  return static_cast<__int128>(100) * a * d > static_cast<__int128>(percent) * c * b;
}

std::string per_day(Money total, std::int32_t days) {
  Money rounded = Money::from_cents((total.cents() * 2 / days + (total.cents() >= 0 ? 1 : -1)) / 2);
  return "$" + rounded.to_string() + " a day";
}

}  // namespace

const char* hold_reason_name(HoldReason reason) {
  for (const auto& [value, name] : kNames) {
    if (value == reason) return name;
  }
  return "high_bill";
}

std::vector<std::string_view> hold_reason_names() {
  std::vector<std::string_view> names;
  for (const auto& entry : kNames) names.emplace_back(entry.second);
  return names;
}

Neighbours summarise_neighbours(std::vector<std::int64_t> usage_per_day_milli) {
  if (usage_per_day_milli.empty()) return {};
  Neighbours neighbours;
  neighbours.count = static_cast<std::int32_t>(usage_per_day_milli.size());
  neighbours.median_per_day_milli = median(std::move(usage_per_day_milli));
  return neighbours;
}

std::vector<BillHold> check_bill(const BillCheckRules& rules, const DraftFacts& draft) {
  std::vector<BillHold> holds;
  std::size_t history = std::min(draft.recent_totals.size(), draft.recent_days.size());
  if (draft.days > 0 && static_cast<std::int32_t>(history) >= rules.min_history_bills) {
    // The median bill by charge per day, compared as a fraction.
    std::vector<std::size_t> order(history);
    for (std::size_t i = 0; i < history; ++i) order[i] = i;
    auto middle = order.begin() + static_cast<std::ptrdiff_t>((history - 1) / 2);
    std::nth_element(order.begin(), middle, order.end(), [&](std::size_t x, std::size_t y) {
      return static_cast<__int128>(draft.recent_totals[x].cents()) * draft.recent_days[y] <
             static_cast<__int128>(draft.recent_totals[y].cents()) * draft.recent_days[x];
    });
    Money typical = draft.recent_totals[*middle];
    std::int32_t typical_days = draft.recent_days[*middle];
    bool big_enough = draft.total >= rules.min_compared && typical >= rules.min_compared;
    std::string compared = per_day(draft.total, draft.days) + " against a typical " +
                           per_day(typical, typical_days) + " over the last " +
                           std::to_string(history) + " bills";
    // A seasonal customer (summer irrigation, winter heat) is compared with the same season too:
    // a bill in line with last year's bill for the same period is not held.
    const bool in_season = draft.last_year_total && draft.last_year_days > 0 &&
                           !above_percent(draft.total.cents(), draft.days, rules.high_percent,
                                          draft.last_year_total->cents(), draft.last_year_days) &&
                           above_percent(draft.total.cents(), draft.days, rules.low_percent,
                                         draft.last_year_total->cents(), draft.last_year_days);
    if (in_season) big_enough = false;
    if (big_enough && above_percent(draft.total.cents(), draft.days, rules.high_percent,
                                    typical.cents(), typical_days)) {
      holds.push_back({HoldReason::high_bill,
                       compared + " (more than " + std::to_string(rules.high_percent) + "%)"});
    } else if (big_enough && !above_percent(draft.total.cents(), draft.days, rules.low_percent,
                                            typical.cents(), typical_days)) {
      holds.push_back({HoldReason::low_bill,
                       compared + " (" + std::to_string(rules.low_percent) + "% or less)"});
    }
  }
  if (draft.metered && draft.days > 0 && draft.neighbours.count >= rules.min_neighbours) {
    std::int64_t typical = draft.neighbours.median_per_day_milli;
    if (typical > 0 &&
        above_percent(draft.usage_milli, draft.days, rules.neighbour_high_percent, typical, 1)) {
      holds.push_back({HoldReason::high_vs_neighbours,
                       "usage of " + std::to_string(draft.usage_milli / draft.days / 1000) +
                           " a day against a median of " + std::to_string(typical / 1000) +
                           " for " + std::to_string(draft.neighbours.count) +
                           " similar customers (more than " +
                           std::to_string(rules.neighbour_high_percent) + "%)"});
    }
  }
  if (draft.metered && draft.usage_milli == 0) {
    holds.push_back({HoldReason::zero_usage, "no metered usage in " + std::to_string(draft.days) +
                                                 " days of active service"});
  }
  if (draft.total.cents() < 0) {
    holds.push_back(
        {HoldReason::negative_total, "the bill would credit $" + (-draft.total).to_string()});
  }
  if (draft.days < rules.min_days && !draft.partial_service) {
    holds.push_back({HoldReason::short_period, std::to_string(draft.days) +
                                                   "-day period (fewer than " +
                                                   std::to_string(rules.min_days) + ")"});
  } else if (draft.days > rules.max_days) {
    holds.push_back({HoldReason::long_period, std::to_string(draft.days) +
                                                  "-day period (more than " +
                                                  std::to_string(rules.max_days) + ")"});
  }
  return holds;
}

}  // namespace rp::billing
