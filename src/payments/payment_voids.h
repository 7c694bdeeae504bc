#pragma once
// Voiding a payment: cancelled the same local day it was taken, before it settles, as if it had
// not been made (a keyed-in mistake, a duplicate at the counter). The processor is told first
// (payments/processor.h void_charge; cash and checks at the counter need no processor); then, in
// one transaction, the payment goes posted -> voided, a 'reversal' entry linked to its entry puts
// the amount back, and a "payment.voided" event says so. A bank payment already written into an
// ACH file cannot be voided: it comes back as a return, or the credit is refunded.
// Voiding a voided payment answers the same and changes nothing.

#include <string>

#include "core/result.h"
#include "payments/payment_intake.h"
#include "payments/processor.h"
#include "store/database.h"

namespace rp::payments {

// Errors (nothing changed): invalid_input ("reason") when empty; not_found; conflict when the
// payment is not posted, was taken on an earlier day, or was already sent to the bank, or when
// the processor refuses the void.
Result<PaymentView> void_payment(store::Database& database, PaymentProcessor& processor,
                                 const std::string& confirmation, const std::string& reason,
                                 const std::string& actor);

}  // namespace rp::payments
