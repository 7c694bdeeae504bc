#pragma once
// Bills and payments for the synthetic utility (generate.h): once its meters have usage, every
// bill cycle is billed month by month through the real bill runs (billing/bill_run.h), and the
// customers pay as customers do, so the demo's ledgers, balances and bill histories look like a
// working utility's.
//
// Guarantees:
//  * The bills are what `ratepayer bill-run` would write: the same code, the same checks and holds.
//    Runs go in read-date order: each month of the usage window after its first, each cycle whose
//    read date is before as_of.
//  * Payments are decided per bill from a splitmix64 hash of (seed, bill id): 85% pay the amount
//    due 3-20 days after the bill date, 8% pay it 22-27 days after (after the due date), 4% pay
//    half 10 days after, 3% do not pay. A payment dated on or after as_of is not made. Each is a
//    real payment record, as its channel writes it: a posted payment with a confirmation number
//    (the payments' own sequence), its ledger entry and its payment.received event, dated
//    mid-day on the day paid. The channel comes from a second draw: the web by card 40%, autopay
//    20% (card or bank), a mailed check through the lockbox 20%, by phone 8%, at the cashier 12%
//    (cash or check); cards and bank accounts keep the account's own last four.
//  * Everything is dated when it would have happened, not when generate ran (core/time.h
//    HistoryClock): a run's bills, entries and events on its read date (06:00 local), a late-fee
//    pass's on its day (02:00 local), a payment when it was paid.
//  * Late fees: the late-fee job (ledger/late_fee_job.h) runs at the start of each month of the
//    window and on as_of, as the server's daily scheduler would have, so fees are dated when
//    they would have been charged (on bills still unpaid 5 days after their due date).
//  * Appends: a run already done is resumed (nothing written twice), and a bill the generator
//    paid (its payment's key is system:generate:<bill id>) is not paid again.

#include <cstddef>
#include <cstdint>

#include "core/result.h"
#include "store/database.h"

namespace rp::app {

struct GenerateOptions;  // generate.h

struct BillingReport {
  std::size_t runs = 0;
  std::int64_t released = 0;
  std::int64_t held = 0;
  std::int64_t problems = 0;  // accounts a run could not bill, summed over the runs
  std::int64_t charges_cents = 0;
  std::size_t payments = 0;
  std::int64_t payments_cents = 0;  // positive: what customers paid
  std::int64_t late_fees = 0;       // late fees charged
  std::int64_t late_fee_cents = 0;
};

// Requires a migrated database whose meters have usage_months of usage (generate_usage).
Result<BillingReport> generate_bills(store::Database& database, const GenerateOptions& options);

}  // namespace rp::app
