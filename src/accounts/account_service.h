#pragma once
// Accounts: opening them, finding them, and reading what a customer and a CSR see.
// Every change writes its AccountEvent in the same transaction as the change itself.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "accounts/account.h"
#include "core/account_number.h"
#include "core/result.h"
#include "store/database.h"

namespace rp::accounts {

struct NewAccount {
  Person customer;
  Address mailing_address;
  std::string language = "en";
  int bill_cycle = 1;
  std::string opened_on;  // local date
};

// Checks a new account before anything is written. Errors: invalid_input naming the field
// ("customer.name", "mailing_address.zip", "language", "bill_cycle", ...).
Result<void> validate_new_account(const NewAccount& account);

// Validates, then creates the person, the account (with the next gapless account number) and an
// "account.opened" event in one transaction. `actor` is recorded on the event.
Result<AccountNumber> open_account(store::Database& database, const NewAccount& account,
                                   const std::string& actor);

// An account's row id and status ('pending', 'active', 'closed'), inside the caller's
// transaction: what every service looks up before it writes for an account.
struct AccountKey {
  std::int64_t id = 0;
  std::string status;
};
// Errors: not_found "no account has number 100-000-01-7".
Result<AccountKey> find_account_key(store::Session& session, const AccountNumber& number);

// Errors: not_found when no account has that number.
Result<AccountSummary> find_account_summary(store::Database& database, const AccountNumber& number);
Result<AccountDetail> find_account_detail(store::Database& database, const AccountNumber& number,
                                          std::size_t event_limit = 50);

// The same inside the caller's snapshot, with the account's row id, for a caller that reads more
// of the account in that snapshot (what it owes: billing/amount_owed_view.h).
template <class View>
struct AccountRead {
  std::int64_t account_id = 0;
  View view;
};
Result<AccountRead<AccountSummary>> read_account_summary(store::Session& session,
                                                         const AccountNumber& number);
Result<AccountRead<AccountDetail>> read_account_detail(store::Session& session,
                                                       const AccountNumber& number,
                                                       std::size_t event_limit = 50);

struct AccountSearch {
  std::string text;           // account number, ZIP code, or part of a name or service address
  std::size_t limit = 20;     // 1..100
  std::int64_t after_id = 0;  // keyset cursor: the id of the last hit of the previous page
};

struct AccountSearchPage {
  std::vector<AccountSearchHit> hits;
  std::optional<std::int64_t> next_after_id;  // present when more hits may follow
};

// Text of 9 digits (spaces and dashes ignored) is an account number; 5 digits (or ZIP+4) a ZIP
// code; anything else matches names and service addresses containing it, case-insensitively.
// Errors: invalid_input ("q") for text shorter than 2 characters or a limit outside 1..100.
Result<AccountSearchPage> search_accounts(store::Database& database, const AccountSearch& search);

}  // namespace rp::accounts
