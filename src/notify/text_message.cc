#include "notify/text_message.h"

#include "core/time.h"

namespace rp::notify {

bool is_e164(std::string_view number) {
  if (number.size() < 9 || number.size() > 16 || number[0] != '+') return false;
  if (number[1] < '1' || number[1] > '9') return false;
  for (char c : number.substr(1)) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

Result<std::int64_t> queue_text(store::Session& session, const TextMessage& message,
                                std::optional<Instant> not_before) {
  if (!is_e164(message.to)) {
    return invalid_input("to",
                         "'" + message.to + "' is not a phone number in E.164 (+15415550134)");
  }
  if (message.body.empty()) return invalid_input("body", "a text message needs a body");
  const Instant at = now();
  const Instant first = not_before && *not_before > at ? *not_before : at;
  auto rows = session.query_named(
      "notify/queue_text", {message.to, message.body, format_instant(at), format_instant(first)});
  RP_TRY(rows);
  return rows->at(0).integer("id");
}

}  // namespace rp::notify
