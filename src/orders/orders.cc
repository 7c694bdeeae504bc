#include "orders/orders.h"

#include <charconv>
#include <cstdio>

#include "accounts/account_events.h"
#include "accounts/account_service.h"
#include "core/json_writer.h"
#include "core/secret_token.h"
#include "orders/crews.h"
#include "orders/order_results.h"
#include "orders/order_writes.h"
#include "orders/premise_services.h"
#include "store/utility_settings.h"

namespace rp::orders {
namespace {

using store::Row;
using store::Session;

std::string text_or_empty(const Row& row, const char* column) {
  return row.is_null(column) ? std::string() : row.text(column);
}

Result<std::optional<Instant>> instant_or_none(const Row& row, const char* column) {
  if (row.is_null(column)) return std::optional<Instant>{};
  auto at = parse_instant(row.text(column), column);
  RP_TRY(at);
  return std::optional<Instant>{*at};
}

store::Value optional_instant(const std::optional<Instant>& at) {
  if (!at) return store::Null{};
  return format_instant(*at);
}

// A forwarding address kept as its five parts, one per line.
std::string address_text(const accounts::Address& a) {
  return a.line1 + "\n" + a.line2 + "\n" + a.city + "\n" + a.state + "\n" + a.zip;
}

std::optional<accounts::Address> address_of(const std::string& text) {
  std::vector<std::string> parts;
  std::size_t start = 0;
  for (std::size_t end; (end = text.find('\n', start)) != std::string::npos; start = end + 1) {
    parts.push_back(text.substr(start, end - start));
  }
  parts.push_back(text.substr(start));
  if (parts.size() != 5) return std::nullopt;
  return accounts::Address{parts[0], parts[1], parts[2], parts[3], parts[4]};
}

Result<std::int64_t> account_id_of(Session& session, const AccountNumber& account) {
  auto rows = session.query_named("orders/account_by_number", {account.digits()});
  RP_TRY(rows);
  if (rows->empty()) return not_found("no account has number " + account.formatted());
  return rows->at(0).integer("id");
}

Result<ServiceOrder> order_from(Session& session, const Row& row, bool with_moves) {
  ServiceOrder order;
  order.id = row.integer("id");
  order.number = order_number(order.id);
  order.account_number = row.text("account_number");
  order.account_status = row.text("account_status");
  auto kind = parse_kind(row.text("kind"));
  auto status = parse_status(row.text("status"));
  if (!kind || !status) return internal_error("order " + order.number + " has an unknown state");
  order.kind = *kind;
  order.status = *status;
  order.needs_visit = row.integer("needs_visit") != 0;
  order.details = row.text("details");
  auto start = instant_or_none(row, "window_start");
  RP_TRY(start);
  order.window_start = *start;
  auto end = instant_or_none(row, "window_end");
  RP_TRY(end);
  order.window_end = *end;
  order.crew = text_or_empty(row, "crew");
  order.failure_reason = text_or_empty(row, "failure_reason");
  order.external_id = text_or_empty(row, "external_id");
  order.requested_by = row.text("requested_by");
  order.requested_at = row.text("requested_at");
  order.commodity = text_or_empty(row, "service_point_commodity");
  order.service_date = text_or_empty(row, "service_date");
  if (!row.is_null("forwarding_address")) {
    order.forwarding_address = address_of(row.text("forwarding_address"));
  }
  order.results = text_or_empty(row, "results");
  if (!row.is_null("final_bill_id")) order.final_bill_id = row.integer("final_bill_id");
  if (!row.is_null("final_bill_number")) order.final_bill_number = row.integer("final_bill_number");
  order.area_zip = text_or_empty(row, "area_zip");
  order.area_city = text_or_empty(row, "area_city");
  if (with_moves) {
    auto site = session.query_named(
        "orders/order_site", {order.id, row.integer("account_id"), order.commodity, order.commodity,
                              order.commodity, order.commodity});
    RP_TRY(site);
    if (!site->empty()) {
      const Row& first = site->at(0);
      OrderSite where{{first.text("line1"), first.text("line2"), first.text("city"),
                       first.text("state"), first.text("zip")},
                      {}};
      for (const Row& meter : *site) {
        SiteMeter seen;
        seen.commodity = meter.text("commodity");
        seen.serial = text_or_empty(meter, "serial");
        seen.kind = text_or_empty(meter, "kind");
        seen.unit = text_or_empty(meter, "unit");
        seen.automatic = !meter.is_null("interval_minutes");
        if (!meter.is_null("last_reading_milli")) {
          const std::int64_t milli = meter.integer("last_reading_milli");
          char text[32];
          std::snprintf(text, sizeof text, "%lld.%03lld", static_cast<long long>(milli / 1000),
                        static_cast<long long>(milli % 1000));
          seen.last_reading = text;
          seen.last_read_at = meter.text("last_read_at");
        }
        where.meters.push_back(std::move(seen));
      }
      order.site = std::move(where);
    }
    auto photos = photos_of_order(session, order.id);
    RP_TRY(photos);
    order.photos = std::move(*photos);
    auto moves = session.query_named("orders/moves_of_order", {order.id});
    RP_TRY(moves);
    for (const Row& move : *moves) {
      order.moves.push_back({move.text("action"), move.text("from_status"), move.text("to_status"),
                             move.text("note"), move.text("actor"), move.text("at")});
    }
  }
  return order;
}

Result<ServiceOrder> read_order_in(Session& session, std::int64_t account_id, std::int64_t id) {
  auto rows = session.query_named("orders/order_of_account", {id, account_id});
  RP_TRY(rows);
  if (rows->empty()) return not_found("this account has no order " + order_number(id));
  return order_from(session, rows->at(0), true);
}

// "14:00": the local time of day of `at`.
std::string local_clock(const UtilityZone& zone, Instant at) {
  const auto minutes =
      std::chrono::duration_cast<std::chrono::minutes>(zone.local_time_of_day(at)).count();
  char text[8];
  std::snprintf(text, sizeof text, "%02d:%02d", static_cast<int>(minutes / 60),
                static_cast<int>(minutes % 60));
  return text;
}

Result<void> record_move(Session& session, std::int64_t account_id, const ServiceOrder& order,
                         std::string_view action, OrderStatus from, OrderStatus to,
                         const std::string& note, const std::string& actor, const std::string& at,
                         const std::string& key = "") {
  RP_TRY(session.execute_named(
      "orders/insert_move",
      {order.id, std::string(action), std::string(status_name(from)), std::string(status_name(to)),
       note, actor, at, store::text_or_null(key)}));
  JsonWriter details;
  details.begin_object().key("order").string(order.number);
  details.key("kind").string(std::string(kind_name(order.kind)));
  details.key(std::string(kind_name(order.kind))).boolean(true);  // for notices' {{#stop_service}}
  details.key("from").string(std::string(status_name(from)));
  details.key("to").string(std::string(status_name(to)));
  if (order.window_start && order.window_end) {
    details.key("window_start").string(format_instant(*order.window_start));
    details.key("window_end").string(format_instant(*order.window_end));
    // As the customer reads the window: the local day and times (notices write them out).
    auto zone = store::utility_zone(session);
    RP_TRY(zone);
    details.key("window_date").string(format_local_date(zone->local_date(*order.window_start)));
    details.key("window_from").string(local_clock(*zone, *order.window_start));
    details.key("window_to").string(local_clock(*zone, *order.window_end));
  }
  if (!order.service_date.empty()) details.key("service_date").string(order.service_date);
  if (!note.empty()) details.key("note").string(note);
  details.end_object();
  RP_TRY(accounts::record_event(
      session, {account_id, "order." + std::string(status_name(to)), actor,
                "Service order " + order.number + " (" + std::string(kind_name(order.kind)) +
                    "): " + std::string(status_name(to)),
                details.take()}));
  return success();
}

std::string services_text(const NewOrder& order) {
  std::string text;
  for (const ChosenService& service : order.services) {
    text += std::to_string(service.service_point_id) + ":" + service.rate_plan_code + ";";
  }
  return text;
}

std::string request_digest(const NewOrder& order) {
  return token_digest(
      std::string(kind_name(order.kind)) + "\n" + (order.needs_visit ? "visit" : "no visit") +
      "\n" + order.external_id + "\n" + order.commodity + "\n" + order.service_date + "\n" +
      std::to_string(order.premise_id.value_or(0)) + "\n" + services_text(order) + "\n" +
      (order.forwarding_address ? address_text(*order.forwarding_address) : "") + "\n" +
      order.details);
}

bool is_commodity(const std::string& name) {
  return name == "electric" || name == "water" || name == "gas" || name == "sewer";
}

// What the order asks for, checked before anything is written.
Result<void> check_new_order(const NewOrder& order) {
  if (order.details.size() > kLongestDetails) {
    return invalid_input("details", "say what is needed in 2,000 characters at most");
  }
  if (order.external_id.size() > 100) {
    return invalid_input("external_id", "an external id is 100 characters at most");
  }
  if (!order.commodity.empty() && !is_commodity(order.commodity)) {
    return invalid_input("commodity", "a service is electric, water, gas or sewer");
  }
  const bool stop = order.kind == OrderKind::stop_service;
  const bool transfer = order.kind == OrderKind::transfer;
  if (transfer) {
    if (!order.commodity.empty()) {
      return invalid_input("commodity", "a transfer moves every service of the account");
    }
    if (order.service_date.empty()) {
      return invalid_input("service_date", "say the last day of service here");
    }
    if (!order.premise_id) return invalid_input("premise", "say where service moves to");
    if (order.services.empty()) return invalid_input("services", "choose the services to start");
  } else if (order.premise_id || !order.services.empty()) {
    return invalid_input("premise", "only a transfer names where service moves to");
  }
  const bool meter_work = order.kind == OrderKind::meter_exchange ||
                          order.kind == OrderKind::meter_install ||
                          order.kind == OrderKind::meter_remove;
  if (meter_work && order.commodity.empty()) {
    return invalid_input("commodity", "say which service's meter (electric, water or gas)");
  }
  if (stop && !order.commodity.empty()) {
    return invalid_input("commodity",
                         "a move-out stops every service of the account; to stop one service, "
                         "ask for a disconnect");
  }
  if (stop && order.service_date.empty()) {
    return invalid_input("service_date", "say the last day of service");
  }
  const bool dated =
      stop || order.kind == OrderKind::start_service || order.kind == OrderKind::transfer;
  if (!dated && !order.service_date.empty()) {
    return invalid_input("service_date", "only a start, stop or transfer has a day of service");
  }
  if (!order.service_date.empty()) RP_TRY(parse_local_date(order.service_date, "service_date"));
  if (order.forwarding_address) {
    if (!stop) {
      return invalid_input("forwarding_address", "only a move-out has a forwarding address");
    }
    auto valid = accounts::validate_mailing_address(*order.forwarding_address);
    if (!valid.ok()) {
      Error error = valid.error();
      const std::string prefix = "mailing_address";
      if (error.field.starts_with(prefix)) {
        error.field = "forwarding_address" + error.field.substr(prefix.size());
        if (error.message.starts_with(prefix)) {
          error.message = "forwarding_address" + error.message.substr(prefix.size());
        }
      }
      return error;
    }
  }
  return success();
}

// The checks that need the account: its services, the utility's today and its limits; for a
// transfer, the services chosen where it moves (returned as (service point, plan id)), free from
// the day after the last day here.
using Chosen = std::vector<std::pair<std::int64_t, std::int64_t>>;
Result<Chosen> check_against_account(Session& session, std::int64_t account_id,
                                     const NewOrder& order) {
  auto services = session.query_named("accounts/open_agreements_of_account", {account_id});
  RP_TRY(services);
  if (!order.commodity.empty()) {
    bool found = false;
    for (const Row& row : *services) found = found || row.text("commodity") == order.commodity;
    if (!found) {
      return invalid_input("commodity", "this account has no " + order.commodity + " service");
    }
  }
  const bool transfer = order.kind == OrderKind::transfer;
  if (order.kind != OrderKind::stop_service && !transfer) return Chosen{};
  if (services->empty()) return conflict("this account has no service to stop");
  auto open_stop = session.query_named("orders/open_stop_of_account", {account_id});
  RP_TRY(open_stop);
  if (!open_stop->empty()) {
    return conflict("order " + order_number(open_stop->at(0).integer("id")) +
                    " already stops this account's service: change or cancel that one");
  }
  auto zone = store::utility_zone(session);
  RP_TRY(zone);
  auto past_days = store::whole_number_setting(session, "service_date_past_days");
  RP_TRY(past_days);
  const int back = static_cast<int>(past_days->value_or(kServiceDatePastDays));
  const LocalDate today = zone->local_date(now());
  auto last_day = parse_local_date(order.service_date, "service_date");
  RP_TRY(last_day);
  if (date::sys_days(*last_day) < date::sys_days(plus_days(today, -back))) {
    return invalid_input("service_date", "the last day " + order.service_date + " is more than " +
                                             std::to_string(back) +
                                             " days ago; call us to stop service further back");
  }
  if (date::sys_days(*last_day) > date::sys_days(plus_days(today, kLongestNoticeDays))) {
    return invalid_input(
        "service_date",
        "the last day can be at most " + std::to_string(kLongestNoticeDays) + " days from today");
  }
  for (const Row& row : *services) {
    if (order.service_date < row.text("start_date")) {
      return invalid_input("service_date", "the last day " + order.service_date + " is before " +
                                               row.text("commodity") + " service started on " +
                                               row.text("start_date"));
    }
  }
  if (!transfer) return Chosen{};
  auto premise = read_premise(session, *order.premise_id);
  RP_TRY(premise);
  auto chosen = chosen_services(session, *premise, order.services);
  RP_TRY(chosen);
  // The first day there is the day after the last day here: no day unbilled or billed twice.
  RP_TRY(require_free_from(session, *premise, *chosen, format_local_date(plus_days(*last_day, 1))));
  return chosen;
}

Result<void> check_move(const MoveRequest& request) {
  const bool windowed =
      request.action == OrderAction::schedule || request.action == OrderAction::reschedule;
  if (windowed) {
    if (!request.window_start || !request.window_end ||
        *request.window_end <= *request.window_start) {
      return invalid_input("window", "an appointment window needs a start before its end");
    }
  }
  if (request.action == OrderAction::dispatch && request.crew.empty()) {
    return invalid_input("crew", "say which crew the order goes to");
  }
  if (request.action == OrderAction::fail && request.note.empty()) {
    return invalid_input("note", "say why it could not be done (no access, unsafe, ...)");
  }
  if (request.note.size() > kLongestDetails || request.crew.size() > 100) {
    return invalid_input(request.crew.size() > 100 ? "crew" : "note", "too long");
  }
  return success();
}

}  // namespace

Result<ServiceOrder> read_order(Session& session, std::int64_t account_id, std::int64_t id) {
  return read_order_in(session, account_id, id);
}

std::string order_number(std::int64_t id) {
  char text[24];
  std::snprintf(text, sizeof text, "SO%06lld", static_cast<long long>(id));
  return text;
}

Result<std::int64_t> parse_order_number(const std::string& text) {
  std::string_view digits = text;
  if (digits.starts_with("SO") || digits.starts_with("so")) digits.remove_prefix(2);
  std::int64_t id = 0;
  auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), id);
  if (digits.empty() || error != std::errc() || end != digits.data() + digits.size() || id <= 0) {
    return invalid_input("order", "an order number looks like SO000123");
  }
  return id;
}

