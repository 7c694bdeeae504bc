#include "notify/due_reminders.h"

#include "accounts/account_events.h"
#include "core/json_writer.h"
#include "store/utility_settings.h"

namespace rp::notify {

namespace {
constexpr std::int64_t kDefaultDays = 3;
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
      RP_TRY(accounts::record_event(
          session,
          {bill.integer("account_id"), "bill.due_soon", "system:due-reminders",
           "Reminder: bill " + std::to_string(bill.integer("number")) + " is due " + due_date,
           details.take()}));
      ++reminders.recorded;
    }
    return reminders;
  });
}

}  // namespace rp::notify
