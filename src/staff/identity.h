#pragma once
// Who a staff-side request acts as, resolved once per request from the credential it carries
// (an API key today; a staff user's session cookie as well once staff sign in), never from a
// header the caller may write freely.

#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

namespace rp::staff {

struct StaffIdentity {
  enum class Kind { staff_user, api_key };
  Kind kind = Kind::api_key;
  std::int64_t id = 0;
  std::string name;                      // the user's name or the key's
  std::vector<std::string> permissions;  // sorted
  std::string home_account;              // a staff user's own account number (digits), "" when none

  bool may(std::string_view permission) const {
    return std::binary_search(permissions.begin(), permissions.end(), permission);
  }
  // As changes record it: "staff:12", "api_key:3".
  std::string actor() const {
    return (kind == Kind::staff_user ? "staff:" : "api_key:") + std::to_string(id);
  }
};

}  // namespace rp::staff
