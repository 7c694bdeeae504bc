#include "auth/credentials.h"

#include <gtest/gtest.h>

namespace rp::auth {
namespace {

TEST(Credentials, APasswordMatchesOnlyItsOwnArgon2idHash) {
  auto hash = hash_password("correct horse battery staple");
  ASSERT_TRUE(hash.ok());
  EXPECT_TRUE(hash->starts_with("$argon2id$"));
  EXPECT_TRUE(password_matches(*hash, "correct horse battery staple"));
  EXPECT_FALSE(password_matches(*hash, "correct horse battery stapler"));
  EXPECT_FALSE(password_matches("not a hash", "correct horse battery staple"));
  // A fresh salt each time.
  auto again = hash_password("correct horse battery staple");
  ASSERT_TRUE(again.ok());
  EXPECT_NE(*hash, *again);
}

TEST(Credentials, TokensAreRandomAndStoredOnlyAsDigests) {
  const std::string a = new_secret_token();
  const std::string b = new_secret_token();
  EXPECT_EQ(a.size(), 43u);
  EXPECT_NE(a, b);
  EXPECT_EQ(a.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"),
            std::string::npos);
  EXPECT_EQ(token_digest("abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_NE(token_digest(a), token_digest(b));
}

}  // namespace
}  // namespace rp::auth
