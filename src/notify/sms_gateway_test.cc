#include "notify/sms_gateway.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "notify/testing/sms_double.h"

namespace rp::notify {
namespace {

using testing::SmsDouble;

TEST(SmsGateway, TheProviderTakesTheMessageAndNamesIt) {
  SmsDouble provider;
  SmsGateway gateway(provider.settings());
  auto sent = gateway.send({"+15415550134", "Maple Valley Water: your code is 12 34 & more é"});
  ASSERT_TRUE(sent.ok()) << sent.error().message;
  const auto texts = provider.wait_for(1);
  ASSERT_EQ(texts.size(), 1u);
  EXPECT_EQ(texts[0].sid, *sent);
  EXPECT_EQ(texts[0].to, "+15415550134");
  EXPECT_EQ(texts[0].from, SmsDouble::kFrom);
  EXPECT_EQ(texts[0].body, "Maple Valley Water: your code is 12 34 & more é");
}

TEST(SmsGateway, ANumberTheProviderCannotTextIsRefusedForGood) {
  SmsDouble provider;
  SmsGateway gateway(provider.settings());
  auto sent = gateway.send({SmsDouble::kInvalidNumber, "hello"});
  ASSERT_FALSE(sent.ok());
  EXPECT_EQ(sent.error().kind, ErrorKind::invalid_input);
  EXPECT_NE(sent.error().message.find("not a valid phone number"), std::string::npos)
      << sent.error().message;
  EXPECT_TRUE(provider.texts().empty());
}

TEST(SmsGateway, WrongCredentialsAndAnUnavailableProviderAreTriedAgainLater) {
  SmsDouble provider;
  SmsSettings wrong = provider.settings();
  wrong.token = "not-the-token";
  auto refused = SmsGateway(wrong).send({"+15415550134", "hello"});
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().kind, ErrorKind::unavailable);
  EXPECT_NE(refused.error().message.find("401"), std::string::npos) << refused.error().message;

  provider.set_unavailable(true);
  auto busy = SmsGateway(provider.settings()).send({"+15415550134", "hello"});
  ASSERT_FALSE(busy.ok());
  EXPECT_EQ(busy.error().kind, ErrorKind::unavailable);

  auto nobody = SmsGateway({"http://127.0.0.1:1", "AC1", "t", "+15415550100", 5})
                    .send({"+15415550134", "hello"});
  ASSERT_FALSE(nobody.ok());
  EXPECT_EQ(nobody.error().kind, ErrorKind::unavailable);
  EXPECT_NE(nobody.error().message.find("did not answer"), std::string::npos);
  EXPECT_TRUE(provider.texts().empty());
}

TEST(SmsGateway, TheFormIsUrlEncoded) {
  EXPECT_EQ(messages_api_form({"+15415550134", "a b&c=d"}, "+15415550100"),
            "To=%2B15415550134&From=%2B15415550100&Body=a+b%26c%3Dd");
}

TEST(TextFolder, WritesEachTextToAFileNamedByItsId) {
  const auto folder = std::filesystem::temp_directory_path() / "rp-texts-test";
  std::filesystem::remove_all(folder);
  TextFolder texts(folder.string(), "+15415550100");
  auto sent = texts.send({"+15415550134", "hello"});
  ASSERT_TRUE(sent.ok());
  std::ifstream file(folder / *sent);
  std::stringstream text;
  text << file.rdbuf();
  EXPECT_EQ(text.str(), "To: +15415550134\nFrom: +15415550100\n\nhello\n");
  std::filesystem::remove_all(folder);
}

TEST(TextMessage, OnlyE164NumbersAreTexted) {
  EXPECT_TRUE(is_e164("+15415550134"));
  EXPECT_TRUE(is_e164("+447911123456"));
  EXPECT_FALSE(is_e164("5415550134"));
  EXPECT_FALSE(is_e164("+05415550134"));
  EXPECT_FALSE(is_e164("+1 541 555 0134"));
  EXPECT_FALSE(is_e164("+1234"));
}

}  // namespace
}  // namespace rp::notify
