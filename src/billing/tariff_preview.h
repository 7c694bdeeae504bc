#pragma once
// What a new tariff would do to customers' bills, before it is stored: a sample of the plan's
// latest sent bills rated again with the proposed tariff's newest version in force for the bills'
// whole periods, beside what each bill charged and what the stored tariff gives for the same
// usage today. Reads only; nothing is written.
//
// The sample: up to `sample` service agreements on the plan, each with its latest sent section,
// newest bills first. Each is rated from the usage the bill was rated on: an interval meter's
// intervals as they are stored now (so a read corrected since the bill shows as a difference in
// `current` too), otherwise the section's billed usage total; a demand ratchet looks back at the
// agreement's earlier peaks as the bill run does. A sewer section is rated on its billed usage
// without a winter-average cap. A section the tariff cannot rate (a time-of-use tariff on a
// register meter's total) keeps its problem and counts in no total.
//
// The proposed tariff is also checked as storing it would be (store_tariff): a unit that cannot
// bill the plan, or a change to days already billed, is reported in `refused` (the preview
// still shows its effect), so the analyst sees both before filing it.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/money.h"
#include "core/result.h"
#include "rating/bill_lines.h"
#include "rating/tariff.h"
#include "store/database.h"

namespace rp::billing {

inline constexpr std::size_t kLargestTariffPreviewSample = 100;
inline constexpr std::size_t kDefaultTariffPreviewSample = 25;

struct TariffPreviewBill {
  std::string account_number;
  std::int64_t bill_number = 0;
  rating::BillingPeriod period;
  std::string unit;  // of usage_milli
  std::int64_t usage_milli = 0;
  bool interval = false;          // rated from the meter's intervals
  Money billed;                   // what the bill charged for this service
  std::optional<Money> current;   // the stored tariff on the same usage; none with a problem
  std::optional<Money> proposed;  // the proposed tariff's newest version; none with a problem
  std::string problem;            // why it could not be rated
};

struct TariffPreview {
  std::string plan_code;
  std::string version_label;             // the proposed tariff's newest version
  LocalDate version_effective;           // and its effective date
  std::optional<Error> refused;          // why storing the tariff would be refused
  std::vector<TariffPreviewBill> bills;  // the sample, newest bills first
  std::int64_t rated = 0;                // bills with both current and proposed
  Money current_total;                   // over the rated bills
  Money proposed_total;
};

// Errors: not_found for an unknown plan; invalid_input ("sample") outside
// 1..kLargestTariffPreviewSample; invalid_input ("tariff") for a tariff without versions.
Result<TariffPreview> preview_tariff(store::Database& database, const std::string& plan_code,
                                     const rating::Tariff& proposed, std::size_t sample);

}  // namespace rp::billing
