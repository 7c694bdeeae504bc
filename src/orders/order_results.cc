#include "orders/order_results.h"

#include "accounts/account_events.h"
#include "accounts/mailing_address.h"
#include "accounts/service_start.h"
#include "accounts/service_stop.h"
#include "billing/final_bill.h"
#include "core/json.h"
#include "core/json_writer.h"

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