Result<ServiceOrder> create_order(store::Database& database, const AccountNumber& account,
                                  const NewOrder& order, const std::string& idempotency_key,
                                  const std::string& actor) {
  RP_TRY(check_new_order(order));
  const std::string digest = request_digest(order);
  return database.write<ServiceOrder>([&](Session& session) -> Result<ServiceOrder> {
    auto account_id = account_id_of(session, account);
    RP_TRY(account_id);
    auto earlier = session.query_named("orders/order_by_key", {*account_id, idempotency_key});
    RP_TRY(earlier);
    if (!earlier->empty()) {
      if (earlier->at(0).text("request_digest") != digest) {
        return invalid_input("idempotency_key",
                             "this Idempotency-Key was used for a different order");
      }
      auto replay = read_order(session, *account_id, earlier->at(0).integer("id"));
      RP_TRY(replay);
      replay->replayed = true;
      return replay;
    }
    if (!order.external_id.empty()) {
      auto taken = session.query_named("orders/order_by_external_id", {order.external_id});
      RP_TRY(taken);
      if (!taken->empty()) {
        return conflict("external id " + order.external_id + " names order " +
                        order_number(taken->at(0).integer("id")));
      }
    }
    auto chosen = check_against_account(session, *account_id, order);
    RP_TRY(chosen);
    NewOrder asked = order;
    const bool ends_service =
        order.kind == OrderKind::stop_service || order.kind == OrderKind::transfer;
    if (ends_service && actor.starts_with("customer:")) {
      // A customer's move-out needs a visit only for a meter read by hand: an AMI meter's data
      // gives the final read, and the order completes itself after the last day.
      auto kinds = session.query_named("orders/meter_kinds_of_account", {*account_id});
      RP_TRY(kinds);
      asked.needs_visit = false;
      for (const Row& row : *kinds)
        asked.needs_visit = asked.needs_visit || row.text("kind") != "ami";
    }
    auto created = insert_order(session, *account_id, asked, idempotency_key, actor);
    RP_TRY(created);
    for (const auto& [point, plan] : *chosen) {
      RP_TRY(session.execute_named("orders/insert_order_service", {created->id, point, plan}));
    }
    return created;
  });
}

