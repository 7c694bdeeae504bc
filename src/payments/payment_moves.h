#pragma once
// Moving a misapplied payment: money applied to the wrong account (a lockbox check read against
// another stub, a counter payment keyed to a neighbour's account) is carried to the right one.
// In one transaction:
//  * the payment goes posted -> moved, and a 'reversal' entry linked to its ledger entry takes
//    the credit off the wrong account, effective today (as a void or return would);
//  * a new posted payment on the right account carries it: same amount, channel, method and
//    taker, effective on the day the money came in (so the right customer paid on time), with its
//    own confirmation number and ledger entry, linked both ways to the moved payment;
//  * each account records an event naming the other ("payment.moved", "payment.moved_in").
// Exactly once: the caller's idempotency key answers a retry with the first move and refuses a
// different request; a payment already moved answers conflict naming where it went.
//
// Not moved: a bank (ACH) payment, which is tied to the payer's bank account and its ACH trace
// (return it or refund the credit instead). A moved-in payment is never voided (payment_voids.h).

#include <string>

#include "core/account_number.h"
#include "core/money.h"
#include "core/result.h"
#include "payments/payment_intake.h"
#include "store/database.h"

namespace rp::payments {

struct PaymentMove {
  std::string confirmation;     // the misapplied payment
  AccountNumber to_account;     // the account it belongs to
  std::string reason;           // why, for both histories (1-500 characters)
  std::string idempotency_key;  // as stored (core/idempotency_key.h)
  std::string actor;            // who moves it
};

struct MovedPayment {
  PaymentView moved;    // the payment as it now stands (status moved, moved_to set)
  PaymentView carrier;  // the new payment on the right account (moved_from set)
  Money from_balance;   // the wrong account's balance after the move
  Money to_balance;     // the right account's balance after the move
  bool replayed = false;
};

// Errors (nothing changed): invalid_input naming "reason", "to_account" (the payment's own
// account, or no such account) or "idempotency_key" (used for a different request); not_found
// for an unknown confirmation; conflict when the payment is not posted (naming where a moved one
// went) or is a bank payment.
Result<MovedPayment> move_payment(store::Database& database, const PaymentMove& move);

}  // namespace rp::payments
