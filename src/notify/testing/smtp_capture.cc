#include "notify/testing/smtp_capture.h"

namespace rp::notify::testing {

SmtpCapture::SmtpCapture()
    : server_("smtp/capture_smtp.py", {}, "is python3-aiosmtpd installed?") {}

std::string first_link(const std::string& message) {
  auto begin = message.find("http://");
  if (begin == std::string::npos) begin = message.find("https://");
  if (begin == std::string::npos) return "";
  auto end = message.find_first_of(" \r\n", begin);
  return message.substr(begin, end == std::string::npos ? std::string::npos : end - begin);
}

}  // namespace rp::notify::testing
