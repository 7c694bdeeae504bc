#include "messaging/threads.h"

#include "accounts/account_events.h"
#include "core/base64.h"
#include "core/json_writer.h"
#include "core/secret_token.h"
#include "core/time.h"
#include "messaging/attachments.h"
#include "messaging/thread_store.h"

namespace rp::messaging {
namespace {

using store::Row;
using store::Session;

constexpr const char* kTopics[] = {"bill", "payment", "usage", "service", "other"};

Result<std::int64_t> account_id_of(Session& session, const AccountNumber& account) {
  auto rows = session.query_named("messaging/account_by_number", {account.digits()});
  RP_TRY(rows);
  if (rows->empty()) return not_found("no account has number " + account.formatted());
  return rows->at(0).integer("id");
}

// The account's thread `thread_id`, or not_found (another account's is not told apart).
Result<std::string> thread_status(Session& session, std::int64_t account_id,
                                  std::int64_t thread_id) {
  auto rows = session.query_named("messaging/thread_of_account", {thread_id, account_id});
  RP_TRY(rows);
  if (rows->empty())
    return not_found("this account has no message thread " + std::to_string(thread_id));
  return rows->at(0).text("status");
}

Result<void> check_topic(const std::string& topic) {
  for (const char* known : kTopics) {
    if (topic == known) return success();
  }
  return invalid_input("topic",
                       "choose what the message is about: bill, payment, usage, service "
                       "or other");
}

Result<std::string> checked_subject(const std::string& subject) {
  const auto first = subject.find_first_not_of(" \t\r\n");
  if (first == std::string::npos) return invalid_input("subject", "give the message a subject");
  const auto last = subject.find_last_not_of(" \t\r\n");
  std::string text = subject.substr(first, last - first + 1);
  if (text.find_first_of("\r\n") != std::string::npos) {
    return invalid_input("subject", "a subject is one line");
  }
  if (detail::characters(text) > kLongestSubject) {
    return invalid_input("subject", "a subject may be 120 characters at most");
  }
  return text;
}

Result<void> record_received(Session& session, std::int64_t account_id, std::int64_t thread_id,
                             const std::string& subject, const std::string& actor) {
  JsonWriter details;
  details.begin_object().key("thread").number(thread_id).key("subject").string(subject);
  details.end_object();
  RP_TRY(
      accounts::record_event(session, {account_id, "message.received", actor,
                                       "Message from the customer: " + subject, details.take()}));
  return success();
}

}  // namespace

Result<AttachmentInfo> upload_attachment(store::Database& database, const AccountNumber& account,
                                         const std::string& file_name, const std::string& bytes,
                                         const std::string& actor) {
  auto type = checked_content_type(bytes);
  RP_TRY(type);
  const std::string name = safe_file_name(file_name, *type);
  const std::string content = base64_encode(bytes);
  return database.write<AttachmentInfo>([&](Session& session) -> Result<AttachmentInfo> {
    auto account_id = account_id_of(session, account);
    RP_TRY(account_id);
    RP_TRY(session.execute_named("messaging/insert_attachment",
                                 {*account_id, name, *type, static_cast<std::int64_t>(bytes.size()),
                                  token_digest(bytes), content, actor, format_instant(now())}));
    auto id = session.query_named("messaging/last_attachment_of_account", {*account_id, actor});
    RP_TRY(id);
    return AttachmentInfo{id->at(0).integer("id"), name, *type,
                          static_cast<std::int64_t>(bytes.size())};
  });
}

Result<Thread> open_thread(store::Database& database, const AccountNumber& account,
                           const NewThread& thread, const std::string& actor) {
  RP_TRY(check_topic(thread.topic));
  auto subject = checked_subject(thread.subject);
  RP_TRY(subject);
  auto body = detail::checked_body(thread.body);
  RP_TRY(body);
  return database.write<Thread>([&](Session& session) -> Result<Thread> {
    auto account_id = account_id_of(session, account);
    RP_TRY(account_id);
    const std::string at = format_instant(now());
    RP_TRY(session.execute_named("messaging/insert_thread",
                                 {*account_id, thread.topic, *subject, actor, at, at}));
    auto id = session.query_named("messaging/last_thread_of_account", {*account_id});
    RP_TRY(id);
    const std::int64_t thread_id = id->at(0).integer("id");
    RP_TRY(detail::add_message(session, *account_id, thread_id, false, false, actor, *body,
                               thread.attachment_ids, at));
    RP_TRY(record_received(session, *account_id, thread_id, *subject, actor));
    return detail::read_thread(session, thread_id, false);
  });
}

Result<Thread> customer_reply(store::Database& database, const AccountNumber& account,
                              std::int64_t thread_id, const std::string& body,
                              const std::vector<std::int64_t>& attachment_ids,
                              const std::string& actor) {
  auto text = detail::checked_body(body);
  RP_TRY(text);
  return database.write<Thread>([&](Session& session) -> Result<Thread> {
    auto account_id = account_id_of(session, account);
    RP_TRY(account_id);
    RP_TRY(thread_status(session, *account_id, thread_id));
    const std::string at = format_instant(now());
    RP_TRY(detail::add_message(session, *account_id, thread_id, false, false, actor, *text,
                               attachment_ids, at));
    RP_TRY(session.execute_named("messaging/customer_wrote", {at, thread_id}));
    auto summary = detail::read_summary(session, thread_id);
    RP_TRY(summary);
    RP_TRY(record_received(session, *account_id, thread_id, summary->subject, actor));
    return detail::read_thread(session, thread_id, false);
  });
}

Result<Thread> account_thread(store::Database& database, const AccountNumber& account,
                              std::int64_t thread_id) {
  return database.read<Thread>([&](Session& session) -> Result<Thread> {
    auto account_id = account_id_of(session, account);
    RP_TRY(account_id);
    RP_TRY(thread_status(session, *account_id, thread_id));
    return detail::read_thread(session, thread_id, false);
  });
}

Result<ThreadPage> account_threads(store::Database& database, const AccountNumber& account,
                                   const std::string& cursor, std::size_t limit) {
  auto start = detail::parse_cursor(cursor, true);
  RP_TRY(start);
  return database.read<ThreadPage>([&](Session& session) -> Result<ThreadPage> {
    auto account_id = account_id_of(session, account);
    RP_TRY(account_id);
    return detail::page_of(session, "messaging/threads_of_account", {*account_id}, *start, limit);
  });
}

Result<Attachment> account_attachment(store::Database& database, const AccountNumber& account,
                                      std::int64_t attachment_id) {
  return database.read<Attachment>([&](Session& session) -> Result<Attachment> {
    auto account_id = account_id_of(session, account);
    RP_TRY(account_id);
    auto stored = detail::read_attachment(session, attachment_id);
    if (!stored.ok() && stored.error().kind != ErrorKind::not_found) return stored.error();
    if (!stored.ok() || stored->account_id != *account_id) {
      return not_found("this account has no attachment " + std::to_string(attachment_id));
    }
    return std::move(stored->attachment);
  });
}

}  // namespace rp::messaging
