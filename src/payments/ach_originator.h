#pragma once
// Bank payments the utility originates itself: the processor for bank account tokens
// (bank_vault.h). No money moves when the payment is taken. charge() accepts the debit for the
// next ACH file (ach_export.h), which the utility's bank (the ODFI) sends through the ACH
// network; the bank's refusal arrives days later as a return (payment_returns.h), which reverses
// the payment. So an accepted bank payment posts at once, like a card, and the balance shows it.
//
// Account validation on first use: NACHA requires an originator of WEB debits to validate a bank
// account the first time it is used. The first charge on an account asks the validator
// (an account-validation service; BankAccountValidator is its seam) and records the answer for
// good: an invalid account is declined now and on every later use, without asking again.

#include <string>

#include "payments/bank_vault.h"
#include "payments/processor.h"
#include "store/database.h"

namespace rp::payments {

struct AccountValidation {
  bool valid = false;
  std::string note;  // why not, for people: "no account with this number at the bank"
};

// The account-validation service. A service that cannot answer returns an error; the charge
// then fails as a processor error (try again later) and nothing is recorded.
class BankAccountValidator {
 public:
  virtual ~BankAccountValidator() = default;
  virtual Result<AccountValidation> validate(const BankAccount& account) = 0;
};

// The built-in test validator, by the account number's last four digits:
//   0003  invalid: "no account with this number at the bank"
//   0004  invalid: "the account is closed"
//   0119  the service is unavailable (an error; the charge can be tried again)
//   any other: valid.
class TestBankAccountValidator : public BankAccountValidator {
 public:
  Result<AccountValidation> validate(const BankAccount& account) override;
};

class AchOriginator : public PaymentProcessor {
 public:
  AchOriginator(store::Database& database, VaultKey key, BankAccountValidator& validator);

  // approved (reference "ach:<bank account id>"): the account is valid, the debit waits for the
  // next file. declined: the account failed validation (the reason says why). processor_error:
  // the validator could not answer, or the vault could not be read.
  ChargeResult charge(const ChargeRequest& request) override;
  // What charge() would answer, asking no one: validation recorded or not.
  std::optional<ChargeResult> lookup(const ChargeRequest& request) override;
  Result<TokenInfo> describe(const std::string& token) override;
  // Nothing moved yet: a voided payment is simply not written into an ACH file (ach_export.h
  // sends posted payments only; payment_voids.h refuses one already sent).
  Result<void> void_charge(const ChargeRequest& request) override;

  const VaultKey& key() const { return key_; }

 private:
  store::Database& database_;
  VaultKey key_;
  BankAccountValidator& validator_;
};

// Sends each charge to the processor that issued its token: bank account tokens to `banks`,
// every other token to `cards`.
class ProcessorByToken : public PaymentProcessor {
 public:
  ProcessorByToken(PaymentProcessor& cards, PaymentProcessor& banks)
      : cards_(cards), banks_(banks) {}
  ChargeResult charge(const ChargeRequest& request) override;
  std::optional<ChargeResult> lookup(const ChargeRequest& request) override;
  Result<TokenInfo> describe(const std::string& token) override;
  Result<void> void_charge(const ChargeRequest& request) override;

 private:
  PaymentProcessor& of(const std::string& token);
  PaymentProcessor& cards_;
  PaymentProcessor& banks_;
};

}  // namespace rp::payments
