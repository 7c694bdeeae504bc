#pragma once
// Service orders' rules, pure (no database): the kinds of order, the states an order moves through
// and which moves are allowed, by whom. The service (orders.h, to come) writes each move as an
// account event in the same transaction.
//
//   received -> scheduled -> dispatched -> en_route -> on_site -> completed
//
// with these ways out:
// - cancelled: by the customer while the order is received or scheduled (nobody is on the way);
//   by staff until the technician is on site.
// - failed (with a reason: no access, unsafe, meter missing, ...): from dispatched, en route or
//   on site; the order may be scheduled again from failed (a new visit).
// - an order that needs no visit (an AMI meter's read taken from its data, a remote connect or
//   disconnect through the head-end) completes from received or scheduled; a remote command that
//   fails falls back to a field visit (failed -> scheduled).
// - awaiting approval: an order whose result changes billing (a final or start read, a meter
//   exchange, install or remove), when the utility asks for a supervisor's approval, completes into
//   awaiting_approval; approving completes it, rejecting sends it back on site to be done again.
// - rescheduling: scheduled or dispatched back to scheduled with a new window.

#include <optional>
#include <string>
#include <string_view>

#include "core/result.h"

namespace rp::orders {

enum class OrderKind {
  start_service,  // move-in or a new customer
  stop_service,   // move-out
  transfer,       // stop here, start there, back to back
  new_connection,
  reconnect,
  disconnect,  // customer request, non-payment, safety
  meter_reread,
  meter_exchange,
  meter_install,
  meter_remove,
  investigate,  // high bill, leak, tamper
  other,
};

enum class OrderStatus {
  received,
  scheduled,
  dispatched,
  en_route,
  on_site,
  awaiting_approval,
  completed,
  cancelled,
  failed,
};

enum class OrderAction {
  schedule,    // give it an appointment window (also: again after failing)
  reschedule,  // a new window for a scheduled or dispatched order
  dispatch,    // to a crew
  depart,      // the crew is on its way
  arrive,      // on site
  complete,    // done; needs approval when `approval_required` and the kind changes billing
  approve,     // a supervisor accepts the result
  reject,      // a supervisor sends it back to be done again
  cancel,
  fail,
};

enum class Actor { customer, staff, system };

std::string_view kind_name(OrderKind kind);        // "start_service", ...
std::string_view status_name(OrderStatus status);  // "received", ...
std::string_view action_name(OrderAction action);  // "schedule", ...
std::optional<OrderKind> parse_kind(std::string_view name);
std::optional<OrderStatus> parse_status(std::string_view name);
std::optional<OrderAction> parse_action(std::string_view name);

// Whether completing an order of this kind changes what is billed (a read that starts or ends a
// period, a meter put in or taken out): these wait for approval when the utility asks for it.
bool changes_billing(OrderKind kind);

// Whether the order is over (completed or cancelled): nothing moves it again.
bool is_closed(OrderStatus status);

struct MoveContext {
  Actor actor = Actor::staff;
  bool needs_visit = true;         // false: completes from received or scheduled
  bool approval_required = false;  // the utility's setting, for kinds that change billing
};

// The state `action` moves an order of `kind` from `current` to. Errors: conflict (code
// "order-move-not-allowed") naming the status and the action when the move is not allowed from
// there or not by this actor.
Result<OrderStatus> move(OrderKind kind, OrderStatus current, OrderAction action,
                         const MoveContext& context);

}  // namespace rp::orders
