#include "payments/bank_vault.h"

#include <sodium.h>
#include <sys/stat.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <vector>

#include "core/time.h"

namespace rp::payments {
namespace {

constexpr std::size_t kTokenHexDigits = 32;

bool ensure_sodium() {
  static const bool ready = sodium_init() >= 0;
  return ready;
}

std::string to_hex(const unsigned char* bytes, std::size_t size) {
  std::string hex(size * 2 + 1, '\0');
  sodium_bin2hex(hex.data(), hex.size(), bytes, size);
  hex.pop_back();
  return hex;
}

bool from_hex(std::string_view hex, std::vector<unsigned char>& bytes) {
  bytes.assign(hex.size() / 2, 0);
  std::size_t length = 0;
  if (hex.size() % 2 != 0) return false;
  if (sodium_hex2bin(bytes.data(), bytes.size(), hex.data(), hex.size(), nullptr, &length,
                     nullptr) != 0) {
    return false;
  }
  return length == bytes.size();
}

// hex(nonce || ciphertext): the number sealed with the token as associated data, so a sealed
// number copied onto another row does not open.
std::string seal(const VaultKey& key, const std::string& token, const std::string& number) {
  std::array<unsigned char, crypto_aead_xchacha20poly1305_ietf_NPUBBYTES> nonce{};
  randombytes_buf(nonce.data(), nonce.size());
  std::vector<unsigned char> sealed(number.size() + crypto_aead_xchacha20poly1305_ietf_ABYTES);
  unsigned long long sealed_size = 0;
  crypto_aead_xchacha20poly1305_ietf_encrypt(
      sealed.data(), &sealed_size, reinterpret_cast<const unsigned char*>(number.data()),
      number.size(), reinterpret_cast<const unsigned char*>(token.data()), token.size(), nullptr,
      nonce.data(), key.bytes().data());
  return to_hex(nonce.data(), nonce.size()) + to_hex(sealed.data(), sealed_size);
}

Result<std::string> open_sealed(const VaultKey& key, const std::string& token,
                                std::string_view sealed_hex) {
  std::vector<unsigned char> sealed;
  constexpr std::size_t kNonce = crypto_aead_xchacha20poly1305_ietf_NPUBBYTES;
  if (!from_hex(sealed_hex, sealed) ||
      sealed.size() < kNonce + crypto_aead_xchacha20poly1305_ietf_ABYTES) {
    return internal_error("a sealed bank account number is damaged");
  }
  std::vector<unsigned char> number(sealed.size());
  unsigned long long number_size = 0;
  if (crypto_aead_xchacha20poly1305_ietf_decrypt(
          number.data(), &number_size, nullptr, sealed.data() + kNonce, sealed.size() - kNonce,
          reinterpret_cast<const unsigned char*>(token.data()), token.size(), sealed.data(),
          key.bytes().data()) != 0) {
    return internal_error(
        "a bank account number does not open with this vault key: is payments.vault_key_file the "
        "key this database was written with?");
  }
  return std::string(reinterpret_cast<const char*>(number.data()), number_size);
}

std::string new_token() {
  std::array<unsigned char, kTokenHexDigits / 2> random{};
  randombytes_buf(random.data(), random.size());
  return std::string(kBankTokenPrefix) + to_hex(random.data(), random.size());
}

}  // namespace

bool is_bank_token(std::string_view token) {
  return token.starts_with(kBankTokenPrefix) &&
         token.size() == kBankTokenPrefix.size() + kTokenHexDigits;
}

VaultKey VaultKey::generate() {
  ensure_sodium();
  VaultKey key;
  randombytes_buf(key.bytes_.data(), key.bytes_.size());
  return key;
}

Result<VaultKey> VaultKey::from_hex(std::string_view hex) {
  std::vector<unsigned char> bytes;
  if (hex.size() != kBytes * 2 || !payments::from_hex(hex, bytes)) {
    return invalid_input("vault_key", "a vault key is 64 hex digits");
  }
  VaultKey key;
  std::copy(bytes.begin(), bytes.end(), key.bytes_.begin());
  return key;
}

std::string VaultKey::to_hex() const {
  return payments::to_hex(bytes_.data(), bytes_.size());
}

Result<VaultKey> load_or_create_vault_key(const std::string& path) {
  ensure_sodium();
  namespace fs = std::filesystem;
  std::error_code error;
  if (fs::exists(path, error)) {
    std::ifstream in(path);
    std::string hex;
    if (!in || !std::getline(in, hex)) {
      return invalid_input("vault_key_file", "cannot read the vault key file " + path);
    }
    auto key = VaultKey::from_hex(hex);
    if (!key.ok()) {
      return invalid_input("vault_key_file",
                           "the vault key file " + path + " does not hold a key (64 hex digits)");
    }
    return key;
  }
  const fs::path folder = fs::path(path).parent_path();
  if (!folder.empty()) fs::create_directories(folder, error);
  VaultKey key = VaultKey::generate();
  {
    std::ofstream out(path, std::ios::trunc);
    if (!out) return invalid_input("vault_key_file", "cannot write the vault key file " + path);
    ::chmod(path.c_str(), 0600);
    out << key.to_hex() << "\n";
    if (!out.flush()) {
      return invalid_input("vault_key_file", "cannot write the vault key file " + path);
    }
  }
  return key;
}

std::string BankAccount::label() const {
  return std::string(account_type == "savings" ? "Savings" : "Checking") + " •••• " + last_four;
}

Result<std::string> store_bank_account(store::Database& database, const VaultKey& key,
                                       const BankDetails& bank, const std::string& holder_name) {
  ensure_sodium();
  RP_TRY(check_bank_account(bank));
  // Characters, not bytes: "Begoña Núñez" is 12.
  const auto characters = std::count_if(holder_name.begin(), holder_name.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  });
  if (characters > 100) {
    return invalid_input("holder_name", "the name on the account is at most 100 characters")
        .coded("holder-name-too-long");
  }
  const std::string token = new_token();
  const std::string sealed = seal(key, token, bank.account_number);
  const std::string last_four = bank.account_number.substr(bank.account_number.size() - 4);
  auto stored = database.write<void>([&](store::Session& session) -> Result<void> {
    RP_TRY(session.execute_named("payments/insert_bank_account",
                                 {token, bank.routing_number, sealed, last_four, bank.account_type,
                                  holder_name, format_instant(now())}));
    return success();
  });
  RP_TRY(stored);
  return token;
}

