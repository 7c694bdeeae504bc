#pragma once
// The processors a test server pays with, as serve wires them: the test processor for cards and
// the ACH originator (with the test account validator and a fresh vault key) for bank accounts,
// routed by token.

#include <string>

#include "payments/ach_originator.h"
#include "payments/test_processor.h"

namespace rp::payments::testing {

class TestPaymentProcessors {
 public:
  explicit TestPaymentProcessors(store::Database& database)
      : ach_(database, VaultKey::generate(), validator_), processors_(cards_, ach_) {}

  PaymentProcessor& processors() { return processors_; }
  TestProcessor& cards() { return cards_; }
  AchOriginator& ach() { return ach_; }

  // A card token (any future expiry).
  std::string card(const std::string& number) {
    return *cards_.tokenize_card({number, 12, 2030, "123"}, LocalDate{date::year{2026} / 11 / 23});
  }
  // A bank account stored in the vault, by its account number (routing 021000021).
  std::string bank(store::Database& database, const std::string& account_number,
                   const std::string& type = "checking") {
    return *store_bank_account(database, ach_.key(), {"021000021", account_number, type}, "");
  }

 private:
  TestProcessor cards_;
  TestBankAccountValidator validator_;
  AchOriginator ach_;
  ProcessorByToken processors_;
};

}  // namespace rp::payments::testing
