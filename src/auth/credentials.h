#pragma once
// The secrets a login is made of, on libsodium: password hashes (argon2id at libsodium's
// "interactive" cost: 2 passes over 64 MiB, about 0.1 s here, with the salt and cost in the hash
// text so they can be raised later), random tokens for sessions and emailed links, and the
// SHA-256 digests under which those tokens are stored (a copy of the database opens no session).

#include <string>
#include <string_view>

#include "core/result.h"
#include "core/secret_token.h"

namespace rp::auth {

// Errors: internal when libsodium cannot start or runs out of memory.
Result<std::string> hash_password(std::string_view password);

// True when `password` is the one `hash` was made from. Takes the full hashing time either way.
bool password_matches(std::string_view hash, std::string_view password);

// Link and cookie secrets (core/secret_token.h), named here as the callers have always used them.
using rp::new_secret_token;
using rp::token_digest;

// A short code a person types: 8 characters drawn from `alphabet` (which leaves out look-alikes),
// shown as two groups of four ("a1b2-c3d4"). Recovery codes, codes mailed on paper.
std::string new_typed_code(std::string_view alphabet);

// The digest under which a typed code of `purpose` is stored: the code with spaces and dashes
// dropped and letters lower-cased (so it may be typed in any case), SHA-256 after "<purpose>:".
std::string typed_code_digest(std::string_view purpose, std::string_view typed);

// `password_matches` against a fixed hash, for an email that has no login, so an attacker cannot
// tell unknown emails from wrong passwords by the time the answer takes.
void spend_password_check_time(std::string_view password);

}  // namespace rp::auth
