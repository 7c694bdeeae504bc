#include "core/email_address.h"

#include <gtest/gtest.h>

namespace rp {
namespace {

TEST(EmailAddress, OneAddressIsTrimmedAndLowerCasedAnythingElseIsNamed) {
  EXPECT_EQ(*normalize_email(" Maria@Example.com "), "maria@example.com");
  for (const char* bad : {"", "a@", "@example.com", "maria.example.com", "a@b@c.com",
                          "maria@example", "maria@example.com.", "a b@example.com",
                          "a@example.com, b@example.com", "a@example.com\r\nBcc: x@y.z"}) {
    auto checked = normalize_email(bad);
    ASSERT_FALSE(checked.ok()) << bad;
    EXPECT_EQ(checked.error().field, "email");
  }
}

}  // namespace
}  // namespace rp
