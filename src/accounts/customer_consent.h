#pragma once
// A customer's consent to a change staff make for them. Budget billing and autopay change what the
// customer is asked to pay and when money leaves their bank, so only the customer decides: in the
// portal they act themselves; on the phone or at the counter a representative acts for them and
// records who agreed, how, and any reference (a call recording id, a signed form's number). The
// consent goes into the account event of the change, so the history reads "... at the request of
// Susan Smith, by phone" next to the representative's own name.

#include <optional>
#include <string>

#include "core/json_writer.h"
#include "core/result.h"

namespace rp::accounts {

inline constexpr std::size_t kLongestConsentText = 100;

struct CustomerConsent {
  std::string given_by;   // the person who agreed, as they named themselves
  std::string how;        // phone | in_person | written
  std::string reference;  // optional: a call recording id, a form number
};

// Errors: invalid_input naming "consent.given_by" (empty or longer than kLongestConsentText),
// "consent.how" (not phone, in_person or written) or "consent.reference" (too long). Text with
// control characters is refused as well.
Result<void> check_consent(const CustomerConsent& consent);

// A change made by `actor` for the customer needs the customer's consent unless the actor is a
// portal login acting on its own account ("customer:<id>"). Errors: invalid_input ("consent")
// when it is needed and missing, else check_consent's.
Result<void> require_consent(const std::string& actor,
                             const std::optional<CustomerConsent>& consent);

// Words for the history: " at the request of Susan Smith, by phone (call 4471)", or "" without
// consent.
std::string consent_words(const std::optional<CustomerConsent>& consent);

// Writes `"consent": {...}` into an open object, or nothing without consent.
void write_consent(JsonWriter& out, const std::optional<CustomerConsent>& consent);

}  // namespace rp::accounts