Result<ServiceOrder> insert_order(Session& session, std::int64_t account_id, const NewOrder& order,
                                  const std::string& idempotency_key, const std::string& actor) {
  const std::string at = format_instant(now());
  RP_TRY(session.execute_named(
      "orders/insert_order",
      {account_id, std::string(kind_name(order.kind)), std::int64_t{order.needs_visit ? 1 : 0},
       order.details, store::text_or_null(order.external_id), idempotency_key,
       request_digest(order), actor, at, at, store::text_or_null(order.commodity),
       store::text_or_null(order.service_date),
       order.forwarding_address ? store::Value{address_text(*order.forwarding_address)}
                                : store::Value{store::Null{}},
       order.premise_id ? store::Value{*order.premise_id} : store::Value{store::Null{}}}));
  auto id = session.query_named("orders/order_id_by_key", {account_id, idempotency_key});
  RP_TRY(id);
  auto created = read_order(session, account_id, id->at(0).integer("id"));
  RP_TRY(created);
  RP_TRY(record_move(session, account_id, *created, "create", OrderStatus::received,
                     OrderStatus::received, "", actor, at));
  // The order as read, with the move just recorded (read once per creation).
  created->moves.push_back({"create", std::string(status_name(OrderStatus::received)),
                            std::string(status_name(OrderStatus::received)), "", actor, at});
  return created;
}

