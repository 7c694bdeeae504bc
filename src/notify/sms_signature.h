#pragma once
// The signature an SMS provider puts on what it posts to us (inbound texts, delivery statuses),
// as Twilio defines it and others copy: X-Twilio-Signature is the base64 of HMAC-SHA1, keyed with
// the account's secret token, over the full URL the provider posted to followed by each form
// parameter's name and value, sorted by name. A post without a valid signature is refused: anyone
// could otherwise stop a customer's texts or forge a delivery.

#include <map>
#include <string>
#include <string_view>

namespace rp::notify {

// What the webhook routes need to check a post: the secret and the public address the provider
// was told to post to (the portal's public URL, "https://portal.example.com").
struct SmsWebhookSettings {
  std::string token;
  std::string public_url;
};

// The signature of a post of `params` to `url`.
std::string sms_signature(std::string_view token, std::string_view url,
                          const std::map<std::string, std::string>& params);

// Whether `signature` is the one for that post (compared in constant time).
bool sms_signature_valid(std::string_view token, std::string_view url,
                         const std::map<std::string, std::string>& params,
                         std::string_view signature);

}  // namespace rp::notify
