#pragma once
// Connects and disconnects done through the AMI head-end (head_end.h), for orders that need no
// visit. A scheduled job (every minute) runs one pass:
//  1. each such order not yet sent: its command is claimed in the database (one per order, so two
//     servers never send it twice), then sent; the head-end's transaction id and expiry are kept.
//     An order whose service has no AMI meter, or more than one, or that the head-end refuses,
//     falls back to a field visit at once;
//  2. each command waiting for an answer is asked about: succeeded completes the order (its work
//     done as any completion: the service point recorded connected or disconnected); failed, or no
//     answer by its expiry, fails the order with the reason, and it needs a field visit now (the
//     dispatcher's unscheduled list). A head-end that cannot be reached is asked again next pass.
// Every move is made by "system:head-end".

#include <cstddef>

#include "core/result.h"
#include "orders/head_end.h"
#include "store/database.h"

namespace rp::orders {

inline constexpr const char* kHeadEndActor = "system:head-end";

struct RemotePass {
  int sent = 0;         // commands the head-end took
  int completed = 0;    // orders completed from a command that succeeded
  int fell_back = 0;    // orders that need a visit now
  int unreachable = 0;  // sends or questions the head-end did not answer (tried again later)
};

// One pass over at most `limit` orders and `limit` pending commands. Errors: the database's.
Result<RemotePass> run_remote_orders(store::Database& database, HeadEnd& head_end,
                                     std::size_t limit = 200);

}  // namespace rp::orders
