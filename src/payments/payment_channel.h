#pragma once
// How a payment came in. The payments table stores the name (payment_channel_name), and its CHECK
// constraint lists the same five; the API answers with the name.
//
//   web      the customer, in the portal. A scheduled payment (a customer's one-off payment for a
//            later day, made by the daily job: payment_schedule.h) is recorded as web too.
//   phone    a card taken by staff over the phone, through the processor.
//   cashier  cash or a check taken at the counter (counter_payments.h).
//   lockbox  a mailed check, posted from the bank's lockbox file (lockbox.h).
//   autopay  an autopay charge of a bill, made by the daily job (payment_schedule.h).
//
// submit_payment takes web, phone and autopay; cashier and lockbox payments are written by their
// own flows.

#include <iosfwd>
#include <string_view>

#include "core/result.h"

namespace rp::payments {

enum class PaymentChannel { web, phone, cashier, lockbox, autopay };

std::string_view payment_channel_name(PaymentChannel channel);
// Errors: invalid_input ("channel") for a name that is not a channel; the message lists the names.
Result<PaymentChannel> parse_payment_channel(std::string_view name);

// The name, for test failure messages (gtest finds it by argument-dependent lookup).
void PrintTo(PaymentChannel channel, std::ostream* out);

}  // namespace rp::payments
