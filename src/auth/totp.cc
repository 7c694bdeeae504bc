#include "auth/totp.h"

#include <liboath/oath.h>
#include <qrencode.h>
#include <sodium.h>

#include <array>
#include <cctype>
#include <cstdlib>
#include <mutex>
#include <stdexcept>

#include "core/markup.h"

namespace rp::auth {
namespace {

void start_oath_once() {
  static std::once_flag once;
  std::call_once(once, [] {
    oath_init();
    if (sodium_init() < 0) throw std::runtime_error("libsodium did not start");
  });
}

std::string binary_of(const std::string& hex) {
  std::string out(hex.size() / 2, '\0');
  std::size_t length = out.size();
  if (oath_hex2bin(hex.c_str(), out.data(), &length) != OATH_OK) return "";
  out.resize(length);
  return out;
}

std::string percent_encoded(const std::string& text) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : text) {
    if (std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~' || c == '@') {
      out.push_back(static_cast<char>(c));
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

}  // namespace

std::string new_totp_secret() {
  start_oath_once();
  std::array<unsigned char, 20> key{};
  randombytes_buf(key.data(), key.size());
  std::array<char, 41> hex{};
  sodium_bin2hex(hex.data(), hex.size(), key.data(), key.size());
  return std::string(hex.data());
}

std::string totp_base32(const std::string& secret_hex) {
  start_oath_once();
  const std::string key = binary_of(secret_hex);
  char* encoded = nullptr;
  std::size_t length = 0;
  if (oath_base32_encode(key.data(), key.size(), &encoded, &length) != OATH_OK) return "";
  std::string out(encoded, length);
  std::free(encoded);
  while (!out.empty() && out.back() == '=') out.pop_back();
  return out;
}

std::string otpauth_uri(const std::string& issuer, const std::string& email,
                        const std::string& secret_hex) {
  return "otpauth://totp/" + percent_encoded(issuer) + ":" + percent_encoded(email) +
         "?secret=" + totp_base32(secret_hex) + "&issuer=" + percent_encoded(issuer) +
         "&algorithm=SHA1&digits=6&period=" + std::to_string(kTotpStepSeconds);
}

std::optional<std::int64_t> totp_step_of(const std::string& secret_hex, std::string_view code,
                                         std::int64_t unix_seconds) {
  start_oath_once();
  if (code.size() != 6) return std::nullopt;
  for (char c : code) {
    if (c < '0' || c > '9') return std::nullopt;
  }
  const std::string key = binary_of(secret_hex);
  const std::string typed(code);
  const int position = oath_totp_validate(key.data(), key.size(), static_cast<time_t>(unix_seconds),
                                          kTotpStepSeconds, 0, 1, typed.c_str());
  if (position < 0) return std::nullopt;
  // oath answers how many steps away the code is, not in which direction: find the step.
  const std::int64_t now_step = unix_seconds / kTotpStepSeconds;
  for (std::int64_t step : {now_step, now_step - 1, now_step + 1}) {
    if (totp_code(secret_hex, step * kTotpStepSeconds) == typed) return step;
  }
  return std::nullopt;
}

std::string totp_code(const std::string& secret_hex, std::int64_t unix_seconds) {
  start_oath_once();
  const std::string key = binary_of(secret_hex);
  std::array<char, 7> code{};
  if (oath_totp_generate(key.data(), key.size(), static_cast<time_t>(unix_seconds),
                         kTotpStepSeconds, 0, 6, code.data()) != OATH_OK) {
    return "";
  }
  return std::string(code.data(), 6);
}

std::string qr_svg(const std::string& text, const std::string& title) {
  QRcode* code = QRcode_encodeString(text.c_str(), 0, QR_ECLEVEL_M, QR_MODE_8, 1);
  if (code == nullptr) return "";
  const int quiet = 4;
  const int size = code->width + 2 * quiet;
  std::string path;
  for (int y = 0; y < code->width; ++y) {
    for (int x = 0; x < code->width; ++x) {
      if (code->data[y * code->width + x] & 1) {
        path += "M" + std::to_string(x + quiet) + " " + std::to_string(y + quiet) + "h1v1h-1z";
      }
    }
  }
  QRcode_free(code);
  const std::string side = std::to_string(size);
  return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + side + " " + side +
         "\" role=\"img\" shape-rendering=\"crispEdges\"><title>" + markup_escaped(title) +
         "</title><rect width=\"" + side + "\" height=\"" + side + "\" fill=\"#fff\"/><path d=\"" +
         path + "\" fill=\"#000\"/></svg>";
}

}  // namespace rp::auth
