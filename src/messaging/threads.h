#pragma once
// Two-way messaging between a customer and the utility. A customer writes from the portal (a
// topic, a subject, the text and up to three attachments uploaded first); staff answer from the
// console's inbox: assign, reply, add internal notes the customer never sees, link the thread to
// a bill or a payment, close it. A thread belongs to one account and is part of its history:
// "message.received" (the customer wrote) and "message.replied" (the utility answered; the notices
// pipeline tells the customer a message arrived, never what it says) are account events.
//
// Status: open (waiting on the utility), waiting (on the customer: staff answered), closed. A
// customer writing again reopens a waiting or closed thread; staff replying makes it waiting.
//
// Who may see what is the caller's to check (api/guards.h): the account functions take the
// account the caller may act for and refuse another account's thread as not found.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/account_number.h"
#include "core/result.h"
#include "store/database.h"

namespace rp::messaging {

inline constexpr std::size_t kLongestSubject = 120;
inline constexpr std::size_t kLongestMessage = 4000;

struct AttachmentInfo {
  std::int64_t id = 0;
  std::string file_name;
  std::string content_type;
  std::int64_t size_bytes = 0;
};

struct Attachment {
  AttachmentInfo info;
  std::string content;  // the bytes
};

struct Message {
  std::int64_t id = 0;
  bool from_utility = false;
  bool internal = false;  // a staff note: only staff see it
  std::string actor;      // who wrote it ("customer:4", "staff:12")
  std::string body;
  std::string created_at;
  std::vector<AttachmentInfo> attachments;
};

struct ThreadSummary {
  std::int64_t id = 0;
  std::string account_number;
  std::string customer_name;
  std::string topic;  // bill | payment | usage | service | other
  std::string subject;
  std::string status;       // open | waiting | closed
  std::string assigned_to;  // "" unassigned
  std::string opened_at;
  std::string last_message_at;
  std::string first_reply_at;  // "" before the utility answered
  std::optional<std::int64_t> bill_number;
  std::string payment_confirmation;  // "" none
};

struct Thread {
  ThreadSummary summary;
  std::vector<Message> messages;  // oldest first
};

struct NewThread {
  std::string topic;
  std::string subject;
  std::string body;
  std::vector<std::int64_t> attachment_ids;  // uploaded by upload_attachment, not sent yet
};

// Stores an uploaded file for the account until a message carries it. Errors: invalid_input
// ("file") from attachments.h; not_found for an unknown account.
Result<AttachmentInfo> upload_attachment(store::Database& database, const AccountNumber& account,
                                         const std::string& file_name, const std::string& bytes,
                                         const std::string& actor);

// The customer opens a thread. Errors: invalid_input naming topic, subject (1-120 characters),
// body (1-4,000) or attachments (at most 3, each uploaded for this account and not sent yet);
// not_found. Records "message.received".
Result<Thread> open_thread(store::Database& database, const AccountNumber& account,
                           const NewThread& thread, const std::string& actor);

// The customer writes again (the thread reopens). Errors as open_thread; not_found for a thread
// not of the account.
Result<Thread> customer_reply(store::Database& database, const AccountNumber& account,
                              std::int64_t thread_id, const std::string& body,
                              const std::vector<std::int64_t>& attachment_ids,
                              const std::string& actor);

// The thread as the customer sees it: without internal notes. Errors: not_found.
Result<Thread> account_thread(store::Database& database, const AccountNumber& account,
                              std::int64_t thread_id);

struct ThreadPage {
  std::vector<ThreadSummary> threads;
  std::string next_cursor;  // "" at the end
};

// The account's threads, latest message first. Errors: not_found; invalid_input ("cursor").
Result<ThreadPage> account_threads(store::Database& database, const AccountNumber& account,
                                   const std::string& cursor, std::size_t limit);

// An attachment of the account's (sent or not). Errors: not_found.
Result<Attachment> account_attachment(store::Database& database, const AccountNumber& account,
                                      std::int64_t attachment_id);

}  // namespace rp::messaging
