#include "notify/testing/sms_double.h"

#include <filesystem>
#include <fstream>

#include "core/json.h"

namespace rp::notify::testing {
namespace {

std::vector<ReceivedText> parsed(const std::vector<std::string>& files) {
  std::vector<ReceivedText> out;
  for (const std::string& file : files) {
    const json text = json::parse(file);
    out.push_back({text.at("sid"), text.at("to"), text.at("from"), text.at("body")});
  }
  return out;
}

}  // namespace

SmsDouble::SmsDouble()
    : server_("sms/fake_sms_provider.py", {kAccount, kToken}, "is python3 installed?") {}

std::vector<ReceivedText> SmsDouble::texts() const {
  return parsed(server_.files("json"));
}

std::vector<ReceivedText> SmsDouble::wait_for(std::size_t count,
                                              std::chrono::milliseconds timeout) {
  return parsed(server_.wait_for("json", count, timeout));
}

void SmsDouble::set_unavailable(bool unavailable) {
  const auto flag = std::filesystem::path(server_.folder()) / "unavailable";
  if (unavailable) {
    std::ofstream(flag).put('\n');
  } else {
    std::filesystem::remove(flag);
  }
}

}  // namespace rp::notify::testing
