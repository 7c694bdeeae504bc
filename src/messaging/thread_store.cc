#include "messaging/thread_store.h"

#include <charconv>
#include <map>

#include "core/base64.h"
#include "messaging/attachments.h"

namespace rp::messaging::detail {

using store::Row;
using store::Session;

namespace {

std::string text_or_empty(const Row& row, const char* column) {
  return row.is_null(column) ? std::string() : row.text(column);
}

std::string trimmed(const std::string& text) {
  const auto first = text.find_first_not_of(" \t\r\n");
  if (first == std::string::npos) return "";
  const auto last = text.find_last_not_of(" \t\r\n");
  return text.substr(first, last - first + 1);
}

}  // namespace

std::size_t characters(std::string_view text) {
  std::size_t count = 0;
  for (char c : text) count += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return count;
}

ThreadSummary summary_from(const Row& row) {
  ThreadSummary summary;
  summary.id = row.integer("id");
  summary.account_number = row.text("account_number");
  summary.customer_name = row.text("customer_name");
  summary.topic = row.text("topic");
  summary.subject = row.text("subject");
  summary.status = row.text("status");
  summary.assigned_to = text_or_empty(row, "assigned_to");
  summary.opened_at = row.text("opened_at");
  summary.last_message_at = row.text("last_message_at");
  summary.first_reply_at = text_or_empty(row, "first_reply_at");
  if (!row.is_null("bill_number")) summary.bill_number = row.integer("bill_number");
  summary.payment_confirmation = text_or_empty(row, "payment_confirmation");
  return summary;
}

Result<ThreadSummary> read_summary(Session& session, std::int64_t thread_id) {
  auto rows = session.query_named("messaging/thread_summary", {thread_id});
  RP_TRY(rows);
  if (rows->empty()) return not_found("no message thread " + std::to_string(thread_id));
  return summary_from(rows->at(0));
}

Result<Thread> read_thread(Session& session, std::int64_t thread_id, bool with_internal) {
  Thread thread;
  auto summary = read_summary(session, thread_id);
  RP_TRY(summary);
  thread.summary = std::move(*summary);
  auto messages = session.query_named("messaging/messages_of_thread",
                                      {thread_id, std::int64_t{with_internal ? 1 : 0}});
  RP_TRY(messages);
  std::map<std::int64_t, std::size_t> at;
  for (const Row& row : *messages) {
    Message message;
    message.id = row.integer("id");
    message.from_utility = row.integer("from_utility") != 0;
    message.internal = row.integer("internal") != 0;
    message.actor = row.text("actor");
    message.body = row.text("body");
    message.created_at = row.text("created_at");
    at[message.id] = thread.messages.size();
    thread.messages.push_back(std::move(message));
  }
  auto attachments = session.query_named("messaging/attachments_of_thread", {thread_id});
  RP_TRY(attachments);
  for (const Row& row : *attachments) {
    auto found = at.find(row.integer("message_id"));
    if (found == at.end()) continue;  // on an internal note the caller does not see
    thread.messages[found->second].attachments.push_back({row.integer("id"), row.text("file_name"),
                                                          row.text("content_type"),
                                                          row.integer("size_bytes")});
  }
  return thread;
}

Result<std::string> checked_body(const std::string& body) {
  const std::string text = trimmed(body);
  if (text.empty()) return invalid_input("body", "write the message");
  if (characters(text) > kLongestMessage) {
    return invalid_input("body", "a message may be 4,000 characters at most; this one is " +
                                     std::to_string(characters(text)));
  }
  return text;
}

Result<std::int64_t> add_message(Session& session, std::int64_t account_id, std::int64_t thread_id,
                                 bool from_utility, bool internal, const std::string& actor,
                                 const std::string& body,
                                 const std::vector<std::int64_t>& attachment_ids,
                                 const std::string& at) {
  if (attachment_ids.size() > kMostAttachments) {
    return invalid_input("attachments", "a message may carry 3 files at most");
  }
  for (std::size_t i = 0; i < attachment_ids.size(); ++i) {
    for (std::size_t j = 0; j < i; ++j) {
      if (attachment_ids[i] == attachment_ids[j]) {
        return invalid_input("attachments", "the same file is attached twice");
      }
    }
    auto unsent =
        session.query_named("messaging/unsent_attachment", {attachment_ids[i], account_id});
    RP_TRY(unsent);
    if (unsent->empty()) {
      return invalid_input("attachments", "file " + std::to_string(attachment_ids[i]) +
                                              " was not uploaded for this account, or was sent "
                                              "already: upload it again");
    }
  }
  RP_TRY(session.execute_named("messaging/insert_message",
                               {thread_id, std::int64_t{from_utility ? 1 : 0},
                                std::int64_t{internal ? 1 : 0}, actor, body, at}));
  auto id = session.query_named("messaging/last_message_of_thread", {thread_id});
  RP_TRY(id);
  const std::int64_t message_id = id->at(0).integer("id");
  for (std::int64_t attachment : attachment_ids) {
    RP_TRY(session.execute_named("messaging/send_attachment", {message_id, attachment}));
  }
  return message_id;
}

Result<StoredAttachment> read_attachment(Session& session, std::int64_t id) {
  auto rows = session.query_named("messaging/attachment_by_id", {id});
  RP_TRY(rows);
  if (rows->empty()) return not_found("no attachment " + std::to_string(id));
  const Row& row = rows->at(0);
  auto content = base64_decode(row.text("content_base64"));
  if (!content) return internal_error("attachment " + std::to_string(id) + " does not decode");
  return StoredAttachment{row.integer("account_id"),
                          {{row.integer("id"), row.text("file_name"), row.text("content_type"),
                            row.integer("size_bytes")},
                           std::move(*content)}};
}

Result<Cursor> parse_cursor(const std::string& text, bool descending) {
  if (text.empty()) {
    return descending ? Cursor{"9999-12-31T23:59:59Z", INT64_MAX} : Cursor{"", 0};
  }
  const auto bar = text.find('|');
  Cursor cursor;
  if (bar == std::string::npos || bar == 0 || bar > 40) {
    return invalid_input("cursor", "use the next_cursor of the page before");
  }
  cursor.at = text.substr(0, bar);
  const std::string id = text.substr(bar + 1);
  auto [end, error] = std::from_chars(id.data(), id.data() + id.size(), cursor.id);
  if (error != std::errc() || end != id.data() + id.size() || cursor.id < 0) {
    return invalid_input("cursor", "use the next_cursor of the page before");
  }
  return cursor;
}

std::string cursor_of(const ThreadSummary& last) {
  return last.last_message_at + "|" + std::to_string(last.id);
}

Result<ThreadPage> page_of(Session& session, const std::string& query, store::Params params,
                           const Cursor& cursor, std::size_t limit) {
  params.push_back(cursor.at);
  params.push_back(cursor.at);
  params.push_back(cursor.id);
  params.push_back(static_cast<std::int64_t>(limit + 1));
  auto rows = session.query_named(query, params);
  RP_TRY(rows);
  ThreadPage page;
  for (const Row& row : *rows) {
    if (page.threads.size() == limit) {
      page.next_cursor = cursor_of(page.threads.back());
      break;
    }
    page.threads.push_back(summary_from(row));
  }
  return page;
}

}  // namespace rp::messaging::detail
