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

// Checks a mailing address. Errors: invalid_input naming the field ("mailing_address.line1",
// ".line2", ".city", ".state", ".zip").
Result<void> validate_mailing_address(const Address& address);

// Checks a new account before anything is written. Errors: invalid_input naming the field
// ("customer.name", "mailing_address.zip", "language", "bill_cycle", ...).
Result<void> validate_new_account(const NewAccount& account);

// Validates, then creates the person, the account (with the next gapless account number) and an
// "account.opened" event in one transaction. `actor` is recorded on the event.
Result<AccountNumber> open_account(store::Database& database, const NewAccount& account,
                                   const std::string& actor);

// open_account's writing inside the caller's transaction (the caller has validated), the account
// 'pending' (an application for service, not yet activated) when `pending`.
Result<AccountNumber> open_account_in(store::Session& session, const NewAccount& account,
                                      const std::string& actor, bool pending);

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
  std::string text;           // what staff typed: see search_accounts
  std::size_t limit = 20;     // 1..100
  std::int64_t after_id = 0;  // keyset cursor: the id of the last hit of the previous page
};

struct AccountSearchPage {
  std::vector<AccountSearchHit> hits;
  std::optional<std::int64_t> next_after_id;  // present when more hits may follow
};

// Finds accounts by what a caller can tell a CSR, however it is typed:
//  * exact identifiers, on the first page only and ahead of the rest: an account number (9 digits,
//    dashes and spaces ignored), a bill number, a payment confirmation ("P00000017", any case), a
//    meter serial (any account ever served through that meter's service point, latest first);
//  * then, a page at a time in account order: a phone number in any US form (its 10 digits), an
//    email address (or its start), or words: each typed word is the start of a word of the
//    customer's name or a mailing or service address (street, unit, city, ZIP), in any order and
//    ignoring case and accents ("Smith Susan" finds "Susan Smith", "gomez" finds "Gómez").
// Errors: invalid_input ("q") for text shorter than 2 characters, with no letter or digit, or of
// more than 8 words; ("limit") outside 1..100.
Result<AccountSearchPage> search_accounts(store::Database& database, const AccountSearch& search);

}  // namespace rp::accounts
