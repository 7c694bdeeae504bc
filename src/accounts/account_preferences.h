#pragma once
// What the customer chooses for an account in the portal: paper or paperless bills, and the
// contact email and phone the utility reaches them at (the account holder's). Changing them is one
// write with a "preferences.changed" account event naming what changed; an empty change, or the
// values already held, changes nothing and records nothing. Budget billing is shown here too
// (enrolment is billing/budget_enrolment.h).

#include <cstdint>
#include <optional>
#include <string>

#include "core/account_number.h"
#include "core/money.h"
#include "core/result.h"
#include "store/database.h"

namespace rp::accounts {

struct BudgetPlanSummary {
  Money installment;
  int true_up_month = 0;
  std::string enrolled_on;
};

struct AccountPreferences {
  bool paperless = false;
  std::string email;  // may be empty
  std::string phone;  // 10 digits, or empty
  std::optional<BudgetPlanSummary> budget;
};

struct PreferenceChange {
  std::optional<bool> paperless;
  std::optional<std::string> email;  // "" clears it
  std::optional<std::string> phone;  // US number in any common form; "" clears it
  std::string actor;
};

// Errors: not_found for an unknown account.
Result<AccountPreferences> find_preferences(store::Database& database, const AccountNumber& number);

// Errors (nothing written): not_found; invalid_input "email" (not one address), "phone" (not 10
// digits, an optional leading 1 allowed), and ("paperless") when paperless is asked for with no
// email to send the bills to.
Result<AccountPreferences> change_preferences(store::Database& database,
                                              const AccountNumber& number,
                                              const PreferenceChange& change);

// "(541) 555-0134", "541.555.0134", "+1 541 555 0134" -> "5415550134"; nullopt otherwise.
std::optional<std::string> us_phone_digits(const std::string& phone);

}  // namespace rp::accounts
