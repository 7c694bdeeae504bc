#pragma once
// Idempotency keys for service tests: the key a client sent, scoped as the API scopes it
// (core/idempotency_key.h). An empty key stays empty, for the tests of a missing key.

#include <string>
#include <string_view>

#include "core/idempotency_key.h"

namespace rp::testing {

inline std::string client_key(std::string_view key) {
  return key.empty() ? std::string() : client_idempotency_key("account:test/customer:1", key);
}

}  // namespace rp::testing
