#pragma once
// Texters that deliver a TextMessage (text_message.h): to an SMS provider over its HTTP API, or
// into a folder as files (the demo, where there is no provider; the demo says where to look).
//
// SmsGateway speaks the Messages API that Twilio defined and other providers copy:
//   POST {api_url}/2010-04-01/Accounts/{account}/Messages.json
//   Authorization: Basic base64(account:token)
//   Content-Type: application/x-www-form-urlencoded   To=+1...&From=+1...&Body=...
// answered 201 with a JSON object whose "sid" names the message, or 4xx/5xx with a JSON object
// {"code": ..., "message": "..."}. 400-class answers other than 401, 403, 404 and 429 refuse
// the message for good (invalid_input: a number that cannot be texted, an empty body); every
// other failure (no answer, 5xx, 429, bad credentials) is unavailable and tried again.

#include <memory>
#include <string>

#include "notify/curl_handles.h"
#include "notify/text_message.h"

namespace rp::notify {

struct SmsSettings {
  std::string api_url;  // "https://api.twilio.com", or the provider's; no trailing path
  std::string account;  // the account id (Twilio's "AccountSid")
  std::string token;    // the account's secret
  std::string from;     // the utility's sending number, E.164
  long timeout_seconds = 20;
};

// Keeps its connections to the provider open between texts (HTTP keep-alive). Safe to call from
// several threads.
class SmsGateway final : public Texter {
 public:
  explicit SmsGateway(SmsSettings settings);
  Result<std::string> send(const TextMessage& message) override;

 private:
  SmsSettings settings_;
  std::unique_ptr<CurlHandles> handles_;  // movable gateway, fixed pool
};

// The form body SmsGateway posts (To, From, Body, URL-encoded).
std::string messages_api_form(const TextMessage& message, const std::string& from);

class TextFolder final : public Texter {
 public:
  TextFolder(std::string folder, std::string from);
  // Writes <folder>/<UTC time>-<sequence>.txt (To, From, a blank line, the body); its file name
  // is the id. Errors: unavailable naming the file.
  Result<std::string> send(const TextMessage& message) override;

 private:
  std::string folder_;
  std::string from_;
};

}  // namespace rp::notify
