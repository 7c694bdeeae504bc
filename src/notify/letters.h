#pragma once
// Letters: what must reach a customer on paper (a code mailed to a service address to prove an
// account claim, auth/account_claims.h). A letter is queued in the transaction that causes it and
// handed to the utility's print-and-mail vendor by `ratepayer letters export`, which writes every
// letter not yet exported to one CSV file; once written, the letter's text is cleared from the
// database (it may hold a code) and lives on only on paper.

#include <cstdint>
#include <string>
#include <vector>

#include "core/result.h"
#include "store/database.h"

namespace rp::notify {

inline constexpr std::size_t kLettersPerExport = 10'000;

struct Letter {
  std::int64_t id = 0;
  std::int64_t account_id = 0;
  std::string kind;       // account-link-code, account-link-notice
  std::string recipient;  // the name on the envelope
  std::string address;    // lines separated by '\n'
  std::string language;   // en | es
  std::string body;       // plain text
  std::string created_at;
};

// Adds `letter` (id and created_at are set here) inside the caller's write. Errors:
// invalid_input naming "recipient", "address" or "body" when empty.
Result<std::int64_t> queue_letter(store::Session& session, const Letter& letter);

// The letters not yet exported, oldest first (at most kLettersPerExport).
Result<std::vector<Letter>> letters_to_print(store::Database& database);

// Marks the letters exported and clears their text. Call after the file holding them is safely
// written: a failure before leaves them to be exported again.
Result<void> mark_letters_exported(store::Database& database, const std::vector<std::int64_t>& ids);

// The letters as CSV (RFC 4180, a header row, every field quoted): id, kind, recipient, address
// lines 1-3, language, body.
std::string letters_csv(const std::vector<Letter>& letters);

}  // namespace rp::notify
