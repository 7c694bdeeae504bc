#include "api/meter_data_handlers.h"

#include <charconv>

#include "api/answers.h"
#include "api/guards.h"
#include "api/order_handlers.h"
#include "core/json.h"
#include "core/json_writer.h"
#include "http/json_body.h"
#include "http/problem.h"
#include "mdm/customer_reads.h"
#include "mdm/exception_queue.h"
#include "mdm/ingest.h"
#include "mdm/read_fields.h"
#include "orders/rereads.h"

namespace rp::api {
namespace {

Result<std::int64_t> whole_number(std::string_view text, const char* name) {
  std::int64_t value = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || value < 0) {
    return invalid_input(
        name, std::string(name) + " must be a whole number, got '" + std::string(text) + "'");
  }
  return value;
}

void write_rejects(JsonWriter& out, const std::vector<mdm::LineReject>& rejects) {
  out.key("first_rejects").begin_array();
  for (const mdm::LineReject& reject : rejects) {
    out.begin_object().key("line").number(reject.line).key("reason").string(reject.reason);
    out.key("text").string(reject.text).end_object();
  }
  out.end_array();
}

std::string report_json(const mdm::IngestReport& report) {
  JsonWriter out;
  out.begin_object().key("ingest_id").number(report.ingest_id);
  out.key("repeated").boolean(report.repeated);
  out.key("accepted").number(report.accepted).key("rejected").number(report.rejected);
  out.key("estimated").number(report.estimated).key("exceptions").number(report.exceptions);
  out.key("days_written").number(report.days_written);
  write_rejects(out, report.first_rejects);
  out.end_object();
  return out.take();
}

void write_exception(JsonWriter& out, const mdm::QueuedExceptionView& item) {
  out.begin_object().key("id").number(item.id).key("rule").string(item.rule);
  out.key("status").string(item.status).key("evidence").string(item.evidence);
  out.key("meter").string(item.meter_serial).key("channel").string(item.channel);
  out.key("unit").string(item.unit).key("day").string(item.day);
  if (item.first_slot >= 0) {
    out.key("interval_minutes").number(item.interval_minutes);
    out.key("first_slot").number(item.first_slot).key("last_slot").number(item.last_slot);
  }
  if (item.register_read_id) out.key("register_read_id").number(*item.register_read_id);
  if (item.photo_id) out.key("photo_id").number(*item.photo_id);
  if (item.reread_order_id) {
    out.key("reread_order").string(orders::order_number(*item.reread_order_id));
  }
  out.key("affected_accounts").begin_array();
  for (const std::string& account : item.accounts) out.string(account);
  out.end_array();
  out.key("created_at").string(item.created_at);
  if (item.status != "open") {
    out.key("resolved_at").string(item.resolved_at).key("resolved_by").string(item.resolved_by);
    out.key("resolution_note").string(item.resolution_note);
  }
  out.end_object();
}

http::Response exception_response(const Result<mdm::QueuedExceptionView>& resolved) {
  if (!resolved.ok()) return http::problem_from_error(resolved.error());
  JsonWriter out;
  write_exception(out, *resolved);
  return json_text(200, out.take());
}

// The exception id from the path and the resolution from the body: {"note": "...", "values":
// [{"slot": 60, "value": "0.420"}], "reading": "4400.5"}.
Result<std::pair<std::int64_t, mdm::Resolution>> parse_resolution(const http::Request& request) {
  auto id = whole_number(request.path_param("id"), "id");
  if (!id.ok())
    return not_found("no VEE exception has id " + std::string(request.path_param("id")));
  auto body = http::parse_json_object_body(request);
  if (!body.ok()) return body.error();
  mdm::Resolution resolution;
  resolution.actor = request.actor;
  resolution.at = now();
  auto note = optional_string(*body, "note");
  if (!note.ok()) return note.error();
  resolution.note = note->value_or("");
  if (body->contains("values")) {
    const json& values = (*body)["values"];
    if (!values.is_array())
      return invalid_input("values", "values must be an array of {slot, value}");
    for (std::size_t i = 0; i < values.size(); ++i) {
      std::string field = "values[" + std::to_string(i) + "]";
      const json& item = values[i];
      if (!item.is_object() || !item.contains("slot") || !item["slot"].is_number_integer() ||
          !item.contains("value") || !item["value"].is_string()) {
        return invalid_input(field, field + " must be {\"slot\": integer, \"value\": \"decimal\"}");
      }
      std::int64_t milli = 0;
      std::string text = item["value"].get<std::string>();
      if (auto problem = mdm::parse_milli_units(text, milli);
          problem != mdm::QuantityProblem::none) {
        return invalid_input(field + ".value",
                             mdm::quantity_reason(problem, field + ".value", text));
      }
      resolution.values.push_back({item["slot"].get<std::int32_t>(), milli});
    }
  }
  auto reading = optional_string(*body, "reading");
  if (!reading.ok()) return reading.error();
  if (*reading) {
    std::int64_t milli = 0;
    if (auto problem = mdm::parse_milli_units(**reading, milli);
        problem != mdm::QuantityProblem::none) {
      return invalid_input("reading", mdm::quantity_reason(problem, "reading", **reading));
    }
    resolution.reading_milli_units = milli;
  }
  return std::make_pair(*id, std::move(resolution));
}

}  // namespace

