#include "notify/sms_signature.h"

#include <gtest/gtest.h>

namespace rp::notify {
namespace {

// The example Twilio's documentation of request validation works through.
TEST(SmsSignature, MatchesTheProvidersPublishedExample) {
  const std::map<std::string, std::string> params{{"CallSid", "CA1234567890ABCDE"},
                                                  {"Caller", "+14158675310"},
                                                  {"Digits", "1234"},
                                                  {"From", "+14158675310"},
                                                  {"To", "+18005551212"}};
  const std::string url = "https://mycompany.com/myapp.php?foo=1&bar=2";
  const std::string token = "12345";
  EXPECT_EQ(sms_signature(token, url, params), "GvWf1cFY/Q7PnoempGyD5oXAezc=");
  EXPECT_TRUE(sms_signature_valid(token, url, params, "GvWf1cFY/Q7PnoempGyD5oXAezc="));
}

TEST(SmsSignature, AnyChangeOrAnotherSecretFails) {
  std::map<std::string, std::string> params{{"From", "+15415550134"}, {"Body", "STOP"}};
  const std::string good = sms_signature("secret", "https://p.example/api/v1/sms/inbound", params);
  EXPECT_TRUE(sms_signature_valid("secret", "https://p.example/api/v1/sms/inbound", params, good));
  EXPECT_FALSE(sms_signature_valid("other", "https://p.example/api/v1/sms/inbound", params, good));
  EXPECT_FALSE(sms_signature_valid("secret", "https://q.example/api/v1/sms/inbound", params, good));
  EXPECT_FALSE(sms_signature_valid("", "https://p.example/api/v1/sms/inbound", params, good));
  params["From"] = "+15415550135";
  EXPECT_FALSE(sms_signature_valid("secret", "https://p.example/api/v1/sms/inbound", params, good));
  EXPECT_FALSE(sms_signature_valid("secret", "https://p.example/api/v1/sms/inbound", params, ""));
}

}  // namespace
}  // namespace rp::notify
