#include "accounts/customer_consent.h"

#include <algorithm>

namespace rp::accounts {
namespace {

bool has_control_character(const std::string& text) {
  return std::any_of(text.begin(), text.end(), [](char c) {
    const auto byte = static_cast<unsigned char>(c);
    return byte < 0x20 || byte == 0x7f;
  });
}

Result<void> check_text(const std::string& text, const char* field, bool required) {
  if (required && text.empty()) {
    return invalid_input(field, std::string(field) + " is required: who agreed to the change");
  }
  if (text.size() > kLongestConsentText) {
    return invalid_input(field, std::string(field) + " is longer than " +
                                    std::to_string(kLongestConsentText) + " characters");
  }
  if (has_control_character(text)) {
    return invalid_input(field, std::string(field) + " holds a control character");
  }
  return success();
}

std::string how_words(const std::string& how) {
  if (how == "in_person") return "in person";
  if (how == "written") return "in writing";
  return "by phone";
}

}  // namespace

Result<void> check_consent(const CustomerConsent& consent) {
  RP_TRY(check_text(consent.given_by, "consent.given_by", true));
  if (consent.how != "phone" && consent.how != "in_person" && consent.how != "written") {
    return invalid_input("consent.how", "consent.how must be phone, in_person or written");
  }
  return check_text(consent.reference, "consent.reference", false);
}

Result<void> require_consent(const std::string& actor,
                             const std::optional<CustomerConsent>& consent) {
  if (!consent) {
    if (actor.starts_with("customer:")) return success();
    return invalid_input("consent",
                         "a change made for the customer needs their consent: who agreed "
                         "(consent.given_by) and how (consent.how: phone, in_person or written)")
        .coded("consent-required");
  }
  return check_consent(*consent);
}

std::string consent_words(const std::optional<CustomerConsent>& consent) {
  if (!consent) return "";
  std::string words = " at the request of " + consent->given_by + ", " + how_words(consent->how);
  if (!consent->reference.empty()) words += " (" + consent->reference + ")";
  return words;
}

void write_consent(JsonWriter& out, const std::optional<CustomerConsent>& consent) {
  if (!consent) return;
  out.key("consent").begin_object().key("given_by").string(consent->given_by);
  out.key("how").string(consent->how).key("reference").string(consent->reference).end_object();
}

}  // namespace rp::accounts
