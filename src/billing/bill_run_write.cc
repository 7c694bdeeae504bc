#include "billing/bill_run_write.h"

#include <map>

#include "billing/bill_arrangement.h"
#include "billing/bill_budget.h"
#include "core/json_writer.h"
#include "store/bulk_insert.h"

namespace rp::billing {
namespace {

using store::BulkTable;
using store::Null;
using store::Params;
using store::Value;

const BulkTable kBills{"bills",
                       {"id",
                        "account_id",
                        "bill_run_id",
                        "number",
                        "status",
                        "period_start",
                        "period_end",
                        "bill_date",
                        "due_date",
                        "previous_balance_cents",
                        "charges_cents",
                        "estimated",
                        "final",
                        "created_at",
                        "released_at",
                        "replaces_bill_id",
                        "budget_asked_cents",
                        "budget_deferred_cents",
                        "arrangement_id",
                        "arrangement_installment_cents",
                        "arrangement_deferred_cents"}};
const BulkTable kSections{
    "bill_sections",
    {"id", "bill_id", "service_agreement_id", "commodity", "rate_plan_code", "period_start",
     "period_end", "meter_serial", "unit", "usage_milli", "peak_demand_milli", "start_read_milli",
     "end_read_milli", "estimated", "final", "charges_cents", "meter_legs"}};
const BulkTable kLines{"bill_lines",
                       {"bill_section_id", "position", "kind", "description", "quantity", "unit",
                        "rate", "amount_cents"}};
const BulkTable kHolds{
    "bill_holds",
    {"bill_id", "service_agreement_id", "reason", "evidence", "status", "created_at"}};
const BulkTable kLedger{
    "ledger_entries",
    {"account_id", "kind", "amount_cents", "effective_on", "posted_at", "reference", "memo"}};
const BulkTable kEvents{"account_events",
                        {"account_id", "kind", "occurred_at", "actor", "summary", "details"}};

Value optional_integer(const std::optional<std::int64_t>& value) {
  return value ? Value{*value} : Value{Null{}};
}

std::int64_t flag(bool value) {
  return value ? 1 : 0;
}

// Kilowatts to milli-kW, rounded half away from zero.
std::int64_t milli_of(Decimal value) {
  auto rounded = value.round(3);
  return (rounded.ok() ? *rounded : value).raw() / (Decimal::kScale / 1000);
}

// Each meter's part of a period its meter was exchanged in (the meter_legs column); NULL for one.
Value meter_legs(const SectionUsage& usage) {
  if (usage.legs.empty()) return Null{};
  JsonWriter out;
  out.begin_array();
  for (const MeterLeg& leg : usage.legs) {
    out.begin_object().key("serial").string(leg.serial);
    out.key("from").string(format_local_date(leg.from)).key("to").string(format_local_date(leg.to));
    out.key("start_read_milli");
    if (leg.start_read_milli) {
      out.number(*leg.start_read_milli);
    } else {
      out.null();
    }
    out.key("end_read_milli");
    if (leg.end_read_milli) {
      out.number(*leg.end_read_milli);
    } else {
      out.null();
    }
    out.key("usage_milli").number(leg.usage_milli).key("estimated").boolean(leg.estimated);
    out.end_object();
  }
  out.end_array();
  return out.take();
}

struct Rows {
  std::vector<Params> bills, sections, lines, holds, ledger, events;
};

void add_sections(Rows& rows, const AccountOutcome& outcome, std::int64_t bill_id,
                  const std::vector<std::int64_t>& section_ids, std::size_t& next_section,
                  const std::string& at) {
  for (const SectionDraft& section : outcome.draft->sections) {
    const SectionInput& input = *section.input;
    const std::int64_t section_id = section_ids[next_section++];
    rows.sections.push_back(
        {section_id, bill_id, input.agreement_id, input.commodity, input.plan_code,
         format_local_date(input.period.start), format_local_date(input.period.end),
         store::text_or_null(input.usage.meter_serial), section.unit, input.usage.usage_milli,
         milli_of(section.rated.peak_demand), optional_integer(input.usage.start_read_milli),
         optional_integer(input.usage.end_read_milli), flag(input.usage.estimated),
         flag(input.final), section.rated.total.cents(), meter_legs(input.usage)});
    std::int64_t position = 1;
    for (const rating::BillLine& line : section.rated.lines) {
      rows.lines.push_back({section_id, position++, std::string(rating::line_kind_name(line.kind)),
                            line.description, line.quantity.to_string(), line.unit,
                            line.rate.to_string(), line.amount.cents()});
    }
    for (const BillHold& hold : section.holds) {
      rows.holds.push_back({bill_id, input.agreement_id, std::string(hold_reason_name(hold.reason)),
                            hold.evidence, std::string("open"), at});
    }
  }
}

std::string event_details(std::int64_t bill_id, std::optional<std::int64_t> number,
                          const AccountOutcome& outcome, Money previous_balance,
                          const std::optional<BudgetOutcome>& budget,
                          const std::optional<ArrangementOutcome>& arrangement,
                          const RunContext& run) {
  const BillDraft& draft = *outcome.draft;
  JsonWriter json;
  json.begin_object().key("bill_id").number(bill_id);
  if (number) json.key("number").number(*number);
  if (outcome.replaces_bill_id) json.key("replaces_bill_id").number(outcome.replaces_bill_id);
  if (run.run_id != 0) json.key("run_id").number(run.run_id);  // 0: an off-cycle final bill
  json.key("period_start").string(format_local_date(draft.period.start));
  json.key("period_end").string(format_local_date(draft.period.end));
  json.key("charges").string(draft.charges.to_string());
  if (number) {
    const Money deferred = (budget ? budget->deferred_after : Money()) +
                           (arrangement ? arrangement->deferred_after : Money());
    json.key("amount_due").string((previous_balance + draft.charges - deferred).to_string());
    if (budget) json.key("budget_installment").string(budget->asked.to_string());
    if (arrangement) {
      json.key("arrangement_installment").string(arrangement->installment.to_string());
    }
    json.key("due_date").string(format_local_date(run.due_date));
  }
  json.key("estimated").boolean(draft.estimated);
  json.key("final").boolean(draft.final);
  json.end_object();
  return json.take();
}

}  // namespace

std::string period_text(const rating::BillingPeriod& period) {
  return format_local_date(period.start) + " to " +
         format_local_date(LocalDate(date::sys_days(period.end) - date::days(1)));
}

Result<ChunkWritten> write_chunk(store::Session& session, const RunContext& run,
                                 const std::vector<AccountOutcome>& outcomes,
                                 const std::string& at) {
  ChunkWritten written;
  if (outcomes.empty()) return written;
  const std::int64_t first = outcomes.front().account_id;
  const std::int64_t last = outcomes.back().account_id;

  std::map<std::int64_t, std::int64_t> balances;
  auto balance_rows =
      session.query_named("billing/chunk_balances", {std::int64_t{run.cycle}, first, last});
  RP_TRY(balance_rows);
  for (const store::Row& row : *balance_rows)
    balances[row.integer("account_id")] = row.integer("balance_cents");

  std::size_t drafts = 0;
  std::size_t sections = 0;
  std::int64_t to_release = 0;
  for (const AccountOutcome& outcome : outcomes) {
    if (!outcome.draft) continue;
    ++drafts;
    sections += outcome.draft->sections.size();
    if (!outcome.draft->held()) ++to_release;
  }
  auto budgets = apply_budget_billing(session, run, outcomes);
  RP_TRY(budgets);
  auto arrangements = apply_arrangements(session, outcomes);
  RP_TRY(arrangements);
  std::int64_t next_number = 0;
  if (to_release > 0) {
    auto taken = session.query_named("billing/take_bill_numbers", {to_release});
    RP_TRY(taken);
    if (taken->empty())
      return internal_error("the bill_number sequence is missing (migration 0006)");
    next_number = taken->at(0).integer("next_value") - to_release;
  }
  auto bill_ids = store::reserve_ids(session, "bills", drafts);
  RP_TRY(bill_ids);
  auto section_ids = store::reserve_ids(session, "bill_sections", sections);
  RP_TRY(section_ids);

  Rows rows;
  std::size_t next_bill = 0;
  std::size_t next_section = 0;
  const std::string bill_date = format_local_date(run.bill_date);
  const std::string due_date = format_local_date(run.due_date);
  for (const AccountOutcome& outcome : outcomes) {
    if (!outcome.draft) continue;
    const BillDraft& draft = *outcome.draft;
    const std::int64_t bill_id = (*bill_ids)[next_bill++];
    const bool held = draft.held();
    const Money previous = Money::from_cents(held ? 0 : balances[outcome.account_id]);
    std::optional<std::int64_t> number;
    if (!held) number = next_number++;
    std::optional<BudgetOutcome> budget;
    if (auto found = budgets->find(outcome.account_id); found != budgets->end()) {
      budget = found->second;
    }
    std::optional<ArrangementOutcome> arrangement;
    if (auto found = arrangements->find(outcome.account_id); found != arrangements->end()) {
      arrangement = found->second;
    }
    rows.bills.push_back(
        {bill_id,
         outcome.account_id,
         run.run_id != 0 ? Value{run.run_id} : Value{Null{}},  // 0: an off-cycle final bill
         optional_integer(number),
         std::string(held ? "held" : "released"),
         format_local_date(draft.period.start),
         format_local_date(draft.period.end),
         bill_date,
         due_date,
         previous.cents(),
         draft.charges.cents(),
         flag(draft.estimated),
         flag(draft.final),
         at,
         held ? Value{Null{}} : Value{at},
         outcome.replaces_bill_id ? Value{outcome.replaces_bill_id} : Value{Null{}},
         budget ? Value{budget->asked.cents()} : Value{Null{}},
         budget ? budget->deferred_after.cents() : std::int64_t{0},
         arrangement ? Value{arrangement->arrangement_id} : Value{Null{}},
         arrangement ? Value{arrangement->installment.cents()} : Value{Null{}},
         arrangement ? arrangement->deferred_after.cents() : std::int64_t{0}});
    add_sections(rows, outcome, bill_id, *section_ids, next_section, at);
    const std::string details =
        event_details(bill_id, number, outcome, previous, budget, arrangement, run);
    if (held) {
      ++written.held;
      written.held_charges_cents += draft.charges.cents();
      rows.events.push_back(
          {outcome.account_id, std::string("bill.held"), at, run.started_by,
           "A bill for " + period_text(draft.period) + " is held for review before it is sent",
           details});
    } else {
      ++written.released;
      const std::string reference = std::to_string(*number);
      rows.ledger.push_back({outcome.account_id, std::string("bill"), draft.charges.cents(),
                             bill_date, at, reference,
                             "Bill " + reference + ", " + period_text(draft.period)});
      rows.events.push_back({outcome.account_id, std::string("bill.ready"), at, run.started_by,
                             "Bill " + reference + " for $" + draft.charges.to_string() +
                                 " is ready, due " + due_date,
                             details});
      written.charges_cents += draft.charges.cents();
    }
  }
  RP_TRY(store::bulk_insert(session, kBills, rows.bills));
  RP_TRY(store::bulk_insert(session, kSections, rows.sections));
  RP_TRY(store::bulk_insert(session, kLines, rows.lines));
  RP_TRY(store::bulk_insert(session, kHolds, rows.holds));
  RP_TRY(store::bulk_insert(session, kLedger, rows.ledger));
  RP_TRY(store::bulk_insert(session, kEvents, rows.events));

  RP_TRY(session.execute_named("billing/clear_problems", {run.run_id, first, last}));
  for (const AccountOutcome& outcome : outcomes) {
    if (outcome.problem.empty()) continue;
    ++written.problems;
    RP_TRY(session.execute_named(
        "billing/upsert_problem",
        {run.run_id, outcome.account_id,
         outcome.problem_agreement ? Value{outcome.problem_agreement} : Value{Null{}},
         outcome.problem, at}));
  }
  return written;
}

}  // namespace rp::billing
