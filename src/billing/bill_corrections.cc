#include "billing/bill_corrections.h"

#include "accounts/account_events.h"
#include "accounts/ledger.h"
#include "billing/bill_run_facts.h"
#include "core/json_writer.h"

namespace rp::billing {
namespace {

using store::Session;

struct BillFacts {
  std::int64_t id = 0;
  std::int64_t account_id = 0;
  std::int64_t run_id = 0;
  std::string status;
  std::optional<std::int64_t> number;
  std::string period_start;
  std::string period_end;
  std::string bill_date;
  std::string due_date;
  Money charges;
  int run_cycle = 0;  // of the run that drafted it; 0 without one
};

Result<BillFacts> read_bill(Session& session, std::int64_t bill_id) {
  auto rows = session.query_named("billing/bill_for_action", {bill_id});
  RP_TRY(rows);
  if (rows->empty()) return not_found("bill " + std::to_string(bill_id) + " does not exist");
  const store::Row& row = rows->at(0);
  BillFacts bill;
  bill.id = row.integer("id");
  bill.account_id = row.integer("account_id");
  bill.run_id = row.is_null("bill_run_id") ? 0 : row.integer("bill_run_id");
  bill.status = row.text("status");
  if (!row.is_null("number")) bill.number = row.integer("number");
  bill.period_start = row.text("period_start");
  bill.period_end = row.text("period_end");
  bill.bill_date = row.text("bill_date");
  bill.due_date = row.text("due_date");
  bill.charges = Money::from_cents(row.integer("charges_cents"));
  if (!row.is_null("run_cycle")) bill.run_cycle = static_cast<int>(row.integer("run_cycle"));
  return bill;
}

std::string bill_name(const BillFacts& bill) {
  return bill.number ? "bill " + std::to_string(*bill.number)
                     : "held bill " + std::to_string(bill.id);
}

// The period as events state it: the last day billed is the day before period_end.
std::string period_of(const BillFacts& bill) {
  auto end = parse_local_date(bill.period_end, "period_end");
  if (!end.ok()) return bill.period_start + " to " + bill.period_end;
  return bill.period_start + " to " +
         format_local_date(LocalDate(date::sys_days(*end) - date::days(1)));
}

Result<void> require_status(const BillFacts& bill, const char* action,
                            std::initializer_list<const char*> allowed) {
  for (const char* status : allowed) {
    if (bill.status == status) return success();
  }
  return conflict("bill " + std::to_string(bill.id) + " is " + bill.status + "; only a " +
                  std::string(*allowed.begin()) +
                  (allowed.size() > 1 ? " or " + std::string(*(allowed.begin() + 1)) : "") +
                  " bill can be " + action);
}

Result<void> require_latest(Session& session, const BillFacts& bill) {
  auto later = session.query_named("billing/later_sections", {bill.id});
  RP_TRY(later);
  if (later->at(0).integer("later_sections") > 0) {
    return conflict(bill_name(bill) +
                    " is not the latest bill of its services: correct the later "
                    "bill first (newest first)");
  }
  return success();
}

// A held bill is released as drafted only until its cycle reads again after the bill's date: by
// then the meter data and the account have moved on, so it is recalculated first (the new draft,
// dated the day it is made, is checked again and may then be approved).
Result<void> require_not_overtaken(const BillFacts& bill, const CycleCalendar& calendar,
                                   LocalDate today) {
  if (bill.run_cycle < 1 || bill.run_cycle > calendar.cycle_count) return success();
  auto dated = parse_local_date(bill.bill_date, "bill_date");
  RP_TRY(dated);
  const date::year_month month = dated->year() / dated->month();
  LocalDate next_read = cycle_dates(calendar, bill.run_cycle, month).read_date;
  if (date::sys_days(next_read) <= date::sys_days(*dated)) {
    next_read = cycle_dates(calendar, bill.run_cycle, month + date::months(1)).read_date;
  }
  if (date::sys_days(today) < date::sys_days(next_read)) return success();
  return conflict(bill_name(bill) + ", dated " + bill.bill_date + ", has waited past cycle " +
                  std::to_string(bill.run_cycle) + "'s next read on " +
                  format_local_date(next_read) +
                  ": recalculate it from the meter data as it is now before it is released")
      .coded("bill-overtaken");
}

// After a held bill with later bills is drafted again: the new draft must cover the same
// services and end on the dial reads the later bills started from, or usage would be billed
// twice or not at all. `replacement` is none when the account could not be drafted again.
Result<void> require_continuous(Session& session, const BillFacts& bill, std::int64_t run_id,
                                std::size_t later_sections,
                                std::optional<std::int64_t> replacement) {
  if (!replacement) {
    auto problem = session.query_named("billing/run_problem_of_account", {run_id, bill.account_id});
    RP_TRY(problem);
    const std::string why =
        problem->empty() ? std::string("nothing was left to bill") : problem->at(0).text("problem");
    return conflict(bill_name(bill) + " could not be drafted again for " + period_of(bill) +
                    ", and later bills follow it, so it stays on hold: " + why);
  }
  auto rows = session.query_named("billing/later_section_start_reads", {*replacement});
  RP_TRY(rows);
  if (rows->size() != later_sections) {
    return conflict(bill_name(bill) + " drafted again no longer covers every service a later " +
                    "bill follows on: correct the later bills first (newest first)");
  }
  for (const store::Row& row : *rows) {
    if (row.is_null("start_read_milli")) continue;
    if (row.is_null("end_read_milli") ||
        row.integer("end_read_milli") != row.integer("start_read_milli")) {
      const std::string later = row.is_null("later_bill_number")
                                    ? "held bill " + std::to_string(row.integer("later_bill_id"))
                                    : "bill " + std::to_string(row.integer("later_bill_number"));
      return conflict(bill_name(bill) + " drafted again ends on a different meter read from the " +
                      "one " + later + " started from: correct " + later + " first (newest first)");
    }
  }
  return success();
}

Result<void> require_note(const BillAction& action, const char* what) {
  if (action.note.find_first_not_of(" \t\r\n") == std::string::npos) {
    return invalid_input("note", std::string("say why the bill is ") + what +
                                     " (note): it is recorded on the bill and its account");
  }
  return success();
}

std::string details_json(const BillFacts& bill, const BillAction& action) {
  JsonWriter json;
  json.begin_object().key("bill_id").number(bill.id);
  if (bill.number) json.key("number").number(*bill.number);
  json.key("period_start").string(bill.period_start).key("period_end").string(bill.period_end);
  json.key("charges").string(bill.charges.to_string());
  if (!action.note.empty()) json.key("note").string(action.note);
  json.end_object();
  return json.take();
}

Result<void> resolve_holds(Session& session, const BillFacts& bill, const BillAction& action,
                           const char* status, const std::string& at) {
  RP_TRY(session.execute_named("billing/resolve_holds",
                               {std::string(status), at, action.actor, action.note, bill.id}));
  return success();
}

// Cancels `bill`, reversing its ledger entry when it was released, and closes its open holds
// with `hold_status`.
Result<void> withdraw(Session& session, const BillFacts& bill, const BillAction& action,
                      const char* hold_status, const std::string& at, const LocalDate& today) {
  if (bill.status == "released") {
    const std::string reference = std::to_string(*bill.number);
    auto entry = session.query_named("billing/bill_ledger_entry", {bill.account_id, reference});
    RP_TRY(entry);
    if (entry->empty()) return internal_error(bill_name(bill) + " has no ledger entry to reverse");
    accounts::NewLedgerEntry reversal{bill.account_id,
                                      accounts::LedgerEntryKind::reversal,
                                      -Money::from_cents(entry->at(0).integer("amount_cents")),
                                      format_local_date(today),
                                      reference,
                                      "Reverses bill " + reference + ": " + action.note,
                                      entry->at(0).integer("id")};
    RP_TRY(accounts::post_ledger_entry(session, reversal));
    // A late fee charged on the bill goes with it: the customer was late on a bill that is gone.
    auto fee = session.query_named("billing/unreversed_late_fee_of_bill", {bill.id});
    RP_TRY(fee);
    if (!fee->empty()) {
      accounts::NewLedgerEntry fee_reversal{
          bill.account_id,
          accounts::LedgerEntryKind::reversal,
          -Money::from_cents(fee->at(0).integer("amount_cents")),
          format_local_date(today),
          reference,
          "Reverses the late fee on bill " + reference + ", cancelled: " + action.note,
          fee->at(0).integer("id")};
      RP_TRY(accounts::post_ledger_entry(session, fee_reversal));
    }
  }
  auto cancelled = session.execute_named("billing/cancel_bill", {at, action.note, bill.id});
  RP_TRY(cancelled);
  if (*cancelled != 1) return conflict(bill_name(bill) + " changed meanwhile; try again");
  RP_TRY(session.execute_named("billing/deactivate_sections", {bill.id}));
  RP_TRY(resolve_holds(session, bill, action, hold_status, at));
  accounts::NewAccountEvent event{
      bill.account_id, "bill.cancelled", action.actor,
      "The " + bill_name(bill) + " for " + period_of(bill) + " was cancelled: " + action.note,
      details_json(bill, action)};
  RP_TRY(accounts::record_event(session, event));
  return success();
}

Result<BillActionOutcome> outcome_of(Session& session, std::int64_t bill_id,
                                     std::optional<std::int64_t> new_bill_id) {
  auto bill = read_bill(session, bill_id);
  RP_TRY(bill);
  BillActionOutcome outcome;
  outcome.bill_id = bill->id;
  outcome.status = bill->status;
  outcome.number = bill->number;
  if (new_bill_id) {
    auto replacement = read_bill(session, *new_bill_id);
    RP_TRY(replacement);
    outcome.new_bill_id = replacement->id;
    outcome.new_status = replacement->status;
    outcome.new_number = replacement->number;
  }
  return outcome;
}

// The billing settings and the utility's today, read before an action's transaction.
struct Today {
  BillingSettings settings;
  LocalDate date;
};

Result<Today> utility_today(store::Database& database) {
  auto settings = load_billing_settings(database);
  RP_TRY(settings);
  const LocalDate date = settings->zone.local_date(now());
  return Today{std::move(*settings), date};
}

}  // namespace

Result<BillActionOutcome> approve_held_bill(store::Database& database, const BillAction& action) {
  auto today = utility_today(database);
  RP_TRY(today);
  return database.write<BillActionOutcome>([&](Session& session) -> Result<BillActionOutcome> {
    auto bill = read_bill(session, action.bill_id);
    RP_TRY(bill);
    RP_TRY(require_status(*bill, "approved", {"held"}));
    RP_TRY(require_not_overtaken(*bill, today->settings.calendar, today->date));
    auto drafted_on = parse_local_date(bill->bill_date, "bill_date");
    RP_TRY(drafted_on);
    const bool late = date::sys_days(today->date) > date::sys_days(*drafted_on);
    const std::string bill_date = late ? format_local_date(today->date) : bill->bill_date;
    const std::string due_date =
        late ? format_local_date(due_date_of(today->settings, today->date)) : bill->due_date;
    auto taken = session.query_named("billing/take_bill_numbers", {std::int64_t{1}});
    RP_TRY(taken);
    if (taken->empty()) return internal_error("the bill_number sequence is missing");
    const std::int64_t number = taken->at(0).integer("next_value") - 1;
    auto balance = accounts::account_balance(session, bill->account_id);
    RP_TRY(balance);
    const std::string at = format_instant(now());
    RP_TRY(session.execute_named("billing/release_bill",
                                 {number, bill_date, due_date, balance->cents(), at, bill->id}));
    const std::string reference = std::to_string(number);
    accounts::NewLedgerEntry entry{bill->account_id, accounts::LedgerEntryKind::bill,
                                   bill->charges,    bill_date,
                                   reference,        "Bill " + reference + ", " + period_of(*bill)};
    RP_TRY(accounts::post_ledger_entry(session, entry));
    RP_TRY(resolve_holds(session, *bill, action, "approved", at));
    bill->number = number;
    accounts::NewAccountEvent event{
        bill->account_id, "bill.ready", action.actor,
        "Bill " + reference + " for $" + bill->charges.to_string() + " is ready, due " + due_date,
        details_json(*bill, action)};
    RP_TRY(accounts::record_event(session, event));
    return outcome_of(session, bill->id, std::nullopt);
  });
}

Result<BillActionOutcome> recalculate_bill(store::Database& database, const BillAction& action) {
  RP_TRY(require_note(action, "recalculated"));
  auto today = utility_today(database);
  RP_TRY(today);
  auto run_id = database.read<std::int64_t>([&](Session& session) -> Result<std::int64_t> {
    auto bill = read_bill(session, action.bill_id);
    RP_TRY(bill);
    RP_TRY(require_status(*bill, "recalculated", {"held", "released"}));
    if (bill->run_id == 0) return conflict(bill_name(*bill) + " was not made by a bill run");
    return bill->run_id;
  });
  RP_TRY(run_id);
  auto run = load_run_context(database, *run_id, action.actor);
  RP_TRY(run);
  // The corrected bill gets fresh terms: dated today and due the utility's days from today, so it
  // is not past due (and drawing a late fee) the moment it is sent.
  if (today->date > run->bill_date) {
    run->bill_date = today->date;
    run->due_date = due_date_of(today->settings, today->date);
  }
  return database.write<BillActionOutcome>([&](Session& session) -> Result<BillActionOutcome> {
    auto bill = read_bill(session, action.bill_id);
    RP_TRY(bill);
    RP_TRY(require_status(*bill, "recalculated", {"held", "released"}));
    // A held bill was never sent, so nothing later was built on its charges: it is drafted
    // again for its own period even when later bills follow it (see require_continuous).
    std::size_t later_sections = 0;
    if (bill->status == "released") {
      RP_TRY(require_latest(session, *bill));
    } else {
      auto later = session.query_named("billing/later_section_start_reads", {bill->id});
      RP_TRY(later);
      later_sections = later->size();
    }
    const std::string at = format_instant(now());
    RP_TRY(withdraw(session, *bill, action, "recalculated", at, today->date));
    auto replacement = redraft_account(session, *run, bill->account_id, bill->id, at);
    RP_TRY(replacement);
    if (later_sections > 0) {
      RP_TRY(require_continuous(session, *bill, run->run_id, later_sections, *replacement));
    }
    return outcome_of(session, bill->id, *replacement);
  });
}

Result<BillActionOutcome> cancel_bill(store::Database& database, const BillAction& action) {
  RP_TRY(require_note(action, "cancelled"));
  auto today = utility_today(database);
  RP_TRY(today);
  return database.write<BillActionOutcome>([&](Session& session) -> Result<BillActionOutcome> {
    auto bill = read_bill(session, action.bill_id);
    RP_TRY(bill);
    RP_TRY(require_status(*bill, "cancelled", {"held", "released"}));
    RP_TRY(require_latest(session, *bill));
    RP_TRY(withdraw(session, *bill, action, "cancelled", format_instant(now()), today->date));
    return outcome_of(session, bill->id, std::nullopt);
  });
}

}  // namespace rp::billing
