#pragma once
// Taking a payment, exactly once, and posting it the moment the processor says yes.
//
// A payment request carries an idempotency key. The first request with a key writes the payment
// 'pending' (with a confirmation number) and asks the processor to charge under the same key;
// the processor's answer is written in a second transaction:
//  * approved: the payment is posted, its 'payment' ledger entry (reference: the confirmation)
//    and a "payment.received" account event commit together, durably, before the answer;
//  * refused (declined, insufficient funds, a processor error): the payment is failed with the
//    reason and a "payment.failed" event; nothing reaches the ledger;
//  * timeout: the payment stays pending ("payment.pending" event); settle_pending_payments asks
//    the processor what happened and posts or fails it then. Never a second charge: the processor
//    charges at most once per key.
// A retry with the same key and the same request gets the same payment back (replayed); if the
// first attempt was interrupted while pending, the retry finishes it. The key with a different
// request is refused. Keys are kept with their payments for good (well beyond 24 hours).
//
// Concurrent payments on one account are independent rows; the ledger sums them. A payment larger
// than the balance leaves a credit; a payment on a closed account is taken the same way (its
// credit is refunded by the refund flow).

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/account_number.h"
#include "core/money.h"
#include "core/result.h"
#include "payments/payment_channel.h"
#include "payments/payment_state.h"
#include "payments/processor.h"
#include "store/database.h"

namespace rp::payments {

inline constexpr std::int64_t kLargestPaymentCents = 1'000'000'00;  // $1,000,000.00

struct PaymentRequest {
  AccountNumber account;
  Money amount;       // positive, at most kLargestPaymentCents
  std::string token;  // the processor's token for the card or bank account
  // web, phone or autopay (payment_channel.h)
  PaymentChannel channel = PaymentChannel::web;
  std::string idempotency_key;  // 1-200 characters
  std::string actor;            // recorded on the events: "customer", "staff:ana", "autopay"
};

struct PaymentView {
  std::int64_t id = 0;
  std::string confirmation;
  std::string account_number;
  Money amount;
  PaymentStatus status = PaymentStatus::pending;
  PaymentChannel channel = PaymentChannel::web;
  std::string method;        // card | bank | cash | check
  std::string method_label;  // "Visa •••• 4242"
  std::string failure_reason;
  std::string effective_on;
  std::string created_at;
  // Who made the payment, as recorded: "customer:42", "staff:3", "api_key:2", "system:autopay";
  // empty for payments recorded before it was kept.
  std::string taken_by;
  std::string moved_to;    // a moved payment: the confirmation of the payment carrying it
  std::string moved_from;  // a payment carrying a moved one: that payment's confirmation
  std::optional<Money> balance_after;  // posted payments: the balance right after
  // On the answer to a change of the payment (a void, a return): the account's balance once the
  // change was made, which balance_after (the balance when it posted) no longer is.
  std::optional<Money> account_balance;
  bool replayed = false;  // the answer to an earlier request with the same key
};

// Errors (nothing charged, nothing written): invalid_input naming "amount", "channel",
// "idempotency_key" (also: the key was used for a different request) or "token"; not_found for
// an unknown account. A refused charge is not an error: the payment comes back 'failed'.
Result<PaymentView> submit_payment(store::Database& database, PaymentProcessor& processor,
                                   const PaymentRequest& request);

// Payments still waiting on the processor, oldest first, after payment id `after` (0: from the
// first); limit 1-100 (the staff's pending payments queue).
Result<std::vector<PaymentView>> waiting_payments(store::Database& database, std::int64_t after,
                                                  std::size_t limit);

// The account's payments, newest first, before payment id `before` (0: newest); limit 1-100.
Result<std::vector<PaymentView>> account_payments(store::Database& database,
                                                  const AccountNumber& account, std::int64_t before,
                                                  std::size_t limit);

struct SettleReport {
  std::int64_t posted = 0;
  std::int64_t failed = 0;
  std::vector<std::string> problems;  // payments that could not be settled, and why
};

// The reconciliation job: asks the processor about every payment pending since before
// `created_before` and posts it (the charge happened) or fails it (it did not). A payment that
// cannot be written stays pending for the next run and is reported; the rest go on.
Result<SettleReport> settle_pending_payments(store::Database& database, PaymentProcessor& processor,
                                             const std::string& created_before);

}  // namespace rp::payments
