#pragma once
// Bills as people read them: an account's bill history, one bill with its sections and every line
// explained, and the bill hold queue. Read-only; each read is one snapshot.
//
// Customers see the bills that were sent to them: released ones, and cancelled ones that had been
// released (with the reason, and the bill that replaced them). A held bill was never sent and has
// no number; only staff see it (by id, and in the hold queue).

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/account_number.h"
#include "core/money.h"
#include "core/result.h"
#include "core/time.h"
#include "store/database.h"

namespace rp::billing {

struct BillSummary {
  std::int64_t id = 0;
  std::optional<std::int64_t> number;  // none while held
  std::string status;                  // held | released | cancelled
  std::string account_number;
  std::string period_start;  // the first day billed
  std::string period_end;    // the last day billed (inclusive)
  std::int32_t period_days = 0;
  std::string bill_date;
  std::string due_date;
  Money previous_balance;  // the account's balance when the bill was released
  Money charges;           // this bill's charges: the sum of its sections
  // What the bill asks the customer to pay: previous_balance + charges, less the deferred balance
  // of budget billing (ledger/budget_billing.h) and of a payment arrangement
  // (ledger/arrangements.h).
  Money amount_due;
  std::optional<Money> budget_asked;  // on budget billing: asked in place of the charges
  Money budget_deferred;              // the deferred balance after this bill (0 without budget)
  std::optional<Money> arrangement_installment;  // a payment arrangement's installment it asks for
  Money arrangement_deferred;  // the arranged balance not yet billed (0 without one)
  bool estimated = false;
  bool final_bill = false;
  std::optional<std::int64_t> replaces_bill_id;
  std::optional<std::int64_t> replaces_bill_number;  // the number the replaced bill was sent with
  std::optional<std::int64_t> run_id;
  std::optional<std::int32_t> cycle;  // the hold queue only: the cycle of the run that drafted it
  std::string cancel_reason;          // cancelled bills
};

struct BillLineView {
  std::string kind;  // energy | demand | fixed | minimum | rider | tax
  std::string description;
  std::string quantity;  // exact decimal text, as rated
  std::string unit;
  std::string rate;
  Money amount;
  std::string explanation;  // line_explanation.h
};

// One meter's part of a period its meter was exchanged in.
struct MeterLegView {
  std::string serial;
  std::string from;  // its first day in the period
  std::string to;    // its last day (the day it was taken out, else the period's last)
  std::optional<std::string> start_read;  // register meters; decimal text in the section's unit
  std::optional<std::string> end_read;
  std::string usage;
  bool estimated = false;
};

struct BillSectionView {
  std::int64_t agreement_id = 0;
  std::string commodity;
  std::string rate_plan_code;
  std::string rate_plan_name;  // "Residential time of use"; the code when the plan has no name
  std::string period_start;    // first day billed
  std::string period_end;      // last day billed (inclusive)
  std::string meter_serial;    // empty for sewer
  std::string unit;
  std::string usage;                      // decimal text in `unit`
  std::string peak_demand_kw;             // "0" without interval data
  std::optional<std::string> start_read;  // register meters
  std::optional<std::string> end_read;
  bool estimated = false;
  bool final_service = false;
  Money charges;
  std::vector<MeterLegView> meters;  // a meter exchanged in the period: each one's part
  std::vector<BillLineView> lines;
};

struct BillHoldView {
  std::int64_t id = 0;
  std::optional<std::int64_t> agreement_id;
  std::string reason;  // bill_checks.h hold reasons: high_bill, low_bill, zero_usage, ...
  std::string evidence;
  std::string status;  // open | approved | recalculated | cancelled
  std::string created_at;
  std::string resolved_at;
  std::string resolved_by;
  std::string resolution_note;
};

struct BillView {
  BillSummary summary;
  std::vector<BillSectionView> sections;
  std::vector<BillHoldView> holds;
};

struct BillPage {
  std::int64_t cursor = 0;  // account bills: before this bill id (0: newest); queue: after it
  std::size_t limit = 20;   // 1..100
};

// The account's sent bills, newest first. Errors: invalid_input ("limit") outside 1..100.
// An unknown account has no bills (the caller decides whether it may see the account at all).
Result<std::vector<BillSummary>> account_bills(store::Database& database,
                                               const AccountNumber& account, const BillPage& page);

// The amounts due of the account's last `count` sent bills, newest first: what only the bills
// printed (the portal asks for one to prove a customer holds the account, auth/account_claims.h).
Result<std::vector<Money>> recent_amounts_due(store::Session& session, const AccountNumber& account,
                                              std::size_t count);

// One sent bill of the account by its number. Errors: not_found (also for another account's bill).
Result<BillView> account_bill(store::Database& database, const AccountNumber& account,
                              std::int64_t number);

// The same inside the caller's read, for callers that read more in the same snapshot.
Result<BillView> read_account_bill(store::Session& session, const AccountNumber& account,
                                   std::int64_t number);

// Any bill by id, whatever its status (staff). Errors: not_found.
Result<BillView> bill_by_id(store::Database& database, std::int64_t bill_id);

// Which held bills the hold queue shows: each field set narrows it; the defaults show them all.
struct HoldQueueFilter {
  std::string reason;                  // with an open hold of this reason (hold_reason_name)
  std::int32_t cycle = 0;              // drafted by a run of this cycle; 0: any cycle
  std::optional<LocalDate> billed_by;  // dated on or before this day (older than N days)
  std::optional<Money> min_charges;    // charges of at least this much
  std::optional<Money> max_charges;    // charges of at most this much
};

// The bill hold queue: held bills oldest first, each with its holds and cycle, narrowed by
// `filter`. Errors: as account_bills; invalid_input ("rule") for a reason no check gives,
// ("cycle") outside 1..20, ("min_amount") above the maximum.
Result<std::vector<BillView>> held_bills(store::Database& database, const BillPage& page,
                                         const HoldQueueFilter& filter = {});

// Milli-units as exact decimal text: 827371 -> "827.371", 3022000 -> "3022".
std::string milli_text(std::int64_t milli);

}  // namespace rp::billing
