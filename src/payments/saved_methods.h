#pragma once
// Saved payment methods: a customer keeps a card or bank account (the processor's token and its
// label, never the number) to pay with again, and for autopay. One may be the default; the first
// saved becomes the default. Removing one keeps its row for history but it is no longer offered
// or accepted.

#include <cstdint>
#include <string>
#include <vector>

#include "core/account_number.h"
#include "core/result.h"
#include "payments/processor.h"
#include "store/database.h"

namespace rp::payments {

inline constexpr std::size_t kMostSavedMethods = 10;

struct SavedMethod {
  std::int64_t id = 0;
  std::string method;  // card | bank
  std::string label;   // "Visa •••• 4242"
  bool is_default = false;
  std::string created_at;
};

// Saves `token` (which `processor` must recognise) on the account. Errors: invalid_input ("token")
// for a token the processor did not issue, or ("payment_method") when the account already has
// kMostSavedMethods; not_found for an unknown account.
Result<SavedMethod> save_payment_method(store::Database& database, PaymentProcessor& processor,
                                        const AccountNumber& account, const std::string& token,
                                        bool make_default);

// The account's saved methods, default first.
Result<std::vector<SavedMethod>> saved_payment_methods(store::Database& database,
                                                       const AccountNumber& account);

// The token of saved method `id` of the account. Errors: not_found (also another account's, or
// a removed one).
Result<std::string> saved_method_token(store::Database& database, const AccountNumber& account,
                                       std::int64_t id);

// Errors: not_found.
Result<void> remove_payment_method(store::Database& database, const AccountNumber& account,
                                   std::int64_t id);

}  // namespace rp::payments
