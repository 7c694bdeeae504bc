#include "notify/smtp_mailer.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "notify/testing/smtp_capture.h"

namespace rp::notify {
namespace {

TEST(SmtpMailer, AMessageReachesARealSmtpServerWithItsHeadersAndUtf8Body) {
  testing::SmtpCapture server;
  SmtpMailer mailer({server.url(), "billing@utility.example", "", "", 10});
  auto sent = mailer.send({"maria@example.com", "Confirme su correo para Agua Clara",
                           "Hola:\n\nAbra este enlace: http://localhost/verify?token=abc\n"
                           ".a line starting with a dot\nañadir\n"});
  ASSERT_TRUE(sent.ok()) << sent.error().message;
  auto messages = server.wait_for(1);
  ASSERT_EQ(messages.size(), 1u);
  const std::string& text = messages[0];
  EXPECT_NE(text.find("X-Envelope-From: billing@utility.example"), std::string::npos);
  EXPECT_NE(text.find("X-Envelope-To: maria@example.com"), std::string::npos);
  EXPECT_NE(text.find("From: billing@utility.example\r\n"), std::string::npos);
  EXPECT_NE(text.find("Subject: Confirme su correo para Agua Clara\r\n"), std::string::npos);
  EXPECT_NE(text.find("Content-Type: text/plain; charset=UTF-8"), std::string::npos);
  EXPECT_NE(text.find("a\xc3\xb1"
                      "adir"),
            std::string::npos);
  EXPECT_NE(text.find("\r\n.a line starting with a dot\r\n"), std::string::npos);
  EXPECT_EQ(testing::first_link(text), "http://localhost/verify?token=abc");
}

TEST(SmtpMailer, ANonAsciiSubjectIsEncodedAndAnUnreachableServerIsNamed) {
  const std::string message = render_message({"a@b.co", "Contraseña", "x"}, "u@v.co");
  EXPECT_NE(message.find("Subject: =?UTF-8?B?Q29udHJhc2XDsWE=?=\r\n"), std::string::npos);
  SmtpMailer nowhere({"smtp://127.0.0.1:1", "u@v.co", "", "", 5});
  auto sent = nowhere.send({"a@b.co", "s", "b"});
  ASSERT_FALSE(sent.ok());
  EXPECT_EQ(sent.error().kind, ErrorKind::unavailable);
  EXPECT_NE(sent.error().message.find("smtp://127.0.0.1:1"), std::string::npos);
}

TEST(DirectoryMailer, WritesEachMessageAsAnEmlFile) {
  const auto folder = std::filesystem::temp_directory_path() / "rp-mail-dir-test";
  std::filesystem::remove_all(folder);
  DirectoryMailer mailer(folder.string(), "u@v.co");
  ASSERT_TRUE(mailer.send({"a@b.co", "One", "first"}).ok());
  ASSERT_TRUE(mailer.send({"a@b.co", "Two", "second"}).ok());
  int files = 0;
  for (const auto& entry : std::filesystem::directory_iterator(folder)) {
    EXPECT_EQ(entry.path().extension(), ".eml");
    std::ifstream file(entry.path());
    std::stringstream text;
    text << file.rdbuf();
    EXPECT_NE(text.str().find("To: a@b.co"), std::string::npos);
    ++files;
  }
  EXPECT_EQ(files, 2);
  std::filesystem::remove_all(folder);
}

}  // namespace
}  // namespace rp::notify
