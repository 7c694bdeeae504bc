#pragma once
// Notes staff keep on an account: what a caller asked (call), a complaint, a billing dispute, or
// anything else (general). Written by a staff user or API key and never edited or deleted (the
// database refuses it: a correction is another note); a note may be pinned so that it stays at
// the top of the account. Adding a note and pinning or unpinning one are account events
// ("note.added", "note.pinned", "note.unpinned") in the same transaction, so the history shows
// them with who did it.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/account_number.h"
#include "core/result.h"
#include "store/database.h"

namespace rp::accounts {

inline constexpr std::size_t kMostNoteCharacters = 4000;

struct AccountNote {
  std::int64_t id = 0;
  std::string kind;  // "call", "complaint", "dispute", "general"
  std::string body;
  bool pinned = false;
  std::string written_by;  // the actor: "staff:3", "api_key:2"
  std::string written_at;  // UTC instant
};

struct NewNote {
  std::string kind;
  std::string body;  // trimmed; 1..4000 characters
  bool pinned = false;
  // A stored client idempotency key (core/idempotency_key.h), or "" for none: the same key again
  // gets the note it wrote back (replayed) instead of a second note.
  std::string idempotency_key = {};
};

struct AddedNote {
  AccountNote note;
  bool replayed = false;
};

// Errors (nothing written): not_found for an unknown account; invalid_input "kind" (not one of
// the four), "body" (empty, longer than 4,000 characters, or with control characters other than
// line breaks and tabs), "Idempotency-Key" (used before for a different note).
Result<AddedNote> add_note(store::Database& database, const AccountNumber& number,
                           const NewNote& note, const std::string& actor);

// Pins or unpins note `note_id` of the account. Asking for the state it is in changes nothing
// and records nothing. Errors: not_found for an unknown account or a note not on this account.
Result<AccountNote> pin_note(store::Database& database, const AccountNumber& number,
                             std::int64_t note_id, bool pinned, const std::string& actor);

struct NotesPage {
  std::vector<AccountNote> notes;  // pinned first, then newest first
  std::optional<std::int64_t> next_cursor;
};

// A page of the account's notes after `cursor` (0: the first page); limit 1..100.
// Errors: not_found; invalid_input "limit", "cursor".
Result<NotesPage> notes_of_account(store::Database& database, const AccountNumber& number,
                                   std::size_t limit, std::int64_t cursor);

}  // namespace rp::accounts
