#pragma once
// How long writes are waiting now: the signal for admission control in front of the handlers
// (http/admission.h), and for batch work, which yields to customers' writes before any customer is
// refused.
//
// SQLite: the age of the oldest short write waiting for the writer's next group commit (the
// writer's queue). PostgreSQL: the age of the oldest caller waiting for a pooled connection.
// Zero when nothing waits.
//
// Batch yield: while the writer's delay is above `threshold`, a bulk write (Database::write_bulk)
// waits its turn (SQLite's writer serves the short writes instead; on PostgreSQL the bulk write
// waits before taking a connection), for at most `longest_hold` at a time, so batch work slows
// but never stops. The threshold is below the admission budget, so batch work is slowed first.

#include <chrono>

#include "store/database.h"

namespace rp::store {

struct BatchYield {
  std::chrono::microseconds threshold{0};  // 0: bulk writes never yield
  std::chrono::milliseconds longest_hold{2000};
};

// Engines that queue writes report their delay through this (the concrete databases implement it).
class WritePressure {
 public:
  virtual ~WritePressure() = default;
  virtual std::chrono::microseconds write_queue_delay() const = 0;
  virtual void set_batch_yield(BatchYield yield) = 0;
};

// The database's current write delay; zero for a database that keeps no queue.
std::chrono::microseconds write_queue_delay(const Database& database);

// Sets how bulk writes yield to short ones (see above). No effect on a database without a queue.
void set_batch_yield(Database& database, BatchYield yield);

}  // namespace rp::store