http::Response ingest_reads_handler(ApiContext& context, http::Request& request) {
  if (auto refused = require_staff(context, request)) return *refused;
  auto zone = utility_zone(context);
  if (!zone.ok()) return http::problem_from_error(zone.error());
  auto type = request.header("content-type");
  if (!type || type->find("json") == std::string_view::npos) {
    return http::problem_from_error(
        invalid_input(std::string(http::kContentTypeField), "send the reads as application/json"));
  }
  mdm::IngestOptions options;
  options.now = now();
  options.actor = "api";
  mdm::IngestSource source{"api", mdm::ReadFormat::json, request.body, ""};
  auto report = mdm::ingest_reads(context.database, *zone, source, options);
  if (!report.ok()) return http::problem_from_error(report.error());
  return json_text(report->repeated ? 200 : 201, report_json(*report));
}

http::Response customer_meter_read_handler(ApiContext& context, http::Request& request) {
  if (auto refused = require_account_access(context, request)) return *refused;
  auto number = account_number_param(request);
  if (!number.ok()) return http::problem_from_error(number.error());
  auto zone = utility_zone(context);
  if (!zone.ok()) return http::problem_from_error(zone.error());
  auto body = http::parse_json_object_body(request);
  if (!body.ok()) return http::problem_from_error(body.error());
  mdm::CustomerRead read;
  auto meter = optional_string(*body, "meter");
  if (!meter.ok()) return http::problem_from_error(meter.error());
  read.meter = meter->value_or("");
  auto reading = required_string(*body, "reading");
  if (!reading.ok()) return http::problem_from_error(reading.error());
  read.reading = *reading;
  auto read_at = optional_string(*body, "read_at");
  if (!read_at.ok()) return http::problem_from_error(read_at.error());
  read.read_at = *read_at;
  auto outcome = mdm::submit_customer_read(context.database, *zone, *number, read, now());
  if (!outcome.ok()) return http::problem_from_error(outcome.error());
  JsonWriter out;
  out.begin_object().key("id").number(outcome->id).key("status").string(outcome->status);
  out.key("message").string(outcome->message).key("meter").string(outcome->meter);
  out.key("unit").string(outcome->unit).key("reading").string(outcome->reading);
  out.key("read_at").string(outcome->read_at).end_object();
  return json_text(201, out.take());
}

http::Response list_vee_exceptions_handler(ApiContext& context, http::Request& request) {
  if (auto refused = require_staff(context, request)) return *refused;
  mdm::ExceptionFilter filter;
  if (auto status = request.query_param("status")) filter.status = *status;
  for (auto [name, target] : {std::pair{"after", &filter.after_id}, {"limit", &filter.limit}}) {
    if (auto text = request.query_param(name)) {
      auto value = whole_number(*text, name);
      if (!value.ok()) return http::problem_from_error(value.error());
      *target = *value;
    }
  }
  auto page = mdm::list_exceptions(context.database, filter);
  if (!page.ok()) return http::problem_from_error(page.error());
  JsonWriter out;
  out.begin_object().key("items").begin_array();
  for (const mdm::QueuedExceptionView& item : page->items) write_exception(out, item);
  out.end_array();
  if (page->next_after_id) out.key("next_after").number(*page->next_after_id);
  out.end_object();
  return json_text(200, out.take());
}

http::Response accept_vee_exception_handler(ApiContext& context, http::Request& request) {
  if (auto refused = require_staff(context, request)) return *refused;
  auto parsed = parse_resolution(request);
  if (!parsed.ok()) return http::problem_from_error(parsed.error());
  return exception_response(mdm::accept_exception(context.database, parsed->first, parsed->second));
}

http::Response edit_vee_exception_handler(ApiContext& context, http::Request& request) {
  if (auto refused = require_staff(context, request)) return *refused;
  auto parsed = parse_resolution(request);
  if (!parsed.ok()) return http::problem_from_error(parsed.error());
  return exception_response(mdm::edit_exception(context.database, parsed->first, parsed->second));
}

http::Response reread_vee_exception_handler(ApiContext& context, http::Request& request) {
  if (auto refused = require_staff(context, request)) return *refused;
  auto id = id_param(request, "id", "VEE exception");
  if (!id.ok()) return http::problem_from_error(id.error());
  auto body = http::parse_json_object_body(request);
  if (!body.ok()) return http::problem_from_error(body.error());
  std::string note;
  if (body->contains("note")) {
    if (!(*body)["note"].is_string()) {
      return http::problem_from_error(invalid_input("note", "note is text"));
    }
    note = (*body)["note"].get<std::string>();
  }
  auto order = orders::order_reread(context.database, *id, note, request.actor);
  if (!order.ok()) return http::problem_from_error(order.error());
  auto account = AccountNumber::parse(order->account_number);
  return json_text(order->replayed ? 200 : 201,
                   order_json(*order, account.ok() ? account->formatted() : order->account_number));
}

http::Response estimate_vee_exception_handler(ApiContext& context, http::Request& request) {
  if (auto refused = require_staff(context, request)) return *refused;
  auto zone = utility_zone(context);
  if (!zone.ok()) return http::problem_from_error(zone.error());
  auto parsed = parse_resolution(request);
  if (!parsed.ok()) return http::problem_from_error(parsed.error());
  return exception_response(
      mdm::estimate_exception(context.database, *zone, parsed->first, parsed->second));
}

}  // namespace rp::api
