#pragma once
// The seam to whoever moves the money (a card network gateway, an ACH originator). Ratepayer
// holds only the processor's tokens for cards and bank accounts, and what it needs to show them
// ("Visa •••• 4242"); card and account numbers never reach the database or the logs.
//
// Contract for every processor:
//  * charge() moves the money at most once per idempotency key: asking again with the same key
//    returns the first answer and charges nothing more;
//  * a timeout means "unknown": the charge may or may not have happened; lookup() with the same
//    request tells, later, without charging (none: it never happened);
//  * describe() says what a token is, or refuses one it did not issue;
//  * void_charge() cancels an approved charge before it settles (the same day), so no money
//    moves; voiding it again succeeds and changes nothing.

#include <optional>
#include <string>

#include "core/money.h"
#include "core/result.h"

namespace rp::payments {

enum class ChargeOutcome { approved, declined, insufficient_funds, processor_error, timeout };
const char* charge_outcome_name(ChargeOutcome outcome);

struct ChargeRequest {
  std::string idempotency_key;  // ours: the payment's key
  std::string token;
  Money amount;  // positive
};

struct ChargeResult {
  ChargeOutcome outcome = ChargeOutcome::processor_error;
  std::string reference;  // the processor's id for the charge (approved)
  std::string message;    // for people: why it was refused
};

struct TokenInfo {
  std::string method;  // card | bank
  std::string label;   // "Visa •••• 4242", "Checking •••• 6789"
  std::string last_four;
};

class PaymentProcessor {
 public:
  virtual ~PaymentProcessor() = default;
  virtual ChargeResult charge(const ChargeRequest& request) = 0;
  virtual std::optional<ChargeResult> lookup(const ChargeRequest& request) = 0;
  // Errors: invalid_input ("token") for a token this processor did not issue.
  virtual Result<TokenInfo> describe(const std::string& token) = 0;
  // Errors: conflict when the charge can no longer be voided (it settled: refund it instead).
  virtual Result<void> void_charge(const ChargeRequest& request) = 0;
};

}  // namespace rp::payments
