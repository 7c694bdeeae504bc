#pragma once
// Changing where an account's bills and letters are mailed, as staff do for a caller. One write:
// the new address, the search words (search_index.h), a "mailing_address.changed" account event
// with the address before and after, and a notice to the customer in the account's language, so
// a change they did not ask for does not go unnoticed: an email to the contact email on file, or,
// with none, a letter to the address the mail used to go to (the new one may be the intruder's).
// The same address again changes nothing and records nothing.

#include <string>

#include "accounts/account.h"
#include "core/account_number.h"
#include "core/result.h"
#include "store/database.h"

namespace rp::accounts {

struct MailingAddressChange {
  Address address;  // line2 may be empty; state two letters; ZIP 5 digits or ZIP+4
  std::string actor;
};

struct MailingAddressChanged {
  Address before;
  Address after;
  bool changed = false;
  std::string notified = {};  // "email" or "letter"; "" when nothing changed
};

// Errors (nothing written): not_found; invalid_input naming the field ("mailing_address.line1",
// ".city", ".state", ".zip", ".line2").
Result<MailingAddressChanged> change_mailing_address(store::Database& database,
                                                     const AccountNumber& number,
                                                     const MailingAddressChange& change);

// The same inside the caller's write transaction.
Result<MailingAddressChanged> change_mailing_address_in(store::Session& session,
                                                        const AccountNumber& number,
                                                        const MailingAddressChange& change);

}  // namespace rp::accounts
