#include "api/outage_handlers.h"

#include <cstdio>

#include "api/answers.h"
#include "api/guards.h"
#include "core/json_writer.h"
#include "http/json_body.h"
#include "http/problem.h"
#include "orders/head_end.h"
#include "outages/outage_map.h"
#include "outages/outage_moves.h"
#include "outages/outage_views.h"
#include "outages/outages.h"
#include "outages/status_board.h"

namespace rp::api {
namespace {

using outages::Outage;

void write_outage(JsonWriter& out, const Outage& outage) {
  out.begin_object().key("number").string(outage.number);
  out.key("status").string(std::string(outages::status_name(outage.status)));
  out.key("cause").string(std::string(outages::cause_name(outage.cause)));
  out.key("device").begin_object();
  out.key("kind").string(outages::device_kind_name(outage.device_kind));
  out.key("id").number(outage.device_id).key("name").string(outage.device_name).end_object();
  out.key("planned").boolean(outage.planned).key("began_at").string(outage.began_at);
  out.key("etr").optional_string(outage.etr.empty() ? std::nullopt
                                                    : std::optional<std::string>(outage.etr));
  out.key("crew").optional_string(outage.crew.empty() ? std::nullopt
                                                      : std::optional<std::string>(outage.crew));
  out.key("public_note").string(outage.public_note);
  out.key("customers_out").number(outage.customers_out);
  out.key("customers_total").number(outage.customers_total);
  out.key("updated_at").string(outage.updated_at);
  out.key("restored_at")
      .optional_string(outage.restored_at.empty() ? std::nullopt
                                                  : std::optional<std::string>(outage.restored_at));
  out.end_object();
}

Result<std::int64_t> outage_param(const http::Request& request) {
  return outages::parse_outage_number(request.path_param("outage"));
}

std::string text_of(const nlohmann::json& body, const char* key) {
  return body.contains(key) && body[key].is_string() ? body[key].get<std::string>() : "";
}

// {"part": {"kind", "id"}}: a device under an outage, or one home's service point.
Result<std::pair<outages::DeviceKind, std::int64_t>> part_of(const nlohmann::json& body) {
  const nlohmann::json& part = body.contains("part") ? body["part"] : nlohmann::json();
  if (!part.is_object() || !part.contains("id") || !part["id"].is_number_integer()) {
    return invalid_input("part", "part is {\"kind\": \"transformer\", \"id\": 12}");
  }
  auto kind = outages::parse_device_kind(text_of(part, "kind"));
  if (!kind || *kind == outages::DeviceKind::area) {
    return invalid_input("part.kind",
                         "part.kind is transformer, feeder, substation or service_point");
  }
  return std::make_pair(*kind, part["id"].get<std::int64_t>());
}

// {"part": {"kind", "id"}}: the homes under it become an outage of their own.
http::Response split(ApiContext& context, std::int64_t id, const nlohmann::json& body,
                     const std::string& actor) {
  auto part = part_of(body);
  if (!part.ok()) return http::problem_from_error(part.error());
  auto done = outages::split_outage(context.database, id, part->first, part->second, actor);
  if (!done.ok()) return http::problem_from_error(done.error());
  JsonWriter out;
  out.begin_object().key("outage");
  write_outage(out, done->outage);
  out.key("split_off");
  write_outage(out, done->split_off);
  out.end_object();
  return json_text(200, out.take());
}

// {"part": {"kind", "id"}?, "still_dark": [service point ids]?, "note"?}
http::Response restore(ApiContext& context, std::int64_t id, const nlohmann::json& body,
                       const std::string& actor) {
  outages::Restoration restoration;
  restoration.note = text_of(body, "note");
  if (body.contains("part") && !body["part"].is_null()) {
    auto part = part_of(body);
    if (!part.ok()) return http::problem_from_error(part.error());
    restoration.part_kind = part->first;
    restoration.part_id = part->second;
  }
  if (body.contains("still_dark")) {
    if (!body["still_dark"].is_array() || body["still_dark"].size() > 10'000) {
      return http::problem_from_error(
          invalid_input("still_dark", "still_dark lists service point ids (at most 10,000)"));
    }
    for (const nlohmann::json& point : body["still_dark"]) {
      if (!point.is_number_integer()) {
        return http::problem_from_error(
            invalid_input("still_dark", "still_dark lists service point ids"));
      }
      restoration.still_dark.push_back(point.get<std::int64_t>());
    }
  }
  // The meters are asked first: a home still dark keeps its own outage, never told "restored".
  if (context.head_end != nullptr) {
    const std::string reference = outages::outage_number(id);
    auto pinged =
        outages::ping_before_restoring(context.database, id, restoration,
                                       [&](const std::vector<std::string>& meters)
                                           -> Result<std::map<std::string, std::optional<bool>>> {
                                         auto answers = context.head_end->ping(meters, reference);
                                         RP_TRY(answers);
                                         std::map<std::string, std::optional<bool>> by_meter;
                                         for (const orders::MeterPingAnswer& answer : *answers) {
                                           by_meter[answer.meter] = answer.energized;
                                         }
                                         return by_meter;
                                       });
    if (!pinged.ok()) return http::problem_from_error(pinged.error());
    restoration = std::move(*pinged);
  }
  auto restored = outages::restore_outage(context.database, id, restoration, actor);
  if (!restored.ok()) return http::problem_from_error(restored.error());
  JsonWriter out;
  out.begin_object().key("outage");
  write_outage(out, restored->outage);
  out.key("restored_points").number(restored->restored_points);
  out.key("still_dark_outages").begin_array();
  for (std::int64_t opened : restored->still_dark_outages) {
    out.string(outages::outage_number(opened));
  }
  out.end_array().end_object();
  return json_text(200, out.take());
}

// An outage as customers see it: never the device's name, the homes, or the crew's name.
// `restored_at`: when the customer's home came back ("" not written).
void write_public_outage(JsonWriter& out, const Outage& outage,
                         const std::string& restored_at = "") {
  out.begin_object().key("number").string(outage.number);
  out.key("status").string(std::string(outages::status_name(outage.status)));
  out.key("cause").string(std::string(outages::cause_name(outage.cause)));
  // "About" how many: exact below 20, else to the nearest ten.
  out.key("customers_out").number(outages::about_how_many(outage.customers_out));
  out.key("etr").optional_string(outage.etr.empty() ? std::nullopt
                                                    : std::optional<std::string>(outage.etr));
  out.key("public_note").string(outage.public_note).key("planned").boolean(outage.planned);
  out.key("began_at").string(outage.began_at).key("updated_at").string(outage.updated_at);
  if (!restored_at.empty()) out.key("restored_at").string(restored_at);
  out.end_object();
}

http::Response board_not_ready() {
  return http::problem(503, "outage-status-unavailable", "Outage status is starting",
                       "outage status is not available yet; try again in a few seconds", {},
                       "outage-status-unavailable");
}

// {"premise" (or, `by_phone`, "phone"), "kind", "callback_phone"?, "details"?}
Result<outages::OutageReport> report_of(const nlohmann::json& body, bool by_phone) {
  outages::OutageReport report;
  if (by_phone && body.contains("phone") && !body.contains("premise")) {
    report.account_phone = text_of(body, "phone");
    if (report.account_phone.empty()) {
      return invalid_input("phone", "type the 10-digit phone number on the account")
          .coded("outage-phone-not-matched");
    }
  } else if (!body.contains("premise") || !body["premise"].is_number_integer()) {
    return invalid_input("premise", "premise is the id of the address (GET /api/v1/premises)");
  } else {
    report.premise_id = body["premise"].get<std::int64_t>();
  }
  const std::string kind = text_of(body, "kind");
  auto parsed = outages::parse_report_kind(kind.empty() ? "out" : kind);
  if (!parsed) {
    return invalid_input("kind", "kind is out, partial, flicker or wires_down");
  }
  report.kind = *parsed;
  report.callback_phone = text_of(body, "callback_phone");
  report.details = text_of(body, "details");
  return report;
}

http::Response report_answer(const Result<outages::ReportAnswer>& answer, bool in_public) {
  if (!answer.ok()) return http::problem_from_error(answer.error());
  JsonWriter out;
  out.begin_object().key("report").begin_object().key("id").number(answer->signal_id);
  out.key("duplicate").boolean(answer->duplicate).end_object();
  out.key("known_outage");
  const bool shown = answer->known && !(in_public && answer->known->customers_out <
                                                         outages::kPublicMinimumCustomers);
  if (shown) {
    write_public_outage(out, *answer->known);
  } else {
    out.null();
  }
  out.end_object();
  return json_text(answer->duplicate ? 200 : 201, out.take());
}

}  // namespace

std::string staff_outage_json(const Outage& outage) {
  JsonWriter out;
  out.begin_object().key("outage");
  write_outage(out, outage);
  out.end_object();
  return out.take();
}

http::Response staff_outages_handler(ApiContext& context, http::Request& request) {
  if (auto refused = require_staff(context, request)) return *refused;
  auto list = outages::outages_for_staff(context.database, 500);
  if (!list.ok()) return http::problem_from_error(list.error());
  JsonWriter out;
  out.begin_object().key("outages").begin_array();
  for (const Outage& outage : *list) write_outage(out, outage);
  out.end_array().end_object();
  return json_text(200, out.take());
}

http::Response staff_outage_handler(ApiContext& context, http::Request& request) {
  if (auto refused = require_staff(context, request)) return *refused;
  auto id = outage_param(request);
  if (!id.ok()) return http::problem_from_error(id.error());
  auto detail = outages::outage_detail(context.database, *id);
  if (!detail.ok()) return http::problem_from_error(detail.error());
  JsonWriter out;
  out.begin_object().key("outage");
  write_outage(out, detail->outage);
  out.key("moves").begin_array();
  for (const outages::OutageMoveRecord& move : detail->moves) {
    out.begin_object().key("action").string(move.action).key("from").string(move.from_status);
    out.key("to").string(move.to_status).key("note").string(move.note);
    out.key("etr").optional_string(move.etr.empty() ? std::nullopt
                                                    : std::optional<std::string>(move.etr));
    out.key("actor").string(move.actor).key("at").string(move.at).end_object();
  }
  out.end_array();
  auto parts = outages::outage_parts(context.database, detail->outage);
  if (!parts.ok()) return http::problem_from_error(parts.error());
  out.key("devices").begin_array();
  for (const outages::OutageDevice& device : parts->devices) {
    out.begin_object().key("kind").string(outages::device_kind_name(device.kind));
    out.key("id").number(device.id).key("name").string(device.name);
    out.key("customers_out").number(device.customers_out);
    out.key("customers_total").number(device.customers_total).end_object();
  }
  out.end_array().key("homes").begin_array();
  for (const outages::OutageHome& home : parts->homes) {
    out.begin_object().key("service_point").number(home.service_point);
    out.key("premise").number(home.premise);
    out.key("address").begin_object().key("line1").string(home.line1);
    out.key("city").string(home.city).end_object();
    out.key("dark").boolean(home.dark);
    out.key("restored_at")
        .optional_string(home.restored_at.empty() ? std::nullopt
                                                  : std::optional<std::string>(home.restored_at));
    out.key("moved_to")
        .optional_string(home.moved_to.empty() ? std::nullopt
                                               : std::optional<std::string>(home.moved_to));
    out.end_object();
  }
  out.end_array().end_object();
  return json_text(200, out.take());
}

http::Response move_outage_handler(ApiContext& context, http::Request& request) {
  if (auto refused = require_staff(context, request)) return *refused;
  auto id = outage_param(request);
  if (!id.ok()) return http::problem_from_error(id.error());
  auto body = http::parse_json_object_body(request);
  if (!body.ok()) return http::problem_from_error(body.error());
  const std::string action_text = text_of(*body, "action");
  auto action = outages::parse_action(action_text);
  if (!action) {
    return http::problem_from_error(invalid_input(
        "action",
        "action is confirm, assign_crew, depart, arrive, restore, split, merge or cancel, not '" +
            action_text.substr(0, 40) + "'"));
  }
  if (*action == outages::OutageAction::restore) {
    return restore(context, *id, *body, request.actor);
  }
  if (*action == outages::OutageAction::split) return split(context, *id, *body, request.actor);
  outages::OutageMove move;
  move.action = *action;
  move.crew = text_of(*body, "crew");
  move.note = text_of(*body, "note");
  if (body->contains("cause")) {
    const std::string cause_text = text_of(*body, "cause");
    auto cause = outages::parse_cause(cause_text);
    if (!cause) {
      return http::problem_from_error(invalid_input(
          "cause",
          "cause is unknown, weather, vegetation, equipment, vehicle, animal, dig_in, "
          "overload, planned or other"));
    }
    move.cause = *cause;
  }
  if (body->contains("public_note")) {
    if (!(*body)["public_note"].is_string()) {
      return http::problem_from_error(invalid_input("public_note", "public_note is text"));
    }
    move.public_note = (*body)["public_note"].get<std::string>();
  }
  if (body->contains("into")) {
    auto into = outages::parse_outage_number(text_of(*body, "into"));
    if (!into.ok()) {
      return http::problem_from_error(invalid_input("into", "into names an open outage"));
    }
    move.into = *into;
  }
  auto moved = outages::move_outage(context.database, *id, move, request.actor);
  if (!moved.ok()) return http::problem_from_error(moved.error());
  return json_text(200, staff_outage_json(*moved));
}

http::Response outage_etr_handler(ApiContext& context, http::Request& request) {
  if (auto refused = require_staff(context, request)) return *refused;
  auto id = outage_param(request);
  if (!id.ok()) return http::problem_from_error(id.error());
  auto body = http::parse_json_object_body(request);
  if (!body.ok()) return http::problem_from_error(body.error());
  auto etr = parse_instant(text_of(*body, "etr"), "etr");
  if (!etr.ok()) return http::problem_from_error(etr.error());
  auto set = outages::set_etr(context.database, *id, *etr, request.actor);
  if (!set.ok()) return http::problem_from_error(set.error());
  JsonWriter out;
  out.begin_object().key("outage");
  write_outage(out, set->outage);
  out.key("announced").boolean(set->announced).end_object();
  return json_text(200, out.take());
}

http::Response meter_events_handler(ApiContext& context, http::Request& request) {
  if (auto refused = require_staff(context, request)) return *refused;
  auto body = http::parse_json_object_body(request);
  if (!body.ok()) return http::problem_from_error(body.error());
  if (!body->contains("events") || !(*body)["events"].is_array()) {
    return http::problem_from_error(
        invalid_input("events", "events lists {meter, kind, occurred_at}"));
  }
  std::vector<outages::MeterEvent> events;
  std::size_t index = 0;
  for (const nlohmann::json& item : (*body)["events"]) {
    const std::string field = "events[" + std::to_string(index++) + "]";
    if (!item.is_object()) return http::problem_from_error(invalid_input(field, "an object"));
    outages::MeterEvent event;
    event.meter_serial = text_of(item, "meter");
    if (event.meter_serial.empty() || event.meter_serial.size() > 64) {
      return http::problem_from_error(
          invalid_input(field + ".meter", "the meter's serial, 1 to 64 characters"));
    }
    const std::string kind = text_of(item, "kind");
    if (kind == "last_gasp") {
      event.kind = outages::MeterEventKind::last_gasp;
    } else if (kind == "power_restored") {
      event.kind = outages::MeterEventKind::power_restored;
    } else {
      return http::problem_from_error(
          invalid_input(field + ".kind", "kind is last_gasp or power_restored"));
    }
    auto occurred = parse_instant(text_of(item, "occurred_at"), field + ".occurred_at");
    if (!occurred.ok()) return http::problem_from_error(occurred.error());
    event.occurred_at = *occurred;
    events.push_back(std::move(event));
  }
  auto recorded = outages::record_meter_events(context.database, events, request.actor);
  if (!recorded.ok()) return http::problem_from_error(recorded.error());
  JsonWriter out;
  out.begin_object().key("accepted").number(recorded->accepted);
  out.key("rejected").number(recorded->rejected).end_object();
  return json_text(202, out.take());
}

}  // namespace rp::api

