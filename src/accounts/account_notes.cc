#include "accounts/account_notes.h"

#include <algorithm>
#include <array>
#include <limits>

#include "accounts/account_events.h"
#include "accounts/account_service.h"
#include "core/idempotency_key.h"
#include "core/json_writer.h"
#include "core/time.h"

namespace rp::accounts {
namespace {

constexpr std::array<std::string_view, 4> kNoteKinds{"call", "complaint", "dispute", "general"};
constexpr std::size_t kSummaryCharacters = 120;

std::string kind_label(std::string_view kind) {
  if (kind == "call") return "Call";
  if (kind == "complaint") return "Complaint";
  if (kind == "dispute") return "Dispute";
  return "General";
}

std::size_t characters(std::string_view utf8) {
  std::size_t count = 0;
  for (char c : utf8) count += (static_cast<unsigned char>(c) & 0xC0) != 0x80 ? 1 : 0;
  return count;
}

// The first `most` characters of `utf8`, with an ellipsis when cut.
std::string shortened(std::string_view utf8, std::size_t most) {
  std::size_t seen = 0;
  for (std::size_t i = 0; i < utf8.size(); ++i) {
    if ((static_cast<unsigned char>(utf8[i]) & 0xC0) != 0x80 && seen++ == most) {
      return std::string(utf8.substr(0, i)) + "…";
    }
  }
  return std::string(utf8);
}

std::string trimmed(std::string_view text) {
  const char* blank = " \t\r\n";
  auto first = text.find_first_not_of(blank);
  if (first == std::string_view::npos) return {};
  return std::string(text.substr(first, text.find_last_not_of(blank) - first + 1));
}

Result<NewNote> checked(const NewNote& note) {
  if (std::find(kNoteKinds.begin(), kNoteKinds.end(), note.kind) == kNoteKinds.end()) {
    return invalid_input("kind", "kind must be call, complaint, dispute or general");
  }
  NewNote out = note;
  out.body = trimmed(note.body);
  if (out.body.empty()) return invalid_input("body", "write the note: it is empty");
  if (characters(out.body) > kMostNoteCharacters) {
    return invalid_input("body", "a note holds at most 4,000 characters (this one has " +
                                     std::to_string(characters(out.body)) + ")");
  }
  for (char c : out.body) {
    auto byte = static_cast<unsigned char>(c);
    if ((byte < 0x20 && c != '\n' && c != '\r' && c != '\t') || byte == 0x7F) {
      return invalid_input("body", "the note has a control character; type it again as text");
    }
  }
  return out;
}

AccountNote note_from(const store::Row& row) {
  return AccountNote{.id = row.integer("id"),
                     .kind = row.text("kind"),
                     .body = row.text("body"),
                     .pinned = row.integer("pinned") == 1,
                     .written_by = row.text("written_by"),
                     .written_at = row.text("written_at")};
}

std::string note_details(const AccountNote& note) {
  JsonWriter details;
  details.begin_object().key("note_id").number(note.id).key("kind").string(note.kind);
  details.end_object();
  return details.take();
}

}  // namespace

Result<AddedNote> add_note(store::Database& database, const AccountNumber& number,
                           const NewNote& note, const std::string& actor) {
  auto valid = checked(note);
  RP_TRY(valid);
  if (!valid->idempotency_key.empty()) {
    RP_TRY(check_stored_key(valid->idempotency_key, "Idempotency-Key"));
  }
  return database.write<AddedNote>([&](store::Session& session) -> Result<AddedNote> {
    auto account = find_account_key(session, number);
    RP_TRY(account);
    if (!valid->idempotency_key.empty()) {
      auto earlier = session.query_named("accounts/note_by_key", {valid->idempotency_key});
      RP_TRY(earlier);
      if (!earlier->empty()) {
        AccountNote first = note_from(earlier->at(0));
        if (earlier->at(0).integer("account_id") != account->id || first.kind != valid->kind ||
            first.body != valid->body) {
          return invalid_input("Idempotency-Key",
                               "this Idempotency-Key was used for a different note");
        }
        return AddedNote{first, true};
      }
    }
    AccountNote written{.id = 0,
                        .kind = valid->kind,
                        .body = valid->body,
                        .pinned = valid->pinned,
                        .written_by = actor,
                        .written_at = format_instant(now())};
    auto rows = session.query_named(
        "accounts/insert_note",
        {account->id, written.kind, written.body, std::int64_t{written.pinned ? 1 : 0},
         written.written_by, written.written_at, store::text_or_null(valid->idempotency_key)});
    RP_TRY(rows);
    written.id = rows->at(0).integer("id");
    RP_TRY(record_event(session, {.account_id = account->id,
                                  .kind = "note.added",
                                  .actor = actor,
                                  .summary = kind_label(written.kind) + " note" +
                                             (written.pinned ? " (pinned)" : "") + ": " +
                                             shortened(written.body, kSummaryCharacters),
                                  .details_json = note_details(written)}));
    return AddedNote{written, false};
  });
}

Result<AccountNote> pin_note(store::Database& database, const AccountNumber& number,
                             std::int64_t note_id, bool pinned, const std::string& actor) {
  return database.write<AccountNote>([&](store::Session& session) -> Result<AccountNote> {
    auto account = find_account_key(session, number);
    RP_TRY(account);
    auto rows = session.query_named("accounts/note_of_account", {note_id, account->id});
    RP_TRY(rows);
    if (rows->empty()) {
      return not_found("account " + number.digits() + " has no note " + std::to_string(note_id));
    }
    AccountNote note = note_from(rows->at(0));
    if (note.pinned == pinned) return note;
    RP_TRY(
        session.execute_named("accounts/set_note_pinned", {std::int64_t{pinned ? 1 : 0}, note_id}));
    note.pinned = pinned;
    RP_TRY(record_event(
        session, {.account_id = account->id,
                  .kind = pinned ? "note.pinned" : "note.unpinned",
                  .actor = actor,
                  .summary = kind_label(note.kind) + " note " + (pinned ? "pinned" : "unpinned") +
                             ": " + shortened(note.body, kSummaryCharacters),
                  .details_json = note_details(note)}));
    return note;
  });
}

Result<NotesPage> notes_of_account(store::Database& database, const AccountNumber& number,
                                   std::size_t limit, std::int64_t cursor) {
  if (limit < 1 || limit > 100) return invalid_input("limit", "limit must be between 1 and 100");
  if (cursor < 0) return invalid_input("cursor", "cursor must be one a previous page gave");
  const std::int64_t before = cursor == 0 ? std::numeric_limits<std::int64_t>::max() : cursor;
  return database.read<NotesPage>([&](store::Session& session) -> Result<NotesPage> {
    auto account = find_account_key(session, number);
    RP_TRY(account);
    auto rows = session.query_named("accounts/notes_of_account",
                                    {account->id, before, static_cast<std::int64_t>(limit + 1)});
    RP_TRY(rows);
    NotesPage page;
    for (const store::Row& row : *rows) {
      if (page.notes.size() == limit) {
        page.next_cursor = rows->at(limit - 1).integer("position");
        break;
      }
      page.notes.push_back(note_from(row));
    }
    return page;
  });
}

}  // namespace rp::accounts
