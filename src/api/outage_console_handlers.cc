// The outage console's reading: the storm summary, the signals by device and an account's outage
// history (outages/outage_views.h). Shapes in docs/openapi.yaml.

#include "api/answers.h"
#include "api/guards.h"
#include "api/outage_handlers.h"
#include "core/json_writer.h"
#include "http/problem.h"
#include "outages/outage_views.h"

namespace rp::api {

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
