#include "api/account_notes_handlers.h"

#include "accounts/account_history.h"
#include "accounts/account_notes.h"
#include "api/actor_names.h"
#include "api/answers.h"
#include "api/guards.h"
#include "core/json_writer.h"
#include "core/time.h"
#include "http/json_body.h"
#include "http/problem.h"

namespace rp::api {
namespace {

// The actor's names for everyone among `actors`, read in one snapshot.
Result<ActorNames> names_of(ApiContext& context, const std::vector<std::string>& actors) {
  return context.database.read<ActorNames>(
      [&](store::Session& session) { return ActorNames::load(session, actors); });
}

void write_actor(JsonWriter& out, const ActorNames& names, const std::string& actor) {
  out.key("actor").string(actor).key("actor_kind").string(ActorNames::kind_of(actor));
  out.key("actor_name").string(names.of(actor));
}

// The instant in UTC and in the utility's zone ("2026-12-06T06:03:00-08:00").
void write_times(JsonWriter& out, const char* name, const std::string& utc,
                 const UtilityZone& zone) {
  out.key(name).string(utc);
  out.key(std::string(name) + "_local");
  auto instant = parse_instant(utc, name);
  if (instant.ok()) {
    out.string(zone.format_local(*instant));
  } else {
    out.null();
  }
}

void write_note(JsonWriter& out, const accounts::AccountNote& note, const ActorNames& names,
                const UtilityZone& zone) {
  out.begin_object().key("id").number(note.id).key("kind").string(note.kind);
  out.key("body").string(note.body).key("pinned").boolean(note.pinned);
  write_actor(out, names, note.written_by);
  write_times(out, "written_at", note.written_at, zone);
  out.end_object();
}

Result<std::string> one_note_json(ApiContext& context, const accounts::AccountNote& note) {
  auto zone = utility_zone(context);
  RP_TRY(zone);
  auto names = names_of(context, {note.written_by});
  RP_TRY(names);
  JsonWriter out;
  write_note(out, note, *names, *zone);
  return out.take();
}

Result<bool> bool_field(const nlohmann::json& body, const char* field, bool fallback,
                        bool required) {
  if (!body.contains(field)) {
    if (required) return invalid_input(field, std::string(field) + " is required (true or false)");
    return fallback;
  }
  if (!body[field].is_boolean()) {
    return invalid_input(field, std::string(field) + " must be true or false");
  }
  return body[field].get<bool>();
}

Result<accounts::NewNote> parse_note(const http::Request& request) {
  auto body = http::parse_json_object_body(request);
  RP_TRY(body);
  accounts::NewNote note;
  for (auto [field, target] : {std::pair{"kind", &note.kind}, {"body", &note.body}}) {
    if (!body->contains(field) || !(*body)[field].is_string()) {
      return invalid_input(field, std::string(field) + " is required and must be text");
    }
    *target = (*body)[field].get<std::string>();
  }
  auto pinned = bool_field(*body, "pinned", false, false);
  RP_TRY(pinned);
  note.pinned = *pinned;
  return note;
}

}  // namespace

http::Response account_history_handler(ApiContext& context, http::Request& request) {
  if (auto refused = require_staff(context, request)) return *refused;
  auto number = account_number_param(request);
  if (!number.ok()) return http::problem_from_error(number.error());
  auto limit = integer_query(request, "limit", 50);
  if (!limit.ok()) return http::problem_from_error(limit.error());
  auto cursor = integer_query(request, "cursor", 0);
  if (!cursor.ok()) return http::problem_from_error(cursor.error());
  accounts::HistoryQuery query{.kind_group = request.query_param("kind").value_or(""),
                               .limit = static_cast<std::size_t>(std::max<std::int64_t>(*limit, 0)),
                               .before_id = *cursor};
  auto page = accounts::account_history(context.database, *number, query);
  if (!page.ok()) return http::problem_from_error(page.error());
  auto zone = utility_zone(context);
  if (!zone.ok()) return http::problem_from_error(zone.error());
  std::vector<std::string> actors;
  for (const auto& entry : page->entries) actors.push_back(entry.actor);
  auto names = names_of(context, actors);
  if (!names.ok()) return http::problem_from_error(names.error());
  JsonWriter out;
  out.begin_object().key("account_number").string(number->digits());
  out.key("time_zone").string(zone->name()).key("events").begin_array();
  for (const auto& entry : page->entries) {
    out.begin_object().key("id").number(entry.id).key("kind").string(entry.kind);
    write_times(out, "occurred_at", entry.occurred_at, *zone);
    write_actor(out, *names, entry.actor);
    out.key("summary").string(entry.summary).key("details").json(entry.details_json);
    out.end_object();
  }
  out.end_array().key("kinds").begin_array();
  for (const std::string& kind : page->kind_groups) out.string(kind);
  out.end_array().key("next_cursor");
  if (page->next_before_id) {
    out.string(std::to_string(*page->next_before_id));
  } else {
    out.null();
  }
  out.end_object();
  return json_text(200, out.take());
}

http::Response account_notes_handler(ApiContext& context, http::Request& request) {
  if (auto refused = require_staff(context, request)) return *refused;
  auto number = account_number_param(request);
  if (!number.ok()) return http::problem_from_error(number.error());
  auto limit = integer_query(request, "limit", 20);
  if (!limit.ok()) return http::problem_from_error(limit.error());
  auto cursor = integer_query(request, "cursor", 0);
  if (!cursor.ok()) return http::problem_from_error(cursor.error());
  auto page = accounts::notes_of_account(
      context.database, *number, static_cast<std::size_t>(std::max<std::int64_t>(*limit, 0)),
      *cursor);
  if (!page.ok()) return http::problem_from_error(page.error());
  auto zone = utility_zone(context);
  if (!zone.ok()) return http::problem_from_error(zone.error());
  std::vector<std::string> actors;
  for (const auto& note : page->notes) actors.push_back(note.written_by);
  auto names = names_of(context, actors);
  if (!names.ok()) return http::problem_from_error(names.error());
  JsonWriter out;
  out.begin_object().key("time_zone").string(zone->name()).key("notes").begin_array();
  for (const auto& note : page->notes) write_note(out, note, *names, *zone);
  out.end_array().key("next_cursor");
  if (page->next_cursor) {
    out.string(std::to_string(*page->next_cursor));
  } else {
    out.null();
  }
  out.end_object();
  return json_text(200, out.take());
}

http::Response add_note_handler(ApiContext& context, http::Request& request) {
  if (auto refused = require_staff(context, request)) return *refused;
  auto number = account_number_param(request);
  if (!number.ok()) return http::problem_from_error(number.error());
  auto note = parse_note(request);
  if (!note.ok()) return http::problem_from_error(note.error());
  if (request.header("idempotency-key")) {
    auto key = idempotency_key(request);
    if (!key.ok()) return http::problem_from_error(key.error());
    note->idempotency_key = *key;
  }
  auto added = accounts::add_note(context.database, *number, *note, request.actor);
  if (!added.ok()) return http::problem_from_error(added.error());
  auto body = one_note_json(context, added->note);
  if (!body.ok()) return http::problem_from_error(body.error());
  return json_text(added->replayed ? 200 : 201, std::move(*body));
}

http::Response pin_note_handler(ApiContext& context, http::Request& request) {
  if (auto refused = require_staff(context, request)) return *refused;
  auto number = account_number_param(request);
  if (!number.ok()) return http::problem_from_error(number.error());
  auto id = id_param(request, "id", "note");
  if (!id.ok()) return http::problem_from_error(id.error());
  auto body = http::parse_json_object_body(request);
  if (!body.ok()) return http::problem_from_error(body.error());
  auto pinned = bool_field(*body, "pinned", false, true);
  if (!pinned.ok()) return http::problem_from_error(pinned.error());
  auto note = accounts::pin_note(context.database, *number, *id, *pinned, request.actor);
  if (!note.ok()) return http::problem_from_error(note.error());
  auto answer = one_note_json(context, *note);
  if (!answer.ok()) return http::problem_from_error(answer.error());
  return json_text(200, std::move(*answer));
}

}  // namespace rp::api
