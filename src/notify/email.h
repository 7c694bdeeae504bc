#pragma once
// Email to customers: written to the outbox in the same transaction as what causes it
// (queue_email), then handed to the utility's mail server by the dispatcher
// (email_dispatcher.h) after the commit, retried until the server takes it. So an email is never
// sent for something that rolled back, and never lost for something that committed.

#include <cstdint>
#include <string>

#include "core/result.h"
#include "store/session.h"

namespace rp::notify {

struct EmailMessage {
  std::string to;       // one address
  std::string subject;  // one line
  std::string body;     // plain text, UTF-8, lines separated by '\n'
  // An HTML part beside the text (multipart/alternative); empty: text only.
  std::string html{};
  // The one-click unsubscribe link (List-Unsubscribe and List-Unsubscribe-Post, RFC 8058);
  // empty: none (transactional mail).
  std::string unsubscribe_url{};
  // Names the message for its Message-ID, the same on every attempt ("notice-42"); empty: a new
  // id each time it is rendered.
  std::string message_key{};
};

// Adds `message` to the outbox inside the caller's write. Errors: invalid_input ("to",
// "subject") for an address without '@' or a subject with a line break; the database's error.
Result<std::int64_t> queue_email(store::Session& session, const EmailMessage& message);

// Sends one message. Implementations: SmtpMailer (smtp_mailer.h) and, for the demo without a
// mail server, DirectoryMailer (writes .eml files). The dispatcher calls send from a few threads
// at once: implementations must allow it.
class Mailer {
 public:
  virtual ~Mailer() = default;
  // Errors: unavailable with the server's answer when it did not take the message.
  virtual Result<void> send(const EmailMessage& message) = 0;
};

}  // namespace rp::notify
