// The outage console: the storm summary, the signals by device and an account's outage history
// (outages/outage_views.h), and opening an outage by hand: planned work, a main break
// (outages/staff_outages.h). Shapes in docs/openapi.yaml.

#include "api/answers.h"
#include "api/guards.h"
#include "api/outage_handlers.h"
#include "core/json_writer.h"
#include "http/json_body.h"
#include "http/problem.h"
#include "outages/outage_views.h"
#include "outages/staff_outages.h"

namespace rp::api {
namespace {

// Degrees as micro-degrees, exactly to the sixth decimal. Errors: invalid_input "area".
Result<std::int64_t> micro_degrees(const nlohmann::json& value) {
  if (!value.is_number()) return invalid_input("area", "each corner is [latitude, longitude]");
  const double degrees = value.get<double>();
  if (!(degrees >= -180.0 && degrees <= 180.0)) {
    return invalid_input("area", "each corner is [latitude, longitude] in degrees");
  }
  return static_cast<std::int64_t>(degrees * 1e6 + (degrees < 0 ? -0.5 : 0.5));
}

Result<outages::OutageArea> area_of(const nlohmann::json& body) {
  if (!body.is_object()) {
    return invalid_input("area", "area is {commodity, zip, streets} or {commodity, polygon}");
  }
  outages::OutageArea area;
  area.commodity = body.value("commodity", std::string());
  area.zip = body.contains("zip") && body["zip"].is_string() ? body["zip"].get<std::string>() : "";
  if (body.contains("streets")) {
    if (!body["streets"].is_array()) return invalid_input("area", "area.streets lists streets");
    for (const nlohmann::json& street : body["streets"]) {
      if (!street.is_string()) return invalid_input("area", "area.streets lists streets");
      area.streets.push_back(street.get<std::string>());
    }
  }
  if (body.contains("polygon")) {
    if (!body["polygon"].is_array() || body["polygon"].size() > outages::kMostPolygonCorners) {
      return invalid_input("area", "area.polygon lists 3 to 200 [latitude, longitude] corners");
    }
    for (const nlohmann::json& corner : body["polygon"]) {
      if (!corner.is_array() || corner.size() != 2) {
        return invalid_input("area", "each corner is [latitude, longitude]");
      }
      auto latitude = micro_degrees(corner[0]);
      RP_TRY(latitude);
      auto longitude = micro_degrees(corner[1]);
      RP_TRY(longitude);
      area.polygon.emplace_back(*latitude, *longitude);
    }
  }
  return area;
}

Result<outages::NewStaffOutage> staff_outage_of(const nlohmann::json& body) {
  outages::NewStaffOutage outage;
  if (body.contains("planned")) {
    if (!body["planned"].is_boolean()) return invalid_input("planned", "planned is true or false");
    outage.planned = body["planned"].get<bool>();
  }
  if (body.contains("device")) {
    const nlohmann::json& device = body["device"];
    if (!device.is_object() || !device.contains("id") || !device["id"].is_number_integer()) {
      return invalid_input("device", "device is {\"kind\": \"transformer\", \"id\": 12}");
    }
    outage.device_kind = outages::parse_device_kind(device.value("kind", std::string()));
    if (!outage.device_kind) {
      return invalid_input("device",
                           "device.kind is transformer, feeder, substation or "
                           "service_point");
    }
    outage.device_id = device["id"].get<std::int64_t>();
  }
  if (body.contains("area")) {
    auto area = area_of(body["area"]);
    RP_TRY(area);
    outage.area = std::move(*area);
  }
  for (const char* field : {"starts_at", "ends_at"}) {
    if (!body.contains(field) || body[field].is_null()) continue;
    if (!body[field].is_string()) return invalid_input(field, "a date and time");
    auto at = parse_instant(body[field].get<std::string>(), field);
    RP_TRY(at);
    (std::string(field) == "starts_at" ? outage.starts_at : outage.ends_at) = *at;
  }
  if (body.contains("cause")) {
    outage.cause = outages::parse_cause(body.value("cause", std::string()));
    if (!outage.cause) {
      return invalid_input("cause",
                           "cause is unknown, weather, vegetation, equipment, vehicle, animal, "
                           "dig_in, overload, planned or other");
    }
  }
  if (body.contains("public_note")) {
    if (!body["public_note"].is_string())
      return invalid_input("public_note", "public_note is text");
    outage.public_note = body["public_note"].get<std::string>();
  }
  return outage;
}

}  // namespace

http::Response open_outage_handler(ApiContext& context, http::Request& request) {
  if (auto refused = require_staff(context, request)) return *refused;
  auto body = http::parse_json_object_body(request);
  if (!body.ok()) return http::problem_from_error(body.error());
  auto asked = staff_outage_of(*body);
  if (!asked.ok()) return http::problem_from_error(asked.error());
  auto opened = outages::open_staff_outage(context.database, *asked, request.actor);
  if (!opened.ok()) return http::problem_from_error(opened.error());
  return json_text(201, staff_outage_json(*opened));
}

http::Response outage_summary_handler(ApiContext& context, http::Request& request) {
  if (auto refused = require_staff(context, request)) return *refused;
  auto zone = utility_zone(context);
  if (!zone.ok()) return http::problem_from_error(zone.error());
  const Instant today_began = zone->start_of_day(zone->local_date(now()));
  auto summary = outages::storm_summary(context.database, today_began);
  if (!summary.ok()) return http::problem_from_error(summary.error());
  JsonWriter out;
  out.begin_object().key("as_of").string(summary->as_of);
  out.key("customers_out").number(summary->customers_out);
  out.key("outages_open").number(summary->outages_open);
  out.key("restored_today").number(summary->restored_today);
  out.key("hours").begin_array();
  for (const outages::SignalHour& hour : summary->hours) {
    out.begin_object().key("hour").string(hour.hour).key("reports").number(hour.reports);
    out.key("last_gasps").number(hour.last_gasps).end_object();
  }
  out.end_array().key("customers_out_over_time").begin_array();
  for (const outages::CustomersOutAt& point : summary->customers_out_over_time) {
    out.begin_object().key("at").string(point.at);
    out.key("customers_out").number(point.customers_out).end_object();
  }
  out.end_array().end_object();
  return json_text(200, out.take());
}

http::Response outage_signals_handler(ApiContext& context, http::Request& request) {
  if (auto refused = require_staff(context, request)) return *refused;
  auto devices = outages::signals_by_device(context.database);
  if (!devices.ok()) return http::problem_from_error(devices.error());
  JsonWriter out;
  out.begin_object().key("as_of").string(format_instant(now())).key("devices").begin_array();
  for (const outages::DeviceSignals& device : *devices) {
    out.begin_object().key("kind").string("transformer").key("id").number(device.transformer_id);
    out.key("name").string(device.name).key("feeder").string(device.feeder);
    out.key("points").number(device.points).key("reports").number(device.reports);
    out.key("last_gasps").number(device.last_gasps);
    out.key("outage").optional_string(
        device.outage.empty() ? std::nullopt : std::optional<std::string>(device.outage));
    out.end_object();
  }
  out.end_array().end_object();
  return json_text(200, out.take());
}

http::Response account_outage_history_handler(ApiContext& context, http::Request& request) {
  if (auto refused = require_account_access(context, request)) return *refused;
  auto number = AccountNumber::parse(request.path_param("number"));
  if (!number.ok()) return http::problem_from_error(not_found("no such account"));
  auto history = outages::account_outage_history(context.database, *number);
  if (!history.ok()) return http::problem_from_error(history.error());
  JsonWriter out;
  out.begin_object().key("outages").begin_array();
  for (const outages::AccountOutage& outage : *history) {
    out.begin_object().key("number").string(outage.number).key("status").string(outage.status);
    out.key("cause").string(outage.cause).key("began_at").string(outage.began_at);
    out.key("restored_at")
        .optional_string(outage.restored_at.empty()
                             ? std::nullopt
                             : std::optional<std::string>(outage.restored_at));
    out.key("premise").begin_object().key("line1").string(outage.line1);
    out.key("city").string(outage.city).end_object();
    out.key("reports").number(outage.reports).end_object();
  }
  out.end_array().end_object();
  return json_text(200, out.take());
}

}  // namespace rp::api
