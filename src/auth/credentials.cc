#include "auth/credentials.h"

#include <sodium.h>

#include <array>
#include <cctype>
#include <mutex>

#include "core/assert.h"

namespace rp::auth {
namespace {

bool sodium_ready() {
  static const bool ready = sodium_init() >= 0;
  return ready;
}

}  // namespace

Result<std::string> hash_password(std::string_view password) {
  if (!sodium_ready()) return internal_error("libsodium did not start");
  std::array<char, crypto_pwhash_STRBYTES> text{};
  if (crypto_pwhash_str(text.data(), password.data(), password.size(),
                        crypto_pwhash_OPSLIMIT_INTERACTIVE,
                        crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0) {
    return internal_error("hashing the password ran out of memory");
  }
  return std::string(text.data());
}

bool password_matches(std::string_view hash, std::string_view password) {
  if (!sodium_ready()) return false;
  const std::string terminated(hash);
  return crypto_pwhash_str_verify(terminated.c_str(), password.data(), password.size()) == 0;
}

void spend_password_check_time(std::string_view password) {
  static std::once_flag once;
  static std::string decoy;
  std::call_once(once, [] {
    auto made = hash_password("a password nobody has, to spend the same time");
    if (made.ok()) decoy = *made;
  });
  (void)password_matches(decoy, password);
}

std::string new_typed_code(std::string_view alphabet) {
  RP_ASSERT(sodium_ready(), "libsodium starts");
  std::string code;
  for (int i = 0; i < 8; ++i) {
    if (i == 4) code.push_back('-');
    code.push_back(alphabet[randombytes_uniform(static_cast<uint32_t>(alphabet.size()))]);
  }
  return code;
}

std::string typed_code_digest(std::string_view purpose, std::string_view typed) {
  std::string code(purpose);
  code.push_back(':');
  for (char c : typed) {
    if (c == '-' || c == ' ') continue;
    code.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  }
  return token_digest(code);
}

}  // namespace rp::auth