Result<BankAccount> open_bank_account(store::Session& session, const VaultKey& key,
                                      std::string_view token) {
  ensure_sodium();
  const auto unknown = [] {
    return invalid_input("token", "the bank account token is not one this utility issued");
  };
  if (!is_bank_token(token)) return unknown();
  auto rows = session.query_named("payments/bank_account_by_token", {std::string(token)});
  RP_TRY(rows);
  if (rows->empty()) return unknown();
  const store::Row& row = rows->at(0);
  BankAccount account;
  account.id = row.integer("id");
  account.token = row.text("token");
  account.routing_number = row.text("routing_number");
  auto number = open_sealed(key, account.token, row.text("account_sealed"));
  RP_TRY(number);
  account.account_number = *number;
  account.last_four = row.text("last_four");
  account.account_type = row.text("account_type");
  account.holder_name = row.text("holder_name");
  account.validation = row.text("validation");
  account.validation_note = row.text("validation_note");
  return account;
}

Result<void> record_bank_validation(store::Session& session, std::int64_t bank_account_id,
                                    bool valid, const std::string& note) {
  RP_TRY(session.execute_named(
      "payments/record_bank_validation",
      {std::string(valid ? "valid" : "invalid"), note, format_instant(now()), bank_account_id}));
  return success();
}

Result<void> invalidate_bank_account(store::Session& session, const std::string& token,
                                     const std::string& note) {
  RP_TRY(session.execute_named("payments/invalidate_bank_account",
                               {note, format_instant(now()), token}));
  return success();
}

}  // namespace rp::payments

namespace rp::payments {

std::array<unsigned char, 32> test_processor_key(const VaultKey& vault) {
  static constexpr std::string_view kLabel = "ratepayer test card processor tokens";
  std::array<unsigned char, 32> key{};
  crypto_auth_hmacsha256(key.data(), reinterpret_cast<const unsigned char*>(kLabel.data()),
                         kLabel.size(), vault.bytes().data());
  return key;
}

}  // namespace rp::payments
