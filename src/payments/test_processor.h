#pragma once
// The built-in test processor: what the tests and the demo pay with, and what a utility may try
// before it signs with a gateway. A server runs it only when its configuration says so
// (payments.card_processor = "test"), and says so in its log and /healthz. It tokenizes like a
// real gateway (the number is checked and dropped; the token says only the brand, the last four
// and the test scenario) and is stateless: the outcome of a charge follows from its token, so it
// answers the same after a restart. Tokens are signed (HMAC-SHA-256 under the processor's key):
// a token it did not issue, or one edited to name another scenario, is refused.
//
// Test cards (any future expiry, any 3-digit code; Amex 4 digits):
//   4242 4242 4242 4242   approved          (so is any other valid card number)
//   4000 0000 0000 0002   declined          "the card was declined"
//   4000 0000 0000 9995   insufficient funds
//   4000 0000 0000 0119   processor error   (nothing charged; try again)
//   4000 0000 0000 0408   timeout           (charge() times out, but the charge went through:
//                                            lookup() says approved)
// Bank accounts are not the card gateway's: the utility debits them itself (ach_originator.h).

#include <array>
#include <string>

#include "core/time.h"
#include "payments/payment_methods.h"
#include "payments/processor.h"

namespace rp::payments {

class TestProcessor : public PaymentProcessor {
 public:
  static constexpr std::size_t kKeyBytes = 32;
  using SigningKey = std::array<unsigned char, kKeyBytes>;
  // Signs with `key`: tokens stay valid across restarts for as long as the key does (serve
  // derives it from the vault key, payments/bank_vault.h).
  explicit TestProcessor(const SigningKey& key) : key_(key) {}
  // Signs with a random key of its own (tests).
  TestProcessor();

  // Checks the card (payment_methods.h) and returns its token. The number is not kept.
  Result<std::string> tokenize_card(const CardDetails& card, LocalDate today);

  ChargeResult charge(const ChargeRequest& request) override;
  std::optional<ChargeResult> lookup(const ChargeRequest& request) override;
  Result<TokenInfo> describe(const std::string& token) override;
  // Any approved charge voids (the test gateway settles nothing before the utility's day ends).
  Result<void> void_charge(const ChargeRequest& request) override;

 private:
  std::string signature_of(std::string_view unsigned_token) const;
  SigningKey key_{};
};

// Card payments when no card processor is configured: every card token is refused with
// unavailable ("card-payments-unavailable"), nothing is charged.
class NoCardProcessor : public PaymentProcessor {
 public:
  ChargeResult charge(const ChargeRequest& request) override;
  std::optional<ChargeResult> lookup(const ChargeRequest& request) override;
  Result<TokenInfo> describe(const std::string& token) override;
  Result<void> void_charge(const ChargeRequest& request) override;
};

}  // namespace rp::payments
