#pragma once
// Usage of register (cumulative dial) meters, read by hand or by an AMR drive-by, for the portal:
// what was used between one read and the next (a read period), and the same usage spread over
// calendar months by day. Pure.
//
// A read period runs from the local day of one accepted read to the local day of the next; its
// usage is the dial's difference, across a rollover when the later read is lower (accepted reads
// have passed VEE's reversal check, mdm/vee_register.h). It is an estimate when either read is
// (source "estimated"). A month's figure spreads each period's usage evenly over the days it
// covers; the share of a period in a month is rounded down and the period's last month takes the
// rest, so the months add up to the reads exactly. Month figures from reads are always marked
// spread; they are estimated when a period they draw on is.

#include <cstdint>
#include <string>
#include <vector>

#include "core/time.h"

namespace rp::mdm {

struct StoredRegisterRead {
  Instant taken_at;
  std::int64_t milli_units = 0;
  bool estimated = false;  // source "estimated"
};

struct ReadPeriod {
  LocalDate start;  // local day of the earlier read
  LocalDate end;    // local day of the later read: the first day not in the period
  std::int64_t milli_units = 0;
  bool estimated = false;
};

// Consecutive reads (oldest first) of one channel with a dial of `dial_digits` whole-unit
// digits (1-12), paired. Reads on the same local day as the previous one start no new period:
// the later one ends the period instead.
std::vector<ReadPeriod> read_periods(const std::vector<StoredRegisterRead>& reads,
                                     const UtilityZone& zone, std::int32_t dial_digits);

struct MonthFromReads {
  date::year_month month;
  std::int64_t milli_units = 0;
  std::int32_t days_covered = 0;  // days of the month inside some read period
  std::int32_t days_in_month = 0;
  bool estimated = false;
};

// The months of [from, to) (by their first day) that some period covers, oldest first.
std::vector<MonthFromReads> spread_by_month(const std::vector<ReadPeriod>& periods, LocalDate from,
                                            LocalDate to);

}  // namespace rp::mdm
