#include "core/idempotency_key.h"

#include "core/assert.h"

namespace rp {
namespace {

constexpr std::string_view kClientPrefix = "client:";
constexpr std::string_view kSystemPrefix = "system:";

bool printable(char c) {
  return c >= 0x20 && c <= 0x7e;
}

}  // namespace

Result<void> check_client_key(std::string_view key, std::string_view field) {
  const std::string name(field);
  if (key.empty() || key.size() > kLongestClientKey) {
    return invalid_input(name, "send an " + name +
                                   " of 1 to 200 characters: a retry with the same key gets the "
                                   "first answer and moves no money twice");
  }
  for (char c : key) {
    if (!printable(c)) {
      return invalid_input(name, name + " may hold printable ASCII characters only");
    }
  }
  if (key.front() == ' ' || key.back() == ' ') {
    return invalid_input(name, name + " must not begin or end with a space");
  }
  return success();
}

std::string client_idempotency_key(std::string_view scope, std::string_view key) {
  RP_ASSERT(!scope.empty(), "a client key needs a scope");
  RP_ASSERT(check_client_key(key, "key").ok(), "check the client's key before scoping it");
  std::string stored(kClientPrefix);
  stored.append(scope).append(":").append(key);
  return stored;
}

std::string system_idempotency_key(std::string_view job, std::string_view item) {
  RP_ASSERT(!job.empty() && job.find(':') == std::string_view::npos,
            "a system job's name is not empty and has no ':'");
  RP_ASSERT(!item.empty(), "a system key names its item");
  std::string stored(kSystemPrefix);
  stored.append(job).append(":").append(item);
  return stored;
}

Result<void> check_stored_key(std::string_view stored, std::string_view field) {
  const bool named = stored.starts_with(kClientPrefix) || stored.starts_with(kSystemPrefix);
  if (!named || stored.size() > kLongestStoredKey) {
    return invalid_input(std::string(field),
                         "an idempotency key must be made by client_idempotency_key or "
                         "system_idempotency_key (at most 400 characters)");
  }
  return success();
}

}  // namespace rp
