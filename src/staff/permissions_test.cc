#include "staff/permissions.h"

#include <gtest/gtest.h>

#include <set>

namespace rp::staff {
namespace {

TEST(Permissions, EveryShippedRoleGrantsOnlyPermissionsThatExist) {
  std::set<std::string_view> names;
  for (const ShippedRole& role : shipped_roles()) {
    EXPECT_TRUE(names.insert(role.name).second) << "two roles named " << role.name;
    EXPECT_FALSE(role.permissions.empty()) << role.name;
    for (std::string_view permission : role.permissions) {
      EXPECT_TRUE(is_permission(permission)) << role.name << " grants unknown " << permission;
    }
  }
  EXPECT_EQ(names.size(), 10u);
}

TEST(Permissions, TheAdministratorHasEveryPermissionAndTheAuditorChangesNothing) {
  const std::vector<std::string> admin = permissions_of(std::vector<std::string>{"administrator"});
  EXPECT_EQ(admin.size(), all_permissions().size());
  for (const std::string& permission : permissions_of(std::vector<std::string>{"auditor"})) {
    // Reading, and exporting what they read (the audit trail, for a regulator).
    EXPECT_TRUE(permission.ends_with(".read") || permission == "audit.export")
        << "the auditor may " << permission;
  }
}

TEST(Permissions, NoOneWhoRequestsAdjustmentsApprovesThemExceptManagersAndAdministrators) {
  for (const ShippedRole& role : shipped_roles()) {
    const bool approves = std::find(role.permissions.begin(), role.permissions.end(),
                                    "adjustments.approve") != role.permissions.end();
    EXPECT_EQ(approves, role.name == "billing_manager" || role.name == "administrator")
        << role.name;
  }
}

TEST(Permissions, RolesCombineWithoutRepeats) {
  const auto both = permissions_of(std::vector<std::string>{"cashier", "customer_service"});
  EXPECT_TRUE(std::is_sorted(both.begin(), both.end()));
  EXPECT_EQ(std::set<std::string>(both.begin(), both.end()).size(), both.size());
  EXPECT_TRUE(std::binary_search(both.begin(), both.end(), "lockbox.apply"));
  EXPECT_TRUE(std::binary_search(both.begin(), both.end(), "adjustments.request"));
  EXPECT_TRUE(permissions_of(std::vector<std::string>{"nobody"}).empty());
}

}  // namespace
}  // namespace rp::staff
