#pragma once
// Notices to customers: one pipeline from what happened to what is sent.
//
//  1. Producers record account events in the transaction that makes the change
//     (accounts/account_events.h); daily jobs record what they find the same way.
//  2. queue_notices follows the event log with a cursor ("notices" in event_cursors). For each
//     event, the catalog (notice_kinds: a table, extended by adding rows and template files)
//     names the kinds it causes; the account's choices (notice_preferences, or the kind's
//     defaults; a transactional kind cannot be turned off) say on which channels; the kind's
//     audience says to whom. Each notice is written from its templates (notice_templates.h) in
//     the account's language and queued in the outbox (email.h), with its row in `notices`, in
//     the same transaction that records the event as decided.
//  3. The outbox dispatcher (email_dispatcher.h) sends, retries with backoff, records delivery.
//
// Exactly once per (event, channel, recipient): `notices` has that as a unique key, and each
// event is decided once (notice_decisions). On PostgreSQL with several servers an event may
// commit after one with a higher id, so the cursor only passes events written `settle` ago or
// more; the undecided ones after it are read each pass. Servers take turns on the cursor row.
//
// Channels: email to the contact email on file (and, for a contact change, the address before
// it); text messages only to the number an account consented to (text_consent.h), for kinds with
// a text template, held through quiet hours unless the kind is exempt (quiet_hours.h).

#include <chrono>
#include <cstddef>
#include <string>

#include "core/result.h"
#include "store/database.h"

namespace rp::notify {

struct NoticeSettings {
  std::string public_url = "http://localhost:8080";  // the portal, for links
  // How long an event may take to commit after its id was given (longer than any transaction).
  std::chrono::seconds settle{60};
};

// Starts the cursor, if it has not started: at the bill notices' cursor when that one exists
// (the pipeline took their place; nothing is sent twice or skipped), else at the newest event,
// so that events from before the notices existed send nothing.
Result<void> start_notices(store::Database& database);

struct NoticePass {
  int events = 0;  // events decided
  int emails = 0;  // emails queued
  int texts = 0;   // texts queued (some held for quiet hours)
};

// One pass: decides up to `limit` undecided events after the cursor, in one write, and moves the
// cursor past the settled ones. A pass with nothing to decide takes no write. Errors:
// internal_error when start_notices has not run, or a kind's template is missing; the
// database's error (nothing is then decided).
Result<NoticePass> queue_notices(store::Database& database, const NoticeSettings& settings,
                                 std::size_t limit = 2000);

}  // namespace rp::notify
