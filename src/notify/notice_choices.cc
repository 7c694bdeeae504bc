#include "notify/notice_choices.h"

#include <algorithm>
#include <limits>
#include <map>

#include "accounts/account_events.h"
#include "core/email_address.h"
#include "core/json_writer.h"
#include "core/secret_token.h"
#include "core/time.h"
#include "notify/notice_format.h"
#include "notify/notice_templates.h"

namespace rp::notify {
namespace {

using store::Row;
using store::Session;

struct AccountFacts {
  std::int64_t id = 0;
  bool paperless = false;
  bool has_email = false;
  bool texts_allowed = false;
};

Result<AccountFacts> account_facts(Session& session, const AccountNumber& account) {
  auto rows = session.query_named("notify/account_for_choices", {account.digits()});
  RP_TRY(rows);
  if (rows->empty()) return not_found("no account has number " + account.formatted());
  const Row& row = rows->at(0);
  return AccountFacts{row.integer("id"), row.integer("paperless") != 0, !row.text("email").empty(),
                      row.integer("texts_allowed") != 0};
}

Error paperless_needs_email() {
  return invalid_input("kind",
                       "with paperless bills the bill-ready email is your bill notice: go back "
                       "to paper bills first to turn it off")
      .coded("paperless-needs-bill-email");
}

Result<NoticeChoices> choices_in(Session& session, const AccountFacts& facts) {
  auto kinds = session.query_named("notify/notice_kinds");
  RP_TRY(kinds);
  auto chosen = session.query_named("notify/notice_preferences", {facts.id});
  RP_TRY(chosen);
  std::map<std::string, bool> email_choice;
  std::map<std::string, bool> text_choice;
  for (const Row& row : *chosen) {
    auto& choices_of = row.text("channel") == "email" ? email_choice : text_choice;
    choices_of[row.text("kind")] = row.integer("enabled") != 0;
  }
  NoticeChoices choices;
  choices.paperless = facts.paperless;
  choices.has_email = facts.has_email;
  choices.texts_allowed = facts.texts_allowed;
  for (const Row& row : *kinds) {
    NoticeChoice choice;
    choice.kind = row.text("kind");
    choice.may_turn_off = row.integer("may_turn_off") != 0;
    choice.email_default = row.integer("email_default") != 0;
    const auto found = email_choice.find(choice.kind);
    // An email that is a paperless account's bill is sent whatever was chosen (notices.h).
    choice.required_while_paperless = row.integer("required_while_paperless") != 0;
    choice.email = !choice.may_turn_off || (choice.required_while_paperless && facts.paperless) ||
                   (found != email_choice.end() ? found->second : choice.email_default);
    choice.text_available = has_text_template(choice.kind, "en");
    choice.text_default = choice.text_available && row.integer("text_default") != 0;
    const auto text = text_choice.find(choice.kind);
    choice.text = choice.text_available && facts.texts_allowed &&
                  (text != text_choice.end() ? text->second : choice.text_default);
    choices.kinds.push_back(choice);
  }
  return choices;
}

// Sets the choices in `wanted` ((kind, channel) -> enabled) that differ from `current`, and
// records them as one event. Returns whether anything changed.
Result<bool> apply(Session& session, const AccountFacts& facts, const NoticeChoices& current,
                   const std::map<std::pair<std::string, std::string>, bool>& wanted,
                   const std::string& actor) {
  JsonWriter details;
  details.begin_object();
  std::string words;
  const std::string at = format_instant(now());
  bool changed = false;
  for (const char* channel : {"email", "text"}) {
    bool opened = false;
    for (const NoticeChoice& choice : current.kinds) {
      const auto want = wanted.find({choice.kind, channel});
      const bool now_on = std::string(channel) == "email" ? choice.email : choice.text;
      if (want == wanted.end() || want->second == now_on) continue;
      RP_TRY(session.execute_named("notify/set_notice_preference",
                                   {facts.id, choice.kind, std::string(channel),
                                    std::int64_t{want->second ? 1 : 0}, at, actor}));
      if (!opened) details.key(channel).begin_object();
      opened = true;
      details.key(choice.kind).begin_object().key("before").boolean(now_on);
      details.key("after").boolean(want->second).end_object();
      words += (words.empty() ? "" : ", ") + choice.kind + " by " + channel +
               (want->second ? " on" : " off");
      changed = true;
    }
    if (opened) details.end_object();
  }
  details.end_object();
  if (!changed) return false;
  RP_TRY(accounts::record_event(
      session, {facts.id, "notices.changed", actor, "Notices: " + words + ".", details.take()}));
  return true;
}

Result<UnsubscribeTarget> target_of(Session& session, std::string_view token,
                                    std::int64_t& notice_id, std::int64_t& account_id) {
  auto rows = session.query_named("notify/notice_by_unsubscribe_token", {token_digest(token)});
  RP_TRY(rows);
  if (rows->empty()) {
    return not_found("this unsubscribe link is not one we sent (check that it was copied whole)");
  }
  const Row& row = rows->at(0);
  notice_id = row.integer("id");
  account_id = row.integer("account_id");
  UnsubscribeTarget target;
  target.kind = row.text("kind");
  target.channel = row.text("channel");
  target.account = masked_account(row.text("number"));
  target.language = row.text("language");
  auto choices = choices_in(session, {account_id, false, true, false});
  RP_TRY(choices);
  for (const NoticeChoice& choice : choices->kinds) {
    if (choice.kind == target.kind) target.enabled = choice.email;
  }
  return target;
}

}  // namespace

Result<NoticeChoices> notice_choices(store::Database& database, const AccountNumber& account) {
  return database.read<NoticeChoices>([&](Session& session) -> Result<NoticeChoices> {
    auto facts = account_facts(session, account);
    RP_TRY(facts);
    return choices_in(session, *facts);
  });
}

Result<NoticeChoices> change_notice_choices(store::Database& database, const AccountNumber& account,
                                            const std::vector<NoticeChoiceChange>& changes,
                                            const std::string& actor) {
  return database.write<NoticeChoices>([&](Session& session) -> Result<NoticeChoices> {
    auto facts = account_facts(session, account);
    RP_TRY(facts);
    auto current = choices_in(session, *facts);
    RP_TRY(current);
    std::map<std::pair<std::string, std::string>, bool> wanted;
    for (const NoticeChoiceChange& change : changes) {
      if (change.channel != "email" && change.channel != "text") {
        return invalid_input(
            "channel", "notices go by email or text; '" + change.channel + "' is not a channel");
      }
      const auto known = std::find_if(current->kinds.begin(), current->kinds.end(),
                                      [&](const NoticeChoice& c) { return c.kind == change.kind; });
      if (known == current->kinds.end()) {
        return invalid_input("kind", "'" + change.kind + "' is not a kind of notice");
      }
      if (change.channel == "text") {
        if (!known->text_available) {
          return invalid_input("channel", "'" + change.kind + "' notices are not sent by text");
        }
        if (change.enabled && !facts->texts_allowed) {
          return invalid_input("channel",
                               "agree to text messages first: we text only a number whose owner "
                               "agreed")
              .coded("text-consent-needed");
        }
      } else if (!known->may_turn_off && !change.enabled) {
        return invalid_input("kind", "'" + change.kind +
                                         "' notices are about money owed or your account's "
                                         "safety and cannot be turned off")
            .coded("notice-required");
      } else if (known->required_while_paperless && !change.enabled && facts->paperless) {
        return paperless_needs_email();
      }
      wanted[{change.kind, change.channel}] = change.enabled;
    }
    auto applied = apply(session, *facts, *current, wanted, actor);
    RP_TRY(applied);
    if (!*applied) return std::move(*current);
    return choices_in(session, *facts);
  });
}

Result<std::vector<SentNotice>> notices_sent(store::Database& database,
                                             const AccountNumber& account, std::int64_t before,
                                             std::int64_t limit) {
  if (limit < 1 || limit > 100) return invalid_input("limit", "limit is 1 to 100");
  return database.read<std::vector<SentNotice>>(
      [&](Session& session) -> Result<std::vector<SentNotice>> {
        auto facts = account_facts(session, account);
        RP_TRY(facts);
        auto rows = session.query_named(
            "notify/notices_of_account",
            {facts->id, before > 0 ? before : std::numeric_limits<std::int64_t>::max(), limit});
        RP_TRY(rows);
        std::vector<SentNotice> sent;
        for (const Row& row : *rows) {
          SentNotice notice;
          notice.id = row.integer("id");
          notice.kind = row.text("kind");
          notice.channel = row.text("channel");
          notice.recipient = masked_email(row.text("recipient"));
          notice.subject = row.text("subject");
          notice.created_at = row.text("created_at");
          if (!row.is_null("sent_at")) {
            notice.status = "sent";
          } else if (row.integer("attempts") > 0) {
            notice.status = "retrying";
            notice.problem = row.text("last_error");
          } else {
            notice.status = "waiting";
          }
          sent.push_back(std::move(notice));
        }
        return sent;
      });
}

Result<UnsubscribeTarget> unsubscribe_target(store::Database& database, std::string_view token) {
  return database.read<UnsubscribeTarget>([&](Session& session) -> Result<UnsubscribeTarget> {
    std::int64_t notice = 0;
    std::int64_t account = 0;
    return target_of(session, token, notice, account);
  });
}

Result<UnsubscribeTarget> unsubscribe(store::Database& database, std::string_view token) {
  return database.write<UnsubscribeTarget>([&](Session& session) -> Result<UnsubscribeTarget> {
    std::int64_t notice = 0;
    std::int64_t account = 0;
    auto target = target_of(session, token, notice, account);
    RP_TRY(target);
    if (!target->enabled) return std::move(*target);
    auto rows = session.query_named("notify/account_paperless", {account});
    RP_TRY(rows);
    const AccountFacts facts{account, rows->at(0).integer("paperless") != 0, true, false};
    auto current = choices_in(session, facts);
    RP_TRY(current);
    for (const NoticeChoice& choice : current->kinds) {
      if (choice.kind == target->kind && choice.required_while_paperless && facts.paperless) {
        return paperless_needs_email();
      }
    }
    RP_TRY(apply(session, facts, *current, {{{target->kind, target->channel}, false}},
                 "unsubscribe-link:notice-" + std::to_string(notice)));
    target->enabled = false;
    return std::move(*target);
  });
}

}  // namespace rp::notify
