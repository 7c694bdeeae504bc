#pragma once
// Proving a login holds an account before it is shown anything of it. Knowing an address is not
// enough: anyone can read a street and a ZIP off a letterbox.
//
// A customer names accounts by a service address and ZIP (optionally with the account number and
// the amount due on one of its last two bills, or the mobile phone on file). Each account matched
// becomes a claim of the login, proved in one of four ways, the first that applies:
//  * contact_email: the login's verified email is the email on file for the account;
//  * bill: the account number and the amount due of one of its last two bills (printed only on
//    its bills) were given and both match;
//  * contact_phone: the phone given is the phone on file for the account; a one-time link is
//    texted to it (valid kClaimTextLinkLife) and opening it links the account;
//  * letter: otherwise a one-time code is mailed to the account's service address (a letter for
//    the print-and-mail export, valid kClaimCodeLife, at most kClaimCodeTries wrong tries); the
//    customer types it in the portal.
// Claims proved by email or bill are linked as soon as the login's email is verified (at once
// for a signed-in login adding an account); texted links and letters are sent then too, and
// their claims are linked when the link is opened or the code typed.
//
// Every link is an account event ("login.linked", by the login) and is announced by email to the
// account's contact email and to every other login holding the account, each with a one-time
// "this wasn't me" link (kDisownLinkLife) that unlinks the new login from the account and ends all
// of its sessions ("login.disowned", by the address the notice went to).

#include <chrono>
#include <cstdint>
#include <string>
#include <vector>

#include "auth/logins.h"
#include "core/result.h"
#include "store/database.h"

namespace rp::auth {

inline constexpr std::chrono::hours kClaimCodeLife{30 * 24};
inline constexpr int kClaimCodeTries = 5;
inline constexpr std::chrono::hours kClaimTextLinkLife{24};
inline constexpr std::chrono::hours kDisownLinkLife{30 * 24};

// What a customer gives to name accounts.
struct ClaimRequest {
  std::string street;
  std::string zip;
  std::string account_number;  // optional
  std::string bill_amount;     // optional: "84.50", the amount due of one of the last two bills
  std::string phone;           // optional: a US number in any common form, "(541) 555-0134"
};

// The accounts with current service at the address (or the one named, if it ever had service
// there), sorted. Errors: invalid_input for "zip", "street", "account_number", "phone" (coded
// "phone-invalid": not a US number), or ("address") when nothing matches, as register_login.
Result<std::vector<std::int64_t>> match_claimable_accounts(store::Session& session,
                                                           const ClaimRequest& request);

// Records a claim of login `user_id` (whose email is `email`) on each account, with the proof
// the request carries. Errors: invalid_input ("bill_amount") for an amount that is not money.
Result<void> record_claims(store::Session& session, const LoginSettings& settings,
                           std::int64_t user_id, const std::string& email,
                           const std::vector<std::int64_t>& accounts, const ClaimRequest& request);

// For a login whose email is verified: links (and announces) its claims proved by email or bill,
// texts the link of each phone claim and queues the letter of each letter claim not yet sent.
Result<void> settle_claims(store::Session& session, const LoginSettings& settings,
                           std::int64_t user_id);

// The claims still waiting for a mailed code or a texted link (for Me).
Result<std::vector<PendingAccount>> pending_accounts(store::Session& session, std::int64_t user_id);

// Links the account whose letter holds `code`. Errors: invalid_input ("code", coded
// "claim-code-wrong") for a code of none of the login's open claims (each wrong try counts
// against every open claim; after kClaimCodeTries a claim's code is dead), conflict
// ("claim-code-expired") for a code past its life (ask again by adding the account).
Result<Me> claim_with_code(store::Database& database, const LoginSettings& settings,
                           std::int64_t user_id, const std::string& code);

// What opening a texted link linked: the account (its last four digits) and the login (masked).
struct TextClaimLinked {
  std::string account_ending;
  std::string login;
};

// Links the account of the phone claim whose texted link holds `token` (works signed out: the
// token proves the phone). Errors: conflict ("token", coded "link-expired") for a token unknown,
// used or out of date.
Result<TextClaimLinked> claim_by_text(store::Database& database, const LoginSettings& settings,
                                      const std::string& token);

// "This wasn't me": unlinks the login named by the notice's token from the account and ends all
// that login's sessions. Errors: conflict ("token", coded "link-expired") for a token unknown,
// used or out of date.
Result<void> disown_link(store::Database& database, const std::string& token);

}  // namespace rp::auth
