#pragma once
// The open billing period so far: an account's usage since its last bill, rated on its rate plans
// exactly as the next bill run would rate it (bill_run_facts.h, bill_draft.h), but with the period
// ending today and nothing written. The portal shows it as "cost so far this period", projects
// it to the next read date, and raises the high-usage alert from it.
//
// What it counts: the days from the period's start up to today (today is not over, so it is not
// counted); usage as the bill run gathers it. An interval (smart) meter's days are measured, with
// any missing intervals estimated from past use as a bill would. A register meter is read once a
// cycle, so its usage so far is an estimate from past use per day, and is marked so. Charges are
// the rated sections' totals (fixed charges for the days so far); adjustments, late fees and the
// budget installment are not part of it.
//
// High usage: a service on an interval meter that, after at least kHighUsageLeastDays days, uses
// at least kHighUsagePercent percent more per day than in its latest bill.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "billing/bill_run_facts.h"
#include "core/account_number.h"
#include "core/money.h"
#include "core/result.h"
#include "core/time.h"
#include "rating/bill_lines.h"
#include "store/database.h"

namespace rp::billing {

inline constexpr std::int32_t kHighUsageLeastDays = 7;
inline constexpr std::int64_t kHighUsagePercent = 50;

struct ServiceToDate {
  // Where the usage comes from: an interval meter (measured), a register meter (estimated until
  // its read), the premise's water use (sewer), or nothing (fixed charges only).
  enum class Basis { interval, register_reads, water_of_premise, unmetered };
  std::string commodity;  // electric | water | gas | sewer
  std::string unit;       // the tariff's usage unit
  std::string meter;      // empty unless on a meter of its own
  Basis basis = Basis::unmetered;
  rating::BillingPeriod period;  // this service's days so far
  std::int64_t usage_milli = 0;
  bool estimated = false;
  Money charges;
  std::optional<std::int64_t> per_day_milli;            // none with no day so far
  std::optional<std::int64_t> last_bill_per_day_milli;  // of the service's latest sent bill
  std::optional<std::int64_t> change_percent;           // per day against that; interval only
  bool high_usage = false;
};

struct LastBill {
  std::int64_t number = 0;
  Money charges;
  std::int32_t days = 0;
};

struct PeriodToDate {
  LocalDate as_of;               // today in the utility's zone: usage counts through the day before
  rating::BillingPeriod period;  // [the open period's first day, as_of)
  LocalDate next_read_date;      // the cycle's next scheduled read: when the period is billed
  std::int32_t days_so_far = 0;
  std::int32_t days_in_period = 0;  // from period.start to next_read_date
  Money charges_so_far;
  std::optional<Money> projected_charges;  // at this pace to next_read_date; none with no day yet
  std::optional<LastBill> last_bill;       // the latest sent bill
  std::vector<ServiceToDate> services;
  bool high_usage = false;  // any service's
  std::string problem;      // why the period could not be rated (charges are then zero)
};

// Pure: fills `service`'s per-day usage, its change against `last_bill_per_day_milli` and whether
// that is high usage (see the top of this file).
void compare_with_last_bill(ServiceToDate& service);

// Pure: `so_far` scaled from `days_so_far` to `days_in_period`, rounded half away from zero to
// the cent; none when days_so_far is not positive.
std::optional<Money> project_charges(Money so_far, std::int32_t days_so_far,
                                     std::int32_t days_in_period);

// The account's open period as of `at`. Reads in one snapshot and writes nothing.
// Errors: not_found for an unknown account; invalid_input naming a bad stored setting.
// A period that cannot be rated (a plan without a tariff, a meter in the wrong unit) is not an
// error: `problem` says why.
Result<PeriodToDate> period_to_date(store::Database& database, const AccountNumber& account,
                                    Instant at);

// For reading many accounts' periods at once (usage_watch.h): the context of a bill run of
// `cycle` reading on `as_of` (today: usage counts through the day before), which drafts and
// writes nothing.
RunContext to_date_run(const BillingSettings& settings, std::map<std::int64_t, RatePlan> plans,
                       int cycle, LocalDate as_of);

// The open period of the account `outcome` drafted from `facts` under a to_date_run; its
// `last_bill` is left empty.
PeriodToDate to_date_of(const RunContext& run, const ChunkFacts& facts,
                        const AccountOutcome& outcome);

}  // namespace rp::billing
