#include "notify/sms_signature.h"

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>

#include <array>
#include <vector>

namespace rp::notify {

std::string sms_signature(std::string_view token, std::string_view url,
                          const std::map<std::string, std::string>& params) {
  std::string signed_text(url);
  for (const auto& [name, value] : params) signed_text += name + value;  // std::map: sorted
  std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
  unsigned int length = 0;
  HMAC(EVP_sha1(), token.data(), static_cast<int>(token.size()),
       reinterpret_cast<const unsigned char*>(signed_text.data()), signed_text.size(),
       digest.data(), &length);
  std::vector<unsigned char> encoded(4 * ((length + 2) / 3) + 1);
  const int written = EVP_EncodeBlock(encoded.data(), digest.data(), static_cast<int>(length));
  return std::string(reinterpret_cast<const char*>(encoded.data()),
                     static_cast<std::size_t>(written));
}

bool sms_signature_valid(std::string_view token, std::string_view url,
                         const std::map<std::string, std::string>& params,
                         std::string_view signature) {
  if (token.empty()) return false;
  const std::string expected = sms_signature(token, url, params);
  return signature.size() == expected.size() &&
         CRYPTO_memcmp(signature.data(), expected.data(), expected.size()) == 0;
}

}  // namespace rp::notify
