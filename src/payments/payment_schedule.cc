#include "payments/payment_schedule.h"

#include "accounts/account_events.h"
#include "accounts/account_service.h"
#include "accounts/ledger.h"
#include "core/idempotency_key.h"
#include "core/json_writer.h"
#include "payments/payment_channel.h"
#include "payments/payment_intake.h"
#include "payments/payment_state.h"
#include "payments/saved_methods.h"
#include "store/utility_settings.h"

namespace rp::payments {
namespace {

using store::Row;
using store::Session;

constexpr int kLongestScheduleDays = 365;

// The method must be the account's, and the actor's own when the actor is a portal login
// (saved_methods.h).
Result<void> require_saved_method(Session& session, const AccountNumber& account,
                                  std::int64_t method_id, const std::string& actor) {
  const std::string viewer = method_viewer(actor);
  auto rows = session.query_named("payments/saved_method_of_account",
                                  {account.digits(), method_id, viewer, viewer});
  RP_TRY(rows);
  if (rows->empty()) {
    return invalid_input("payment_method_id", "account " + account.formatted() +
                                                  " has no saved payment method " +
                                                  std::to_string(method_id))
        .coded("payment-method-not-found");
  }
  return success();
}

Result<void> notify(Session& session, std::int64_t account_id, const std::string& kind,
                    const std::string& summary, std::int64_t bill_number, Money amount,
                    const std::string& day) {
  JsonWriter details;
  details.begin_object().key("bill_number").number(bill_number);
  details.key("amount").string(amount.to_string()).key("day").string(day).end_object();
  RP_TRY(accounts::record_event(session, {account_id, kind, "autopay", summary, details.take()}));
  return success();
}

std::string shifted(const std::string& day, int days) {
  auto parsed = parse_local_date(day, "day");
  if (!parsed.ok()) return day;
  return format_local_date(LocalDate(date::sys_days(*parsed) + date::days(days)));
}

// Pays with the processor outside any transaction and returns the payment (or the refusal).
Result<PaymentView> pay(store::Database& database, PaymentProcessor& processor,
                        const std::string& account_number, Money amount, const std::string& token,
                        PaymentChannel channel, const std::string& key, const std::string& actor) {
  auto account = AccountNumber::parse(account_number);
  RP_TRY(account);
  return submit_payment(database, processor, {*account, amount, token, channel, key, actor});
}

Result<void> run_scheduled(store::Database& database, PaymentProcessor& processor,
                           const std::string& day, ScheduleReport& report) {
  auto due = database.read<store::Rows>([&](Session& session) {
    return session.query_named("payments/scheduled_payments_due", {day});
  });
  RP_TRY(due);
  for (const Row& row : *due) {
    const std::int64_t id = row.integer("id");
    const std::string key = system_idempotency_key("scheduled", std::to_string(id));
    std::string status = "failed";
    store::Value payment_id = store::Null{};
    store::Value reason = std::string("the payment method was removed");
    if (row.text("method_removed_at").empty()) {
      auto paid = pay(database, processor, row.text("number"),
                      Money::from_cents(row.integer("amount_cents")), row.text("token"),
                      PaymentChannel::web, key, "scheduled");
      if (paid.ok()) {
        // Settled by the reconciliation, then by the next run.
        if (paid->status == PaymentStatus::pending) continue;
        status = paid->status == PaymentStatus::posted ? "paid" : "failed";
        payment_id = paid->id;
        reason = store::Null{};
      } else {
        reason = "the payment could not be made: " + paid.error().message;
        report.problems.push_back("scheduled payment " + std::to_string(id) + " (account " +
                                  row.text("number") + "): " + paid.error().message);
      }
    }
    auto finished = database.write_work([&](Session& session) -> Result<void> {
      RP_TRY(session.execute_named("payments/finish_scheduled_payment",
                                   {status, payment_id, reason, id}));
      return success();
    });
    if (!finished.ok()) {
      report.problems.push_back("scheduled payment " + std::to_string(id) + " (account " +
                                row.text("number") +
                                "): not recorded: " + finished.error().message);
      continue;
    }
    ++(status == "paid" ? report.scheduled_paid : report.scheduled_failed);
  }
  return success();
}

Result<void> notice_autopay_bills(store::Database& database, const std::string& day,
                                  ScheduleReport& report) {
  return database.write_work([&](Session& session) -> Result<void> {
    auto bills = session.query_named("payments/autopay_bills_to_notice");
    RP_TRY(bills);
    const std::string at = format_instant(now());
    for (const Row& row : *bills) {
      std::string charge_on =
          shifted(row.text("due_date"), -static_cast<int>(row.integer("days_before_due")));
      if (charge_on < day) charge_on = day;
      const Money amount = Money::from_cents(row.integer("amount_due_cents"));
      RP_TRY(session.execute_named(
          "payments/insert_autopay_bill",
          {row.integer("bill_id"), row.integer("enrolment_id"), charge_on, amount.cents(), at}));
      RP_TRY(notify(session, row.integer("account_id"), "autopay.scheduled",
                    "Autopay will pay bill " + std::to_string(row.integer("number")) + " ($" +
                        amount.to_string() + ") on " + charge_on,
                    row.integer("number"), amount, charge_on));
      ++report.autopay_noticed;
    }
    return success();
  });
}

Result<void> charge_autopay_bills(store::Database& database, PaymentProcessor& processor,
                                  const std::string& day, ScheduleReport& report) {
  auto due = database.read<store::Rows>(
      [&](Session& session) { return session.query_named("payments/autopay_bills_due", {day}); });
  RP_TRY(due);
  for (const Row& row : *due) {
    const std::int64_t bill_id = row.integer("bill_id");
    const std::int64_t account_id = row.integer("account_id");
    const std::int64_t bill_number = row.integer("bill_number");
    const std::string key = system_idempotency_key("autopay", std::to_string(bill_id));
    // What is still owed on the bill: its amount due, or the balance when a payment came since.
    // A charge made before a crash (its key is taken) is replayed with its own amount.
    struct Plan {
      bool replay = false;
      Money amount;
    };
    auto plan = database.read<Plan>([&](Session& session) -> Result<Plan> {
      auto earlier = session.query_named("payments/payment_by_key_amount", {key});
      RP_TRY(earlier);
      if (!earlier->empty())
        return Plan{true, Money::from_cents(earlier->at(0).integer("amount_cents"))};
      auto balance = accounts::account_balance(session, account_id);
      RP_TRY(balance);
      return Plan{false, std::min(Money::from_cents(row.integer("amount_due_cents")), *balance)};
    });
    if (!plan.ok()) {
      report.problems.push_back("autopay of bill " + std::to_string(bill_number) + " (account " +
                                row.text("account_number") + "): " + plan.error().message);
      continue;
    }
    Money amount = plan->amount;
    std::string status;
    std::string reason;
    store::Value payment_id = store::Null{};
    if (!row.text("method_removed_at").empty() && !plan->replay) {
      status = "failed";
      reason = "the autopay payment method was removed";
    } else if (amount.cents() <= 0) {
      status = "skipped";
      reason = "nothing is owed";
      amount = Money();
    } else {
      auto paid = pay(database, processor, row.text("account_number"), amount, row.text("token"),
                      PaymentChannel::autopay, key, "autopay");
      if (paid.ok()) {
        // Settled by the reconciliation, then by the next run.
        if (paid->status == PaymentStatus::pending) continue;
        status = paid->status == PaymentStatus::posted ? "paid" : "failed";
        reason = paid->failure_reason;
        payment_id = paid->id;
      } else {
        status = "failed";
        reason = "the payment could not be made: " + paid.error().message;
        report.problems.push_back("autopay of bill " + std::to_string(bill_number) + " (account " +
                                  row.text("account_number") + "): " + paid.error().message);
      }
    }
    auto finished = database.write_work([&](Session& session) -> Result<void> {
      auto changed = session.execute_named(
          "payments/finish_autopay_bill",
          {status, amount.cents(), payment_id, reason, format_instant(now()), bill_id});
      RP_TRY(changed);
      if (*changed != 1) return success();
      std::string summary = "Autopay ";
      if (status == "paid")
        summary += "paid bill " + std::to_string(bill_number) + ": $" + amount.to_string();
      if (status == "skipped")
        summary += "skipped bill " + std::to_string(bill_number) + ": nothing is owed";
      if (status == "failed")
        summary += "could not pay bill " + std::to_string(bill_number) + ": " + reason;
      return notify(session, account_id, "autopay." + status, summary, bill_number, amount, day);
    });
    if (!finished.ok()) {
      report.problems.push_back("autopay of bill " + std::to_string(bill_number) + " (account " +
                                row.text("account_number") +
                                "): not recorded: " + finished.error().message);
      continue;
    }
    if (status == "paid") ++report.autopay_paid;
    if (status == "skipped") ++report.autopay_skipped;
    if (status == "failed") ++report.autopay_failed;
  }
  return success();
}

ScheduledPayment scheduled_of(const Row& row) {
  ScheduledPayment scheduled;
  scheduled.id = row.integer("id");
  scheduled.amount = Money::from_cents(row.integer("amount_cents"));
  scheduled.pay_on = row.text("pay_on");
  scheduled.payment_method_id = row.integer("payment_method_id");
  scheduled.status = row.text("status");
  scheduled.confirmation = row.text("confirmation");
  scheduled.failure_reason = row.text("failure_reason");
  return scheduled;
}

}  // namespace

Result<ScheduledPayment> schedule_payment(store::Database& database, const AccountNumber& account,
                                          Money amount, LocalDate pay_on,
                                          std::int64_t payment_method_id,
                                          const std::string& actor) {
  if (amount.cents() <= 0 || amount.cents() > kLargestPaymentCents) {
    return invalid_input("amount", "amount must be more than $0.00 and at most $1,000,000.00")
        .coded("amount-out-of-range");
  }
  return database.write<ScheduledPayment>([&](Session& session) -> Result<ScheduledPayment> {
    auto account_id = accounts::find_account_key(session, account);
    RP_TRY(account_id);
    auto zone = store::utility_zone(session);
    RP_TRY(zone);
    const date::sys_days today = date::sys_days(zone->local_date(now()));
    if (date::sys_days(pay_on) <= today ||
        date::sys_days(pay_on) > today + date::days(kLongestScheduleDays)) {
      return invalid_input("pay_on",
                           "a scheduled payment is for a day after today and at most "
                           "365 days ahead")
          .coded("schedule-date-out-of-range");
    }
    RP_TRY(require_saved_method(session, account, payment_method_id, actor));
    auto inserted = session.query_named("payments/insert_scheduled_payment",
                                        {account_id->id, amount.cents(), format_local_date(pay_on),
                                         payment_method_id, format_instant(now()), actor});
    RP_TRY(inserted);
    ScheduledPayment scheduled;
    scheduled.id = inserted->at(0).integer("id");
    scheduled.amount = amount;
    scheduled.pay_on = format_local_date(pay_on);
    scheduled.payment_method_id = payment_method_id;
    scheduled.status = "scheduled";
    return scheduled;
  });
}

Result<void> cancel_scheduled_payment(store::Database& database, const AccountNumber& account,
                                      std::int64_t id) {
  return database.write_work([&](Session& session) -> Result<void> {
    auto changed = session.execute_named("payments/cancel_scheduled_payment",
                                         {format_instant(now()), id, account.digits()});
    RP_TRY(changed);
    if (*changed == 1) return success();
    auto rows = session.query_named("payments/scheduled_payments_of_account", {account.digits()});
    RP_TRY(rows);
    for (const Row& row : *rows) {
      if (row.integer("id") == id) {
        return conflict("scheduled payment " + std::to_string(id) + " is " + row.text("status"))
            .coded("scheduled-payment-done");
      }
    }
    return not_found("account " + account.formatted() + " has no scheduled payment " +
                     std::to_string(id))
        .coded("scheduled-payment-not-found");
  });
}

Result<std::vector<ScheduledPayment>> scheduled_payments(store::Database& database,
                                                         const AccountNumber& account) {
  return database.read<std::vector<ScheduledPayment>>(
      [&](Session& session) -> Result<std::vector<ScheduledPayment>> {
        auto rows =
            session.query_named("payments/scheduled_payments_of_account", {account.digits()});
        RP_TRY(rows);
        std::vector<ScheduledPayment> list;
        for (const Row& row : *rows) list.push_back(scheduled_of(row));
        return list;
      });
}

Result<AutopayEnrolment> enrol_autopay(store::Database& database, const AccountNumber& account,
                                       std::int64_t payment_method_id, std::int64_t days_before_due,
                                       const std::string& actor,
                                       const std::optional<accounts::CustomerConsent>& consent) {
  if (days_before_due < 0 || days_before_due > 20) {
    return invalid_input("days_before_due", "autopay pays 0 to 20 days before the due date");
  }
  RP_TRY(accounts::require_consent(actor, consent));
  return database.write<AutopayEnrolment>([&](Session& session) -> Result<AutopayEnrolment> {
    auto account_id = accounts::find_account_key(session, account);
    RP_TRY(account_id);
    RP_TRY(require_saved_method(session, account, payment_method_id, actor));
    const std::string at = format_instant(now());
    RP_TRY(session.execute_named("payments/cancel_autopay", {at, account.digits()}));
    auto inserted = session.query_named(
        "payments/insert_autopay", {account_id->id, payment_method_id, days_before_due, at, actor});
    RP_TRY(inserted);
    JsonWriter details;
    details.begin_object().key("payment_method_id").number(payment_method_id);
    details.key("days_before_due").number(days_before_due);
    accounts::write_consent(details, consent);
    details.end_object();
    RP_TRY(accounts::record_event(session,
                                  {account_id->id, "autopay.enrolled", actor,
                                   "Autopay pays each bill " + std::to_string(days_before_due) +
                                       " days before it is due" + accounts::consent_words(consent),
                                   details.take()}));
    return AutopayEnrolment{inserted->at(0).integer("id"), payment_method_id, days_before_due, at};
  });
}

Result<std::optional<AutopayEnrolment>> autopay_enrolment(store::Database& database,
                                                          const AccountNumber& account) {
  return database.read<std::optional<AutopayEnrolment>>(
      [&](Session& session) -> Result<std::optional<AutopayEnrolment>> {
        RP_TRY(accounts::find_account_key(session, account));
        auto rows = session.query_named("payments/active_autopay", {account.digits()});
        RP_TRY(rows);
        if (rows->empty()) return std::optional<AutopayEnrolment>{};
        const Row& row = rows->at(0);
        return std::optional<AutopayEnrolment>{
            AutopayEnrolment{row.integer("id"), row.integer("payment_method_id"),
                             row.integer("days_before_due"), row.text("enrolled_at")}};
      });
}

Result<void> cancel_autopay(store::Database& database, const AccountNumber& account,
                            const std::string& actor,
                            const std::optional<accounts::CustomerConsent>& consent) {
  RP_TRY(accounts::require_consent(actor, consent));
  return database.write_work([&](Session& session) -> Result<void> {
    auto account_id = accounts::find_account_key(session, account);
    RP_TRY(account_id);
    auto changed =
        session.execute_named("payments/cancel_autopay", {format_instant(now()), account.digits()});
    RP_TRY(changed);
    if (*changed == 0) {
      return not_found("account " + account.formatted() + " has no autopay")
          .coded("autopay-not-on");
    }
    JsonWriter details;
    details.begin_object();
    accounts::write_consent(details, consent);
    details.end_object();
    RP_TRY(accounts::record_event(
        session, {account_id->id, "autopay.cancelled", actor,
                  "Autopay was cancelled" + accounts::consent_words(consent), details.take()}));
    return success();
  });
}

Result<ScheduleReport> run_payment_schedule(store::Database& database, PaymentProcessor& processor,
                                            LocalDate today) {
  const std::string day = format_local_date(today);
  ScheduleReport report;
  RP_TRY(run_scheduled(database, processor, day, report));
  RP_TRY(notice_autopay_bills(database, day, report));
  RP_TRY(charge_autopay_bills(database, processor, day, report));
  return report;
}

}  // namespace rp::payments