Result<ServiceOrder> move_order(store::Database& database, const AccountNumber& account,
                                std::int64_t id, const MoveRequest& request,
                                const std::string& actor) {
  RP_TRY(check_move(request));
  return database.write<ServiceOrder>([&](Session& session) -> Result<ServiceOrder> {
    auto account_id = account_id_of(session, account);
    RP_TRY(account_id);
    auto order = read_order(session, *account_id, id);
    RP_TRY(order);
    if (!request.idempotency_key.empty()) {
      auto earlier =
          session.query_named("orders/move_by_key", {order->id, request.idempotency_key});
      RP_TRY(earlier);
      if (!earlier->empty()) {
        if (earlier->at(0).text("action") != action_name(request.action)) {
          return invalid_input("idempotency_key", "this key was used for another move");
        }
        order->replayed = true;
        return order;
      }
    }
    if (request.action == OrderAction::cancel && request.actor_kind == Actor::customer &&
        order->kind == OrderKind::start_service && order->account_status != "pending") {
      return conflict("service has started at " + order->number +
                      ": ask to stop service instead of cancelling the start")
          .coded("order-move-not-allowed");
    }
    const OrderStatus from = order->status;
    auto to = move(order->kind, from, request.action,
                   {request.actor_kind, order->needs_visit, request.approval_required});
    RP_TRY(to);
    if (request.action != OrderAction::complete && (!request.reads.empty() || request.new_meter)) {
      return invalid_input("reads", "readings are sent with the move that completes the order");
    }
    if (request.action == OrderAction::schedule || request.action == OrderAction::reschedule) {
      order->window_start = request.window_start;
      order->window_end = request.window_end;
      order->crew.clear();
    }
    if (request.action == OrderAction::dispatch) {
      order->crew = request.crew;
      if (order->window_start) {
        RP_TRY(check_crew_day(session, order->crew, *order->window_start, order->id));
      }
    }
    if (request.action == OrderAction::fail) order->failure_reason = request.note;
    const Instant moved_at = now();
    const std::string at = format_instant(moved_at);
    if (request.action == OrderAction::complete) {
      auto zone = store::utility_zone(session);
      RP_TRY(zone);
      RP_TRY(check_ready_to_complete(*order, zone->local_date(moved_at)));
      auto results = record_field_reads(session, *zone, *order, request.reads, moved_at);
      RP_TRY(results);
      order->results = std::move(*results);
      auto with_meter = keep_new_meter(*order, request.new_meter, request.new_meter_reading);
      RP_TRY(with_meter);
      order->results = std::move(*with_meter);
      RP_TRY(session.execute_named("orders/set_results", {store::text_or_null(order->results),
                                                          store::Value{store::Null{}}, order->id}));
    }
    auto updated = session.execute_named(
        "orders/update_order",
        {std::string(status_name(*to)), optional_instant(order->window_start),
         optional_instant(order->window_end), store::text_or_null(order->crew),
         store::text_or_null(order->failure_reason), at, order->id,
         std::string(status_name(from))});
    RP_TRY(updated);
    if (*updated == 0) {
      return conflict("order " + order->number + " was moved meanwhile: look at it again")
          .coded("order-move-not-allowed");
    }
    order->status = *to;
    if (*to == OrderStatus::completed) RP_TRY(carry_out(session, *account_id, *order, actor, at));
    if (*to == OrderStatus::failed && !order->needs_visit) {
      // A remote command that did not work falls back to a field visit.
      RP_TRY(session.execute_named("orders/set_needs_visit", {order->id}));
    }
    RP_TRY(record_move(session, *account_id, *order, action_name(request.action), from, *to,
                       request.note, actor, at, request.idempotency_key));
    return read_order(session, *account_id, order->id);
  });
}

