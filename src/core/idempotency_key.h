#pragma once
// Idempotency keys as they are stored. A retried request carries the key of its first attempt
// and gets the first attempt's answer; so a key is a claim on an answer, and whoever can write a
// key can block or replay the request it names. Two namespaces keep that power where it belongs:
//
//  * client keys, sent in an Idempotency-Key header, are stored as
//    "client:<scope>:<key>", where the scope names the account and the caller who sent it
//    ("account:100000017/customer:42"). Another login, a staff user or another account using the
//    same text gets a key of its own; nothing a client sends can name another scope.
//  * system keys, for the server's own jobs (a scheduled payment, an autopay charge), are stored
//    as "system:<job>:<id>". No client key can begin with "system:", so no request can claim one.
//
// Services check stored keys with valid_stored_key; only these two functions make them.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/result.h"

namespace rp {

inline constexpr std::size_t kLongestClientKey = 200;  // what a client may send
inline constexpr std::size_t kLongestStoredKey = 400;  // with the scope around it

// Checks what a client sent: 1-200 printable ASCII characters (no spaces at either end, no
// control characters). Errors: invalid_input naming `field`.
Result<void> check_client_key(std::string_view key, std::string_view field);

// "client:<scope>:<key>". Requires: check_client_key(key) passed; scope is not empty.
std::string client_idempotency_key(std::string_view scope, std::string_view key);

// "system:<job>:<item>" (the item: a row id, a lockbox item's key). Requires: job is not empty
// and has no ':'; item is not empty.
std::string system_idempotency_key(std::string_view job, std::string_view item);

// Whether `stored` was made by one of the two functions above (and is at most
// kLongestStoredKey long). Services refuse anything else with invalid_input naming `field`.
Result<void> check_stored_key(std::string_view stored, std::string_view field);

}  // namespace rp
