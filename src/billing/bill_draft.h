#pragma once
// Drafting one account's bill from gathered facts: each service agreement's usage rated with its
// plan's tariff (rating/calculator.h) into a section, each section checked (bill_checks.h), and
// the sections summed into the bill. Pure: the bill run (bill_run.h) gathers the facts from the
// database and writes the draft; this file decides what the bill says.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "billing/bill_checks.h"
#include "core/money.h"
#include "core/result.h"
#include "core/time.h"
#include "rating/bill_lines.h"
#include "rating/tariff.h"
#include "rating/usage.h"

namespace rp::billing {

// One agreement's usage for the period, as gathered.
// One meter's part of a period its meter was exchanged in.
struct MeterLeg {
  std::string serial;
  LocalDate from;  // its first day in the period (the day it was put in, or the period's first)
  LocalDate to;    // its last day: the day it was taken out, else the period's last day
  std::optional<std::int64_t> start_read_milli;  // a register meter's; none for interval
  std::optional<std::int64_t> end_read_milli;    // its final reading, or the period's end read
  std::int64_t usage_milli = 0;                  // interval: what it measured in the period
  bool estimated = false;
};

struct SectionUsage {
  enum class Source { interval, register_reads, water_of_premise, unmetered };
  Source source = Source::unmetered;
  std::optional<rating::IntervalSeries> intervals;  // Source::interval
  std::int64_t usage_milli = 0;                     // the period's usage, estimates included
  std::optional<std::int64_t> start_read_milli;     // Source::register_reads
  std::optional<std::int64_t> end_read_milli;
  bool estimated = false;
  std::string meter_serial;    // empty when unmetered; the meter in place at the period's end
  std::vector<MeterLeg> legs;  // a meter exchanged in the period: each meter's part, oldest first
};

struct SectionInput {
  std::int64_t agreement_id = 0;
  std::string commodity;  // electric | water | gas | sewer
  std::string plan_code;
  const rating::Tariff* tariff = nullptr;  // required
  rating::BillingPeriod period;
  bool final = false;  // the agreement ends inside the period (move-out)
  SectionUsage usage;
  rating::AccountFacts facts;
  // For the checks: the agreement's recent released sections, newest first, and the neighbours'.
  std::vector<Money> recent_totals;
  std::vector<std::int32_t> recent_days;
  std::optional<Money> last_year_total;  // the agreement's bill for the same period last year
  std::int32_t last_year_days = 0;
  bool partial_service = false;  // the period was cut by the service starting or ending
  Neighbours neighbours;
};

struct SectionDraft {
  const SectionInput* input = nullptr;
  rating::RatedBill rated;
  std::string unit;  // the tariff's usage unit
  std::vector<BillHold> holds;
};

struct BillDraft {
  std::vector<SectionDraft> sections;  // in input order
  rating::BillingPeriod period;        // earliest start to latest end of the sections
  Money charges;                       // the sum of the sections' totals
  bool estimated = false;              // any section estimated
  bool final = false;                  // every section final: the account's closing bill
  bool held() const;
};

// Rates and checks each section. Sewer sections (Source::water_of_premise) must come after the
// water section they bill on (the caller supplies usage_milli from it).
// Errors: invalid_input naming the agreement ("agreement 12: ...") when a section cannot be rated
// (no tariff, usage the tariff cannot rate); overflow.
Result<BillDraft> draft_bill(const std::vector<SectionInput>& sections, const UtilityZone& zone,
                             const BillCheckRules& rules);

}  // namespace rp::billing
