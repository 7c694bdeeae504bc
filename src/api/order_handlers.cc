#include "api/order_handlers.h"

#include <algorithm>

#include "api/answers.h"
#include "api/guards.h"
#include "core/json_writer.h"
#include "http/json_body.h"
#include "http/problem.h"
#include "orders/orders.h"
#include "orders/webhooks.h"

namespace rp::api {
namespace {

using orders::OrderAction;
using orders::OrderKind;

constexpr std::int64_t kMostOpenOrders = 5000;

void write_optional_instant(JsonWriter& out, const std::optional<Instant>& at) {
  if (at) {
    out.string(format_instant(*at));
  } else {
    out.null();
  }
}

void write_text_or_null(JsonWriter& out, const std::string& text) {
  if (text.empty()) {
    out.null();
  } else {
    out.string(text);
  }
}

void write_order(JsonWriter& out, const orders::ServiceOrder& order) {
  auto number = AccountNumber::parse(order.account_number);
  out.begin_object().key("number").string(order.number);
  out.key("account").string(number.ok() ? number->formatted() : order.account_number);
  out.key("account_status").string(order.account_status);
  out.key("kind").string(std::string(orders::kind_name(order.kind)));
  out.key("status").string(std::string(orders::status_name(order.status)));
  out.key("needs_visit").boolean(order.needs_visit).key("details").string(order.details);
  out.key("window_start");
  write_optional_instant(out, order.window_start);
  out.key("window_end");
  write_optional_instant(out, order.window_end);
  out.key("crew");
  write_text_or_null(out, order.crew);
  out.key("failure_reason");
  write_text_or_null(out, order.failure_reason);
  out.key("external_id");
  write_text_or_null(out, order.external_id);
  out.key("requested_by").string(order.requested_by);
  out.key("requested_at").string(order.requested_at);
  out.key("commodity");
  write_text_or_null(out, order.commodity);
  out.key("service_date");
  write_text_or_null(out, order.service_date);
  out.key("forwarding_address");
  if (order.forwarding_address) {
    const accounts::Address& a = *order.forwarding_address;
    out.begin_object().key("line1").string(a.line1).key("line2").string(a.line2);
    out.key("city").string(a.city).key("state").string(a.state).key("zip").string(a.zip);
    out.end_object();
  } else {
    out.null();
  }
  out.key("results");
  if (order.results.empty()) {
    out.null();
  } else {
    out.json(order.results);
  }
  out.key("final_bill_id");
  if (order.final_bill_id) {
    out.number(*order.final_bill_id);
  } else {
    out.null();
  }
  out.key("final_bill_number");
  if (order.final_bill_number) {
    out.number(*order.final_bill_number);
  } else {
    out.null();
  }
  out.key("area");
  if (order.area_zip.empty()) {
    out.null();
  } else {
    out.begin_object().key("zip").string(order.area_zip).key("city").string(order.area_city);
    out.end_object();
  }
  if (order.site) {
    const accounts::Address& a = order.site->address;
    out.key("site").begin_object().key("line1").string(a.line1).key("line2").string(a.line2);
    out.key("city").string(a.city).key("state").string(a.state).key("zip").string(a.zip);
    out.key("meters").begin_array();
    for (const orders::SiteMeter& meter : order.site->meters) {
      out.begin_object().key("commodity").string(meter.commodity);
      out.key("serial");
      write_text_or_null(out, meter.serial);
      out.key("kind").string(meter.kind).key("unit").string(meter.unit);
      out.key("automatic").boolean(meter.automatic);
      out.key("last_reading").optional_string(meter.last_reading);
      out.key("last_read_at").optional_string(meter.last_read_at);
      out.end_object();
    }
    out.end_array().end_object();
  }
  out.key("moves").begin_array();
  for (const orders::OrderMove& move : order.moves) {
    out.begin_object().key("action").string(move.action).key("from").string(move.from_status);
    out.key("to").string(move.to_status).key("note").string(move.note);
    out.key("actor").string(move.actor).key("at").string(move.at).end_object();
  }
  out.end_array().key("photos").begin_array();
  for (const orders::Photo& photo : order.photos) {
    out.begin_object().key("id").number(photo.id).key("purpose").string(photo.purpose);
    out.key("content_type").string(photo.content_type).key("size_bytes").number(photo.size_bytes);
    out.key("taken_by").string(photo.taken_by).key("taken_at").string(photo.taken_at);
    out.end_object();
  }
  out.end_array().end_object();
}

std::string orders_json(const std::vector<orders::ServiceOrder>& list) {
  JsonWriter out;
  out.begin_object().key("orders").begin_array();
  for (const auto& order : list) write_order(out, order);
  out.end_array().end_object();
  return out.take();
}

bool holds(const http::Request& request, std::string_view permission) {
  return std::binary_search(request.staff_permissions.begin(), request.staff_permissions.end(),
                            permission);
}

std::string text_field(const nlohmann::json& body, const char* key) {
  return body.contains(key) && body[key].is_string() ? body[key].get<std::string>() : "";
}

Result<std::optional<Instant>> instant_field(const nlohmann::json& body, const char* key) {
  if (!body.contains(key) || body[key].is_null()) return std::optional<Instant>{};
  if (!body[key].is_string()) {
    return invalid_input(key, std::string(key) + " is an instant, 2026-12-08T16:00:00Z");
  }
  auto at = parse_instant(body[key].get<std::string>(), key);
  RP_TRY(at);
  return std::optional<Instant>{*at};
}

Result<std::optional<accounts::Address>> address_field(const nlohmann::json& body,
                                                       const char* key) {
  if (!body.contains(key) || body[key].is_null()) return std::optional<accounts::Address>{};
  if (!body[key].is_object()) {
    return invalid_input(key, std::string(key) + " is an object: line1, line2, city, state, zip");
  }
  const nlohmann::json& a = body[key];
  return std::optional<accounts::Address>{
      accounts::Address{text_field(a, "line1"), text_field(a, "line2"), text_field(a, "city"),
                        text_field(a, "state"), text_field(a, "zip")}};
}

// The readings a completion carries: [{"meter", "reading", "read_at"?, "confirmed"?}].
Result<std::vector<mdm::CustomerRead>> reads_field(const nlohmann::json& body) {
  std::vector<mdm::CustomerRead> reads;
  if (!body.contains("reads") || body["reads"].is_null()) return reads;
  if (!body["reads"].is_array()) {
    return invalid_input("reads", "reads is a list of {meter, reading}");
  }
  for (const nlohmann::json& item : body["reads"]) {
    if (!item.is_object() || !item.contains("reading") || !item["reading"].is_string()) {
      return invalid_input("reads", "each reading is {meter, reading} with the reading as text");
    }
    mdm::CustomerRead read;
    read.meter = text_field(item, "meter");
    read.reading = item["reading"].get<std::string>();
    if (item.contains("read_at") && item["read_at"].is_string()) {
      read.read_at = item["read_at"].get<std::string>();
    }
    read.confirmed = item.value("confirmed", false) == true;
    reads.push_back(std::move(read));
  }
  return reads;
}

}  // namespace

Result<std::int64_t> order_param(const http::Request& request, store::Database* database) {
  auto it = request.path_params.find("order");
  if (it == request.path_params.end()) return not_found("no such order");
  // A work-management system names its own orders: "ext:WMS-123" (by their external id).
  if (database != nullptr && it->second.starts_with("ext:")) {
    return orders::order_by_external_id(*database, it->second.substr(4));
  }
  auto id = orders::parse_order_number(it->second);
  if (!id.ok())
    return not_found("no order " + it->second + ": an order number looks like SO000123");
  return id;
}

std::string order_json(const orders::ServiceOrder& order, const std::string& account_number) {
  JsonWriter out;
  out.begin_object().key("order");
  write_order(out, order);
  if (!account_number.empty()) out.key("account").string(account_number);
  out.key("replayed").boolean(order.replayed).end_object();
  return out.take();
}

http::Response account_orders_handler(ApiContext& context, http::Request& request) {
  if (auto refused = require_account_access(context, request)) return *refused;
  auto number = account_number_param(request);
  if (!number.ok()) return http::problem_from_error(number.error());
  auto list = orders::account_orders(context.database, *number);
  if (!list.ok()) return http::problem_from_error(list.error());
  return json_text(200, orders_json(*list));
}

http::Response create_order_handler(ApiContext& context, http::Request& request) {
  if (auto refused = require_account_access(context, request)) return *refused;
  auto number = account_number_param(request);
  if (!number.ok()) return http::problem_from_error(number.error());
  auto key = idempotency_key(request);
  if (!key.ok()) return http::problem_from_error(key.error());
  auto body = http::parse_json_object_body(request);
  if (!body.ok()) return http::problem_from_error(body.error());
  auto kind = orders::parse_kind(text_field(*body, "kind"));
  if (!kind) {
    return http::problem_from_error(
        invalid_input("kind",
                      "kind is one of start_service, stop_service, transfer, new_connection, "
                      "reconnect, disconnect, meter_reread, meter_exchange, meter_install, "
                      "meter_remove, investigate, other"));
  }
  const bool customer = customer_login(request).has_value();
  if (customer && *kind != OrderKind::meter_reread && *kind != OrderKind::investigate &&
      *kind != OrderKind::other && *kind != OrderKind::stop_service &&
      *kind != OrderKind::transfer) {
    return http::problem_from_error(
        invalid_input("kind",
                      "from the portal you can stop or move service, ask for a meter re-read, an "
                      "investigation or something else; call us for the rest for now"));
  }
  if (body->contains("needs_visit") && !(*body)["needs_visit"].is_boolean()) {
    return http::problem_from_error(invalid_input("needs_visit", "needs_visit is true or false"));
  }
  auto forwarding = address_field(*body, "forwarding_address");
  if (!forwarding.ok()) return http::problem_from_error(forwarding.error());
  orders::NewOrder order;
  order.kind = *kind;
  // A customer's stop is read where the meter is read: by the field, or from an AMI meter's data
  // (staff say which); anything else a customer asks for is a visit.
  order.needs_visit = customer || body->value("needs_visit", true);
  order.details = text_field(*body, "details");
  order.external_id = customer ? std::string() : text_field(*body, "external_id");
  order.commodity = text_field(*body, "commodity");
  order.service_date = text_field(*body, "service_date");
  order.forwarding_address = std::move(*forwarding);
  if (body->contains("premise")) {
    if (!(*body)["premise"].is_number_integer()) {
      return http::problem_from_error(invalid_input("premise", "premise is a premise's id"));
    }
    order.premise_id = (*body)["premise"].get<std::int64_t>();
  }
  if (body->contains("services") && (*body)["services"].is_array()) {
    for (const nlohmann::json& item : (*body)["services"]) {
      if (!item.is_object() || !item.contains("service_point") ||
          !item["service_point"].is_number_integer()) {
        return http::problem_from_error(
            invalid_input("services", "each service is {service_point, rate_plan}"));
      }
      order.services.push_back(
          {item["service_point"].get<std::int64_t>(), text_field(item, "rate_plan")});
    }
  }
  auto created = orders::create_order(context.database, *number, order, *key, request.actor);
  if (!created.ok()) return money_problem(created.error());
  return json_text(created->replayed ? 200 : 201, order_json(*created));
}

http::Response account_order_handler(ApiContext& context, http::Request& request) {
  if (auto refused = require_account_access(context, request)) return *refused;
  auto number = account_number_param(request);
  if (!number.ok()) return http::problem_from_error(number.error());
  auto id = order_param(request);
  if (!id.ok()) return http::problem_from_error(id.error());
  auto order = orders::account_order(context.database, *number, *id);
  if (!order.ok()) return http::problem_from_error(order.error());
  return json_text(200, order_json(*order));
}

http::Response cancel_order_handler(ApiContext& context, http::Request& request) {
  if (auto refused = require_account_access(context, request)) return *refused;
  auto number = account_number_param(request);
  if (!number.ok()) return http::problem_from_error(number.error());
  auto id = order_param(request);
  if (!id.ok()) return http::problem_from_error(id.error());
  orders::MoveRequest move;
  move.action = OrderAction::cancel;
  move.actor_kind = customer_login(request) ? orders::Actor::customer : orders::Actor::staff;
  auto moved = orders::move_order(context.database, *number, *id, move, request.actor);
  if (!moved.ok()) return http::problem_from_error(moved.error());
  return json_text(200, order_json(*moved));
}

http::Response move_order_handler(ApiContext& context, http::Request& request) {
  if (auto refused = require_staff(context, request)) return *refused;
  auto id = order_param(request, &context.database);
  if (!id.ok()) return http::problem_from_error(id.error());
  auto body = http::parse_json_object_body(request);
  if (!body.ok()) return http::problem_from_error(body.error());
  auto action = orders::parse_action(text_field(*body, "action"));
  if (!action) {
    return http::problem_from_error(
        invalid_input("action",
                      "action is one of schedule, reschedule, dispatch, depart, arrive, complete, "
                      "approve, reject, cancel, fail"));
  }
  const bool field_move = *action == OrderAction::depart || *action == OrderAction::arrive ||
                          *action == OrderAction::complete || *action == OrderAction::fail;
  if (!field_move && !holds(request, "orders.dispatch")) {
    return http::problem(403, "permission-required", "Not allowed",
                         "this needs the permission 'orders.dispatch'", {}, "permission-required");
  }
  orders::MoveRequest move;
  move.action = *action;
  auto start = instant_field(*body, "window_start");
  if (!start.ok()) return http::problem_from_error(start.error());
  auto end = instant_field(*body, "window_end");
  if (!end.ok()) return http::problem_from_error(end.error());
  move.window_start = *start;
  move.window_end = *end;
  move.crew = text_field(*body, "crew");
  move.note = text_field(*body, "note");
  auto reads = reads_field(*body);
  if (!reads.ok()) return http::problem_from_error(reads.error());
  move.reads = std::move(*reads);
  if (body->contains("new_meter") && (*body)["new_meter"].is_object()) {
    const nlohmann::json& m = (*body)["new_meter"];
    accounts::NewMeter meter{text_field(m, "serial"), text_field(m, "kind"), {}};
    if (m.contains("channels") && m["channels"].is_array()) {
      for (const nlohmann::json& c : m["channels"]) {
        if (!c.is_object()) continue;
        std::optional<int> interval;
        if (c.contains("interval_minutes") && c["interval_minutes"].is_number_integer()) {
          interval = c["interval_minutes"].get<int>();
        }
        meter.channels.push_back({text_field(c, "name"), text_field(c, "unit"), interval});
      }
    }
    move.new_meter = std::move(meter);
    if (m.contains("reading")) {
      const nlohmann::json& reading = m["reading"];
      move.new_meter_reading = reading.is_string() ? reading.get<std::string>() : reading.dump();
    }
  }
  // Optional here: a field page sends one with each queued move so a resend is done once.
  if (auto key = request.header("idempotency-key"); key && !key->empty()) {
    if (key->size() > 200) {
      return http::problem_from_error(invalid_input("Idempotency-Key", "at most 200 characters"));
    }
    move.idempotency_key = request.actor + "/" + std::string(*key);  // one caller's keys only
  }
  auto approval = orders::approval_required(context.database);
  if (!approval.ok()) return http::problem_from_error(approval.error());
  move.approval_required = *approval;
  auto account = orders::order_account(context.database, *id);
  if (!account.ok()) return http::problem_from_error(account.error());
  auto moved = orders::move_order(context.database, *account, *id, move, request.actor);
  if (!moved.ok()) return money_problem(moved.error());
  return json_text(200, order_json(*moved));
}

http::Response open_orders_handler(ApiContext& context, http::Request& request) {
  if (auto refused = require_staff(context, request)) return *refused;
  auto limit = integer_query(request, "limit", 500);
  if (!limit.ok()) return http::problem_from_error(limit.error());
  if (*limit < 1 || *limit > kMostOpenOrders) {
    return http::problem_from_error(invalid_input("limit", "limit is 1 to 5000"));
  }
  const bool unscheduled = request.query_param("unscheduled").value_or("") == "true";
  Instant from{};
  Instant to{};
  if (!unscheduled) {
    auto from_text = parse_instant(request.query_param("from").value_or(""), "from");
    if (!from_text.ok()) return http::problem_from_error(from_text.error());
    auto to_text = parse_instant(request.query_param("to").value_or(""), "to");
    if (!to_text.ok()) return http::problem_from_error(to_text.error());
    from = *from_text;
    to = *to_text;
  }
  const std::string kind(request.query_param("kind").value_or(""));
  if (!kind.empty() && !orders::parse_kind(kind)) {
    return http::problem_from_error(invalid_input("kind", "kind is an order kind (start_service)"));
  }
  orders::OpenOrderFilter filter{kind, std::string(request.query_param("crew").value_or("")),
                                 std::string(request.query_param("area").value_or(""))};
  if (!filter.area.empty() && (filter.area.size() != 5 ||
                               filter.area.find_first_not_of("0123456789") != std::string::npos)) {
    return http::problem_from_error(
        invalid_input("area", "area is a five-digit ZIP code (97201), not " + filter.area));
  }
  auto list = orders::open_orders(context.database, from, to, unscheduled,
                                  static_cast<std::size_t>(*limit), filter);
  if (!list.ok()) return http::problem_from_error(list.error());
  return json_text(200, orders_json(*list));
}

http::Response staff_order_handler(ApiContext& context, http::Request& request) {
  if (auto refused = require_staff(context, request)) return *refused;
  auto id = order_param(request, &context.database);
  if (!id.ok()) return http::problem_from_error(id.error());
  auto account = orders::order_account(context.database, *id);
  if (!account.ok()) return http::problem_from_error(account.error());
  auto order = orders::account_order(context.database, *account, *id);
  if (!order.ok()) return http::problem_from_error(order.error());
  return json_text(200, order_json(*order));
}

namespace {

std::string endpoint_json(const orders::WebhookEndpoint& endpoint) {
  JsonWriter out;
  out.begin_object().key("id").number(endpoint.id).key("url").string(endpoint.url);
  out.key("event_prefix").string(endpoint.event_prefix).key("active").boolean(endpoint.active);
  if (!endpoint.secret.empty()) out.key("secret").string(endpoint.secret);
  out.key("created_by").string(endpoint.created_by).key("created_at").string(endpoint.created_at);
  out.end_object();
  return out.take();
}

}  // namespace

http::Response webhooks_handler(ApiContext& context, http::Request& request) {
  if (auto refused = require_staff(context, request)) return *refused;
  auto list = orders::webhook_endpoints(context.database);
  if (!list.ok()) return http::problem_from_error(list.error());
  std::string body = "{\"webhooks\":[";
  for (std::size_t i = 0; i < list->size(); ++i) {
    body += (i ? "," : "") + endpoint_json((*list)[i]);
  }
  return json_text(200, body + "]}");
}

http::Response add_webhook_handler(ApiContext& context, http::Request& request) {
  if (auto refused = require_staff(context, request)) return *refused;
  auto body = http::parse_json_object_body(request);
  if (!body.ok()) return http::problem_from_error(body.error());
  auto added = orders::add_webhook_endpoint(context.database, text_field(*body, "url"),
                                            text_field(*body, "event_prefix"), request.actor);
  if (!added.ok()) return http::problem_from_error(added.error());
  return json_text(201, endpoint_json(*added));
}

http::Response remove_webhook_handler(ApiContext& context, http::Request& request) {
  if (auto refused = require_staff(context, request)) return *refused;
  const std::string id_text(request.path_param("id"));
  std::int64_t id = 0;
  try {
    id = std::stoll(id_text);
  } catch (...) {
    return http::problem_from_error(not_found("no webhook " + id_text));
  }
  auto removed = orders::deactivate_webhook_endpoint(context.database, id);
  if (!removed.ok()) return http::problem_from_error(removed.error());
  return http::text_response(204, "", "application/json");
}

}  // namespace rp::api
