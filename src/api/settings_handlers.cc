#include "api/settings_handlers.h"

#include <algorithm>
#include <map>

#include "api/actor_names.h"
#include "api/answers.h"
#include "api/guards.h"
#include "billing/bill_cycle.h"
#include "billing/bill_run.h"
#include "core/json.h"
#include "core/json_writer.h"
#include "http/json_body.h"
#include "http/problem.h"
#include "store/setting_rules.h"
#include "store/utility_settings.h"

namespace rp::api {
namespace {

const char* kind_name(store::SettingKind kind) {
  switch (kind) {
    case store::SettingKind::text:
      return "text";
    case store::SettingKind::whole_number:
      return "whole_number";
    case store::SettingKind::time_zone:
      return "time_zone";
    case store::SettingKind::dates:
      return "dates";
    case store::SettingKind::digits:
      return "digits";
    case store::SettingKind::json_object:
      return "json_object";
  }
  return "text";
}

void write_setting(JsonWriter& out, const store::SettingRule& rule, const std::string& key,
                   const std::optional<std::string>& value) {
  out.begin_object().key("key").string(key).key("kind").string(kind_name(rule.kind));
  if (rule.kind == store::SettingKind::whole_number) {
    out.key("minimum").number(rule.minimum).key("maximum").number(rule.maximum);
  } else if (rule.kind == store::SettingKind::text || rule.kind == store::SettingKind::digits) {
    out.key("maximum").number(rule.maximum);
  }
  out.key("meaning").string(std::string(rule.meaning)).key("value");
  if (value) {
    out.string(*value);
  } else {
    out.null();
  }
  out.key("when_unset").string(std::string(rule.when_unset)).end_object();
}

}  // namespace

http::Response settings_handler(ApiContext& context, http::Request& request) {
  if (auto refused = require_staff(context, request)) return *refused;
  auto stored = context.database.read<std::vector<std::pair<std::string, std::string>>>(
      [](store::Session& session) { return store::all_utility_settings(session); });
  if (!stored.ok()) return http::problem_from_error(stored.error());
  const std::map<std::string, std::string> values(stored->begin(), stored->end());
  JsonWriter out;
  out.begin_object().key("settings").begin_array();
  for (const store::SettingRule& rule : store::setting_rules()) {
    const std::string key(rule.key);
    if (key.ends_with('.')) {
      for (const auto& [stored_key, value] : values) {
        if (stored_key.starts_with(key)) write_setting(out, rule, stored_key, value);
      }
      write_setting(out, rule, key, std::nullopt);  // the family itself: a new member is set there
      continue;
    }
    auto found = values.find(key);
    write_setting(out, rule, key,
                  found == values.end() ? std::nullopt : std::optional<std::string>(found->second));
  }
  out.end_array().end_object();
  return json_text(200, out.take());
}

http::Response change_setting_handler(ApiContext& context, http::Request& request) {
  if (auto refused = require_staff(context, request)) return *refused;
  auto body = http::parse_json_object_body(request);
  if (!body.ok()) return http::problem_from_error(body.error());
  if (!body->contains("value") || !(*body)["value"].is_string()) {
    return http::problem_from_error(
        invalid_input("value", "value is required, as text (a number too: \"21\")"));
  }
  const std::string key(request.path_param("key"));
  const std::string value = (*body)["value"].get<std::string>();
  bool changed = false;
  auto done = context.database.write<bool>([&](store::Session& session) -> Result<bool> {
    auto before = store::utility_setting(session, key);
    RP_TRY(before);
    RP_TRY(store::change_utility_setting(session, key, value, request.actor));
    return !(*before && **before == value);
  });
  if (!done.ok()) return http::problem_from_error(done.error());
  changed = *done;
  JsonWriter out;
  out.begin_object().key("key").string(key).key("value").string(value);
  out.key("changed").boolean(changed).end_object();
  return json_text(200, out.take());
}

http::Response setting_changes_handler(ApiContext& context, http::Request& request) {
  if (auto refused = require_staff(context, request)) return *refused;
  auto limit = integer_query(request, "limit", 50);
  if (!limit.ok()) return http::problem_from_error(limit.error());
  if (*limit < 1 || *limit > 200) {
    return http::problem_from_error(invalid_input("limit", "limit must be from 1 to 200"));
  }
  auto cursor = integer_query(request, "cursor", 0);
  if (!cursor.ok()) return http::problem_from_error(cursor.error());
  struct Changes {
    store::Rows rows;
    ActorNames names;
  };
  auto read = context.database.read<Changes>([&](store::Session& session) -> Result<Changes> {
    auto rows =
        session.query_named("api/setting_changes", {*cursor > 0 ? *cursor : INT64_MAX, *limit});
    RP_TRY(rows);
    std::vector<std::string> actors;
    for (const store::Row& row : *rows) actors.push_back(row.text("actor"));
    auto names = ActorNames::load(session, actors);
    RP_TRY(names);
    return Changes{std::move(*rows), std::move(*names)};
  });
  if (!read.ok()) return http::problem_from_error(read.error());
  JsonWriter out;
  out.begin_object().key("changes").begin_array();
  for (const store::Row& row : read->rows) {
    const json details = json::parse(row.text("details"), nullptr, false);
    auto text_of = [&](const char* field) -> std::optional<std::string> {
      if (!details.is_object() || !details.contains(field) || !details[field].is_string()) {
        return std::nullopt;
      }
      return details[field].get<std::string>();
    };
    const std::string actor = row.text("actor");
    out.begin_object().key("id").number(row.integer("id"));
    out.key("at").string(row.text("occurred_at"));
    out.key("key").string(text_of("key").value_or(""));
    out.key("from");
    if (auto from = text_of("from")) {
      out.string(*from);
    } else {
      out.null();
    }
    out.key("to").string(text_of("to").value_or(""));
    out.key("actor").string(actor).key("actor_kind").string(ActorNames::kind_of(actor));
    out.key("actor_name").string(read->names.of(actor)).end_object();
  }
  out.end_array().key("next_cursor");
  if (static_cast<std::int64_t>(read->rows.size()) == *limit) {
    out.string(std::to_string(read->rows.back().integer("id")));
  } else {
    out.null();
  }
  out.end_object();
  return json_text(200, out.take());
}

http::Response bill_schedule_handler(ApiContext& context, http::Request& request) {
  if (auto refused = require_staff(context, request)) return *refused;
  auto settings = billing::load_billing_settings(context.database);
  if (!settings.ok()) return http::problem_from_error(settings.error());
  LocalDate first = settings->zone.local_date(now());
  if (auto month = request.query_param("month")) {
    auto parsed = parse_local_date(*month + "-01", "month");
    if (!parsed.ok() || month->size() != 7) {
      return http::problem_from_error(
          invalid_input("month", "'" + *month + "' is not a month (YYYY-MM)"));
    }
    first = *parsed;
  }
  const date::year_month month = first.year() / first.month();
  JsonWriter out;
  out.begin_object().key("month").string(format_local_date(first).substr(0, 7));
  out.key("time_zone").string(settings->zone.name()).key("holidays").begin_array();
  std::vector<LocalDate> holidays = settings->calendar.holidays;
  std::sort(holidays.begin(), holidays.end());
  for (LocalDate holiday : holidays) {
    if (holiday.year() / holiday.month() == month) out.string(format_local_date(holiday));
  }
  out.end_array().key("cycles").begin_array();
  for (int cycle = 1; cycle <= settings->calendar.cycle_count; ++cycle) {
    const auto dates = billing::cycle_dates(settings->calendar, cycle, month);
    const auto period = billing::cycle_period(settings->calendar, cycle, month);
    out.begin_object().key("cycle").number(cycle);
    out.key("read_date").string(format_local_date(dates.read_date));
    out.key("bill_date").string(format_local_date(dates.bill_date));
    out.key("period").begin_object().key("start").string(format_local_date(period.start));
    out.key("end").string(format_local_date(LocalDate(date::sys_days(period.end) - date::days(1))));
    out.key("days").number(billing::days_in(period)).end_object().end_object();
  }
  out.end_array().end_object();
  return json_text(200, out.take());
}

}  // namespace rp::api
