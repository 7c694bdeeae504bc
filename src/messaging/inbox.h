#pragma once
// The staff's side of messaging (threads.h): the inbox views, a thread with its internal notes,
// replying, notes, assigning, linking to a bill or a payment, closing, and the response-time
// figures. Permissions are the caller's to check (api/routes.cc: accounts.read to read,
// messages.reply to act).

#include <cstdint>
#include <optional>
#include <string>

#include "core/time.h"
#include "messaging/threads.h"

namespace rp::messaging {

// unassigned: waiting on the utility, nobody took it (oldest first); mine: the caller's, not
// closed (oldest first); waiting: on the customer (oldest first); closed (latest first).
enum class InboxView { unassigned, mine, waiting, closed };

// Errors: invalid_input ("view") for a name that is none of the above.
Result<InboxView> parse_inbox_view(const std::string& name);

// `me`: the caller's actor ("staff:12"). Errors: invalid_input ("cursor").
Result<ThreadPage> inbox(store::Database& database, InboxView view, const std::string& me,
                         const std::string& cursor, std::size_t limit);

// The thread with internal notes. Errors: not_found.
Result<Thread> staff_thread(store::Database& database, std::int64_t thread_id);

// A reply the customer sees (the thread waits on the customer; "message.replied", which tells
// the customer a message arrived), or an internal note only staff see (nothing changes for the
// customer). A reply to a closed thread is allowed (it becomes waiting: the customer may answer).
// Errors: invalid_input ("body"); not_found.
Result<Thread> staff_reply(store::Database& database, std::int64_t thread_id,
                           const std::string& body, bool internal, const std::string& actor);

// Assigns the thread to `assignee` (a staff actor, "staff:12" or "api_key:3"; "" for nobody).
// Errors: not_found; invalid_input ("assigned_to") for a name that is not a staff actor.
Result<Thread> assign_thread(store::Database& database, std::int64_t thread_id,
                             const std::string& assignee, const std::string& actor);

// Closes the thread ("message.closed"). Errors: not_found; conflict (code thread-closed).
Result<Thread> close_thread(store::Database& database, std::int64_t thread_id,
                            const std::string& actor);

// Links the thread to a bill (its number) and/or a payment (its confirmation) of the thread's
// account; none clears. Errors: not_found; invalid_input ("bill", "payment") for one not of the
// account.
Result<Thread> link_thread(store::Database& database, std::int64_t thread_id,
                           std::optional<std::int64_t> bill_number,
                           const std::string& payment_confirmation, const std::string& actor);

// Any attachment, for staff. Errors: not_found.
Result<Attachment> staff_attachment(store::Database& database, std::int64_t attachment_id);

struct InboxFigures {
  std::int64_t unassigned = 0;
  std::int64_t mine = 0;
  std::int64_t waiting = 0;
  std::int64_t open = 0;
  std::string oldest_open_at;  // the oldest message waiting on the utility ("" none)
  // Threads opened in the past 30 days: how many, how many answered, and the minutes to the
  // first answer (median and 90th percentile of those answered; none when none were).
  std::int64_t opened = 0;
  std::int64_t answered = 0;
  std::optional<std::int64_t> first_reply_median_minutes;
  std::optional<std::int64_t> first_reply_p90_minutes;
};

Result<InboxFigures> inbox_figures(store::Database& database, const std::string& me, Instant at);

}  // namespace rp::messaging
