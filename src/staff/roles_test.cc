#include "staff/roles.h"

#include <gtest/gtest.h>

#include "staff/permissions.h"
#include "store/testing/test_database.h"

namespace rp::staff {
namespace {

Result<void> sync(store::Database& database) {
  return database.write_work([](store::Session& session) { return sync_shipped_roles(session); });
}

TEST(Roles, TheShippedRolesAreWrittenAndRewrittenWithExactlyTheirPermissions) {
  store::testing::TestDatabase test;
  ASSERT_TRUE(sync(test.database()).ok());
  // A utility's own role, and a permission someone added to a shipped role by hand.
  auto changed = test->write_work([](store::Session& session) -> Result<void> {
    RP_TRY(
        session.execute("INSERT INTO staff_roles (name, label, shipped) VALUES "
                        "('meter_reader', 'Meter reader', 0)"));
    RP_TRY(
        session.execute("INSERT INTO staff_role_permissions VALUES "
                        "('meter_reader', 'meter_data.ingest'), ('cashier', 'refunds.issue')"));
    return success();
  });
  ASSERT_TRUE(changed.ok()) << changed.error().message;
  ASSERT_TRUE(sync(test.database()).ok());
  auto cashier = test->read<std::vector<std::string>>(
      [](store::Session& session) { return role_permissions(session, "cashier"); });
  ASSERT_TRUE(cashier.ok());
  EXPECT_EQ(*cashier, permissions_of(std::vector<std::string>{"cashier"}));
  auto own = test->read<std::vector<std::string>>(
      [](store::Session& session) { return role_permissions(session, "meter_reader"); });
  ASSERT_TRUE(own.ok());
  EXPECT_EQ(*own, std::vector<std::string>{"meter_data.ingest"});
  EXPECT_EQ(
      store::testing::count(test.database(), "SELECT COUNT(*) FROM staff_roles WHERE shipped = 1"),
      static_cast<std::int64_t>(shipped_roles().size()));
}

TEST(Roles, AnUnknownRoleIsNamedWithTheRolesThereAre) {
  store::testing::TestDatabase test;
  ASSERT_TRUE(sync(test.database()).ok());
  auto unknown = test->read<std::vector<std::string>>(
      [](store::Session& session) { return role_permissions(session, "boss"); });
  ASSERT_FALSE(unknown.ok());
  EXPECT_EQ(unknown.error().field, "role");
  EXPECT_NE(unknown.error().message.find("billing_clerk"), std::string::npos);
}

}  // namespace
}  // namespace rp::staff
