#pragma once
// Saved payment methods: a customer keeps a card or bank account (the processor's token and its
// label, never the number) to pay with again, and for autopay. One may be the default; the first
// saved becomes the default. Removing one keeps its row for history but it is no longer offered
// or accepted.
//
// A method belongs to the actor who saved it. A portal login ("customer:42") sees, uses, schedules
// from, enrols autopay with and removes only its own methods, even on an account another login
// also holds; each owner keeps at most kMostSavedMethods and has its own default. Staff and the
// system's jobs (any other actor) see every method of the account.

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

// What `actor` may see of the account's methods: its own when it is a portal login, else all
// (the empty viewer).
std::string method_viewer(const std::string& actor);

// Saves `token` (which `processor` must recognise) on the account, owned by `owner` (the actor
// saving it). Errors: invalid_input ("token") for a token the processor did not issue, or
// ("payment_method") when the owner already keeps kMostSavedMethods; not_found for an unknown
// account.
Result<SavedMethod> save_payment_method(store::Database& database, PaymentProcessor& processor,
                                        const AccountNumber& account, const std::string& token,
                                        bool make_default, const std::string& owner);

// The account's saved methods `actor` may see (method_viewer), default first.
Result<std::vector<SavedMethod>> saved_payment_methods(store::Database& database,
                                                       const AccountNumber& account,
                                                       const std::string& actor);

// The token of saved method `id` of the account, when `actor` may use it. Errors: not_found
// (also another account's, another login's, or a removed one).
Result<std::string> saved_method_token(store::Database& database, const AccountNumber& account,
                                       std::int64_t id, const std::string& actor);

// Errors: not_found (also another login's).
Result<void> remove_payment_method(store::Database& database, const AccountNumber& account,
                                   std::int64_t id, const std::string& actor);

}  // namespace rp::payments
