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

TEST(EmailAddress, ControlAndFormatCharactersAreRefusedWithoutBeingEchoed) {
  for (const std::string& bad :
       {std::string("maria\0@example.com", 18), std::string("maria@exa\x01mple.com"),
        std::string("maria@example.com\x7f"),
        std::string("\xe2\x80\xaemoc.elpmaxe@airam"),  // U+202E right-to-left override
        std::string("mar\xe2\x80\x8bia@example.com"),  // U+200B zero-width space
        std::string("jos\xc3\xa9@example.com")}) {
    auto checked = normalize_email(bad);
    ASSERT_FALSE(checked.ok()) << bad;
    EXPECT_EQ(checked.error().field, "email");
    EXPECT_EQ(checked.error().message.find(bad), std::string::npos);
  }
}

}  // namespace
}  // namespace rp
