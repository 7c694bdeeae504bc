#pragma once
// Payments staff take at the counter: cash, or a paper check, posted as they are taken (there is
// no processor to ask), into the taking cashier's drawer for the day. A card taken over the phone
// goes through the processor instead (payment_intake.h, channel "phone").
//
// Exactly once, as every payment: the request's idempotency key returns the first answer on a
// retry and refuses a different request. The drawer is the cashier's posted counter payments of a
// local day, by method, so the cash and checks in hand can be counted against it.

#include <cstdint>
#include <string>
#include <vector>

#include "core/account_number.h"
#include "core/money.h"
#include "core/result.h"
#include "core/time.h"
#include "payments/payment_intake.h"
#include "store/database.h"

namespace rp::payments {

struct CounterPayment {
  AccountNumber account;
  Money amount;                 // positive, at most kLargestPaymentCents
  std::string method;           // cash | check
  std::string check_number;     // checks: the number printed on it (1-10 digits)
  std::string cashier;          // "staff:ana": whose drawer
  std::string idempotency_key;  // 1-200 characters
};

// Errors (nothing written): invalid_input naming "amount", "method", "check_number" or
// "idempotency_key" (also: used for a different request); not_found for an unknown account.
Result<PaymentView> take_counter_payment(store::Database& database, const CounterPayment& payment);

struct DrawerLine {
  std::string method;  // cash | check
  std::int64_t count = 0;
  Money total;
};

struct Drawer {
  std::string cashier;
  LocalDate day;
  std::vector<DrawerLine> lines;  // by method
  std::int64_t count = 0;
  Money total;
};

// The cashier's drawer on `day` (local date).
Result<Drawer> cashier_drawer(store::Database& database, const std::string& cashier, LocalDate day);

}  // namespace rp::payments
