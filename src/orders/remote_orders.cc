#include "orders/remote_orders.h"

#include <map>
#include <vector>

#include "orders/orders.h"

namespace rp::orders {
namespace {

// How long a claimed command may wait for the head-end to take it before it counts as expired.
constexpr std::chrono::minutes kClaimExpiry{5};

struct ToSend {
  std::int64_t order_id = 0;
  std::string account_number;
  std::string command;
  std::vector<std::string> meters;
};

Result<std::vector<ToSend>> orders_to_send(store::Database& database, std::size_t limit) {
  return database.read<std::vector<ToSend>>(
      [&](store::Session& session) -> Result<std::vector<ToSend>> {
        auto rows =
            session.query_named("orders/remote_orders_to_send", {static_cast<std::int64_t>(limit)});
        RP_TRY(rows);
        std::vector<ToSend> orders;
        for (const store::Row& row : *rows) {
          if (orders.empty() || orders.back().order_id != row.integer("id")) {
            orders.push_back({row.integer("id"),
                              row.text("account_number"),
                              row.text("kind") == "disconnect" ? "disconnect" : "connect",
                              {}});
          }
          if (!row.is_null("serial")) orders.back().meters.push_back(row.text("serial"));
        }
        return orders;
      });
}

// Fails the order: it needs a field visit now.
Result<void> fall_back(store::Database& database, const std::string& account_number,
                       std::int64_t order_id, const std::string& reason) {
  auto account = AccountNumber::parse(account_number);
  RP_TRY(account);
  MoveRequest request;
  request.action = OrderAction::fail;
  request.actor_kind = Actor::system;
  request.note = reason + "; a field visit is needed";
  auto moved = move_order(database, *account, order_id, request, kHeadEndActor);
  if (!moved.ok() && moved.error().code != "order-move-not-allowed") return moved.error();
  return success();  // cancelled or moved by staff meanwhile: nothing more to do
}

Result<void> finish(store::Database& database, std::int64_t order_id, const std::string& status,
                    const std::string& reason) {
  return database.write_work([&](store::Session& session) -> Result<void> {
    RP_TRY(session.execute_named("orders/finish_command",
                                 {status, reason, format_instant(now()), order_id}));
    return success();
  });
}

Result<void> send_one(store::Database& database, HeadEnd& head_end, const ToSend& order,
                      RemotePass& pass) {
  if (order.meters.size() != 1) {
    ++pass.fell_back;
    return fall_back(database, order.account_number, order.order_id,
                     order.meters.empty()
                         ? "no meter on this service can be switched remotely"
                         : "more than one meter to switch: the head-end is asked for one");
  }
  const Instant sent_at = now();
  auto claimed = database.write<std::int64_t>([&](store::Session& session) {
    return session.execute_named("orders/claim_command",
                                 {order.order_id, order.command, order.meters.front(),
                                  format_instant(sent_at), format_instant(sent_at + kClaimExpiry)});
  });
  RP_TRY(claimed);
  if (*claimed == 0) return success();  // another server sent it
  auto accepted =
      head_end.send({order.command, order.meters.front(), order_number(order.order_id)});
  if (!accepted.ok() && accepted.error().kind == ErrorKind::unavailable) {
    // Not taken: the claim stays pending until its expiry, when the order falls back to a visit.
    ++pass.unreachable;
    return success();
  }
  if (!accepted.ok()) {
    ++pass.fell_back;
    RP_TRY(finish(database, order.order_id, "failed", accepted.error().message));
    return fall_back(database, order.account_number, order.order_id, accepted.error().message);
  }
  ++pass.sent;
  return database.write_work([&](store::Session& session) -> Result<void> {
    RP_TRY(session.execute_named(
        "orders/command_taken",
        {accepted->transaction_id, format_instant(accepted->expires_at), order.order_id}));
    return success();
  });
}

struct Pending {
  std::int64_t order_id = 0;
  std::string account_number;
  std::string transaction_id;  // "" when the head-end never took it
  Instant expires_at;
};

Result<std::vector<Pending>> pending_commands(store::Database& database, std::size_t limit) {
  return database.read<std::vector<Pending>>(
      [&](store::Session& session) -> Result<std::vector<Pending>> {
        auto rows =
            session.query_named("orders/pending_commands", {static_cast<std::int64_t>(limit)});
        RP_TRY(rows);
        std::vector<Pending> pending;
        for (const store::Row& row : *rows) {
          auto expires = parse_instant(row.text("expires_at"), "expires_at");
          RP_TRY(expires);
          pending.push_back({row.integer("order_id"), row.text("account_number"),
                             row.is_null("transaction_id") ? "" : row.text("transaction_id"),
                             *expires});
        }
        return pending;
      });
}

Result<void> ask_about(store::Database& database, HeadEnd& head_end, const Pending& command,
                       RemotePass& pass) {
  HeadEndOutcome outcome{"pending", ""};
  if (!command.transaction_id.empty()) {
    auto asked = head_end.outcome(command.transaction_id);
    if (!asked.ok() && asked.error().kind == ErrorKind::unavailable) {
      ++pass.unreachable;
      if (now() <= command.expires_at) return success();
    } else if (!asked.ok()) {
      outcome = {"failed", asked.error().message};
    } else {
      outcome = *asked;
    }
  }
  if (outcome.status == "succeeded") {
    RP_TRY(finish(database, command.order_id, "succeeded", ""));
    auto account = AccountNumber::parse(command.account_number);
    RP_TRY(account);
    MoveRequest request;
    request.action = OrderAction::complete;
    request.actor_kind = Actor::system;
    auto moved = move_order(database, *account, command.order_id, request, kHeadEndActor);
    if (!moved.ok() && moved.error().code != "order-move-not-allowed") return moved.error();
    if (moved.ok()) ++pass.completed;
    return success();
  }
  if (outcome.status == "pending" && now() <= command.expires_at) return success();
  const bool expired = outcome.status == "pending";
  const std::string reason =
      expired ? "the head-end did not confirm the command by " + format_instant(command.expires_at)
              : "the head-end could not do it: " +
                    (outcome.reason.empty() ? std::string("no reason given") : outcome.reason);
  ++pass.fell_back;
  RP_TRY(finish(database, command.order_id, expired ? "expired" : "failed", reason));
  return fall_back(database, command.account_number, command.order_id, reason);
}

}  // namespace

Result<RemotePass> run_remote_orders(store::Database& database, HeadEnd& head_end,
                                     std::size_t limit) {
  RemotePass pass;
  auto to_send = orders_to_send(database, limit);
  RP_TRY(to_send);
  for (const ToSend& order : *to_send) RP_TRY(send_one(database, head_end, order, pass));
  auto pending = pending_commands(database, limit);
  RP_TRY(pending);
  for (const Pending& command : *pending) RP_TRY(ask_about(database, head_end, command, pass));
  return pass;
}

}  // namespace rp::orders