namespace rp::api {

http::Response public_outage_report_handler(ApiContext& context, http::Request& request) {
  if (auto refused = require_public_caller(context, request,
                                           "an integration reports for an account: POST "
                                           "/api/v1/accounts/{number}/outage-reports")) {
    return *refused;
  }
  auto body = http::parse_json_object_body(request);
  if (!body.ok()) return http::problem_from_error(body.error());
  auto report = report_of(*body, true);
  if (!report.ok()) return http::problem_from_error(report.error());
  return report_answer(outages::report_outage(context.database, *report, request.actor), true);
}

http::Response account_outage_report_handler(ApiContext& context, http::Request& request) {
  if (auto refused = require_account_access(context, request)) return *refused;
  auto number = AccountNumber::parse(request.path_param("number"));
  if (!number.ok()) return http::problem_from_error(not_found("no such account"));
  auto body = http::parse_json_object_body(request);
  if (!body.ok()) return http::problem_from_error(body.error());
  auto report = report_of(*body, false);
  if (!report.ok()) return http::problem_from_error(report.error());
  report->account = *number;
  return report_answer(outages::report_outage(context.database, *report, request.actor), false);
}

http::Response outage_status_handler(ApiContext& context, http::Request& request) {
  if (context.outage_status == nullptr || !context.outage_status->ready()) {
    return board_not_ready();
  }
  auto premise = integer_query(request, "premise", 0);
  if (!premise.ok()) return http::problem_from_error(premise.error());
  if (*premise <= 0) {
    return http::problem_from_error(
        invalid_input("premise", "premise is the id of the address (GET /api/v1/premises)"));
  }
  const outages::PremiseStatus status = context.outage_status->at_premise(*premise, true);
  JsonWriter out;
  out.begin_object().key("as_of").string(status.as_of).key("outage");
  if (status.outage) {
    write_public_outage(out, *status.outage);
  } else {
    out.null();
  }
  out.end_object();
  http::Response response = json_text(200, out.take());
  response.set_header("Cache-Control", "no-store");
  return response;
}

http::Response account_outages_handler(ApiContext& context, http::Request& request) {
  if (auto refused = require_account_access(context, request)) return *refused;
  if (context.outage_status == nullptr || !context.outage_status->ready()) {
    return board_not_ready();
  }
  auto number = AccountNumber::parse(request.path_param("number"));
  if (!number.ok()) return http::problem_from_error(not_found("no such account"));
  auto premises = outages::account_premises(context.database, *number);
  if (!premises.ok()) return http::problem_from_error(premises.error());
  JsonWriter out;
  std::string as_of;
  out.begin_object().key("premises").begin_array();
  for (const outages::ServedPremise& premise : *premises) {
    const outages::PremiseStatus status = context.outage_status->at_premise(premise.id, false);
    as_of = status.as_of;
    out.begin_object().key("premise").number(premise.id);
    out.key("address").begin_object().key("line1").string(premise.line1);
    out.key("line2").string(premise.line2).key("city").string(premise.city);
    out.key("state").string(premise.state).key("zip").string(premise.zip).end_object();
    out.key("outage");
    if (status.outage) {
      write_public_outage(out, *status.outage);
    } else {
      out.null();
    }
    // Back in the last day: the page asks "still out?", which reports again.
    auto restored = outages::recently_restored(context.database, premise.id);
    if (!restored.ok()) return http::problem_from_error(restored.error());
    out.key("recently_restored");
    if (*restored && !status.outage) {
      write_public_outage(out, (*restored)->outage, (*restored)->restored_at);
    } else {
      out.null();
    }
    auto planned = outages::planned_ahead(context.database, premise.id);
    if (!planned.ok()) return http::problem_from_error(planned.error());
    out.key("planned");
    if (*planned) {
      write_public_outage(out, **planned);
    } else {
      out.null();
    }
    out.end_object();
  }
  out.end_array().key("as_of").string(as_of).end_object();
  return json_text(200, out.take());
}

}  // namespace rp::api

