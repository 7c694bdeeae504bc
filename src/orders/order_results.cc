#include "orders/order_results.h"

#include <algorithm>

#include "accounts/account_events.h"
#include "accounts/mailing_address.h"
#include "accounts/service_start.h"
#include "accounts/service_stop.h"
#include "billing/final_bill.h"
#include "core/json.h"
#include "core/json_writer.h"
#include "mdm/read_fields.h"
#include "orders/rereads.h"
#include "store/utility_settings.h"

namespace rp::orders {
namespace {

constexpr std::size_t kMostReads = 10;

// The results JSON with `key` set to `value` (an object kept as it was otherwise).
std::string with_result(const std::string& results, const std::string& key, const json& value) {
  json object = results.empty() ? json::object() : json::parse(results, nullptr, false);
  if (!object.is_object()) object = json::object();
  object[key] = value;
  return object.dump();
}

Result<void> stop_service(store::Session& session, std::int64_t account_id, ServiceOrder& order,
                          const std::string& actor, const std::string& at) {
  auto account = AccountNumber::parse(order.account_number);
  RP_TRY(account);
  auto last_day = parse_local_date(order.service_date, "service_date");
  RP_TRY(last_day);
  RP_TRY(accounts::stop_service_in(session, *account,
                                   {order.service_date, actor, /*final_bill_now=*/true}));
  auto bill = billing::bill_final(session, account_id, *last_day, actor, at);
  RP_TRY(bill);
  json done = {{"final_bill_status", bill->status}};
  if (!bill->problem.empty()) {
    // The service has ended all the same; the cycle's next run bills it once this is fixed.
    done["final_bill_problem"] = bill->problem;
    RP_TRY(
        accounts::record_event(session, {account_id, "bill.final_waiting", actor,
                                         "The final bill could not be made yet: " + bill->problem +
                                             "; the cycle's next run makes it once that is fixed",
                                         ""}));
  }
  order.final_bill_id = bill->bill_id;
  if (order.forwarding_address) {
    auto moved =
        accounts::change_mailing_address_in(session, *account, {*order.forwarding_address, actor});
    RP_TRY(moved);
    done["mailing_address_changed"] = moved->changed;
  }
  order.results = with_result(order.results, "done", done);
  return success();
}

// A transfer: the services here end on the last day (final bill at once), and the services chosen
// there start the next day.
Result<void> transfer(store::Session& session, std::int64_t account_id, ServiceOrder& order,
                      const std::string& actor, const std::string& at) {
  RP_TRY(stop_service(session, account_id, order, actor, at));
  auto last_day = parse_local_date(order.service_date, "service_date");
  RP_TRY(last_day);
  const std::string first_day = format_local_date(plus_days(*last_day, 1));
  auto services = session.query_named("orders/order_services", {order.id});
  RP_TRY(services);
  json started = json::array();
  for (const store::Row& service : *services) {
    RP_TRY(accounts::start_at_service_point(session, account_id,
                                            service.integer("service_point_id"),
                                            service.integer("rate_plan_id"), first_day, actor));
    started.push_back({{"commodity", service.text("commodity")},
                       {"rate_plan", service.text("rate_plan_code")},
                       {"start_date", first_day}});
  }
  json done = json::parse(order.results, nullptr, false);
  json summary = done.is_object() && done.contains("done") ? done["done"] : json::object();
  summary["started"] = started;
  order.results = with_result(order.results, "done", summary);
  return success();
}

json meter_json(const accounts::NewMeter& meter) {
  json channels = json::array();
  for (const accounts::NewMeterChannel& channel : meter.channels) {
    channels.push_back(
        {{"name", channel.name},
         {"unit", channel.unit},
         {"interval_minutes",
          channel.interval_minutes ? json(*channel.interval_minutes) : json(nullptr)}});
  }
  return {{"serial", meter.serial}, {"kind", meter.kind}, {"channels", channels}};
}

std::optional<accounts::NewMeter> meter_of(const std::string& results) {
  const json parsed = json::parse(results, nullptr, false);
  if (!parsed.is_object() || !parsed.contains("new_meter")) return std::nullopt;
  const json& m = parsed["new_meter"];
  accounts::NewMeter meter{m.value("serial", std::string()), m.value("kind", std::string()), {}};
  for (const json& c : m.value("channels", json::array())) {
    std::optional<int> interval;
    if (c.contains("interval_minutes") && c["interval_minutes"].is_number_integer()) {
      interval = c["interval_minutes"].get<int>();
    }
    meter.channels.push_back(
        {c.value("name", std::string()), c.value("unit", std::string()), interval});
  }
  return meter;
}

// The meter work of a completed exchange, install or remove, on the order's service.
Result<void> meter_work(store::Session& session, std::int64_t account_id, ServiceOrder& order,
                        const std::string& actor) {
  auto point =
      session.query_named("orders/metered_point_of_account", {account_id, order.commodity});
  RP_TRY(point);
  if (point->empty()) {
    return conflict("account " + order.account_number + " has no " + order.commodity +
                    " service for this meter work");
  }
  const std::int64_t point_id = point->at(0).integer("service_point_id");
  auto zone = store::utility_zone(session);
  RP_TRY(zone);
  const std::string today = format_local_date(zone->local_date(now()));
  auto in_place = session.query_named("orders/meter_in_place", {point_id});
  RP_TRY(in_place);
  const std::string old_serial = in_place->empty() ? "" : in_place->at(0).text("serial");
  json done = json::object();
  if (order.kind != OrderKind::meter_install) {
    auto removed = session.execute_named("orders/remove_meter", {today, point_id, today});
    RP_TRY(removed);
    if (*removed == 0) {
      return conflict("no " + order.commodity + " meter is in place to take out");
    }
    done["removed"] = old_serial;
  } else if (!old_serial.empty()) {
    return conflict("meter " + old_serial + " is in place: exchange it instead");
  }
  if (order.kind != OrderKind::meter_remove) {
    auto meter = meter_of(order.results);
    if (!meter) return invalid_input("new_meter", "say which meter was put in");
    RP_TRY(accounts::install_meter(session, *meter, point_id, today));
    done["installed"] = meter->serial;
    const bool has_register = std::any_of(
        meter->channels.begin(), meter->channels.end(),
        [](const accounts::NewMeterChannel& c) { return !c.interval_minutes && c.unit != "kW"; });
    if (has_register) {
      // Its first reading, which its first bill starts from.
      const json kept = json::parse(order.results, nullptr, false);
      std::string reading = "0";
      if (kept.is_object() && kept.contains("new_meter") &&
          kept["new_meter"].value("reading", std::string()) != "") {
        reading = kept["new_meter"]["reading"].get<std::string>();
      }
      auto account = AccountNumber::parse(order.account_number);
      RP_TRY(account);
      auto read = mdm::record_register_read(session, *zone, *account,
                                            {meter->serial, reading, std::nullopt, true}, now(),
                                            mdm::ReadBy::field);
      RP_TRY(read);
      done["installed_reading"] = read->reading;
    }
  }
  const std::string what = order.kind == OrderKind::meter_install  ? "installed"
                           : order.kind == OrderKind::meter_remove ? "removed"
                                                                   : "exchanged";
  RP_TRY(accounts::record_event(
      session,
      {account_id, "meter." + what, actor,
       order.commodity + " meter " + what + " (order " + order.number + ")" +
           (old_serial.empty() ? "" : ": " + old_serial + " out") +
           (done.contains("installed") ? ", " + done["installed"].get<std::string>() + " in" : ""),
       json{{"order", order.number}, {"done", done}}.dump()}));
  order.results = with_result(order.results, "done", done);
  return success();
}

Result<void> set_connection(store::Session& session, std::int64_t account_id, ServiceOrder& order,
                            bool connected, const std::string& actor) {
  const std::string connection = connected ? "connected" : "disconnected";
  auto changed = session.execute_named("orders/set_connection",
                                       {connection, account_id, order.commodity, order.commodity});
  RP_TRY(changed);
  if (*changed == 0) {
    return conflict("account " + order.account_number + " has no " +
                    (order.commodity.empty() ? std::string("open") : order.commodity) +
                    " service to " + (connected ? "reconnect" : "disconnect"));
  }
  const std::string what = order.commodity.empty() ? "Service" : order.commodity + " service";
  RP_TRY(accounts::record_event(
      session,
      {account_id, connected ? "service.connected" : "service.disconnected", actor,
       what + (connected ? " reconnected" : " disconnected") + " (order " + order.number + ")",
       ""}));
  order.results = with_result(order.results, "done", {{"connection", connection}});
  return success();
}

}  // namespace

Result<void> check_ready_to_complete(const ServiceOrder& order, LocalDate today) {
  const bool ends_service =
      order.kind == OrderKind::stop_service || order.kind == OrderKind::transfer;
  if (!ends_service || order.service_date.empty()) return success();
  auto last_day = parse_local_date(order.service_date, "service_date");
  RP_TRY(last_day);
  if (date::sys_days(today) < date::sys_days(*last_day)) {
    return conflict("service stops after " + order.service_date +
                    ": the final read is taken on or after that day, not before")
        .coded("order-not-due");
  }
  return success();
}

Result<std::string> keep_new_meter(const ServiceOrder& order,
                                   const std::optional<accounts::NewMeter>& meter,
                                   const std::string& reading) {
  const bool puts_one_in =
      order.kind == OrderKind::meter_exchange || order.kind == OrderKind::meter_install;
  if (!puts_one_in) {
    if (meter) return invalid_input("new_meter", "only an exchange or install puts a meter in");
    return order.results;
  }
  if (!meter) return invalid_input("new_meter", "say which meter was put in");
  RP_TRY(accounts::validate_meter(*meter, "new_meter"));
  if (meter->channels.empty()) {
    return invalid_input("new_meter.channels", "the new meter needs its channels");
  }
  json kept = meter_json(*meter);
  if (!reading.empty()) {
    std::int64_t milli = 0;
    const auto problem = mdm::parse_milli_units(reading, milli);
    if (problem != mdm::QuantityProblem::none || milli < 0) {
      return invalid_input("new_meter.reading",
                           "the reading the new meter was put in with is a number of at most 3 "
                           "decimals, 0 or more (\"1204.5\"), not \"" +
                               reading + "\"");
    }
    kept["reading"] = reading;
  }
  return with_result(order.results, "new_meter", kept);
}

Result<std::string> record_field_reads(store::Session& session, const UtilityZone& zone,
                                       const ServiceOrder& order,
                                       const std::vector<mdm::CustomerRead>& reads, Instant now) {
  if (reads.size() > kMostReads) {
    return invalid_input("reads", "at most " + std::to_string(kMostReads) + " readings a visit");
  }
  auto account = AccountNumber::parse(order.account_number);
  RP_TRY(account);
  json taken = json::array();
  for (std::size_t i = 0; i < reads.size(); ++i) {
    auto read =
        mdm::record_register_read(session, zone, *account, reads[i], now, mdm::ReadBy::field);
    if (!read.ok()) {
      Error error = read.error();
      if (!error.field.empty()) error.field = "reads[" + std::to_string(i) + "]." + error.field;
      return error;
    }
    taken.push_back({{"meter", read->meter},
                     {"reading", read->reading},
                     {"unit", read->unit},
                     {"read_at", read->read_at},
                     {"status", read->status}});
  }
  return with_result(order.results, "reads", taken);
}

Result<void> carry_out(store::Session& session, std::int64_t account_id, ServiceOrder& order,
                       const std::string& actor, const std::string& at) {
  switch (order.kind) {
    case OrderKind::stop_service:
      RP_TRY(stop_service(session, account_id, order, actor, at));
      break;
    case OrderKind::transfer:
      RP_TRY(transfer(session, account_id, order, actor, at));
      break;
    case OrderKind::disconnect:
      RP_TRY(set_connection(session, account_id, order, false, actor));
      break;
    case OrderKind::reconnect:
      RP_TRY(set_connection(session, account_id, order, true, actor));
      break;
    case OrderKind::meter_exchange:
    case OrderKind::meter_install:
    case OrderKind::meter_remove:
      RP_TRY(meter_work(session, account_id, order, actor));
      break;
    case OrderKind::meter_reread:
      RP_TRY(settle_rereads(session, order, actor, at));
      break;
    default:
      break;
  }
  const store::Value bill =
      order.final_bill_id ? store::Value{*order.final_bill_id} : store::Value{store::Null{}};
  RP_TRY(session.execute_named("orders/set_results",
                               {store::text_or_null(order.results), bill, order.id}));
  return success();
}

}  // namespace rp::orders
