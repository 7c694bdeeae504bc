#include "orders/rereads.h"

#include <cstdio>

#include <nlohmann/json.hpp>

#include "orders/order_writes.h"

namespace rp::orders {

using store::Row;
using store::Session;

namespace {

std::string reading_text(std::int64_t milli) {
  char text[32];
  if (milli % 1000 == 0) {
    std::snprintf(text, sizeof text, "%lld", static_cast<long long>(milli / 1000));
  } else {
    std::snprintf(text, sizeof text, "%lld.%03lld", static_cast<long long>(milli / 1000),
                  static_cast<long long>(milli % 1000));
  }
  return text;
}

}  // namespace

Result<ServiceOrder> order_reread(store::Database& database, std::int64_t exception_id,
                                  const std::string& note, const std::string& actor) {
  if (note.size() > 500) return invalid_input("note", "a note is at most 500 characters");
  return database.write<ServiceOrder>([&](Session& session) -> Result<ServiceOrder> {
    auto rows = session.query_named("orders/exception_to_reread", {exception_id});
    RP_TRY(rows);
    if (rows->empty()) {
      return not_found("no held register read has VEE exception " + std::to_string(exception_id));
    }
    const Row& held = rows->at(0);
    auto account =
        session.query_named("orders/account_in_service_at", {held.integer("service_point_id")});
    RP_TRY(account);
    if (!held.is_null("reread_order_id")) {
      if (account->empty()) return not_found("the re-read order's account is gone");
      auto earlier =
          read_order(session, account->at(0).integer("id"), held.integer("reread_order_id"));
      RP_TRY(earlier);
      earlier->replayed = true;
      return earlier;
    }
    if (held.text("status") != "open") {
      return conflict("exception " + std::to_string(exception_id) + " is already resolved")
          .coded("exception-resolved");
    }
    if (account->empty()) {
      return conflict("nobody is in service at meter " + held.text("serial") +
                      ": there is no customer to read it for")
          .coded("nobody-in-service");
    }
    const std::int64_t account_id = account->at(0).integer("id");
    NewOrder order;
    order.kind = OrderKind::meter_reread;
    order.needs_visit = true;
    order.commodity = held.text("commodity");
    const std::string who = held.text("source") == "customer" ? "The customer's" : "The";
    order.details = who + " reading " + reading_text(held.integer("milli_units")) + " " +
                    held.text("unit") + " of meter " + held.text("serial") + " (" +
                    held.text("taken_at").substr(0, 10) + ") was held (" + held.text("rule") +
                    "): read the meter again." + (note.empty() ? "" : " " + note);
    auto created = insert_order(session, account_id, order,
                                "reread-exception-" + std::to_string(exception_id), actor);
    RP_TRY(created);
    RP_TRY(session.execute_named("orders/set_reread_order", {created->id, exception_id}));
    return created;
  });
}

Result<void> settle_rereads(Session& session, const ServiceOrder& order, const std::string& actor,
                            const std::string& at) {
  if (order.kind != OrderKind::meter_reread || order.results.empty()) return success();
  const nlohmann::json results = nlohmann::json::parse(order.results, nullptr, false);
  if (!results.is_object() || !results.contains("reads") || results["reads"].empty()) {
    return success();
  }
  RP_TRY(session.execute_named("orders/set_aside_reread_reads", {order.id}));
  RP_TRY(session.execute_named(
      "orders/resolve_reread_exceptions",
      {at, actor, "read again in the field by " + order.number + ": the held reading set aside",
       order.id}));
  return success();
}

}  // namespace rp::orders
