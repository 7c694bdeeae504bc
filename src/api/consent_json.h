#pragma once
// Reading a customer's consent (accounts/customer_consent.h) from a request body:
// {"consent": {"given_by": "Susan Smith", "how": "phone", "reference": "call 4471"}}.

#include <optional>

#include "accounts/customer_consent.h"
#include "core/json.h"
#include "core/result.h"
#include "http/request.h"

namespace rp::api {

// body["consent"], or none when the body is not an object or has no consent (null counts as none).
// Errors: invalid_input naming "consent" (not an object) or "consent.given_by", "consent.how",
// "consent.reference" (not a string, or refused by accounts::check_consent).
Result<std::optional<accounts::CustomerConsent>> consent_field(const json& body);

// The consent of a request whose body is optional (a DELETE): none without a body, else
// consent_field of the body. Errors: invalid_input for a body that is not JSON, else
// consent_field's.
Result<std::optional<accounts::CustomerConsent>> consent_of(const http::Request& request);

}  // namespace rp::api
