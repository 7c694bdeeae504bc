#include "staff/api_keys.h"

#include <sodium.h>

#include <algorithm>
#include <cstdint>
#include <mutex>
#include <sstream>
#include <unordered_map>

#include "auth/credentials.h"
#include "core/time.h"
#include "staff/permissions.h"

namespace rp::staff {
namespace {

constexpr std::string_view kKeyPrefix = "rpk_";
constexpr std::size_t kPublicIdLength = 16;
constexpr auto kLastUsedGranularity = std::chrono::minutes(1);

// Keys found in the last kKeyCacheLife, so most requests of an integration cost no query: a key
// revoked or rotated out in this process is forgotten at once, in another server process within
// kKeyCacheLife.
struct CachedKey {
  StaffIdentity identity;
  std::string expires_at;  // the key's own end after a rotation, "" when none
  Instant fetched;
};

class KeyCache {
 public:
  std::optional<StaffIdentity> find(const std::string& name, Instant at,
                                    const std::string& at_text) {
    std::lock_guard lock(mutex_);
    auto found = keys_.find(name);
    if (found == keys_.end()) return std::nullopt;
    const CachedKey& key = found->second;
    if (at - key.fetched > kKeyCacheLife ||
        (!key.expires_at.empty() && key.expires_at <= at_text)) {
      keys_.erase(found);
      return std::nullopt;
    }
    return key.identity;
  }
  void keep(const std::string& name, CachedKey key) {
    std::lock_guard lock(mutex_);
    if (keys_.size() > 10000) keys_.clear();
    keys_[name] = std::move(key);
  }
  void forget_all() {
    std::lock_guard lock(mutex_);
    keys_.clear();
  }

