#include "auth/totp.h"

#include <gtest/gtest.h>

namespace rp::auth {
namespace {

// RFC 6238 appendix B: the SHA-1 key "12345678901234567890".
constexpr const char* kRfcKey = "3132333435363738393031323334353637383930";

TEST(Totp, CodesMatchTheRfc6238TestVectors) {
  EXPECT_EQ(totp_code(kRfcKey, 59), "287082");
  EXPECT_EQ(totp_code(kRfcKey, 1111111109), "081804");
  EXPECT_EQ(totp_code(kRfcKey, 1234567890), "005924");
  EXPECT_EQ(totp_base32(kRfcKey), "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
}

TEST(Totp, ACodeIsValidForItsStepAndOneEitherSideOnly) {
  const std::int64_t at = 1'800'000'015;  // inside step 60,000,000
  const std::string current = totp_code(kRfcKey, at);
  EXPECT_EQ(totp_step_of(kRfcKey, current, at), 60'000'000);
  EXPECT_EQ(totp_step_of(kRfcKey, totp_code(kRfcKey, at - 30), at), 59'999'999);
  EXPECT_EQ(totp_step_of(kRfcKey, totp_code(kRfcKey, at + 30), at), 60'000'001);
  EXPECT_FALSE(totp_step_of(kRfcKey, totp_code(kRfcKey, at - 90), at));
  EXPECT_FALSE(totp_step_of(kRfcKey, "12345", at));
  EXPECT_FALSE(totp_step_of(kRfcKey, "12a456", at));
}

TEST(Totp, EnrolmentGivesAnOtpauthUriAndAQrCode) {
  const std::string secret = new_totp_secret();
  EXPECT_EQ(secret.size(), 40u);
  EXPECT_NE(secret, new_totp_secret());
  const std::string uri = otpauth_uri("Agua Clara", "maria@example.com", secret);
  EXPECT_EQ(uri.rfind("otpauth://totp/Agua%20Clara:maria@example.com?secret=", 0), 0u);
  EXPECT_NE(uri.find("&issuer=Agua%20Clara"), std::string::npos);
  const std::string svg = qr_svg(uri, "QR <code>");
  EXPECT_EQ(svg.rfind("<svg ", 0), 0u);
  EXPECT_NE(svg.find("<title>QR &lt;code&gt;</title>"), std::string::npos);
  EXPECT_NE(svg.find("h1v1h-1z"), std::string::npos);
}

}  // namespace
}  // namespace rp::auth
