#pragma once
// The bank accounts customers pay from, kept so the utility can debit them itself (ACH files,
// ach_export.h). The account number is sealed with the vault key (libsodium AEAD
// XChaCha20-Poly1305, a fresh nonce per account, the token as associated data); only the routing
// number, the last four digits and the account type are stored in the clear. The key lives outside
// the database (payments.vault_key_file, docs/configuration.md), so a copy of the database alone
// reveals no account number. A bank account is known everywhere else by its token: "ach_" and 32
// hex digits.

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/result.h"
#include "payments/payment_methods.h"
#include "store/database.h"

namespace rp::payments {

inline constexpr std::string_view kBankTokenPrefix = "ach_";

// Whether `token` names a bank account in the vault (by its form; it may still be unknown).
bool is_bank_token(std::string_view token);

class VaultKey {
 public:
  static constexpr std::size_t kBytes = 32;
  // A new random key.
  static VaultKey generate();
  // Errors: invalid_input ("vault_key") unless exactly 64 hex digits.
  static Result<VaultKey> from_hex(std::string_view hex);
  std::string to_hex() const;
  const std::array<unsigned char, kBytes>& bytes() const { return bytes_; }

 private:
  std::array<unsigned char, kBytes> bytes_{};
};

// Reads the key (64 hex digits and an optional newline) from `path`, or, when the file does not
// exist, makes a new key and writes it there readable by its owner only (mode 0600), creating
// the folder. Errors: invalid_input ("vault_key_file") naming the path for a file that cannot be
// read or written or does not hold a key.
Result<VaultKey> load_or_create_vault_key(const std::string& path);

// The test card processor's signing key (payments/test_processor.h), derived from the vault key
// (HMAC-SHA-256 under it, of a fixed label): its tokens stay valid across restarts with no
// second key file, and knowing them reveals nothing of the vault key.
std::array<unsigned char, 32> test_processor_key(const VaultKey& vault);

struct BankAccount {
  std::int64_t id = 0;
  std::string token;
  std::string routing_number;
  std::string account_number;  // opened with the key; never logged, never shown
  std::string last_four;
  std::string account_type;  // checking | savings
  std::string holder_name;   // may be empty: the account's customer name is used
  std::string validation;    // unvalidated | valid | invalid
  std::string validation_note;

  std::string label() const;  // "Checking •••• 6789"
};

// Checks the account (payment_methods.h), seals it and returns its new token. `holder_name` is
// optional, at most 100 characters. Errors: invalid_input naming "routing_number",
// "account_number", "account_type" or "holder_name"; nothing is stored.
Result<std::string> store_bank_account(store::Database& database, const VaultKey& key,
                                       const BankDetails& bank, const std::string& holder_name);

// The bank account behind `token`, opened. Errors: invalid_input ("token") for a token the vault
// did not issue; internal when the sealed number does not open with `key` (the wrong key file).
Result<BankAccount> open_bank_account(store::Session& session, const VaultKey& key,
                                      std::string_view token);

// Records the answer of the account validation on first use, once: an account already validated
// keeps its first answer.
Result<void> record_bank_validation(store::Session& session, std::int64_t bank_account_id,
                                    bool valid, const std::string& note);

// Marks the account invalid after the bank returned a debit for a reason that means it cannot be
// debited again (closed, no account, ...), with the reason.
Result<void> invalidate_bank_account(store::Session& session, const std::string& token,
                                     const std::string& note);

}  // namespace rp::payments
