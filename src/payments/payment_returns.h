#pragma once
// A posted payment the bank sends back: an ACH debit returned with an R-code (R01 insufficient
// funds, R02 account closed, R03 no account, ...; ach_return_codes.h), or a paper check that
// bounced. In one transaction:
//  * the payment goes posted -> returned with the code (payment_state.h);
//  * a 'reversal' ledger entry puts the amount back on the account, linked to the payment's
//    entry (reverses_entry_id);
//  * the returned-payment fee, the setting returned_payment_fee_cents (0 - 100000; not set: no
//    fee), is charged as a 'fee' entry;
//  * a "payment.returned" account event tells the customer (the notification outbox sends it),
//    with the reason in words and the fee;
//  * a return code that means the account cannot be debited again (R02, R03, ...) marks the
//    bank account invalid, so neither the customer nor autopay can use it again.
// Returning a payment already returned changes nothing and answers as the first time did.

#include <string>
#include <vector>

#include "core/money.h"
#include "core/result.h"
#include "payments/payment_intake.h"
#include "store/database.h"

namespace rp::payments {

struct PaymentReturnRequest {
  std::string confirmation;  // the payment's confirmation number, or
  std::string trace_number;  // its ACH trace number (a return file names the trace)
  std::string return_code;   // R01 ...; a bounced check uses R01 too (insufficient funds)
  std::string actor;         // "staff:ana", "ach-returns"
};

struct ReturnedPayment {
  PaymentView payment;
  std::string return_code;
  std::string reason;  // the code in words
  Money fee;           // the fee charged (zero when none, or when already returned)
  bool already_returned = false;
};

// Errors (nothing written): invalid_input ("return_code"); not_found for no such payment;
// conflict when the payment is not posted (pending, failed, refunded, voided; or returned with
// another code) or was paid by card or cash (a card is disputed through its network, cash cannot
// come back).
Result<ReturnedPayment> return_payment(store::Database& database,
                                       const PaymentReturnRequest& request);

struct ReturnFileReport {
  std::int64_t returned = 0;
  std::int64_t already_returned = 0;  // in an earlier import of the same returns
  Money fees;
  std::vector<ReturnedPayment> payments;  // in the file's order
};

// The returns in a NACHA return file from the utility's bank (bank_files/nacha.h), in one
// transaction: all or none. Each entry's original trace number must name a payment sent in an ACH
// file, for the same amount. Importing the same file again returns nothing twice.
// Errors (nothing returned): invalid_input ("file") for a malformed file, naming the line, or an
// entry whose amount differs from its payment's; not_found naming an unknown trace number; and
// return_payment's errors.
Result<ReturnFileReport> apply_ach_returns(store::Database& database, std::string_view file,
                                           const std::string& actor);

}  // namespace rp::payments
