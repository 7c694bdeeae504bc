#include "api/notice_handlers.h"

#include "api/answers.h"
#include "api/guards.h"
#include "core/json_writer.h"
#include "http/json_body.h"
#include "http/problem.h"
#include "notify/notice_choices.h"

namespace rp::api {
namespace {

std::string choices_json(const notify::NoticeChoices& choices) {
  JsonWriter out;
  out.begin_object().key("paperless").boolean(choices.paperless);
  out.key("has_email").boolean(choices.has_email);
  out.key("texts_allowed").boolean(choices.texts_allowed).key("kinds").begin_array();
  for (const notify::NoticeChoice& choice : choices.kinds) {
    out.begin_object().key("kind").string(choice.kind);
    out.key("may_turn_off").boolean(choice.may_turn_off).key("email").boolean(choice.email);
    out.key("email_default").boolean(choice.email_default);
    out.key("text_available").boolean(choice.text_available).key("text").boolean(choice.text);
    out.key("text_default").boolean(choice.text_default).end_object();
  }
  out.end_array().end_object();
  return out.take();
}

std::string target_json(const notify::UnsubscribeTarget& target) {
  JsonWriter out;
  out.begin_object().key("kind").string(target.kind).key("channel").string(target.channel);
  out.key("account").string(target.account).key("language").string(target.language);
  out.key("enabled").boolean(target.enabled).end_object();
  return out.take();
}

Result<std::string> token_param(const http::Request& request) {
  const std::string token = request.query_param("token").value_or("");
  if (token.empty() || token.size() > 100) {
    return invalid_input("token", "the unsubscribe link has no token: use the whole link");
  }
  return token;
}

}  // namespace

http::Response notice_choices_handler(ApiContext& context, http::Request& request) {
  if (auto refused = require_account_access(context, request)) return *refused;
  auto number = account_number_param(request);
  if (!number.ok()) return http::problem_from_error(number.error());
  auto choices = notify::notice_choices(context.database, *number);
  if (!choices.ok()) return http::problem_from_error(choices.error());
  return json_text(200, choices_json(*choices));
}

http::Response change_notice_choices_handler(ApiContext& context, http::Request& request) {
  if (auto refused = require_account_access(context, request)) return *refused;
  auto number = account_number_param(request);
  if (!number.ok()) return http::problem_from_error(number.error());
  auto body = http::parse_json_object_body(request);
  if (!body.ok()) return http::problem_from_error(body.error());
  if (!body->contains("changes") || !(*body)["changes"].is_array() || (*body)["changes"].empty() ||
      (*body)["changes"].size() > 200) {
    return http::problem_from_error(
        invalid_input("changes", "changes is a list of 1 to 200 {kind, channel, enabled}"));
  }
  std::vector<notify::NoticeChoiceChange> changes;
  for (const auto& item : (*body)["changes"]) {
    if (!item.is_object() || !item.contains("kind") || !item["kind"].is_string() ||
        !item.contains("channel") || !item["channel"].is_string() || !item.contains("enabled") ||
        !item["enabled"].is_boolean()) {
      return http::problem_from_error(invalid_input(
          "changes",
          "each change is {\"kind\": text, \"channel\": text, \"enabled\": true|false}"));
    }
    changes.push_back({item["kind"].get<std::string>(), item["channel"].get<std::string>(),
                       item["enabled"].get<bool>()});
  }
  auto changed = notify::change_notice_choices(context.database, *number, changes, request.actor);
  if (!changed.ok()) return http::problem_from_error(changed.error());
  return json_text(200, choices_json(*changed));
}

http::Response notices_sent_handler(ApiContext& context, http::Request& request) {
  if (auto refused = require_account_access(context, request)) return *refused;
  auto number = account_number_param(request);
  if (!number.ok()) return http::problem_from_error(number.error());
  auto limit = integer_query(request, "limit", 20);
  if (!limit.ok()) return http::problem_from_error(limit.error());
  auto before = integer_query(request, "before", 0);
  if (!before.ok()) return http::problem_from_error(before.error());
  auto sent = notify::notices_sent(context.database, *number, *before, *limit);
  if (!sent.ok()) return http::problem_from_error(sent.error());
  JsonWriter out;
  out.begin_object().key("notices").begin_array();
  for (const notify::SentNotice& notice : *sent) {
    out.begin_object().key("id").number(notice.id).key("kind").string(notice.kind);
    out.key("channel").string(notice.channel).key("recipient").string(notice.recipient);
    out.key("subject").string(notice.subject).key("created_at").string(notice.created_at);
    out.key("status").string(notice.status).key("problem").string(notice.problem);
    out.end_object();
  }
  out.end_array().key("next_before");
  if (static_cast<std::int64_t>(sent->size()) == *limit) {
    out.number(sent->back().id);
  } else {
    out.null();
  }
  out.end_object();
  return json_text(200, out.take());
}

http::Response unsubscribe_target_handler(ApiContext& context, http::Request& request) {
  auto token = token_param(request);
  if (!token.ok()) return http::problem_from_error(token.error());
  auto target = notify::unsubscribe_target(context.database, *token);
  if (!target.ok()) return http::problem_from_error(target.error());
  return json_text(200, target_json(*target));
}

http::Response unsubscribe_handler(ApiContext& context, http::Request& request) {
  auto token = token_param(request);
  if (!token.ok()) return http::problem_from_error(token.error());
  // RFC 8058: the mail client posts "List-Unsubscribe=One-Click"; the portal's page posts
  // nothing. Anything else is not an unsubscribe request.
  if (!request.body.empty() && request.body != "List-Unsubscribe=One-Click" &&
      request.body != "{}") {
    return http::problem_from_error(invalid_input(
        "body", "an unsubscribe request carries List-Unsubscribe=One-Click or nothing"));
  }
  auto target = notify::unsubscribe(context.database, *token);
  if (!target.ok()) return http::problem_from_error(target.error());
  return json_text(200, target_json(*target));
}

}  // namespace rp::api
