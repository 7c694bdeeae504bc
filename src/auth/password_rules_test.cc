#include "auth/password_rules.h"

#include <gtest/gtest.h>

#include <string>

namespace rp::auth {
namespace {

std::string why(std::string_view password, std::string_view email = "maria@example.com") {
  auto checked = check_new_password(password, email);
  return checked.ok() ? "" : checked.error().message;
}

TEST(PasswordRules, ALongUncommonPasswordIsAccepted) {
  EXPECT_EQ(why("correct horse battery staple"), "");
  EXPECT_EQ(why("river-lamp-oboe-42"), "");
}

TEST(PasswordRules, EachRuleIsNamedWhenBroken) {
  EXPECT_NE(why("short1!").find("at least 12"), std::string::npos);
  EXPECT_NE(why(std::string(129, 'x') + "y").find("at most 128"), std::string::npos);
  EXPECT_NE(why("aaaaaaaaaaaaaa").find("repeated"), std::string::npos);
  EXPECT_NE(why("Password2026!").find("most common"), std::string::npos);
  EXPECT_NE(why("maria@example.com").find("email"), std::string::npos);
  EXPECT_NE(why("maria-is-here-2026").find("email"), std::string::npos);
  EXPECT_EQ(check_new_password("short", "a@b.co").error().field, "password");
}

TEST(PasswordRules, CommonPasswordsAreCaughtWithDigitsAndSymbolsAround) {
  EXPECT_TRUE(is_common_password("password1234"));
  EXPECT_TRUE(is_common_password("PASSWORDpassword"));
  EXPECT_TRUE(is_common_password("123456789012"));
  EXPECT_TRUE(is_common_password("!!Sunshine2025"));
  EXPECT_TRUE(is_common_password("1qaz2wsx3edc"));
  EXPECT_FALSE(is_common_password("sunshine on the porch"));
  EXPECT_FALSE(is_common_password("passwordless-login"));
}

}  // namespace
}  // namespace rp::auth
