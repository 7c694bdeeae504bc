#pragma once
// Reading a customer's consent (accounts/customer_consent.h) from a request body:
// {"consent": {"given_by": "Susan Smith", "how": "phone", "reference": "call 4471"}}.

#include <optional>

#include "accounts/customer_consent.h"
#include "core/json.h"
#include "core/result.h"

namespace rp::api {

// body["consent"], or none when the body is not an object or has no consent (null counts as none).
// Errors: invalid_input naming "consent" (not an object) or "consent.given_by", "consent.how",
// "consent.reference" (not a string, or refused by accounts::check_consent).
Result<std::optional<accounts::CustomerConsent>> consent_field(const json& body);

}  // namespace rp::api
