#pragma once
// What a customer's new password must be (pure): 12 to 128 characters, not one of the common
// passwords attackers try first (common_passwords.cc, matched ignoring case), not the email
// address or its name part, and not one character repeated. Length over composition rules, as
// NIST SP 800-63B recommends.

#include <string_view>

#include "core/result.h"

namespace rp::auth {

inline constexpr std::size_t kShortestPassword = 12;
inline constexpr std::size_t kLongestPassword = 128;

// Errors: invalid_input ("password") saying which rule the password breaks.
Result<void> check_new_password(std::string_view password, std::string_view email);

// Whether `password` (any case) is on the common-password list.
bool is_common_password(std::string_view password);

}  // namespace rp::auth
