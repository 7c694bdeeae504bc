#pragma once
// API keys: the credentials integrations call with (a head-end pushing reads, a lockbox or
// processor webhook, a reporting tool). Each is named, scoped to permissions, shown once when
// made and stored only as a digest, rotatable with an overlap, and records when it was last used.
//
// A key reads "rpk_<public id>_<secret>": the public id (16 hex digits) finds the key and is
// what lists show; the secret (43 characters of base64url) proves it. It is sent as
// "Authorization: Bearer <key>".

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/result.h"
#include "staff/identity.h"
#include "store/database.h"

namespace rp::staff {

struct NewApiKey {
  std::string name;                      // what it is for: "AMI head-end"
  std::vector<std::string> permissions;  // each one of all_permissions()
  std::string created_by;                // the actor making it
};

struct IssuedApiKey {
  std::int64_t id = 0;
  std::string key;  // the whole key: shown once, never stored
};

// Errors (nothing written): invalid_input "name" (empty or longer than 100 characters),
// "permissions" (none, or one that does not exist: named).
Result<IssuedApiKey> create_api_key(store::Session& session, const NewApiKey& request);

// How long a key found stays known to this process without asking the database again: a key
// revoked or rotated in another server process stops working here within this.
inline constexpr std::chrono::seconds kKeyCacheLife{2};

// The identity of a presented key, or nullopt when it is malformed, unknown, revoked or past its
// overlap after a rotation. Records the time it was used (at most once a minute per key).
Result<std::optional<StaffIdentity>> api_key_identity(store::Database& database,
                                                      std::string_view presented);

// A new key with the same name and permissions; the old one keeps working for `overlap` (so the
// integration can be switched without a gap), then stops. Errors: not_found for an unknown or
// revoked key.
Result<IssuedApiKey> rotate_api_key(store::Session& session, std::int64_t id,
                                    std::chrono::seconds overlap, const std::string& actor);

// Forgets every key this process knows without asking (as kKeyCacheLife passing does): for tests
// that change keys in the database behind the process, as another server would.
void forget_known_api_keys();

// Stops a key at once (in this process; in others within kKeyCacheLife). Errors: not_found for an
// unknown or already revoked key.
Result<void> revoke_api_key(store::Session& session, std::int64_t id, const std::string& actor);

// Revokes every key in use that `made_by` made (the demo's key from an earlier start); how many.
Result<std::int64_t> revoke_api_keys_made_by(store::Session& session, const std::string& made_by,
                                             const std::string& actor);

struct ApiKeyView {
  std::int64_t id = 0;
  std::string name;
  std::string public_id;
  std::vector<std::string> permissions;
  std::string created_at;
  std::string created_by;
  std::string last_used_at;  // empty: never used
  std::string expires_at;    // empty: until revoked
};

// The keys that still work (not revoked, not past a rotation's overlap), newest first.
Result<std::vector<ApiKeyView>> api_keys_in_use(store::Session& session);

}  // namespace rp::staff
