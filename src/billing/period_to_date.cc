#include "billing/period_to_date.h"

#include <algorithm>

#include "billing/bill_cycle.h"

namespace rp::billing {
namespace {

using store::Session;

bool before(LocalDate a, LocalDate b) {
  return date::sys_days(a) < date::sys_days(b);
}

// a / b rounded half away from zero, for b > 0.
std::int64_t divide_rounded(std::int64_t a, std::int64_t b) {
  const std::int64_t half = b / 2;
  return a >= 0 ? (a + half) / b : -((-a + half) / b);
}

date::year_month month_of(LocalDate date) {
  return date.year() / date.month();
}

// The cycle's period that `day` falls in: from its latest scheduled read on or before `day` to the
// next one after it.
rating::BillingPeriod cycle_period_around(const CycleCalendar& calendar, int cycle, LocalDate day) {
  const date::year_month month = month_of(day);
  if (before(day, cycle_dates(calendar, cycle, month).read_date)) {
    return cycle_period(calendar, cycle, month);
  }
  return cycle_period(calendar, cycle, month + date::months(1));
}

// The cycle's first scheduled read on or after `as_of` that ends a period starting on `start`.
LocalDate next_read_after(const CycleCalendar& calendar, int cycle, LocalDate start,
                          LocalDate as_of) {
  date::year_month month = month_of(as_of);
  for (int tries = 0; tries < 3; ++tries, month += date::months(1)) {
    const LocalDate read = cycle_dates(calendar, cycle, month).read_date;
    if (!before(read, as_of) && before(start, read)) return read;
  }
  return cycle_dates(calendar, cycle, month).read_date;
}

ServiceToDate::Basis basis_of(SectionUsage::Source source) {
  switch (source) {
    case SectionUsage::Source::interval:
      return ServiceToDate::Basis::interval;
    case SectionUsage::Source::register_reads:
      return ServiceToDate::Basis::register_reads;
    case SectionUsage::Source::water_of_premise:
      return ServiceToDate::Basis::water_of_premise;
    case SectionUsage::Source::unmetered:
      break;
  }
  return ServiceToDate::Basis::unmetered;
}

// The usage per day of the agreement's latest sent section.
std::optional<std::int64_t> last_bill_per_day(const ChunkFacts& facts, std::int64_t agreement) {
  auto history = facts.history.find(agreement);
  if (history == facts.history.end()) return std::nullopt;
  for (const SectionHistory& section : history->second) {
    const std::int32_t days = days_in(section.period);
    if (section.released && days > 0) return divide_rounded(section.usage_milli, days);
  }
  return std::nullopt;
}

Result<std::optional<LastBill>> read_last_bill(Session& session, std::int64_t account_id) {
  auto rows = session.query_named("billing/latest_sent_bill", {account_id});
  RP_TRY(rows);
  if (rows->empty()) return std::optional<LastBill>{};
  const store::Row& row = rows->at(0);
  auto start = parse_local_date(row.text("period_start"), "period_start");
  auto end = parse_local_date(row.text("period_end"), "period_end");
  RP_TRY(start);
  RP_TRY(end);
  return std::optional<LastBill>{LastBill{row.integer("number"),
                                          Money::from_cents(row.integer("charges_cents")),
                                          days_in({*start, *end})}};
}

void add_services(const AccountOutcome& outcome, const ChunkFacts& facts, PeriodToDate& result) {
  for (const SectionDraft& section : outcome.draft->sections) {
    const SectionInput& input = *section.input;
    ServiceToDate service;
    service.commodity = input.commodity;
    service.unit = section.unit;
    service.meter = input.usage.meter_serial;
    service.basis = basis_of(input.usage.source);
    service.period = input.period;
    service.usage_milli = input.usage.usage_milli;
    service.estimated = input.usage.estimated;
    service.charges = section.rated.total;
    service.last_bill_per_day_milli = last_bill_per_day(facts, input.agreement_id);
    compare_with_last_bill(service);
    if (before(service.period.start, result.period.start)) {
      result.period.start = service.period.start;
    }
    result.high_usage = result.high_usage || service.high_usage;
    result.services.push_back(std::move(service));
  }
  result.charges_so_far = outcome.draft->charges;
}

}  // namespace

void compare_with_last_bill(ServiceToDate& service) {
  const std::int32_t days = days_in(service.period);
  service.per_day_milli.reset();
  service.change_percent.reset();
  service.high_usage = false;
  if (days <= 0) return;
  service.per_day_milli = divide_rounded(service.usage_milli, days);
  // Only measured usage is compared: a register's usage so far is past use per day by design.
  const bool measured = service.basis == ServiceToDate::Basis::interval;
  if (!measured || !service.last_bill_per_day_milli || *service.last_bill_per_day_milli <= 0) {
    return;
  }
  const std::int64_t last = *service.last_bill_per_day_milli;
  service.change_percent = divide_rounded((*service.per_day_milli - last) * 100, last);
  service.high_usage = days >= kHighUsageLeastDays &&
                       (*service.per_day_milli - last) * 100 >= kHighUsagePercent * last;
}

std::optional<Money> project_charges(Money so_far, std::int32_t days_so_far,
                                     std::int32_t days_in_period) {
  if (days_so_far <= 0) return std::nullopt;
  return Money::from_cents(
      divide_rounded(so_far.cents() * std::max(days_in_period, days_so_far), days_so_far));
}

RunContext to_date_run(const BillingSettings& settings, std::map<std::int64_t, RatePlan> plans,
                       int cycle, LocalDate as_of) {
  RunContext run{.settings = settings};
  run.cycle = cycle;
  run.read_date = as_of;
  run.cycle_period = cycle_period_around(settings.calendar, cycle,
                                         LocalDate(date::sys_days(as_of) - date::days(1)));
  run.since =
      LocalDate(date::sys_days(run.cycle_period.start) - date::days(kEndedAgreementLookBackDays));
  run.plans = std::move(plans);
  return run;
}

PeriodToDate to_date_of(const RunContext& run, const ChunkFacts& facts,
                        const AccountOutcome& outcome) {
  PeriodToDate result;
  result.as_of = run.read_date;
  result.period = {result.as_of, result.as_of};
  if (!outcome.problem.empty()) {
    result.problem = outcome.problem;
  } else if (outcome.draft) {
    add_services(outcome, facts, result);
  }
  result.days_so_far = days_in(result.period);
  result.next_read_date =
      next_read_after(run.settings.calendar, run.cycle, result.period.start, result.as_of);
  result.days_in_period = days_in({result.period.start, result.next_read_date});
  result.projected_charges =
      project_charges(result.charges_so_far, result.days_so_far, result.days_in_period);
  return result;
}

Result<PeriodToDate> period_to_date(store::Database& database, const AccountNumber& account,
                                    Instant at) {
  return database.read<PeriodToDate>([&](Session& session) -> Result<PeriodToDate> {
    auto found = session.query_named("billing/to_date_account", {account.digits()});
    RP_TRY(found);
    if (found->empty()) return not_found("no account has number " + account.formatted());
    const std::int64_t account_id = found->at(0).integer("id");
    const int cycle = static_cast<int>(found->at(0).integer("bill_cycle"));
    auto settings = read_billing_settings(session);
    RP_TRY(settings);
    auto plans = read_rate_plans(session);
    RP_TRY(plans);
    // A bill run that reads today, drafting this one account without writing.
    const RunContext run =
        to_date_run(*settings, std::move(*plans), cycle, settings->zone.local_date(at));
    auto facts = read_chunk(session, run, account_id - 1, 1);
    RP_TRY(facts);
    AccountOutcome nothing;
    std::vector<AccountOutcome> outcomes;
    if (!facts->agreements.empty() && facts->agreements.front().account_id == account_id) {
      outcomes = draft_chunk(run, *facts);
    }
    PeriodToDate result = to_date_of(run, *facts, outcomes.empty() ? nothing : outcomes.front());
    auto last_bill = read_last_bill(session, account_id);
    RP_TRY(last_bill);
    result.last_bill = *last_bill;
    return result;
  });
}

}  // namespace rp::billing
