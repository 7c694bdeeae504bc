#include "notify/smtp_mailer.h"

#include <curl/curl.h>
#include <sodium.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <functional>

#include "core/time.h"
#include "notify/curl_start.h"

namespace rp::notify {
namespace {

bool is_ascii(const std::string& text) {
  return std::all_of(text.begin(), text.end(),
                     [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

std::string encoded_subject(const std::string& subject) {
  if (is_ascii(subject)) return subject;
  std::string base64(sodium_base64_encoded_len(subject.size(), sodium_base64_VARIANT_ORIGINAL),
                     '\0');
  sodium_bin2base64(base64.data(), base64.size(),
                    reinterpret_cast<const unsigned char*>(subject.data()), subject.size(),
                    sodium_base64_VARIANT_ORIGINAL);
  base64.resize(base64.find('\0'));
  return "=?UTF-8?B?" + base64 + "?=";
}

std::string rfc5322_date() {
  const auto seconds = std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
  const std::time_t t = std::chrono::system_clock::to_time_t(seconds);
  std::tm utc{};
  gmtime_r(&t, &utc);
  std::array<char, 64> text{};
  std::strftime(text.data(), text.size(), "%a, %d %b %Y %H:%M:%S +0000", &utc);
  return text.data();
}

std::string domain_of(const std::string& address) {
  const auto at = address.find('@');
  return at == std::string::npos ? "localhost" : address.substr(at + 1);
}

struct Upload {
  const std::string& text;
  std::size_t sent = 0;
};

std::size_t read_upload(char* buffer, std::size_t size, std::size_t count, void* user) {
  auto* upload = static_cast<Upload*>(user);
  const std::size_t room = size * count;
  const std::size_t left = upload->text.size() - upload->sent;
  const std::size_t n = std::min(room, left);
  std::copy_n(upload->text.data() + upload->sent, n, buffer);
  upload->sent += n;
  return n;
}

// `text` with each line ending in CRLF (a lone '.' line is SMTP's end: libcurl escapes it).
void append_crlf_lines(std::string& out, const std::string& text) {
  for (char c : text) {
    if (c == '\r') continue;
    if (c == '\n') {
      out += "\r\n";
    } else {
      out.push_back(c);
    }
  }
  if (!out.ends_with("\r\n")) out += "\r\n";
}

}  // namespace

std::string render_message(const EmailMessage& message, const std::string& from) {
  static std::atomic<unsigned long> sequence{0};
  const std::string id =
      !message.message_key.empty()
          ? message.message_key
          : std::to_string(std::chrono::system_clock::now().time_since_epoch().count()) + "." +
                std::to_string(sequence.fetch_add(1));
  std::string out;
  out += "Date: " + rfc5322_date() + "\r\n";
  out += "From: " + from + "\r\n";
  out += "To: " + message.to + "\r\n";
  out += "Subject: " + encoded_subject(message.subject) + "\r\n";
  out += "Message-ID: <" + id + "@" + domain_of(from) + ">\r\n";
  if (!message.unsubscribe_url.empty()) {
    out += "List-Unsubscribe: <" + message.unsubscribe_url + ">\r\n";
    out += "List-Unsubscribe-Post: List-Unsubscribe=One-Click\r\n";
  }
  out += "MIME-Version: 1.0\r\n";
  if (message.html.empty()) {
    out += "Content-Type: text/plain; charset=UTF-8\r\n";
    out += "Content-Transfer-Encoding: 8bit\r\n\r\n";
    append_crlf_lines(out, message.body);
    return out;
  }
  // The boundary cannot occur in either part: it is made from the message's id.
  const std::string boundary = "=_ratepayer_" + std::to_string(std::hash<std::string>{}(id));
  out += "Content-Type: multipart/alternative; boundary=\"" + boundary + "\"\r\n\r\n";
  out += "--" + boundary + "\r\n";
  out += "Content-Type: text/plain; charset=UTF-8\r\n";
  out += "Content-Transfer-Encoding: 8bit\r\n\r\n";
  append_crlf_lines(out, message.body);
  out += "--" + boundary + "\r\n";
  out += "Content-Type: text/html; charset=UTF-8\r\n";
  out += "Content-Transfer-Encoding: 8bit\r\n\r\n";
  append_crlf_lines(out, message.html);
  out += "--" + boundary + "--\r\n";
  return out;
}

SmtpMailer::SmtpMailer(SmtpSettings settings) : settings_(std::move(settings)) {}

Result<void> SmtpMailer::send(const EmailMessage& message) {
  CURL* curl = static_cast<CURL*>(handles_.take());
  if (curl == nullptr) return unavailable("could not start an SMTP connection");
  const std::string text = render_message(message, settings_.from);
  Upload upload{text};
  curl_slist* recipients = curl_slist_append(nullptr, ("<" + message.to + ">").c_str());
  const std::string from = "<" + settings_.from + ">";
  curl_easy_setopt(curl, CURLOPT_URL, settings_.url.c_str());
  curl_easy_setopt(curl, CURLOPT_MAIL_FROM, from.c_str());
  curl_easy_setopt(curl, CURLOPT_MAIL_RCPT, recipients);
  curl_easy_setopt(curl, CURLOPT_READFUNCTION, read_upload);
  curl_easy_setopt(curl, CURLOPT_READDATA, &upload);
  curl_easy_setopt(curl, CURLOPT_UPLOAD, 1L);
  curl_easy_setopt(curl, CURLOPT_USE_SSL, static_cast<long>(CURLUSESSL_TRY));
  curl_easy_setopt(curl, CURLOPT_TIMEOUT, settings_.timeout_seconds);
  curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
  if (!settings_.user.empty()) {
    curl_easy_setopt(curl, CURLOPT_USERNAME, settings_.user.c_str());
    curl_easy_setopt(curl, CURLOPT_PASSWORD, settings_.password.c_str());
  }
  const CURLcode code = curl_easy_perform(curl);
  long answer = 0;
  curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &answer);
  curl_easy_setopt(curl, CURLOPT_MAIL_RCPT, nullptr);  // the list is freed next
  curl_slist_free_all(recipients);
  handles_.give_back(curl, code == CURLE_OK);  // a connection in an unknown state is not reused
  if (code != CURLE_OK) {
    return unavailable("the mail server " + settings_.url +
                       " did not take the message: " + curl_easy_strerror(code) +
                       (answer > 0 ? " (answered " + std::to_string(answer) + ")" : ""));
  }
  return success();
}

DirectoryMailer::DirectoryMailer(std::string folder, std::string from)
    : folder_(std::move(folder)), from_(std::move(from)) {}

Result<void> DirectoryMailer::send(const EmailMessage& message) {
  static std::atomic<unsigned long> sequence{0};
  std::error_code ignored;
  std::filesystem::create_directories(folder_, ignored);
  std::string stamp = format_instant(now());
  std::replace(stamp.begin(), stamp.end(), ':', '-');
  const std::string path =
      folder_ + "/" + stamp + "-" + std::to_string(sequence.fetch_add(1)) + ".eml";
  std::ofstream file(path, std::ios::binary);
  file << render_message(message, from_);
  file.close();
  if (!file) return unavailable("could not write the email to " + path);
  return success();
}

}  // namespace rp::notify
