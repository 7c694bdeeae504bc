#include "rating/tiers.h"

#include <algorithm>

#include "rating/proration.h"

namespace rp::rating {

Result<std::vector<Decimal>> split_into_tiers(Decimal quantity, std::span<const Decimal> bounds) {
  std::vector<Decimal> tiers;
  tiers.reserve(bounds.size() + 1);
  Decimal below;  // the previous tier's bound
  for (const Decimal bound : bounds) {
    if (bound < below) {
      return invalid_input("tariff", "tier bound " + bound.to_string() +
                                         " is below the previous tier's " + below.to_string() +
                                         "; tier bounds must ascend");
    }
    // min(quantity, bound) - below, never negative; all three are within range.
    const Decimal top = std::min(quantity, bound);
    tiers.push_back(Decimal::from_raw(std::max<std::int64_t>(0, top.raw() - below.raw())));
    below = bound;
  }
  tiers.push_back(Decimal::from_raw(std::max<std::int64_t>(0, quantity.raw() - below.raw())));
  return tiers;
}

std::vector<Decimal> allocate_pro_rata(Decimal share, Decimal total,
                                       std::span<const Decimal> tiers_of_total) {
  std::vector<Decimal> allocated(tiers_of_total.size());
  if (allocated.empty()) return allocated;
  if (total.is_zero()) {
    allocated.front() = share;
    return allocated;
  }
  std::int64_t cumulative_total = 0;  // <= total, so it fits
  std::int64_t previous_share = 0;
  for (std::size_t k = 0; k < tiers_of_total.size(); ++k) {
    cumulative_total += tiers_of_total[k].raw();
    // share x cumulative / total <= share, so the scaled value always fits.
    const std::int64_t cumulative_share = k + 1 == tiers_of_total.size()
                                              ? share.raw()
                                              : scale(share, cumulative_total, total.raw())->raw();
    allocated[k] = Decimal::from_raw(cumulative_share - previous_share);
    previous_share = cumulative_share;
  }
  return allocated;
}

}  // namespace rp::rating
