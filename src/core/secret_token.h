#pragma once
// Secrets handed to a person in a link or a cookie, and what is stored of them.

#include <string>
#include <string_view>

namespace rp {

// 32 random bytes as 43 characters of base64url (no padding): session cookies, link tokens.
std::string new_secret_token();

// The lower-case hex SHA-256 of `token`: what is stored and looked up.
std::string token_digest(std::string_view token);

}  // namespace rp
