#pragma once
// "Your bill is due in a few days" reminders, found once a day by the daily jobs: each released
// bill due `due_reminder_days` (utility setting, 1-14, default 3) after `today`, on an account
// that still owes something and is not enrolled in autopay (autopay's own notice says when it
// will pay), gets one "bill.due_soon" account event, recorded by "system:due-reminders". The
// notices pipeline (notices.h) turns the event into the notice (kind bill.due_soon, with the
// bill's amount and due date). Once per bill: due_reminders has the bill as its key, so a second
// run, or a second server, records nothing again.

#include "core/result.h"
#include "core/time.h"
#include "store/database.h"

namespace rp::notify {

struct DueReminders {
  int recorded = 0;
};

// Errors: the database's, or a bad 'due_reminder_days' setting (nothing is then recorded).
Result<DueReminders> record_due_reminders(store::Database& database, LocalDate today);

}  // namespace rp::notify
