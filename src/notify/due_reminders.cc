#include "notify/due_reminders.h"

#include "accounts/account_events.h"
#include "core/json_writer.h"
#include "core/money.h"
#include "store/utility_settings.h"

namespace rp::notify {

namespace {

constexpr std::int64_t kDefaultDays = 3;

// Arrangements whose down payment is not made, due within kDownPaymentWarningDays: one
// "arrangement.at_risk" event each, once.
Result<void> warn_of_down_payments(store::Session& session, LocalDate today,
                                   DueReminders& reminders) {
  const std::string on = format_local_date(today);
  const std::string last_day =
      format_local_date(LocalDate(date::sys_days(today) + date::days(kDownPaymentWarningDays)));
  auto arrangements = session.query_named("notify/down_payments_at_risk", {on, on, last_day});
  RP_TRY(arrangements);
  for (const store::Row& arrangement : *arrangements) {
    const Money down = Money::from_cents(arrangement.integer("down_payment_cents"));
    const Money paid = Money::from_cents(arrangement.integer("paid_cents"));
    if (paid >= down) continue;  // the review marks it kept after its due date
    auto recorded =
        session.execute_named("notify/record_arrangement_warning",
                              {arrangement.integer("id"), std::string("down_payment"), on});
    RP_TRY(recorded);
    if (*recorded == 0) continue;
    const std::string due_on = arrangement.text("down_payment_due_on");
    JsonWriter details;
    details.begin_object().key("arrangement_id").number(arrangement.integer("id"));
    details.key("paid")
        .string(paid.to_string())
        .key("still_owed")
        .string((down - paid).to_string());
    details.key("due_on").string(due_on).end_object();
    RP_TRY(accounts::record_event(
        session, {arrangement.integer("account_id"), "arrangement.at_risk", "system:due-reminders",
                  "Reminder: $" + (down - paid).to_string() +
                      " of the arrangement's down payment is still owed by " + due_on,
                  details.take()}));
    ++reminders.at_risk;
  }
  return success();
}

}  // namespace

Result<DueReminders> record_due_reminders(store::Database& database, LocalDate today) {
  return database.write<DueReminders>([&](store::Session& session) -> Result<DueReminders> {
    auto days = store::whole_number_setting(session, "due_reminder_days");
    RP_TRY(days);
    const LocalDate due(date::sys_days(today) + date::days(days->value_or(kDefaultDays)));
    const std::string due_date = format_local_date(due);
    auto bills = session.query_named("notify/due_soon_bills", {due_date});
    RP_TRY(bills);
    DueReminders reminders;
    const std::string on = format_local_date(today);
    for (const store::Row& bill : *bills) {
      auto recorded =
          session.execute_named("notify/record_due_reminder", {bill.integer("bill_id"), on});
      RP_TRY(recorded);
      if (*recorded == 0) continue;
      JsonWriter details;
      details.begin_object().key("number").number(bill.integer("number"));
      details.key("due_date").string(due_date).end_object();
      const bool installment = !bill.is_null("arrangement_id");
      RP_TRY(accounts::record_event(
          session,
          {bill.integer("account_id"),
           installment ? "arrangement.installment_due" : "bill.due_soon", "system:due-reminders",
           std::string(installment ? "Reminder: the arrangement installment on bill "
                                   : "Reminder: bill ") +
               std::to_string(bill.integer("number")) + " is due " + due_date,
           details.take()}));
      ++(installment ? reminders.installments : reminders.recorded);
    }
    RP_TRY(warn_of_down_payments(session, today, reminders));
    return reminders;
  });
}

}  // namespace rp::notify
