#pragma once
// The payment state machine, kept in one place. A payment starts pending (asked of the
// processor); it is posted when the money is ours, failed when the processor refuses it. A posted
// payment may later be returned (the bank sends it back: ACH R-codes), refunded (we send it back)
// or voided (cancelled the same day, before settlement), or moved (it was applied to the wrong
// account: a new posted payment carries it to the right one, payment_moves.h). posted is the only
// state with a ledger entry that counts; leaving it posts a reversing entry. Every transition is an
// account event (payment_event_kind below names them).
//
//   pending -> posted -> returned | refunded | voided | moved
//   pending -> failed

#include <iosfwd>
#include <optional>
#include <string_view>

#include "core/result.h"

namespace rp::payments {

enum class PaymentStatus { pending, posted, failed, returned, refunded, voided, moved };

std::string_view payment_status_name(PaymentStatus status);
// Errors: invalid_input ("status") for a name that is not a status.
Result<PaymentStatus> parse_payment_status(std::string_view name);

// Whether a payment may go from `from` to `to`.
bool may_transition(PaymentStatus from, PaymentStatus to);

// `to` when the transition is allowed; otherwise conflict naming both states.
Result<PaymentStatus> transition(PaymentStatus from, PaymentStatus to);

// The account event recorded when a payment enters `status`: "payment.pending",
// "payment.received" (posted), "payment.failed", "payment.returned", "payment.refunded",
// "payment.voided", "payment.moved".
std::string_view payment_event_kind(PaymentStatus status);

// The name, for test failure messages (gtest finds it by argument-dependent lookup).
void PrintTo(PaymentStatus status, std::ostream* out);

}  // namespace rp::payments
