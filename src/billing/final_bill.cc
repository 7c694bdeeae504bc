#include "billing/final_bill.h"

#include <algorithm>

#include "billing/bill_cycle.h"
#include "billing/bill_run_facts.h"
#include "billing/bill_run_write.h"

namespace rp::billing {
namespace {

bool before(LocalDate a, LocalDate b) {
  return date::sys_days(a) < date::sys_days(b);
}

// The cycle's period that holds `day`: the one ending on the first read date after it.
rating::BillingPeriod period_holding(const CycleCalendar& calendar, int cycle, LocalDate day) {
  const date::year_month month = day.year() / day.month();
  rating::BillingPeriod period = cycle_period(calendar, cycle, month);
  if (!before(day, period.end)) period = cycle_period(calendar, cycle, month + date::months(1));
  return period;
}

struct AccountBillFacts {
  int cycle = 0;
  std::optional<std::int64_t> final_bill_id;
  std::string final_status;
};

Result<AccountBillFacts> account_facts(store::Session& session, std::int64_t account_id) {
  auto rows = session.query_named("billing/final_bill_facts", {account_id});
  RP_TRY(rows);
  if (rows->empty()) return not_found("account " + std::to_string(account_id) + " does not exist");
  const store::Row& row = rows->at(0);
  AccountBillFacts facts;
  facts.cycle = static_cast<int>(row.integer("bill_cycle"));
  if (!row.is_null("final_bill_id")) {
    facts.final_bill_id = row.integer("final_bill_id");
    facts.final_status = row.text("final_status");
  }
  return facts;
}

// The context a run would have for this bill: dated today, the cycle's period around the last day.
Result<RunContext> final_bill_context(store::Session& session, int cycle, LocalDate last_day,
                                      const std::string& actor) {
  auto settings = read_billing_settings(session);
  RP_TRY(settings);
  RunContext run{.settings = std::move(*settings)};
  const LocalDate today = run.settings.zone.local_date(now());
  run.cycle = cycle;
  run.read_date = plus_days(last_day, 1);  // periods end on the day after the last one billed
  run.bill_date = today;
  run.due_date = due_date_of(run.settings, today);
  run.cycle_period = period_holding(run.settings.calendar, cycle, last_day);
  run.since = plus_days(run.cycle_period.start, -kEndedAgreementLookBackDays);
  run.started_by = actor;
  auto plans = read_rate_plans(session);
  RP_TRY(plans);
  run.plans = std::move(*plans);
  return run;
}

}  // namespace

Result<FinalBillOutcome> bill_final(store::Session& session, std::int64_t account_id,
                                    LocalDate last_day, const std::string& actor,
                                    const std::string& at) {
  auto account = account_facts(session, account_id);
  RP_TRY(account);
  auto run = final_bill_context(session, account->cycle, last_day, actor);
  RP_TRY(run);
  auto facts = read_chunk(session, *run, account_id - 1, 1);
  RP_TRY(facts);
  // Only the services that have ended: the others stay on the cycle.
  std::erase_if(facts->agreements, [&](const AgreementFacts& agreement) {
    return agreement.account_id != account_id || !agreement.end_date ||
           before(last_day, *agreement.end_date);
  });
  FinalBillOutcome outcome;
  if (facts->agreements.empty()) return outcome;
  std::vector<AccountOutcome> drafted = draft_chunk(*run, *facts);
  if (drafted.empty() || (!drafted.front().draft && drafted.front().problem.empty())) {
    return outcome;  // billed through the last day already
  }
  if (!drafted.front().problem.empty()) {
    outcome.problem = drafted.front().problem;
    return outcome;
  }
  RP_TRY(write_chunk(session, *run, drafted, at));
  auto written = account_facts(session, account_id);
  RP_TRY(written);
  outcome.bill_id = written->final_bill_id;
  outcome.status = written->final_status;
  return outcome;
}

}  // namespace rp::billing
