#include "api/text_handlers.h"

#include <map>

#include "api/answers.h"
#include "api/guards.h"
#include "core/json_writer.h"
#include "http/json_body.h"
#include "http/problem.h"
#include "http/url.h"
#include "notify/email_dispatcher.h"
#include "notify/phone_number.h"
#include "notify/sms_signature.h"
#include "notify/text_consent.h"
#include "outages/still_out.h"
#include "store/utility_settings.h"

namespace rp::api {
namespace {

bool staff_caller(const http::Request& request) {
  return request.actor.starts_with("staff:") || request.actor.starts_with("api_key:");
}

Result<std::string> utility_name_of(ApiContext& context) {
  return context.database.read<std::string>(
      [](store::Session& session) { return store::utility_name(session); });
}

// The provider's form post, after its signature is checked. Errors: a problem to answer.
std::optional<http::Response> signed_form(ApiContext& context, const http::Request& request,
                                          std::map<std::string, std::string>& form) {
  if (context.sms == nullptr || context.sms->token.empty()) {
    return http::problem(503, "sms-not-configured", "No SMS provider",
                         "this server has no SMS provider configured (sms.token)");
  }
  auto pairs = http::parse_query(request.body);
  if (!pairs) {
    return http::problem_from_error(invalid_input("body", "the post is not a form"));
  }
  for (auto& [name, value] : *pairs) form[name] = value;
  const std::string url = context.sms->public_url + request.target;
  if (!notify::sms_signature_valid(context.sms->token, url, form,
                                   request.header("x-twilio-signature").value_or(""))) {
    return http::problem(403, "bad-signature", "Not signed by our SMS provider",
                         "the post's X-Twilio-Signature is missing or wrong; nothing was done");
  }
  return std::nullopt;
}

std::string field(const std::map<std::string, std::string>& form, const char* name) {
  const auto found = form.find(name);
  return found == form.end() ? std::string() : found->second;
}

}  // namespace

http::Response text_consent_handler(ApiContext& context, http::Request& request) {
  if (auto refused = require_account_access(context, request)) return *refused;
  auto number = account_number_param(request);
  if (!number.ok()) return http::problem_from_error(number.error());
  auto consent = notify::text_consent(context.database, *number);
  if (!consent.ok()) return http::problem_from_error(consent.error());
  const std::string language = request.query_param("language").value_or("en") == "es" ? "es" : "en";
  std::string asked = consent->number;
  if (auto typed = request.query_param("number"); typed && !typed->empty()) {
    auto e164 = notify::e164_number(*typed);
    if (!e164.ok()) return http::problem_from_error(e164.error());
    asked = *e164;
  }
  JsonWriter out;
  out.begin_object().key("granted").boolean(consent->granted);
  out.key("number").string(consent->number).key("source").string(consent->source);
  out.key("at").string(consent->at).key("language").string(language);
  out.key("wording_number").string(asked).key("wording");
  if (asked.empty()) {
    out.null();
  } else {
    auto utility = utility_name_of(context);
    if (!utility.ok()) return http::problem_from_error(utility.error());
    out.string(notify::text_consent_wording(*utility, asked, language));
  }
  out.end_object();
  return json_text(200, out.take());
}

http::Response grant_text_consent_handler(ApiContext& context, http::Request& request) {
  if (auto refused = require_account_access(context, request)) return *refused;
  auto number = account_number_param(request);
  if (!number.ok()) return http::problem_from_error(number.error());
  auto body = http::parse_json_object_body(request);
  if (!body.ok()) return http::problem_from_error(body.error());
  notify::TextConsentGrant grant;
  for (auto [name, target] :
       {std::pair{"number", &grant.number}, std::pair{"language", &grant.language},
        std::pair{"wording", &grant.wording}}) {
    if (!body->contains(name) || !(*body)[name].is_string()) {
      return http::problem_from_error(
          invalid_input(name, std::string(name) + " is required (text)"));
    }
    *target = (*body)[name].get<std::string>();
  }
  grant.source = staff_caller(request) ? "staff" : "portal";
  grant.client_address = request.remote_address;
  grant.actor = request.actor;
  auto granted = notify::grant_text_consent(context.database, *number, grant);
  if (!granted.ok()) return http::problem_from_error(granted.error());
  JsonWriter out;
  out.begin_object().key("granted").boolean(granted->granted);
  out.key("number").string(granted->number).key("source").string(granted->source);
  out.key("at").string(granted->at).end_object();
  return json_text(200, out.take());
}

http::Response withdraw_text_consent_handler(ApiContext& context, http::Request& request) {
  if (auto refused = require_account_access(context, request)) return *refused;
  auto number = account_number_param(request);
  if (!number.ok()) return http::problem_from_error(number.error());
  auto withdrawn = notify::withdraw_text_consent(context.database, *number,
                                                 staff_caller(request) ? "staff" : "portal",
                                                 request.remote_address, request.actor);
  if (!withdrawn.ok()) return http::problem_from_error(withdrawn.error());
  JsonWriter out;
  out.begin_object().key("granted").boolean(withdrawn->granted);
  out.key("number").string(withdrawn->number).key("source").string(withdrawn->source);
  out.key("at").string(withdrawn->at).end_object();
  return json_text(200, out.take());
}

http::Response inbound_text_handler(ApiContext& context, http::Request& request) {
  std::map<std::string, std::string> form;
  if (auto refused = signed_form(context, request, form)) return *refused;
  auto answer = notify::receive_text(
      context.database, {field(form, "MessageSid"), field(form, "From"), field(form, "Body")});
  if (!answer.ok()) return http::problem_from_error(answer.error());
  // "OUT" after a restored alert: the customer's home is reported out again (outages/still_out.h).
  if (answer->action == "none" && !answer->repeated) {
    auto still_out =
        outages::still_out_by_text(context.database, field(form, "From"), field(form, "Body"));
    if (!still_out.ok()) return http::problem_from_error(still_out.error());
  }
  if (context.mail != nullptr) context.mail->wake();  // the reply goes at once
  // The reply is sent through the outbox; the provider is answered with an empty response.
  return http::text_response(200, "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response/>",
                             "text/xml");
}

http::Response text_status_handler(ApiContext& context, http::Request& request) {
  std::map<std::string, std::string> form;
  if (auto refused = signed_form(context, request, form)) return *refused;
  auto known = notify::record_text_status(context.database, field(form, "MessageSid"),
                                          field(form, "MessageStatus"), field(form, "ErrorCode"));
  if (!known.ok()) return http::problem_from_error(known.error());
  http::Response done;
  done.status = 204;
  done.content_type.clear();
  return done;
}

}  // namespace rp::api
