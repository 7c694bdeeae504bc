#pragma once
// What the customer's and the staff's sides of messaging share inside one transaction: reading a
// thread whole, adding a message with its attachments, and the list cursor. Internal to the
// messaging module.

#include <cstdint>
#include <string>
#include <vector>

#include "messaging/threads.h"
#include "store/session.h"

namespace rp::messaging::detail {

Result<ThreadSummary> read_summary(store::Session& session, std::int64_t thread_id);

// The thread with its messages (internal notes when `with_internal`) and their attachments.
Result<Thread> read_thread(store::Session& session, std::int64_t thread_id, bool with_internal);

ThreadSummary summary_from(const store::Row& row);

// Characters, not bytes: UTF-8 continuation bytes are not counted.
std::size_t characters(std::string_view text);

// Checks a message's text: 1 to kLongestMessage characters after trimming. Errors: invalid_input
// ("body").
Result<std::string> checked_body(const std::string& body);

// Adds a message to the thread and sends the account's uploaded attachments with it. Errors:
// invalid_input ("attachments") for more than kMostAttachments, or one not uploaded for
// `account_id` or sent already.
Result<std::int64_t> add_message(store::Session& session, std::int64_t account_id,
                                 std::int64_t thread_id, bool from_utility, bool internal,
                                 const std::string& actor, const std::string& body,
                                 const std::vector<std::int64_t>& attachment_ids,
                                 const std::string& at);

// Attachment `id` and the account it was uploaded for. Errors: not_found; internal_error when the
// stored content does not decode.
struct StoredAttachment {
  std::int64_t account_id = 0;
  Attachment attachment;
};
Result<StoredAttachment> read_attachment(store::Session& session, std::int64_t id);

// A list cursor: the last row's (last_message_at, id) as "2026-12-07T10:00:00Z|42"; "" is the
// start. Errors: invalid_input ("cursor").
struct Cursor {
  std::string at;
  std::int64_t id = 0;
};
Result<Cursor> parse_cursor(const std::string& text, bool descending);
std::string cursor_of(const ThreadSummary& last);

// Runs a list query given (params..., cursor at, cursor at, cursor id, limit + 1) and makes the
// page.
Result<ThreadPage> page_of(store::Session& session, const std::string& query, store::Params params,
                           const Cursor& cursor, std::size_t limit);

}  // namespace rp::messaging::detail
