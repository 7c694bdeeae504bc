#include "api/consent_json.h"

#include "http/json_body.h"

namespace rp::api {
namespace {

Result<std::string> consent_text(const json& consent, const char* part, bool required) {
  const std::string field = std::string("consent.") + part;
  auto found = consent.find(part);
  if (found == consent.end() || found->is_null()) {
    if (required) return invalid_input(field, field + " is required");
    return std::string();
  }
  if (!found->is_string()) return invalid_input(field, field + " must be a string");
  return found->get<std::string>();
}

}  // namespace

Result<std::optional<accounts::CustomerConsent>> consent_field(const json& body) {
  if (!body.is_object()) return std::optional<accounts::CustomerConsent>();
  auto found = body.find("consent");
  if (found == body.end() || found->is_null()) return std::optional<accounts::CustomerConsent>();
  if (!found->is_object()) {
    return invalid_input("consent",
                         "consent must be an object: {\"given_by\": ..., \"how\": ..., "
                         "\"reference\": ...}");
  }
  accounts::CustomerConsent consent;
  auto given_by = consent_text(*found, "given_by", true);
  RP_TRY(given_by);
  auto how = consent_text(*found, "how", true);
  RP_TRY(how);
  auto reference = consent_text(*found, "reference", false);
  RP_TRY(reference);
  consent.given_by = std::move(*given_by);
  consent.how = std::move(*how);
  consent.reference = std::move(*reference);
  RP_TRY(accounts::check_consent(consent));
  return std::optional<accounts::CustomerConsent>(std::move(consent));
}

Result<std::optional<accounts::CustomerConsent>> consent_of(const http::Request& request) {
  if (request.body.empty()) return std::optional<accounts::CustomerConsent>();
  auto body = http::parse_json_body(request);
  RP_TRY(body);
  return consent_field(*body);
}

}  // namespace rp::api
