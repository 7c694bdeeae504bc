#pragma once
// Payment arrangements without staff (arrangement_rules.h has the rules): a customer with a
// past-due balance sees the plans the utility allows, picks one, and the bill run carries one
// installment on each following bill (billing/bill_arrangement.h) while the rest stays deferred:
// the bill asks for its charges plus the installment, not for the whole past-due balance, and
// late fees count only what it asked.
//
// The policy is the utility's settings: arrangement_down_payment_bp (0-10000, default 2500),
// arrangement_fewest_installments and arrangement_most_installments (2-12, default 2 and 6),
// arrangement_smallest_past_due_cents (default 2500). The past-due balance is the balance less
// the bills not yet due.
//
// Breaking, by rule (review_arrangements, daily): the down payment is due within
// kDownPaymentDays of the arrangement; it is broken when the payments and credits since then do
// not reach it by that day. Each installment is due with its bill; it is broken when, the day
// after that due date, more is owed on the bill than what it deferred (the arranged balance
// still deferred, and any budget billing deferral: the late-fee job's measure, taken at the due
// date rather than at the end of the grace period). A broken arrangement ends: the next bill asks
// for everything owed, the customer is told ("arrangement.broken"), and no new arrangement is
// offered for 12 months. After the last installment is kept, it is completed
// ("arrangement.completed").

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/account_number.h"
#include "core/money.h"
#include "core/result.h"
#include "core/time.h"
#include "ledger/arrangement_rules.h"
#include "store/database.h"

namespace rp::ledger {

inline constexpr int kDownPaymentDays = 7;

struct ArrangementOffer {
  Money past_due;
  Eligibility eligibility;
  std::vector<ArrangementPlan> plans;  // empty when not eligible
};

// Errors: not_found; invalid_input naming a bad arrangement_* setting.
Result<ArrangementOffer> arrangement_offer(store::Database& database, const AccountNumber& account);

struct Arrangement {
  std::int64_t id = 0;
  std::string status;  // active | completed | broken
  Money past_due;
  Money down_payment;
  std::string down_payment_due_on;
  bool down_payment_kept = false;
  std::int64_t installments = 0;
  Money installment;
  Money last_installment;
  std::int64_t installments_billed = 0;
  std::string created_on;
  std::string ended_on;
  std::string end_reason;
};

// Takes the plan with `installments` installments as offered now. Errors (nothing written):
// conflict (with the reason) when the account is not eligible; invalid_input ("installments")
// for a number of installments the policy does not offer; not_found.
Result<Arrangement> make_arrangement(store::Database& database, const AccountNumber& account,
                                     std::int64_t installments, const std::string& actor);

// The account's arrangements, newest first.
Result<std::vector<Arrangement>> account_arrangements(store::Database& database,
                                                      const AccountNumber& account);

struct ArrangementReview {
  std::int64_t kept = 0;  // down payments and installments found kept
  std::int64_t broken = 0;
  std::int64_t completed = 0;
};

// Applies the breaking rule to every active arrangement as of `today`; each down payment and
// installment is judged once.
Result<ArrangementReview> review_arrangements(store::Database& database, LocalDate today);

}  // namespace rp::ledger