namespace rp::api {

http::Response outage_map_handler(ApiContext& context, http::Request&) {
  if (context.outage_status == nullptr || !context.outage_status->ready()) {
    return board_not_ready();
  }
  const auto [as_of, map] = context.outage_status->map();
  // Micro-degrees as decimal degrees, exactly: -123012345 -> -123.012345.
  const auto degrees = [](std::int64_t micro) {
    const std::int64_t whole = (micro < 0 ? -micro : micro);
    char text[32];
    std::snprintf(text, sizeof text, "%s%lld.%06lld", micro < 0 ? "-" : "",
                  static_cast<long long>(whole / 1'000'000),
                  static_cast<long long>(whole % 1'000'000));
    return std::string(text);
  };
  const auto write_box = [&](JsonWriter& out, const outages::MapBox& box) {
    out.key("south").json(degrees(box.south)).key("west").json(degrees(box.west));
    out.key("north").json(degrees(box.north)).key("east").json(degrees(box.east));
  };
  JsonWriter out;
  out.begin_object().key("as_of").string(as_of).key("bounds");
  if (map.bounds) {
    out.begin_object();
    write_box(out, *map.bounds);
    out.end_object();
  } else {
    out.null();
  }
  out.key("customers_out").number(map.customers_out).key("areas").begin_array();
  for (const outages::MapArea& area : map.areas) {
    out.begin_object().key("zip").string(area.area.zip).key("city").string(area.area.city);
    out.key("state").string(area.area.state).key("customers_out").number(area.customers_out);
    out.key("customers_served").number(area.area.homes).key("outages").number(area.outages);
    out.key("etr").optional_string(area.etr.empty() ? std::nullopt
                                                    : std::optional<std::string>(area.etr));
    out.key("cause").string(std::string(outages::cause_name(area.cause)));
    write_box(out, area.area.box);
    out.end_object();
  }
  out.end_array().key("cells").begin_array();
  for (const outages::MapCell& cell : map.cells) {
    out.begin_object();
    write_box(out, cell.box);
    out.key("customers_out").number(cell.customers_out).end_object();
  }
  out.end_array().end_object();
  http::Response response = json_text(200, out.take());
  response.set_header("Cache-Control", "no-store");
  return response;
}

}  // namespace rp::api
