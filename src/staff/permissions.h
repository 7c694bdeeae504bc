#pragma once
// What staff may do: permissions are named actions ("payments.take"); roles are sets of them. The
// utility's roles live in the database (staff_roles); the roles Ratepayer ships are written there
// on every start (sync_shipped_roles, roles.h) so an upgrade brings their new permissions.
// Every staff route declares the one permission it needs in the route table (api/routes.cc).

#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace rp::staff {

struct PermissionInfo {
  std::string_view name;         // "payments.take"
  std::string_view description;  // what it allows, for the console and the docs
};

// Every permission there is, in the order the docs list them.
std::span<const PermissionInfo> all_permissions();

// Whether `name` is one of all_permissions().
bool is_permission(std::string_view name);

// Whether a staff user must have given their password and a code within the last few minutes
// to use `permission` (staff_sign_in.h kRecentSignIn): approving and moving money, changing the
// rules, people and exports. API keys, which cannot sign in, are not asked.
bool needs_recent_sign_in(std::string_view permission);

struct ShippedRole {
  std::string_view name;   // "billing_clerk"
  std::string_view label;  // "Billing clerk"
  std::vector<std::string_view> permissions;
};

// The roles Ratepayer ships: customer service representative, cashier, billing clerk, billing
// manager, collections, field dispatcher, field technician, outage coordinator, administrator
// (every permission) and auditor (read-only, with the audit trail).
std::span<const ShippedRole> shipped_roles();

// The permissions a set of roles gives, sorted, without repeats.
std::vector<std::string> permissions_of(std::span<const std::string> roles);

}  // namespace rp::staff
