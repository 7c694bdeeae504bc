#pragma once
// What proving and announcing an account claim says (account_claims.h), in the account's language
// (en, es). Pure.

#include <string>

#include "notify/email.h"

namespace rp::auth {

// To the account's contact email and its other logins: a login was linked to the account ending
// `last_four`; `disown_link` undoes it ("this wasn't me").
notify::EmailMessage link_notice_email(const std::string& language, const std::string& to,
                                       const std::string& utility, const std::string& last_four,
                                       const std::string& masked_login,
                                       const std::string& disown_link);

// The same notice as a letter to the account's mailing address, for an account with no email on
// file and no other login: `disown_link` printed in full, to type into a browser.
std::string link_notice_letter(const std::string& language, const std::string& utility,
                               const std::string& last_four, const std::string& masked_login,
                               const std::string& disown_link);

// The text to the phone on file with the link that proves a phone claim: the login that asked
// (masked), the account's last four digits; meant to fit in two SMS segments.
std::string claim_link_text(const std::string& language, const std::string& utility,
                            const std::string& last_four, const std::string& masked_login,
                            const std::string& link);

// The letter mailed to the service address with the code that proves the claim.
std::string claim_code_letter(const std::string& language, const std::string& utility,
                              const std::string& code, const std::string& expires_on);

}  // namespace rp::auth
