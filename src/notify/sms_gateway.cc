#include "notify/sms_gateway.h"

#include <curl/curl.h>

#include <algorithm>
#include <atomic>
#include <cctype>
#include <filesystem>
#include <fstream>

#include "core/json.h"
#include "core/time.h"
#include "notify/curl_start.h"

namespace rp::notify {
namespace {

std::size_t keep_answer(char* data, std::size_t size, std::size_t count, void* answer) {
  static_cast<std::string*>(answer)->append(data, size * count);
  return size * count;
}

std::string form_encoded(std::string_view text) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : text) {
    if (std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~') {
      out.push_back(static_cast<char>(c));
    } else if (c == ' ') {
      out.push_back('+');
    } else {
      out.push_back('%');
      out.push_back(kHex[c >> 4]);
      out.push_back(kHex[c & 15]);
    }
  }
  return out;
}

// The provider's own words for a refusal: "message" of its JSON answer, or the status.
std::string provider_reason(const std::string& answer, long status) {
  const json parsed = json::parse(answer, nullptr, false);
  if (parsed.is_object() && parsed.contains("message") && parsed["message"].is_string()) {
    return parsed["message"].get<std::string>();
  }
  return "HTTP " + std::to_string(status);
}

bool refused_for_good(long status) {
  return status >= 400 && status < 500 && status != 401 && status != 403 && status != 404 &&
         status != 408 && status != 429;
}

}  // namespace

std::string messages_api_form(const TextMessage& message, const std::string& from) {
  return "To=" + form_encoded(message.to) + "&From=" + form_encoded(from) +
         "&Body=" + form_encoded(message.body);
}

SmsGateway::SmsGateway(SmsSettings settings)
    : settings_(std::move(settings)), handles_(std::make_unique<CurlHandles>()) {
  while (!settings_.api_url.empty() && settings_.api_url.back() == '/')
    settings_.api_url.pop_back();
}

Result<std::string> SmsGateway::send(const TextMessage& message) {
  CURL* curl = static_cast<CURL*>(handles_->take());
  if (curl == nullptr) return unavailable("could not start a connection to the SMS provider");
  const std::string url =
      settings_.api_url + "/2010-04-01/Accounts/" + settings_.account + "/Messages.json";
  const std::string form = messages_api_form(message, settings_.from);
  std::string answer;
  curl_easy_setopt(curl, CURLOPT_URL, url.c_str());
  curl_easy_setopt(curl, CURLOPT_POSTFIELDS, form.c_str());
  curl_easy_setopt(curl, CURLOPT_POSTFIELDSIZE, static_cast<long>(form.size()));
  curl_easy_setopt(curl, CURLOPT_HTTPAUTH, CURLAUTH_BASIC);
  curl_easy_setopt(curl, CURLOPT_USERNAME, settings_.account.c_str());
  curl_easy_setopt(curl, CURLOPT_PASSWORD, settings_.token.c_str());
  curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, keep_answer);
  curl_easy_setopt(curl, CURLOPT_WRITEDATA, &answer);
  curl_easy_setopt(curl, CURLOPT_TIMEOUT, settings_.timeout_seconds);
  curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(curl, CURLOPT_PROTOCOLS_STR, "http,https");
  const CURLcode code = curl_easy_perform(curl);
  long status = 0;
  curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &status);
  handles_->give_back(curl, code == CURLE_OK);  // kept alive for the next text
  if (code != CURLE_OK) {
    return unavailable("the SMS provider at " + settings_.api_url +
                       " did not answer: " + curl_easy_strerror(code));
  }
  if (status == 200 || status == 201) {
    const json parsed = json::parse(answer, nullptr, false);
    if (parsed.is_object() && parsed.contains("sid") && parsed["sid"].is_string()) {
      return parsed["sid"].get<std::string>();
    }
    return unavailable("the SMS provider answered " + std::to_string(status) +
                       " without naming the message (no \"sid\")");
  }
  const std::string reason = provider_reason(answer, status);
  if (refused_for_good(status)) {
    return invalid_input("to", "the SMS provider refused the message: " + reason);
  }
  return unavailable("the SMS provider did not take the message (" + std::to_string(status) +
                     "): " + reason);
}

TextFolder::TextFolder(std::string folder, std::string from)
    : folder_(std::move(folder)), from_(std::move(from)) {}

Result<std::string> TextFolder::send(const TextMessage& message) {
  static std::atomic<unsigned long> sequence{0};
  std::error_code ignored;
  std::filesystem::create_directories(folder_, ignored);
  std::string stamp = format_instant(now());
  std::replace(stamp.begin(), stamp.end(), ':', '-');
  const std::string name = stamp + "-" + std::to_string(sequence.fetch_add(1)) + ".txt";
  const std::string path = folder_ + "/" + name;
  std::ofstream file(path, std::ios::binary);
  file << "To: " << message.to << "\nFrom: " << from_ << "\n\n" << message.body << "\n";
  file.close();
  if (!file) return unavailable("could not write the text message to " + path);
  return name;
}

}  // namespace rp::notify
