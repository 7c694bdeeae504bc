#include "notify/notices.h"

#include <nlohmann/json.hpp>

#include <limits>
#include <map>
#include <optional>
#include <regex>
#include <vector>

#include "core/email_address.h"
#include "core/money.h"
#include "core/secret_token.h"
#include "core/time.h"
#include "notify/email.h"
#include "notify/notice_format.h"
#include "notify/notice_templates.h"
#include "notify/quiet_hours.h"
#include "notify/text_message.h"
#include "store/utility_settings.h"

namespace rp::notify {
namespace {

using store::Row;
using store::Session;

constexpr const char* kCursor = "notices";
constexpr const char* kBillNoticesCursor = "bill_notices";
// With nothing to decide, the cursor is moved only once it can pass this many settled events.
constexpr std::int64_t kCursorStep = 500;

struct NoticeKind {
  std::string kind;
  std::string event_kind;
  std::string audience;
  bool email_default = false;
  bool text_default = false;
  bool may_turn_off = true;
  bool quiet_hours_exempt = false;
  bool required_while_paperless = false;  // the email is a paperless account's bill
  std::string facts_query;
  std::string facts_key;
};

Result<std::vector<NoticeKind>> catalog(Session& session) {
  auto rows = session.query_named("notify/notice_kinds");
  RP_TRY(rows);
  std::vector<NoticeKind> kinds;
  for (const Row& row : *rows) {
    kinds.push_back({row.text("kind"), row.text("event_kind"), row.text("audience"),
                     row.integer("email_default") != 0, row.integer("text_default") != 0,
                     row.integer("may_turn_off") != 0, row.integer("quiet_hours_exempt") != 0,
                     row.integer("required_while_paperless") != 0, row.text("facts_query"),
                     row.text("facts_key")});
  }
  return kinds;
}

bool is_money(const std::string& text) {
  static const std::regex kMoney("^-?[0-9]+\\.[0-9]{2}$");
  return std::regex_match(text, kMoney);
}

bool is_date(const std::string& text) {
  static const std::regex kDate("^[0-9]{4}-[0-9]{2}-[0-9]{2}$");
  return std::regex_match(text, kDate);
}

bool is_clock_time(const std::string& text) {
  static const std::regex kTime("^([01][0-9]|2[0-3]):[0-5][0-9]$");
  return std::regex_match(text, kTime);
}

// A value as a customer reads it: amounts in dollars, dates written out in the language, local
// times of day ("14:00") on the language's clock.
std::string readable(const std::string& text, const std::string& language) {
  if (is_clock_time(text)) {
    return clock_time(std::stoi(text.substr(0, 2)), std::stoi(text.substr(3, 2)), language);
  }
  if (is_money(text)) {
    auto amount = Money::parse(text);
    if (amount.ok()) return dollars(*amount);
  }
  if (is_date(text)) {
    auto day = parse_local_date(text, "date");
    if (day.ok()) return long_date(*day, language);
  }
  return text;
}

// The event's details as template fields; {"before", "after"} pairs are left to `changed`.
void add_details(const nlohmann::json& details, const std::string& language, TemplateData& data) {
  if (!details.is_object()) return;
  for (const auto& [key, value] : details.items()) {
    if (value.is_string()) {
      data[key] = readable(value.get<std::string>(), language);
    } else if (value.is_number_integer()) {
      data[key] = std::to_string(value.get<std::int64_t>());
    } else if (value.is_boolean()) {
      data[key] = value.get<bool>() ? "yes" : "";
    }
  }
}

// A facts row as template fields: *_cents columns in dollars under the name without the suffix,
// dates written out, and period_end (the first day not billed) also as period_last_day.
void add_facts(const Row& row, const std::string& language, TemplateData& data) {
  for (std::size_t column = 0; column < row.size(); ++column) {
    const std::string name(row.column_name(column));
    if (name.empty() || row.is_null(column)) continue;
    if (name.ends_with("_cents")) {
      data[name.substr(0, name.size() - 6)] = dollars(Money::from_cents(row.integer(column)));
      continue;
    }
    const std::string text = row.text(column);
    data[name] = readable(text, language);
    if (name == "period_end" && is_date(text)) {
      auto end = parse_local_date(text, name);
      if (end.ok()) {
        data["period_last_day"] =
            long_date(LocalDate(date::sys_days(*end) - date::days(1)), language);
      }
    }
  }
}

// What a contact change changed, in words, and the email before it ("" when it did not change).
struct ContactChange {
  std::string changed;
  std::string previous_email;
};

std::optional<ContactChange> contact_change(const nlohmann::json& details,
                                            const std::string& language) {
  if (!details.is_object()) return std::nullopt;
  const bool spanish = language == "es";
  ContactChange change;
  auto field = [&](const char* key, const char* english, const char* spanish_words) {
    if (!details.contains(key) || !details[key].is_object()) return false;
    const nlohmann::json& pair = details[key];
    const std::string after = pair.value("after", std::string());
    if (!change.changed.empty()) change.changed += "; ";
    change.changed += spanish ? spanish_words : english;
    change.changed += after.empty() ? (spanish ? " borrado" : " removed") : " " + after;
    return true;
  };
  const bool email = field("email", "email now", "correo ahora");
  const bool phone = field("phone", "phone now", "teléfono ahora");
  if (!email && !phone) return std::nullopt;
  if (email) change.previous_email = details["email"].value("before", std::string());
  return change;
}

struct EventFacts {
  std::int64_t id = 0;
  std::int64_t account_id = 0;
  std::string kind;
  nlohmann::json details;
  std::string account_number;
  std::string language;
  bool paperless = false;
  std::string email;
  std::string text_number;  // E.164, when the account agreed to texts; else empty
};

// What a pass knows of the utility for every notice it writes.
struct PassContext {
  const NoticeSettings& settings;
  UtilityZone zone;
  QuietHours quiet;
};

Result<void> queue_email_notice(Session& session, const NoticeSettings& settings,
                                const EventFacts& event, const NoticeKind& kind,
                                const std::string& recipient, int sequence,
                                const TemplateData& data, NoticePass& decided) {
  if (!normalize_email(recipient).ok()) return success();  // an imported contact that is not one
  auto sent = session.query_named("notify/notice_sent_already",
                                  {event.id, std::string("email"), recipient});
  RP_TRY(sent);
  if (!sent->empty()) return success();
  // A kind the customer may turn off carries a one-click unsubscribe link (RFC 8058); an email
  // that is a paperless account's bill does not.
  std::string token;
  std::string unsubscribe_url;
  TemplateData filled = data;
  if (kind.may_turn_off && !(kind.required_while_paperless && event.paperless)) {
    token = new_secret_token();
    filled["unsubscribe_url"] = settings.public_url + "/unsubscribe?token=" + token;
    unsubscribe_url = settings.public_url + "/api/v1/notices/unsubscribe?token=" + token;
  }
  auto email = render_notice_email(kind.kind, event.language, filled);
  RP_TRY(email);
  EmailMessage message{.to = recipient,
                       .subject = email->subject,
                       .body = email->text,
                       .html = email->html,
                       .unsubscribe_url = unsubscribe_url,
                       .message_key = "notice-" + std::to_string(event.id) + "-" +
                                      std::to_string(sequence) + "-" + kind.kind};
  auto queued = queue_email(session, message);
  RP_TRY(queued);
  auto recorded = session.query_named(
      "notify/record_notice",
      {event.id, event.account_id, kind.kind, std::string("email"), recipient, event.language,
       email->subject, *queued, store::Null{},
       token.empty() ? store::Value(store::Null{}) : store::Value(token_digest(token)),
       format_instant(now())});
  RP_TRY(recorded);
  if (recorded->empty()) {
    return internal_error("notice of event " + std::to_string(event.id) + " to " + recipient +
                          " was decided twice");
  }
  ++decided.emails;
  return success();
}

Result<void> queue_text_notice(Session& session, const PassContext& pass, const EventFacts& event,
                               const NoticeKind& kind, const TemplateData& data,
                               NoticePass& decided) {
  auto sent = session.query_named("notify/notice_sent_already",
                                  {event.id, std::string("text"), event.text_number});
  RP_TRY(sent);
  if (!sent->empty()) return success();
  auto body = render_notice_text(kind.kind, event.language, data);
  RP_TRY(body);
  const Instant at = now();
  const Instant first = kind.quiet_hours_exempt ? at : after_quiet_hours(pass.zone, pass.quiet, at);
  auto queued = queue_text(session, {event.text_number, *body}, first);
  RP_TRY(queued);
  auto recorded = session.query_named("notify/record_notice",
                                      {event.id, event.account_id, kind.kind, std::string("text"),
                                       event.text_number, event.language, body->substr(0, 160),
                                       store::Null{}, *queued, store::Null{}, format_instant(at)});
  RP_TRY(recorded);
  if (recorded->empty()) {
    return internal_error("text notice of event " + std::to_string(event.id) + " decided twice");
  }
  ++decided.texts;
  return success();
}

Result<void> decide(Session& session, const PassContext& pass, const EventFacts& event,
                    const NoticeKind& kind, const std::map<std::string, bool>& chosen,
                    const TemplateData& common, NoticePass& decided) {
  const NoticeSettings& settings = pass.settings;
  TemplateData data = common;
  add_details(event.details, event.language, data);
  data["may_turn_off"] = kind.may_turn_off ? "yes" : "";
  std::vector<std::string> recipients;
  if (!event.email.empty()) recipients.push_back(event.email);
  if (kind.audience == "contact_change") {
    const auto change = contact_change(event.details, event.language);
    if (!change) return success();
    data["changed"] = change->changed;
    if (!change->previous_email.empty() && change->previous_email != event.email) {
      recipients.push_back(change->previous_email);  // told too: it may not have been them
    }
  }
  if (!kind.facts_query.empty()) {
    if (!event.details.is_object() || !event.details.contains(kind.facts_key)) return success();
    const nlohmann::json& key = event.details[kind.facts_key];
    store::Value value = key.is_number_integer() ? store::Value(key.get<std::int64_t>())
                         : key.is_string()       ? store::Value(key.get<std::string>())
                                                 : store::Value(store::Null{});
    auto facts = session.query_named(kind.facts_query, {event.account_id, value});
    RP_TRY(facts);
    if (facts->empty()) return success();  // e.g. the bill was cancelled since
    add_facts(facts->at(0), event.language, data);
  }
  // An email that is a paperless account's bill is sent whatever was chosen before it went
  // paperless.
  const auto choice = chosen.find(kind.kind + "/email");
  const bool email_on = !kind.may_turn_off || (kind.required_while_paperless && event.paperless) ||
                        (choice != chosen.end() ? choice->second : kind.email_default);
  if (email_on) {
    int sequence = 0;
    for (const std::string& recipient : recipients) {
      RP_TRY(
          queue_email_notice(session, settings, event, kind, recipient, sequence++, data, decided));
    }
  }
  // Texts only with the account's consent, at the number consented to, for kinds that have a
  // text; a customer chooses them per kind (the kind's default until then).
  const auto text_choice = chosen.find(kind.kind + "/text");
  const bool text_on = text_choice != chosen.end() ? text_choice->second : kind.text_default;
  if (text_on && !event.text_number.empty() && has_text_template(kind.kind, event.language)) {
    RP_TRY(queue_text_notice(session, pass, event, kind, data, decided));
  }
  return success();
}

}  // namespace

Result<void> start_notices(store::Database& database) {
  return database.write_work([](Session& session) -> Result<void> {
    auto existing = session.query_named("notify/event_cursor", {std::string(kBillNoticesCursor)});
    RP_TRY(existing);
    if (!existing->empty()) {
      RP_TRY(
          session.execute_named("notify/start_event_cursor_at",
                                {std::string(kCursor), existing->at(0).integer("last_event_id")}));
      return success();
    }
    RP_TRY(session.execute_named("notify/start_event_cursor", {std::string(kCursor)}));
    return success();
  });
}

Result<NoticePass> queue_notices(store::Database& database, const NoticeSettings& settings,
                                 std::size_t limit) {
  const std::string settled_before = format_instant(now() - settings.settle);
  // A read first: most passes find nothing to decide and the cursor close enough.
  auto worth = database.read<bool>([&](Session& session) -> Result<bool> {
    auto cursor = session.query_named("notify/event_cursor", {std::string(kCursor)});
    RP_TRY(cursor);
    if (cursor->empty()) return internal_error("notices have not been started");
    const std::int64_t after = cursor->at(0).integer("last_event_id");
    auto undecided = session.query_named("notify/undecided_events", {after, std::int64_t{1}});
    RP_TRY(undecided);
    if (!undecided->empty()) return true;
    auto settled = session.query_named("notify/settled_event",
                                       {after, after, after + kCursorStep * 1000, settled_before});
    RP_TRY(settled);
    return settled->at(0).integer("settled") >= after + kCursorStep;
  });
  RP_TRY(worth);
  if (!*worth) return NoticePass{};
  return database.write_bulk<NoticePass>([&](Session& session) -> Result<NoticePass> {
    RP_TRY(session.execute_named("notify/lock_notice_cursor", {std::string(kCursor)}));
    auto cursor = session.query_named("notify/event_cursor", {std::string(kCursor)});
    RP_TRY(cursor);
    if (cursor->empty()) return internal_error("notices have not been started");
    const std::int64_t after = cursor->at(0).integer("last_event_id");
    auto events =
        session.query_named("notify/undecided_events", {after, static_cast<std::int64_t>(limit)});
    RP_TRY(events);
    NoticePass pass;
    std::optional<PassContext> context;
    if (!events->empty()) {
      auto kinds = catalog(session);
      RP_TRY(kinds);
      auto utility = store::utility_name(session);
      RP_TRY(utility);
      auto zone = store::utility_zone(session);
      RP_TRY(zone);
      auto quiet_start = store::whole_number_setting(session, "quiet_hours_start");
      RP_TRY(quiet_start);
      auto quiet_end = store::whole_number_setting(session, "quiet_hours_end");
      RP_TRY(quiet_end);
      context.emplace(PassContext{settings, *zone,
                                  QuietHours{static_cast<int>(quiet_start->value_or(21)),
                                             static_cast<int>(quiet_end->value_or(8))}});
      const std::string decided_at = format_instant(now());
      for (const Row& row : *events) {
        EventFacts event{row.integer("id"),
                         row.integer("account_id"),
                         row.text("kind"),
                         nlohmann::json::parse(row.text("details"), nullptr, false),
                         row.text("number"),
                         row.text("language") == "es" ? "es" : "en",
                         row.integer("paperless") != 0,
                         row.text("email"),
                         row.integer("text_granted") != 0 ? row.text("text_number") : ""};
        RP_TRY(session.execute_named("notify/decide_event", {event.id, decided_at}));
        ++pass.events;
        std::map<std::string, bool> chosen;
        bool loaded = false;
        for (const NoticeKind& kind : *kinds) {
          if (kind.event_kind != event.kind) continue;
          if (!loaded) {
            auto preferences = session.query_named("notify/notice_preferences", {event.account_id});
            RP_TRY(preferences);
            for (const Row& choice : *preferences) {
              chosen[choice.text("kind") + "/" + choice.text("channel")] =
                  choice.integer("enabled") != 0;
            }
            loaded = true;
          }
          const TemplateData common{
              {"utility", *utility},
              {"portal_url", settings.public_url},
              {"settings_url", settings.public_url + "/settings"},
              {"account", masked_account(event.account_number)},
              {"paperless", event.paperless ? "yes" : ""},
          };
          RP_TRY(decide(session, *context, event, kind, chosen, common, pass));
        }
      }
    }
    // The cursor passes what has settled: never beyond the last event this pass read when it read
    // a full batch (the rest are decided next pass).
    const std::int64_t through = events->size() == limit ? events->back().integer("id")
                                                         : std::numeric_limits<std::int64_t>::max();
    auto settled =
        session.query_named("notify/settled_event", {after, after, through, settled_before});
    RP_TRY(settled);
    const std::int64_t moved_to = settled->at(0).integer("settled");
    if (moved_to > after) {
      RP_TRY(session.execute_named("notify/move_event_cursor", {moved_to, std::string(kCursor)}));
      RP_TRY(session.execute_named("notify/forget_decisions", {moved_to}));
    }
    return pass;
  });
}

}  // namespace rp::notify
