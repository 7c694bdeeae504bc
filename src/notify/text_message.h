#pragma once
// Text messages (SMS) to customers, as email.h is for email: written to the outbox in the same
// transaction as what causes them (queue_text), handed to the SMS provider by the outbox
// dispatcher (email_dispatcher.h) after the commit, retried until the provider takes the message
// or refuses it for good. So a text is never sent for something that rolled back, and never lost
// for something that committed.

#include <cstdint>
#include <optional>
#include <string>

#include "core/result.h"
#include "core/time.h"
#include "store/session.h"

namespace rp::notify {

struct TextMessage {
  std::string to;    // E.164: "+15415550134"
  std::string body;  // UTF-8; the provider splits long texts into segments
};

// "+15415550134" and the like: '+', a first digit 1-9, 8 to 15 digits in all.
bool is_e164(std::string_view number);

// Adds `message` to the outbox inside the caller's write. Errors: invalid_input ("to") for a
// number not in E.164, ("body") for an empty body; the database's error.
// `not_before`: the first attempt waits until then (quiet hours, quiet_hours.h).
Result<std::int64_t> queue_text(store::Session& session, const TextMessage& message,
                                std::optional<Instant> not_before = std::nullopt);

// Hands one message to the SMS provider. Implementations: SmsGateway and, for the demo without
// a provider, TextFolder (sms_gateway.h).
class Texter {
 public:
  virtual ~Texter() = default;
  // The provider's id for the message. Errors: unavailable when it could not take the message
  // now (tried again later); invalid_input when it refused the message for good (never retried).
  // Called from several threads at once (the outbox sends on a few connections).
  virtual Result<std::string> send(const TextMessage& message) = 0;
};

}  // namespace rp::notify
