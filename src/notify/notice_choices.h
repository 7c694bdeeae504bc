#pragma once
// What an account's customers choose to be told, and what they were told: the portal's notice
// settings (and staff's, on the customer's request), the history of notices, and the unsubscribe
// link in each email a customer may turn off (RFC 8058 one-click, no sign-in).
//
// Built on the catalog and tables of notices.h. Channels: email, and text for kinds that have a
// text message once the account agreed to texts (text_consent.h).

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/account_number.h"
#include "core/result.h"
#include "store/database.h"

namespace rp::notify {

struct NoticeChoice {
  std::string kind;             // "payment.received"
  bool may_turn_off = true;     // false: transactional, always sent
  bool email = false;           // sent by email now
  bool email_default = false;   // what an account that never chose gets
  bool text_available = false;  // the kind has a text message
  bool text = false;            // sent by text now (with the account's consent)
  bool text_default = false;
  bool required_while_paperless = false;  // the email is a paperless account's bill
};

struct NoticeChoices {
  std::vector<NoticeChoice> kinds;  // in the catalog's order
  bool paperless = false;           // bill-ready emails cannot be turned off while paperless
  bool has_email = false;           // notices by email need a contact email on file
  bool texts_allowed = false;       // the account agreed to texts (text_consent.h)
};

// Errors: not_found for an unknown account.
Result<NoticeChoices> notice_choices(store::Database& database, const AccountNumber& account);

struct NoticeChoiceChange {
  std::string kind;
  std::string channel;  // "email" or "text"
  bool enabled = false;
};

// Applies `changes` together and records one "notices.changed" event (before and after) with
// `actor`; a change to what is already so changes nothing and records nothing. Errors (nothing
// written): not_found for an unknown account; invalid_input naming "kind" (not in the catalog),
// "channel" (not email or text; text for a kind without a text; coded "text-consent-needed" for
// texts turned on before the account agreed to texts), or coded "notice-required" (a
// transactional kind's email turned off) or "paperless-needs-bill-email" (bill-ready email
// turned off while paperless).
Result<NoticeChoices> change_notice_choices(store::Database& database, const AccountNumber& account,
                                            const std::vector<NoticeChoiceChange>& changes,
                                            const std::string& actor);

struct SentNotice {
  std::int64_t id = 0;
  std::string kind;
  std::string channel;
  std::string recipient;  // masked: "m•••@example.com"
  std::string subject;
  std::string created_at;
  // "sent", "waiting" (not handed to the mail server yet), "retrying" (the server did not take
  // it yet; `problem` says why)
  std::string status;
  std::string problem;
};

// Newest first, before notice `before` (0: the newest), at most `limit` (1-100). Errors:
// not_found for an unknown account; invalid_input ("limit").
Result<std::vector<SentNotice>> notices_sent(store::Database& database,
                                             const AccountNumber& account, std::int64_t before,
                                             std::int64_t limit);

struct UnsubscribeTarget {
  std::string kind;
  std::string channel;
  std::string account;   // masked: "*0017"
  std::string language;  // the notice's
  bool enabled = false;  // whether the kind is still sent on the channel
};

// What the unsubscribe link `token` would stop. Errors: not_found for a token no notice carries.
Result<UnsubscribeTarget> unsubscribe_target(store::Database& database, std::string_view token);

// Stops the kind of the notice that carried `token` on its channel for its account, recorded as a
// "notices.changed" event by "unsubscribe-link:notice-<id>". Repeating it changes nothing.
// Errors: not_found as above.
Result<UnsubscribeTarget> unsubscribe(store::Database& database, std::string_view token);

}  // namespace rp::notify
