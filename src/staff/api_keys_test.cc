#include "staff/api_keys.h"

#include <gtest/gtest.h>

#include "core/time.h"
#include "store/testing/test_database.h"

namespace rp::staff {
namespace {

using store::testing::count;

class ApiKeysTest : public ::testing::Test {
 protected:
  IssuedApiKey create(const NewApiKey& request) {
    auto issued = test_->write<IssuedApiKey>(
        [&](store::Session& session) { return create_api_key(session, request); });
    EXPECT_TRUE(issued.ok()) << (issued.ok() ? "" : issued.error().message);
    return issued.ok() ? *issued : IssuedApiKey{};
  }

  std::optional<StaffIdentity> identity(const std::string& key) {
    auto found = api_key_identity(test_.database(), key);
    EXPECT_TRUE(found.ok()) << (found.ok() ? "" : found.error().message);
    return found.ok() ? *found : std::nullopt;
  }

  store::testing::TestDatabase test_;
};

TEST_F(ApiKeysTest, AKeyIsShownOnceStoredAsADigestAndActsWithItsPermissionsOnly) {
  const IssuedApiKey issued = create(
      {"AMI head-end", {"meter_data.ingest", "accounts.read", "meter_data.ingest"}, "system:cli"});
  EXPECT_TRUE(issued.key.starts_with("rpk_")) << issued.key;
  EXPECT_EQ(count(test_.database(), "SELECT COUNT(*) FROM api_keys WHERE secret_hash LIKE '%" +
                                        issued.key.substr(21, 10) + "%'"),
            0);
  auto who = identity(issued.key);
  ASSERT_TRUE(who.has_value());
  EXPECT_EQ(who->actor(), "api_key:" + std::to_string(issued.id));
  EXPECT_EQ(who->name, "AMI head-end");
  EXPECT_EQ(who->permissions, (std::vector<std::string>{"accounts.read", "meter_data.ingest"}));
  EXPECT_TRUE(who->may("meter_data.ingest"));
  EXPECT_FALSE(who->may("payments.take"));
  EXPECT_EQ(count(test_.database(), "SELECT COUNT(*) FROM api_keys WHERE last_used_at IS NOT NULL"),
            1);
}

TEST_F(ApiKeysTest, AWrongSecretAMadeUpKeyOrGarbageIsNoOne) {
  const IssuedApiKey issued = create({"reports", {"accounts.read"}, "system:cli"});
  std::string wrong = issued.key;
  wrong.back() = wrong.back() == 'A' ? 'B' : 'A';
  EXPECT_FALSE(identity(wrong).has_value());
  EXPECT_FALSE(identity("rpk_0000000000000000_" + std::string(43, 'A')).has_value());
  EXPECT_FALSE(identity("").has_value());
  EXPECT_FALSE(identity("rpk_").has_value());
  EXPECT_FALSE(identity("staff-secret-token").has_value());
  EXPECT_FALSE(identity(issued.key.substr(0, 21)).has_value());
}

TEST_F(ApiKeysTest, BadRequestsAreRefusedByNameAndWriteNothing) {
  for (const NewApiKey& bad :
       {NewApiKey{"", {"accounts.read"}, "system:cli"},
        NewApiKey{std::string(101, 'k'), {"accounts.read"}, "system:cli"},
        NewApiKey{"none", {}, "system:cli"}, NewApiKey{"typo", {"acounts.read"}, "system:cli"}}) {
    auto refused = test_->write<IssuedApiKey>(
        [&](store::Session& session) { return create_api_key(session, bad); });
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.error().field,
              bad.name.empty() || bad.name.size() > 100 ? "name" : "permissions");
  }
  EXPECT_EQ(count(test_.database(), "SELECT COUNT(*) FROM api_keys"), 0);
}

TEST_F(ApiKeysTest, ARotatedKeyWorksThroughItsOverlapThenStopsAndARevokedKeyStopsAtOnce) {
  const IssuedApiKey old_key = create({"lockbox", {"lockbox.apply"}, "system:cli"});
  auto rotated = test_->write<IssuedApiKey>([&](store::Session& session) {
    return rotate_api_key(session, old_key.id, std::chrono::hours(1), "staff:1");
  });
  ASSERT_TRUE(rotated.ok()) << rotated.error().message;
  EXPECT_TRUE(identity(old_key.key).has_value());  // within the hour
  auto new_one = identity(rotated->key);
  ASSERT_TRUE(new_one.has_value());
  EXPECT_EQ(new_one->permissions, std::vector<std::string>{"lockbox.apply"});
  // An old key is rotated once.
  auto twice = test_->write<IssuedApiKey>([&](store::Session& session) {
    return rotate_api_key(session, old_key.id, std::chrono::hours(1), "staff:1");
  });
  EXPECT_FALSE(twice.ok());
  // The overlap ends.
  auto ended = test_->write_work([&](store::Session& session) -> Result<void> {
    RP_TRY(session.execute("UPDATE api_keys SET expires_at = :at WHERE id = :id",
                           {format_instant(now() - std::chrono::seconds(1)), old_key.id}));
    return success();
  });
  ASSERT_TRUE(ended.ok());
  EXPECT_TRUE(identity(old_key.key).has_value());  // known to this process for kKeyCacheLife
  forget_known_api_keys();                         // ... which passes
  EXPECT_FALSE(identity(old_key.key).has_value());

  auto listed_before = test_->read<std::vector<ApiKeyView>>(
      [](store::Session& session) { return api_keys_in_use(session); });
  ASSERT_TRUE(listed_before.ok());
  ASSERT_EQ(listed_before->size(), 1u);
  EXPECT_EQ(listed_before->at(0).id, rotated->id);

  auto revoked = test_->write_work(
      [&](store::Session& session) { return revoke_api_key(session, rotated->id, "staff:1"); });
  ASSERT_TRUE(revoked.ok());
  EXPECT_FALSE(identity(rotated->key).has_value());
  auto again = test_->write_work(
      [&](store::Session& session) { return revoke_api_key(session, rotated->id, "staff:1"); });
  EXPECT_FALSE(again.ok());
  auto listed = test_->read<std::vector<ApiKeyView>>(
      [](store::Session& session) { return api_keys_in_use(session); });
  ASSERT_TRUE(listed.ok());
  EXPECT_TRUE(listed->empty());
}

}  // namespace
}  // namespace rp::staff
