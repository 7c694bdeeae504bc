#include "notify/email.h"

#include "core/email_address.h"
#include "core/time.h"

namespace rp::notify {

Result<std::int64_t> queue_email(store::Session& session, const EmailMessage& message) {
  if (!normalize_email(message.to).ok()) {
    return invalid_input("to", "'" + message.to + "' is not one email address");
  }
  if (message.subject.find_first_of("\r\n") != std::string::npos) {
    return invalid_input("subject", "an email subject is one line");
  }
  if (message.unsubscribe_url.find_first_of("\r\n <>") != std::string::npos) {
    return invalid_input("unsubscribe_url", "an unsubscribe link is one URL");
  }
  const std::string at = format_instant(now());
  auto rows = session.query_named("notify/queue_email",
                                  {message.to, message.subject, message.body, message.html,
                                   message.unsubscribe_url, message.message_key, at, at});
  RP_TRY(rows);
  return rows->at(0).integer("id");
}

}  // namespace rp::notify