Result<DuePass> complete_due_orders(store::Database& database, std::size_t limit) {
  auto due = database.read<store::Rows>([&](Session& session) -> Result<store::Rows> {
    auto zone = store::utility_zone(session);
    RP_TRY(zone);
    return session.query_named(
        "orders/due_no_visit_orders",
        {format_local_date(zone->local_date(now())), static_cast<std::int64_t>(limit)});
  });
  RP_TRY(due);
  auto approval = approval_required(database);
  RP_TRY(approval);
  DuePass pass;
  for (const Row& row : *due) {
    auto account = AccountNumber::parse(row.text("account_number"));
    RP_TRY(account);
    MoveRequest complete;
    complete.action = OrderAction::complete;
    complete.actor_kind = Actor::system;
    complete.approval_required = *approval;
    auto moved = move_order(database, *account, row.integer("id"), complete, "system:orders");
    if (moved.ok()) {
      ++pass.completed;
    } else if (moved.error().code != "order-move-not-allowed") {
      // Left for staff (a transfer whose new premise was taken meanwhile); the others go on.
      if (pass.stuck++ == 0) {
        pass.first_problem = order_number(row.integer("id")) + ": " + moved.error().message;
      }
    }
  }
  return pass;
}

Result<ServiceOrder> account_order(store::Database& database, const AccountNumber& account,
                                   std::int64_t id) {
  return database.read<ServiceOrder>([&](Session& session) -> Result<ServiceOrder> {
    auto account_id = account_id_of(session, account);
    RP_TRY(account_id);
    return read_order(session, *account_id, id);
  });
}

