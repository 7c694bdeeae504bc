#pragma once
// "Your bill is due in a few days" reminders, found once a day by the daily jobs: each released
// bill due `due_reminder_days` (utility setting, 1-14, default 3) after `today`, on an account
// that still owes something and is not enrolled in autopay (autopay's own notice says when it
// will pay), gets one "bill.due_soon" account event, recorded by "system:due-reminders". The
// notices pipeline (notices.h) turns the event into the notice (kind bill.due_soon, with the
// bill's amount and due date). Once per bill: due_reminders has the bill as its key, so a second
// run, or a second server, records nothing again.
//
// Payment arrangements: a bill carrying an arrangement's installment is reminded of as
// "arrangement.installment_due" instead (missing it ends the arrangement). An arrangement whose
// down payment is not made kDownPaymentWarningDays days before its due date (or less) gets one
// "arrangement.at_risk" event (arrangement_warnings keys it), with what was paid and what is still
// owed.

#include "core/result.h"
#include "core/time.h"
#include "store/database.h"

namespace rp::notify {

inline constexpr int kDownPaymentWarningDays = 2;

struct DueReminders {
  int recorded = 0;      // bill.due_soon
  int installments = 0;  // arrangement.installment_due
  int at_risk = 0;       // arrangement.at_risk
};

// Errors: the database's, or a bad 'due_reminder_days' setting (nothing is then recorded).
Result<DueReminders> record_due_reminders(store::Database& database, LocalDate today);

}  // namespace rp::notify