 private:
  std::mutex mutex_;
  std::unordered_map<std::string, CachedKey> keys_;
};

KeyCache& key_cache() {
  static KeyCache cache;
  return cache;
}

std::string new_public_id() {
  unsigned char bytes[kPublicIdLength / 2];
  randombytes_buf(bytes, sizeof bytes);
  static constexpr char kHex[] = "0123456789abcdef";
  std::string id;
  for (unsigned char byte : bytes) {
    id.push_back(kHex[byte >> 4]);
    id.push_back(kHex[byte & 15]);
  }
  return id;
}

std::string joined(const std::vector<std::string>& permissions) {
  std::string out;
  for (const std::string& permission : permissions) out += (out.empty() ? "" : " ") + permission;
  return out;
}

std::vector<std::string> split(const std::string& permissions) {
  std::vector<std::string> out;
  std::istringstream words(permissions);
  for (std::string word; words >> word;) out.push_back(word);
  std::sort(out.begin(), out.end());
  return out;
}

Result<IssuedApiKey> insert_key(store::Session& session, const std::string& name,
                                const std::vector<std::string>& permissions,
                                const std::string& actor) {
  const std::string public_id = new_public_id();
  const std::string secret = auth::new_secret_token();
  auto rows = session.query_named("staff/insert_api_key",
                                  {name, public_id, auth::token_digest(secret), joined(permissions),
                                   format_instant(now()), actor});
  RP_TRY(rows);
  return IssuedApiKey{rows->at(0).integer("id"),
                      std::string(kKeyPrefix) + public_id + "_" + secret};
}

}  // namespace

Result<IssuedApiKey> create_api_key(store::Session& session, const NewApiKey& request) {
  if (request.name.empty() || request.name.size() > 100) {
    return invalid_input("name", "name the key by what uses it (1 to 100 characters)");
  }
  if (request.permissions.empty()) {
    return invalid_input("permissions", "give the key at least one permission");
  }
  std::vector<std::string> permissions = request.permissions;
  for (const std::string& permission : permissions) {
    if (!is_permission(permission)) {
      return invalid_input("permissions", "there is no permission '" + permission + "'");
    }
  }
  std::sort(permissions.begin(), permissions.end());
  permissions.erase(std::unique(permissions.begin(), permissions.end()), permissions.end());
  return insert_key(session, request.name, permissions, request.created_by);
}

Result<std::optional<StaffIdentity>> api_key_identity(store::Database& database,
                                                      std::string_view presented) {
  const std::size_t secret_at = kKeyPrefix.size() + kPublicIdLength + 1;
  if (!presented.starts_with(kKeyPrefix) || presented.size() <= secret_at ||
      presented[secret_at - 1] != '_') {
    return std::optional<StaffIdentity>{};
  }
  const std::string public_id(presented.substr(kKeyPrefix.size(), kPublicIdLength));
  const std::string digest = auth::token_digest(presented.substr(secret_at));
  const Instant at = now();
  const std::string at_text = format_instant(at);
  // The database's address keeps two databases in one process (tests) apart.
  const std::string cache_name =
      std::to_string(reinterpret_cast<std::uintptr_t>(&database)) + "/" + public_id + "/" + digest;
  if (auto cached = key_cache().find(cache_name, at, at_text)) {
    return std::optional<StaffIdentity>{*cached};
  }
  struct Found {
    StaffIdentity identity;
    std::string last_used_at;
    std::string expires_at;
  };
  auto found = database.read<std::optional<Found>>(
      [&](store::Session& session) -> Result<std::optional<Found>> {
        auto rows = session.query_named("staff/api_key_by_public_id", {public_id});
        RP_TRY(rows);
        if (rows->empty()) return std::optional<Found>{};
        const store::Row& row = rows->at(0);
        // Digests: comparing them tells nothing of the secret.
        if (row.text("secret_hash") != digest || !row.is_null("revoked_at")) {
          return std::optional<Found>{};
        }
        const std::string expires = row.text("expires_at");
        if (!expires.empty() && expires <= at_text) return std::optional<Found>{};
        return std::optional<Found>{Found{{StaffIdentity::Kind::api_key, row.integer("id"),
                                           row.text("name"), split(row.text("permissions")), ""},
                                          row.text("last_used_at"),
                                          expires}};
      });
  RP_TRY(found);
  if (!*found) return std::optional<StaffIdentity>{};
  const std::string stale = format_instant(at - kLastUsedGranularity);
  if ((*found)->last_used_at < stale) {
    RP_TRY(database.write_work([&](store::Session& session) -> Result<void> {
      RP_TRY(session.execute_named("staff/touch_api_key", {at_text, (*found)->identity.id}));
      return success();
    }));
  }
  key_cache().keep(cache_name, {(*found)->identity, (*found)->expires_at, at});
  return std::optional<StaffIdentity>{(*found)->identity};
}

Result<IssuedApiKey> rotate_api_key(store::Session& session, std::int64_t id,
                                    std::chrono::seconds overlap, const std::string& actor) {
  auto rows = session.query_named("staff/api_key_by_id", {id});
  RP_TRY(rows);
  if (rows->empty() || !rows->at(0).is_null("revoked_at") || !rows->at(0).is_null("replaced_by")) {
    return not_found("there is no API key " + std::to_string(id) + " in use to rotate");
  }
  auto issued =
      insert_key(session, rows->at(0).text("name"), split(rows->at(0).text("permissions")), actor);
  RP_TRY(issued);
  RP_TRY(session.execute_named("staff/retire_api_key",
                               {format_instant(now() + overlap), issued->id, id}));
  key_cache().forget_all();
  return issued;
}

void forget_known_api_keys() {
  key_cache().forget_all();
}

Result<void> revoke_api_key(store::Session& session, std::int64_t id, const std::string& actor) {
  auto changed = session.execute_named("staff/revoke_api_key", {format_instant(now()), actor, id});
  RP_TRY(changed);
  if (*changed != 1) return not_found("there is no API key " + std::to_string(id) + " in use");
  key_cache().forget_all();
  return success();
}

Result<std::int64_t> revoke_api_keys_made_by(store::Session& session, const std::string& made_by,
                                             const std::string& actor) {
  key_cache().forget_all();
  return session.execute_named("staff/revoke_api_keys_made_by",
                               {format_instant(now()), actor, made_by});
}

Result<std::vector<ApiKeyView>> api_keys_in_use(store::Session& session) {
  auto rows = session.query_named("staff/api_keys_in_use", {format_instant(now())});
  RP_TRY(rows);
  std::vector<ApiKeyView> keys;
  for (const store::Row& row : *rows) {
    keys.push_back({row.integer("id"), row.text("name"), row.text("public_id"),
                    split(row.text("permissions")), row.text("created_at"), row.text("created_by"),
                    row.text("last_used_at"), row.text("expires_at")});
  }
  return keys;
}

}  // namespace rp::staff