Result<std::int64_t> order_by_external_id(store::Database& database,
                                          const std::string& external_id) {
  return database.read<std::int64_t>([&](Session& session) -> Result<std::int64_t> {
    auto rows = session.query_named("orders/order_by_external_id", {external_id});
    RP_TRY(rows);
    if (rows->empty()) return not_found("no order has external id " + external_id);
    return rows->at(0).integer("id");
  });
}

Result<AccountNumber> order_account(store::Database& database, std::int64_t id) {
  return database.read<AccountNumber>([&](Session& session) -> Result<AccountNumber> {
    auto rows = session.query_named("orders/account_of_order", {id});
    RP_TRY(rows);
    if (rows->empty()) return not_found("no order " + order_number(id));
    return AccountNumber::parse(rows->at(0).text("number"));
  });
}

Result<bool> approval_required(store::Database& database) {
  return database.read<bool>([](Session& session) -> Result<bool> {
    auto setting = store::whole_number_setting(session, "orders_need_approval");
    RP_TRY(setting);
    return setting->value_or(0) == 1;
  });
}

Result<std::vector<ServiceOrder>> account_orders(store::Database& database,
                                                 const AccountNumber& account) {
  return database.read<std::vector<ServiceOrder>>(
      [&](Session& session) -> Result<std::vector<ServiceOrder>> {
        auto account_id = account_id_of(session, account);
        RP_TRY(account_id);
        auto rows = session.query_named("orders/orders_of_account", {*account_id});
        RP_TRY(rows);
        std::vector<ServiceOrder> orders;
        for (const Row& row : *rows) {
          auto order = order_from(session, row, false);
          RP_TRY(order);
          orders.push_back(std::move(*order));
        }
        return orders;
      });
}

Result<std::vector<ServiceOrder>> open_orders(store::Database& database, Instant from, Instant to,
                                              bool unscheduled, std::size_t limit,
                                              const OpenOrderFilter& filter) {
  return database.read<std::vector<ServiceOrder>>(
      [&](Session& session) -> Result<std::vector<ServiceOrder>> {
        auto rows =
            unscheduled
                ? session.query_named("orders/open_orders_unscheduled",
                                      {filter.kind, filter.kind, filter.area, filter.area,
                                       static_cast<std::int64_t>(limit)})
                : session.query_named("orders/open_orders_between",
                                      {format_instant(from), format_instant(to), filter.kind,
                                       filter.kind, filter.area, filter.area, filter.crew,
                                       filter.crew, static_cast<std::int64_t>(limit)});
        RP_TRY(rows);
        std::vector<ServiceOrder> orders;
        for (const Row& row : *rows) {
          auto order = order_from(session, row, false);
          RP_TRY(order);
          orders.push_back(std::move(*order));
        }
        return orders;
      });
}

}  // namespace rp::orders
