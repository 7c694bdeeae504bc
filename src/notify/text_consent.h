#pragma once
// Consent to text messages, and what customers text back. Texts are informational (bills,
// payments, outages, service), never marketing. An account is texted only while its latest
// consent (text_consents, append-only) is granted, and only at the number consented to. Each
// grant keeps the words the customer was shown, the time, the source and the client address
// (TCPA); each change is also an account event with who made it.
//
// What customers text back to the utility's number is answered at once (the reply is queued in
// the text outbox, outside quiet hours' rules):
//   STOP, STOPALL, UNSUBSCRIBE, CANCEL, END, QUIT, PARA, PARAR, ALTO, DETENER, CANCELAR
//       every account texting that number stops (consent withdrawn, source "reply")
//   START, UNSTOP, YES, COMENZAR, INICIAR, SI          texts start again at that number
//   HELP, INFO, AYUDA                                   who we are and how to stop
// matched on the whole message, any case, accents ignored; a Spanish keyword is answered in
// Spanish. Anything else is recorded and not answered.

#include <string>
#include <string_view>

#include "core/account_number.h"
#include "core/result.h"
#include "store/database.h"

namespace rp::notify {

// The words a customer is shown before agreeing, naming the utility and the number.
std::string text_consent_wording(std::string_view utility, std::string_view number,
                                 std::string_view language);

struct TextConsent {
  bool granted = false;
  std::string number;  // E.164; empty when never asked
  std::string source;  // portal, staff, reply
  std::string at;      // when
};

// Errors: not_found for an unknown account.
Result<TextConsent> text_consent(store::Database& database, const AccountNumber& account);

struct TextConsentGrant {
  std::string number;    // as typed
  std::string language;  // of the words shown
  std::string wording;   // the words shown, which must be text_consent_wording's
  std::string source;    // "portal" or "staff"
  std::string client_address;
  std::string actor;
};

// Records consent and a "texts.consented" event. Errors (nothing written): not_found;
// invalid_input naming "number" (not a mobile number, phone_number.h), "wording" (not the words
// this number and language are shown: coded "consent-wording-changed"), "source", "language".
Result<TextConsent> grant_text_consent(store::Database& database, const AccountNumber& account,
                                       const TextConsentGrant& grant);

// Withdraws consent ("texts.stopped" event); nothing when it was not granted. Errors: not_found.
Result<TextConsent> withdraw_text_consent(store::Database& database, const AccountNumber& account,
                                          const std::string& source,
                                          const std::string& client_address,
                                          const std::string& actor);

struct InboundText {
  std::string provider_id;  // the provider's id for the message ("SM...")
  std::string from;         // E.164
  std::string body;
};

struct InboundAnswer {
  std::string action;     // stop, start, help, none
  int accounts = 0;       // accounts whose consent changed
  bool repeated = false;  // the provider posted this message before: nothing done again
};

// Records the text and acts on it (above), in one write. Errors: invalid_input ("From") for a
// number not in E.164 or ("MessageSid") for an empty id.
Result<InboundAnswer> receive_text(store::Database& database, const InboundText& text);

// Records the provider's status for the text it named `provider_id` (delivered, undelivered,
// failed, ...). Returns whether a text of ours has that id.
Result<bool> record_text_status(store::Database& database, const std::string& provider_id,
                                const std::string& status, const std::string& error);

}  // namespace rp::notify
