#pragma once
// Payments that run by themselves, once a day from the server's scheduler (app/scheduled_jobs.h):
//
// * Scheduled payments: a customer asks for a payment of an amount on a later day from a saved
//   method. On that day it is paid like any other (payment_intake.h, channel web), under the key
//   the system key "system:scheduled:<id>" (core/idempotency_key.h: no client can send it), so a
//   run repeated after a crash pays it once.
// * Autopay: an account enrolled with a saved method and N days (0-20) has every bill released
//   after it enrolled paid N days before the due date (or on the day it is seen, when that is
//   later). When the bill is first seen, autopay records the charge day and tells the customer
//   ("autopay.scheduled": the amount and the day). On the charge day it pays what is still owed
//   on the bill: the bill's amount due, or the account's balance when that is less (a payment
//   made meanwhile counts); nothing owed is "skipped". After, it tells the customer
//   ("autopay.paid", "autopay.skipped", "autopay.failed" with the reason). Each bill is charged at
//   most once: the key is "system:autopay:<bill id>" and the answer is kept per bill.
// One item's failure is that item's alone: a payment the service refuses or cannot record is
// marked failed with the reason (and reported in ScheduleReport::problems); the rest go on.
// A removed payment method fails what it was to pay, with that reason. Account events carry every
// notice; the notification outbox sends them.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "accounts/customer_consent.h"
#include "core/account_number.h"
#include "core/money.h"
#include "core/result.h"
#include "core/time.h"
#include "payments/processor.h"
#include "store/database.h"

namespace rp::payments {

struct ScheduledPayment {
  std::int64_t id = 0;
  Money amount;
  std::string pay_on;
  std::int64_t payment_method_id = 0;
  std::string status;          // scheduled | paid | failed | cancelled
  std::string confirmation;    // paid or failed: the payment, when one was made
  std::string failure_reason;  // failed: why
};

// Errors (nothing written): invalid_input naming "amount" (more than $0.00, at most
// kLargestPaymentCents), "pay_on" (after today, at most 365 days ahead) or "payment_method_id"
// (not a saved method of the account); not_found for an unknown account.
Result<ScheduledPayment> schedule_payment(store::Database& database, const AccountNumber& account,
                                          Money amount, LocalDate pay_on,
                                          std::int64_t payment_method_id, const std::string& actor);
// Errors: not_found (also another account's); conflict when it is no longer scheduled.
Result<void> cancel_scheduled_payment(store::Database& database, const AccountNumber& account,
                                      std::int64_t id);
Result<std::vector<ScheduledPayment>> scheduled_payments(store::Database& database,
                                                         const AccountNumber& account);

struct AutopayEnrolment {
  std::int64_t id = 0;
  std::int64_t payment_method_id = 0;
  std::int64_t days_before_due = 0;
  std::string enrolled_at;
};

// Enrols the account, or changes its method and days. Staff and keys act only with the
// customer's consent (accounts/customer_consent.h), recorded in the "autopay.enrolled" event.
// Errors: invalid_input naming "days_before_due" (0-20), "payment_method_id" or "consent...";
// not_found for an unknown account.
Result<AutopayEnrolment> enrol_autopay(store::Database& database, const AccountNumber& account,
                                       std::int64_t payment_method_id, std::int64_t days_before_due,
                                       const std::string& actor,
                                       const std::optional<accounts::CustomerConsent>& consent);
// The account's autopay, or none. Errors: not_found for an unknown account.
Result<std::optional<AutopayEnrolment>> autopay_enrolment(store::Database& database,
                                                          const AccountNumber& account);
// Errors: not_found when the account is not enrolled; invalid_input "consent..." as for
// enrolling. Bills already scheduled are not charged.
Result<void> cancel_autopay(store::Database& database, const AccountNumber& account,
                            const std::string& actor,
                            const std::optional<accounts::CustomerConsent>& consent);

struct ScheduleReport {
  std::int64_t scheduled_paid = 0;
  std::int64_t scheduled_failed = 0;
  std::int64_t autopay_noticed = 0;
  std::int64_t autopay_paid = 0;
  std::int64_t autopay_skipped = 0;
  std::int64_t autopay_failed = 0;
  // Items that failed for a reason other than the processor's answer (the service refused the
  // payment, the database failed), one line each naming the item: for the job's log.
  std::vector<std::string> problems;
};

// Everything due on or before `today` (the utility's local day). Running it again the same day
// pays nothing twice.
Result<ScheduleReport> run_payment_schedule(store::Database& database, PaymentProcessor& processor,
                                            LocalDate today);

}  // namespace rp::payments
