#include "ledger/late_fee_job.h"

#include <algorithm>

#include "accounts/account_events.h"
#include "accounts/ledger.h"
#include "core/json_writer.h"
#include "store/utility_settings.h"

namespace rp::ledger {
namespace {

using store::Session;

struct Candidate {
  std::int64_t bill_id = 0;
  std::int64_t account_id = 0;
  std::int64_t number = 0;
  LocalDate due_on;
  Money charges;
  std::int64_t entry_id = 0;
  std::optional<std::string> exemption;
  Money asked;     // what the bill asked for: its charges, or a budget bill's installment
  Money deferred;  // a budget bill's deferred balance after it (not owed yet)
  std::optional<LocalDate> closed_account_final_due = {};
};

Result<LateFeeRule> read_rule(Session& session) {
  LateFeeRule rule;
  // Each within its range (store/setting_rules.cc).
  for (const char* key : {"late_fee_grace_days", "late_fee_percent_bp", "late_fee_flat_cents",
                          "late_fee_maximum_cents", "late_fee_minimum_past_due_cents"}) {
    auto value = store::whole_number_setting(session, key);
    RP_TRY(value);
    if (!*value) continue;
    const std::string name = key;
    if (name == "late_fee_grace_days") rule.grace_days = static_cast<std::int32_t>(**value);
    if (name == "late_fee_percent_bp") rule.percent_bp = static_cast<std::int32_t>(**value);
    if (name == "late_fee_flat_cents") rule.flat = Money::from_cents(**value);
    if (name == "late_fee_maximum_cents") rule.maximum = Money::from_cents(**value);
    if (name == "late_fee_minimum_past_due_cents") {
      rule.minimum_past_due = Money::from_cents(**value);
    }
  }
  auto after_final = store::whole_number_setting(session, "late_fees_after_final_bill");
  RP_TRY(after_final);
  if (*after_final) rule.after_final_bill = **after_final == 1;
  return rule;
}

Result<std::vector<Candidate>> candidates(Session& session, LocalDate cutoff, std::int64_t after,
                                          std::size_t limit) {
  auto rows = session.query_named("ledger/late_fee_candidates", {format_local_date(cutoff), after,
                                                                 static_cast<std::int64_t>(limit)});
  RP_TRY(rows);
  std::vector<Candidate> found;
  for (const store::Row& row : *rows) {
    auto due = parse_local_date(row.text("due_date"), "due_date");
    RP_TRY(due);
    Candidate candidate{row.integer("bill_id"),
                        row.integer("account_id"),
                        row.integer("number"),
                        *due,
                        Money::from_cents(row.integer("charges_cents")),
                        row.integer("entry_id"),
                        std::nullopt,
                        Money(),
                        Money()};
    if (!row.is_null("late_fee_exemption")) candidate.exemption = row.text("late_fee_exemption");
    candidate.asked = row.is_null("budget_asked_cents")
                          ? candidate.charges
                          : Money::from_cents(row.integer("budget_asked_cents"));
    candidate.deferred = Money::from_cents(row.integer("deferred_cents"));
    if (row.text("account_status") == "closed") {
      const char* last = !row.is_null("final_due_date") ? "final_due_date"
                         : !row.is_null("closed_on")    ? "closed_on"
                                                        : nullptr;
      if (last != nullptr) {
        auto final_due = parse_local_date(row.text(last), last);
        RP_TRY(final_due);
        candidate.closed_account_final_due = *final_due;
      }
    }
    found.push_back(std::move(candidate));
  }
  return found;
}

// What is still owed on the bill at the end of its grace period (oldest charges paid first); on
// budget billing, of what the bill asked for, not counting the deferred balance.
Result<Money> unpaid_on(Session& session, const Candidate& bill, LocalDate grace_end) {
  const std::string day = format_local_date(grace_end);
  auto balance = session.query_named("ledger/balance_on", {bill.account_id, day});
  RP_TRY(balance);
  auto newer =
      session.query_named("ledger/charges_after_entry", {bill.account_id, bill.entry_id, day});
  RP_TRY(newer);
  const std::int64_t owed = balance->at(0).integer("balance_cents") - bill.deferred.cents() -
                            newer->at(0).integer("later_charges_cents");
  return Money::from_cents(
      std::clamp<std::int64_t>(owed, 0, std::max<std::int64_t>(bill.asked.cents(), 0)));
}

std::string details(const Candidate& bill, Money unpaid, Money fee, const std::string& reason) {
  JsonWriter json;
  json.begin_object().key("bill_id").number(bill.bill_id).key("bill_number").number(bill.number);
  json.key("due_date").string(format_local_date(bill.due_on));
  json.key("unpaid").string(unpaid.to_string()).key("fee").string(fee.to_string());
  json.key("reason").string(reason).end_object();
  return json.take();
}

// Answers one bill inside the caller's transaction; returns the fee charged (zero when none).
Result<Money> answer(Session& session, const LateFeeRule& rule, const Candidate& bill,
                     LocalDate today, const std::string& actor, const std::string& at) {
  const LocalDate grace_end(date::sys_days(bill.due_on) + date::days(rule.grace_days));
  auto unpaid = unpaid_on(session, bill, grace_end);
  RP_TRY(unpaid);
  LateFeeFacts facts{bill.due_on,
                     *unpaid,
                     bill.exemption.has_value(),
                     bill.exemption.value_or(""),
                     today,
                     bill.closed_account_final_due};
  const LateFeeDecision decision = late_fee(rule, facts);
  store::Value entry = store::Null{};
  const std::string reference = std::to_string(bill.number);
  if (decision.fee) {
    accounts::NewLedgerEntry fee{
        bill.account_id, accounts::LedgerEntryKind::late_fee,
        *decision.fee,   format_local_date(today),
        reference,       "Late fee on bill " + reference + ": " + decision.reason};
    auto posted = accounts::post_ledger_entry(session, fee);
    RP_TRY(posted);
    entry = *posted;
    accounts::NewAccountEvent event{
        bill.account_id, "late_fee.charged", actor,
        "A late fee of $" + decision.fee->to_string() + " was added for bill " + reference,
        details(bill, *unpaid, *decision.fee, decision.reason)};
    RP_TRY(accounts::record_event(session, event));
  }
  const Money fee = decision.fee.value_or(Money());
  RP_TRY(session.execute_named("ledger/insert_late_fee",
                               {bill.bill_id, bill.account_id, format_local_date(today),
                                unpaid->cents(), fee.cents(), decision.reason, entry, at}));
  return fee;
}

}  // namespace

Result<LateFeeRule> load_late_fee_rule(store::Database& database) {
  return database.read<LateFeeRule>([](Session& session) { return read_rule(session); });
}

Result<LateFeeReport> assess_late_fees(store::Database& database,
                                       const LateFeeRunRequest& request) {
  if (request.chunk_bills == 0) return invalid_input("chunk_bills", "a chunk needs bills");
  auto rule = load_late_fee_rule(database);
  RP_TRY(rule);
  LateFeeReport report;
  auto zone =
      database.read<UtilityZone>([](Session& session) { return store::utility_zone(session); });
  RP_TRY(zone);
  const LocalDate utility_today = zone->local_date(now());
  report.today = request.today.value_or(utility_today);
  if (report.today > utility_today) {
    // A fee is charged for a day that has happened: a later date would charge bills not yet late.
    return invalid_input("date", "the date " + format_local_date(report.today) +
                                     " is after today (" + format_local_date(utility_today) +
                                     "): late fees are charged only for days that have passed");
  }
  // Due before this day: the grace period ended before today.
  const LocalDate cutoff(date::sys_days(report.today) - date::days(rule->grace_days));
  std::int64_t after = 0;
  while (true) {
    auto chunk = database.write<std::int64_t>([&](Session& session) -> Result<std::int64_t> {
      auto bills = candidates(session, cutoff, after, request.chunk_bills);
      RP_TRY(bills);
      const std::string at = format_instant(now());
      for (const Candidate& bill : *bills) {
        auto fee = answer(session, *rule, bill, report.today, request.actor, at);
        RP_TRY(fee);
        ++report.bills;
        if (!fee->is_zero()) {
          ++report.charged;
          report.fee_cents += fee->cents();
        }
        after = bill.bill_id;
      }
      return static_cast<std::int64_t>(bills->size());
    });
    RP_TRY(chunk);
    if (static_cast<std::size_t>(*chunk) < request.chunk_bills) break;
  }
  return report;
}

}  // namespace rp::ledger
