#pragma once
// Email addresses as customers type them (pure): the one check used by sign-up, account contact
// details and the email outbox.

#include <string>
#include <string_view>

#include "core/result.h"

namespace rp {

// Trimmed and lower-cased. Errors: invalid_input ("email") unless it is one address: 3 to 254
// characters of printable ASCII, one '@' with something before it, a dot after it, no spaces,
// commas or brackets.
Result<std::string> normalize_email(std::string_view email);

// "m•••@example.com": enough for a holder to recognise an address, not to learn it.
std::string masked_email(const std::string& email);

}  // namespace rp
