#pragma once
// Text messages over HTTP (notify/text_consent.h):
//   GET    /api/v1/accounts/{number}/text-consent[?number=&language=]  the consent in force, and
//          the words to show before agreeing (for `number`, or the number consented to)
//   PUT    /api/v1/accounts/{number}/text-consent  {"number", "language", "wording"}: agree, with
//          the words shown (source: the portal for a customer, staff for a staff caller; the
//          client's address is kept)
//   DELETE /api/v1/accounts/{number}/text-consent  withdraw
//   POST   /api/v1/sms/inbound   the provider's post of a text to the utility's number (form:
//          MessageSid, From, Body), signed (X-Twilio-Signature); STOP/START/HELP are acted on
//   POST   /api/v1/sms/status    the provider's delivery status of a text we sent (form:
//          MessageSid, MessageStatus, ErrorCode), signed
// The provider's posts without a valid signature are refused (403) and change nothing; without
// a provider configured those routes answer 503.

#include "api/api.h"
#include "http/request.h"
#include "http/response.h"

namespace rp::api {

http::Response text_consent_handler(ApiContext& context, http::Request& request);
http::Response grant_text_consent_handler(ApiContext& context, http::Request& request);
http::Response withdraw_text_consent_handler(ApiContext& context, http::Request& request);
http::Response inbound_text_handler(ApiContext& context, http::Request& request);
http::Response text_status_handler(ApiContext& context, http::Request& request);

}  // namespace rp::api
