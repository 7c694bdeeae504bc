#include "mdm/read_periods.h"

#include <map>

#include "core/assert.h"

namespace rp::mdm {
namespace {

std::int64_t dial_span_milli(std::int32_t dial_digits) {
  std::int64_t span = 1000;
  for (std::int32_t digit = 0; digit < dial_digits; ++digit) span *= 10;
  return span;
}

std::int32_t days_between(LocalDate from, LocalDate to) {
  return static_cast<std::int32_t>((date::sys_days(to) - date::sys_days(from)).count());
}

}  // namespace

std::vector<ReadPeriod> read_periods(const std::vector<StoredRegisterRead>& reads,
                                     const UtilityZone& zone, std::int32_t dial_digits) {
  RP_ASSERT(dial_digits >= 1 && dial_digits <= 12, "a dial has 1 to 12 digits");
  const std::int64_t span = dial_span_milli(dial_digits);
  std::vector<ReadPeriod> periods;
  for (std::size_t i = 1; i < reads.size(); ++i) {
    const StoredRegisterRead& before = reads[i - 1];
    const StoredRegisterRead& after = reads[i];
    std::int64_t used = after.milli_units - before.milli_units;
    if (used < 0) used += span;  // the dial rolled over
    const LocalDate start = zone.local_date(before.taken_at);
    const LocalDate end = zone.local_date(after.taken_at);
    const bool estimated = before.estimated || after.estimated;
    if (!periods.empty() && start == end) {  // a second read the same day extends the period
      periods.back().milli_units += used;
      periods.back().estimated = periods.back().estimated || estimated;
      continue;
    }
    if (start == end) continue;  // the first two reads on one day: no period yet
    periods.push_back({start, end, used, estimated});
  }
  return periods;
}

std::vector<MonthFromReads> spread_by_month(const std::vector<ReadPeriod>& periods, LocalDate from,
                                            LocalDate to) {
  std::map<date::year_month, MonthFromReads> months;
  for (const ReadPeriod& period : periods) {
    const std::int32_t days = days_between(period.start, period.end);
    if (days <= 0) continue;
    std::int64_t left = period.milli_units;
    LocalDate day = period.start;
    while (day < period.end) {
      const date::year_month month = day.year() / day.month();
      const LocalDate next_month = (month + date::months{1}) / date::day{1};
      const LocalDate stop = std::min(next_month, period.end);
      const std::int32_t in_month = days_between(day, stop);
      // The last month of the period takes what rounding left; the others their share, down.
      const std::int64_t share = stop == period.end ? left : period.milli_units * in_month / days;
      left -= share;
      const LocalDate first_of_month = month / date::day{1};
      if (first_of_month < to && next_month > from) {
        MonthFromReads& entry = months[month];
        entry.month = month;
        entry.milli_units += share;
        entry.days_covered += in_month;
        entry.days_in_month = days_between(first_of_month, next_month);
        entry.estimated = entry.estimated || period.estimated;
      }
      day = stop;
    }
  }
  std::vector<MonthFromReads> out;
  for (const auto& [month, entry] : months) out.push_back(entry);
  return out;
}

}  // namespace rp::mdm
