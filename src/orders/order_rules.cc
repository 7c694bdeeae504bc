#include "orders/order_rules.h"

#include <array>
#include <initializer_list>
#include <utility>

namespace rp::orders {
namespace {

constexpr std::array<std::pair<OrderKind, std::string_view>, 12> kKinds{{
    {OrderKind::start_service, "start_service"},
    {OrderKind::stop_service, "stop_service"},
    {OrderKind::transfer, "transfer"},
    {OrderKind::new_connection, "new_connection"},
    {OrderKind::reconnect, "reconnect"},
    {OrderKind::disconnect, "disconnect"},
    {OrderKind::meter_reread, "meter_reread"},
    {OrderKind::meter_exchange, "meter_exchange"},
    {OrderKind::meter_install, "meter_install"},
    {OrderKind::meter_remove, "meter_remove"},
    {OrderKind::investigate, "investigate"},
    {OrderKind::other, "other"},
}};

constexpr std::array<std::pair<OrderStatus, std::string_view>, 9> kStatuses{{
    {OrderStatus::received, "received"},
    {OrderStatus::scheduled, "scheduled"},
    {OrderStatus::dispatched, "dispatched"},
    {OrderStatus::en_route, "en_route"},
    {OrderStatus::on_site, "on_site"},
    {OrderStatus::awaiting_approval, "awaiting_approval"},
    {OrderStatus::completed, "completed"},
    {OrderStatus::cancelled, "cancelled"},
    {OrderStatus::failed, "failed"},
}};

constexpr std::array<std::pair<OrderAction, std::string_view>, 10> kActions{{
    {OrderAction::schedule, "schedule"},
    {OrderAction::reschedule, "reschedule"},
    {OrderAction::dispatch, "dispatch"},
    {OrderAction::depart, "depart"},
    {OrderAction::arrive, "arrive"},
    {OrderAction::complete, "complete"},
    {OrderAction::approve, "approve"},
    {OrderAction::reject, "reject"},
    {OrderAction::cancel, "cancel"},
    {OrderAction::fail, "fail"},
}};

template <typename Value, std::size_t N>
std::string_view name_in(const std::array<std::pair<Value, std::string_view>, N>& names,
                         Value value) {
  for (const auto& [known, name] : names) {
    if (known == value) return name;
  }
  return "";
}

template <typename Value, std::size_t N>
std::optional<Value> value_in(const std::array<std::pair<Value, std::string_view>, N>& names,
                              std::string_view name) {
  for (const auto& [value, known] : names) {
    if (known == name) return value;
  }
  return std::nullopt;
}

Error not_allowed(OrderStatus current, OrderAction action, std::string_view why) {
  return conflict("an order that is " + std::string(status_name(current)) + " cannot " +
                  std::string(action_name(action)) + ": " + std::string(why))
      .coded("order-move-not-allowed");
}

bool any_of(OrderStatus status, std::initializer_list<OrderStatus> among) {
  for (OrderStatus one : among) {
    if (status == one) return true;
  }
  return false;
}

}  // namespace

std::string_view kind_name(OrderKind kind) {
  return name_in(kKinds, kind);
}
std::string_view status_name(OrderStatus status) {
  return name_in(kStatuses, status);
}
std::string_view action_name(OrderAction action) {
  return name_in(kActions, action);
}
std::optional<OrderKind> parse_kind(std::string_view name) {
  return value_in(kKinds, name);
}
std::optional<OrderStatus> parse_status(std::string_view name) {
  return value_in(kStatuses, name);
}
std::optional<OrderAction> parse_action(std::string_view name) {
  return value_in(kActions, name);
}

bool changes_billing(OrderKind kind) {
  switch (kind) {
    case OrderKind::start_service:
    case OrderKind::stop_service:
    case OrderKind::transfer:
    case OrderKind::meter_exchange:
    case OrderKind::meter_install:
    case OrderKind::meter_remove:
      return true;
    default:
      return false;
  }
}

bool is_closed(OrderStatus status) {
  return status == OrderStatus::completed || status == OrderStatus::cancelled;
}

Result<OrderStatus> move(OrderKind kind, OrderStatus current, OrderAction action,
                         const MoveContext& context) {
  using enum OrderStatus;
  if (is_closed(current)) return not_allowed(current, action, "it is over");
  const bool customer = context.actor == Actor::customer;
  if (customer && action != OrderAction::cancel) {
    return not_allowed(current, action, "only the utility moves an order along");
  }
  switch (action) {
    case OrderAction::schedule:
      if (any_of(current, {received, failed})) return scheduled;
      return not_allowed(current, action, "it is scheduled already; reschedule it");
    case OrderAction::reschedule:
      if (any_of(current, {scheduled, dispatched})) return scheduled;
      return not_allowed(current, action, "only a scheduled or dispatched order gets a new window");
    case OrderAction::dispatch:
      if (current == scheduled) return dispatched;
      return not_allowed(current, action, "schedule it first");
    case OrderAction::depart:
      if (current == dispatched) return en_route;
      return not_allowed(current, action, "dispatch it first");
    case OrderAction::arrive:
      if (any_of(current, {dispatched, en_route})) return on_site;
      return not_allowed(current, action, "dispatch it first");
    case OrderAction::complete: {
      const bool reachable =
          current == on_site || (!context.needs_visit && any_of(current, {received, scheduled}));
      if (!reachable) {
        return not_allowed(
            current, action,
            context.needs_visit ? "the work is done on site" : "it is not waiting to be done");
      }
      return context.approval_required && changes_billing(kind) ? awaiting_approval : completed;
    }
    case OrderAction::approve:
      if (current == awaiting_approval) return completed;
      return not_allowed(current, action, "it is not waiting for approval");
    case OrderAction::reject:
      if (current == awaiting_approval) return on_site;
      return not_allowed(current, action, "it is not waiting for approval");
    case OrderAction::cancel:
      if (customer) {
        if (any_of(current, {received, scheduled})) return cancelled;
        return not_allowed(current, action, "a crew is already on it: call us to stop it");
      }
      if (any_of(current, {received, scheduled, dispatched, en_route, failed})) return cancelled;
      return not_allowed(current, action, "the work has started on site");
    case OrderAction::fail:
      if (any_of(current, {dispatched, en_route, on_site})) return failed;
      // A remote command that did not work: the order needs a visit now.
      if (!context.needs_visit && any_of(current, {received, scheduled})) return failed;
      return not_allowed(current, action, "nobody is working on it");
  }
  return not_allowed(current, action, "unknown action");
}

}  // namespace rp::orders
