#pragma once
// Writing and reading orders inside a caller's transaction, for the orders service's own files
// (applications.h writes an account and its order together). Internal to the orders service.

#include <cstdint>
#include <string>

#include "orders/orders.h"
#include "store/session.h"

namespace rp::orders {

// Inserts the order (received) with its "order.received" event; the caller has checked it.
Result<ServiceOrder> insert_order(store::Session& session, std::int64_t account_id,
                                  const NewOrder& order, const std::string& idempotency_key,
                                  const std::string& actor);

// Order `id` of account `account_id`, with its moves. Errors: not_found.
Result<ServiceOrder> read_order(store::Session& session, std::int64_t account_id, std::int64_t id);

}  // namespace rp::orders
