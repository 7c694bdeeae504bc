#pragma once
// The payments table as the payment services use it: one payment read with everything needed to
// answer for it, confirmation numbers, and a processor's answer written once, with its ledger
// entry and account event. Internal to the payments service (payment_intake.h states the rules).

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "payments/payment_intake.h"
#include "payments/processor.h"
#include "store/session.h"

namespace rp::payments {

struct StoredPayment {
  PaymentView view;
  std::string fingerprint;
  std::string token;
  std::int64_t account_id = 0;
  std::string key;
};

// One payment by a query with the columns of payments/sql/payment_by_key.sql; none when absent.
// Errors: those of the query, and those of stored_of.
Result<std::optional<StoredPayment>> find_payment(store::Session& session, std::string_view query,
                                                  const store::Params& params);
// The payment in a row with those columns. Errors: internal, naming the payment, when its status
// or channel is not one of payment_state.h's or payment_channel.h's names (a defect in the data).
Result<StoredPayment> stored_of(const store::Row& row);

// Takes the next confirmation number, "P" and nine digits: an 8-digit sequence and its Luhn
// check digit, inside the caller's transaction.
Result<std::string> take_confirmation(store::Session& session);

// The confirmation number of sequence value `sequence`: "P" + 8 digits + a Luhn check digit
// ("P000000017"). For writers that take a block of the sequence at once (the generator).
std::string confirmation_of(std::int64_t sequence);

// Writes the processor's answer to a pending payment, once: approved posts it (ledger entry,
// balance after, "payment.received"); refused fails it ("payment.failed"); timeout records
// "payment.pending". A payment no longer pending is left as it is. Returns it as it now stands.
Result<PaymentView> apply_outcome(store::Session& session, StoredPayment payment,
                                  const ChargeResult& result, const std::string& actor);

}  // namespace rp::payments
