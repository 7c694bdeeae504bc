#pragma once
// A metered section's usage for its period, from the meters of its service point (bill_run_facts.h
// reads them): internal to the billing service.
//
//  * One meter through the period: its interval data cut to the period (bill_usage.h), or its
//    register reads: the last billed read (or the read at the start; a move-in read) to the read
//    at the period's end, estimated from recent usage when there is no end read.
//  * A meter exchanged in the period: each meter measured its own part (a leg), the old one from
//    the period's start to the day it came out (its final reading), the new one from the reading
//    it was put in with to the period's end. The usage is the legs' sum, and the section lists the
//    legs (SectionUsage::legs) so the bill shows both meters. Interval meters of the same interval
//    are cut as one series (the exchange day's intervals from whichever meter measured them); a
//    register leg with no final reading is estimated from recent usage, and said estimated.
//  * A meter put in on the period's first day (exchanged at the last read) starts from the
//    reading it was put in with, never from the meter it replaced.

#include <optional>
#include <string>
#include <vector>

#include "billing/bill_run_facts.h"

namespace rp::billing {

inline constexpr int kEndReadWindowDays = 4;  // an end read up to this many days before the end
inline constexpr int kStartReadLookBackDays = 40;  // a first bill's start read, before the start
inline constexpr int kMoveInReadDays = 7;  // a move-in read up to this many days after the start

// The agreement's past sections (newest first) as bill_usage.h's estimates take them.
std::vector<PastUsage> past_usage(const std::vector<SectionHistory>& history);

// A meter that measured part of a period: its billing channel and the days it was in place.
struct BilledMeter {
  const MeterChannel* channel = nullptr;
  LocalDate from;              // the period's first day, or the day it was put in
  LocalDate to;                // the day it came out, else the period's last day
  bool put_in_during = false;  // put in on or after the period's first day
};

// The meters of a service point in place during `period`, in the order they were put in: put in
// before the period's end and not taken out before its second day (one taken out on a period's
// first day gave that period's start read and belongs to the period before). Empty when none.
std::vector<BilledMeter> billed_meters(const std::vector<MeterChannel>& channels,
                                       const rating::BillingPeriod& period);

// Fills input.usage for `meters` (billed_meters of the agreement's service point, not empty) and
// returns "" or the problem that stops the bill: a meter measuring another unit than the tariff
// bills, no read to start or end from and nothing to estimate with.
std::string meter_usage(const RunContext& run, const ChunkFacts& facts,
                        const std::vector<BilledMeter>& meters,
                        const std::vector<SectionHistory>& history, bool starts_with_service,
                        const std::string& plan_code, SectionInput& input);

}  // namespace rp::billing
