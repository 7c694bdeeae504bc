#include "core/secret_token.h"

#include <sodium.h>

#include <array>

#include "core/assert.h"

namespace rp {
namespace {

void start_sodium() {
  static const bool ready = sodium_init() >= 0;
  RP_ASSERT(ready, "libsodium starts");
}

}  // namespace

std::string new_secret_token() {
  start_sodium();
  std::array<unsigned char, 32> random{};
  randombytes_buf(random.data(), random.size());
  std::array<char, 64> text{};
  sodium_bin2base64(text.data(), text.size(), random.data(), random.size(),
                    sodium_base64_VARIANT_URLSAFE_NO_PADDING);
  return std::string(text.data());
}

std::string token_digest(std::string_view token) {
  start_sodium();
  std::array<unsigned char, crypto_hash_sha256_BYTES> digest{};
  crypto_hash_sha256(digest.data(), reinterpret_cast<const unsigned char*>(token.data()),
                     token.size());
  std::array<char, crypto_hash_sha256_BYTES * 2 + 1> hex{};
  sodium_bin2hex(hex.data(), hex.size(), digest.data(), digest.size());
  return std::string(hex.data());
}

}  // namespace rp
