// What may be attached to a message: decided by content, never by name.

#include "messaging/attachments.h"

#include <gtest/gtest.h>

namespace rp::messaging {
namespace {

TEST(Attachments, TheTypeComesFromTheContentNotTheName) {
  EXPECT_EQ(sniff_content_type(std::string("\xFF\xD8\xFF\xE0rest", 8)), "image/jpeg");
  EXPECT_EQ(sniff_content_type("\x89PNG\r\n\x1A\nrest"), "image/png");
  EXPECT_EQ(sniff_content_type("GIF89a..."), "image/gif");
  EXPECT_EQ(sniff_content_type("RIFF\x10\x00\x00\x00WEBPVP8 "), std::nullopt);  // NUL ends literal
  EXPECT_EQ(sniff_content_type(std::string("RIFF\x10\x00\x00\x00WEBPVP8 ", 16)), "image/webp");
  EXPECT_EQ(sniff_content_type("%PDF-1.7\n"), "application/pdf");
  EXPECT_FALSE(sniff_content_type("<html><script>alert(1)</script>"));
  EXPECT_FALSE(sniff_content_type("MZ\x90\x00"));  // a program named photo.jpg
  EXPECT_FALSE(sniff_content_type(""));
}

TEST(Attachments, EmptyLargeOrOtherFilesAreRefusedByName) {
  auto empty = checked_content_type("");
  ASSERT_FALSE(empty.ok());
  EXPECT_EQ(empty.error().field, "file");
  auto script = checked_content_type("<svg onload=alert(1)>");
  ASSERT_FALSE(script.ok());
  EXPECT_EQ(script.error().code, "attachment-type");
  std::string big = "%PDF-";
  big.resize(kLargestAttachment + 1, 'x');
  auto large = checked_content_type(big);
  ASSERT_FALSE(large.ok());
  EXPECT_EQ(large.error().code, "attachment-too-large");
  big.resize(kLargestAttachment);
  EXPECT_EQ(*checked_content_type(big), "application/pdf");
}

TEST(Attachments, FileNamesAreMadeSafeToStoreAndToSendBack) {
  EXPECT_EQ(safe_file_name("meter.jpg", "image/jpeg"), "meter.jpg");
  EXPECT_EQ(safe_file_name("C:\\Users\\ana\\IMG 0001.JPEG", "image/jpeg"), "IMG 0001.JPEG");
  EXPECT_EQ(safe_file_name("../../etc/passwd", "application/pdf"), "passwd.pdf");
  EXPECT_EQ(safe_file_name("factura\"; x=.pdf", "application/pdf"), "factura__ x_.pdf");
  EXPECT_EQ(safe_file_name("año.png", "image/png"), "a__o.png");
  EXPECT_EQ(safe_file_name("photo.jpg", "application/pdf"), "photo.jpg.pdf");
  EXPECT_EQ(safe_file_name("", "image/png"), "attachment.png");
  EXPECT_EQ(safe_file_name("...", "image/png"), "attachment.png");
  EXPECT_LE(safe_file_name(std::string(300, 'a'), "image/png").size(), 104u);
}

}  // namespace
}  // namespace rp::messaging
